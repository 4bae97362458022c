/**
 * Translating a code of another classification into today's occupations: which crosswalk rows to follow for each
 * system, the path each translation takes, and how its steps relate (one-to-one, split, merged, narrower,
 * broader). Reads through the request's loaders, so every lookup is batched; knows nothing of GraphQL.
 */
import type { Loaders } from '../loaders';
import { escoCrosswalkFile, onetSocCrosswalkFile, socCrosswalkFile } from '../store/crosswalk-files';
import type { EscoMappingRow, MappingCounts } from '../store/crosswalk-queries';

export type CodeSystemName = 'SOC_2010' | 'ONET_SOC_2010' | 'SOC_2018' | 'ONET_SOC_2019' | 'ISCO_08' | 'ESCO';
export type Relation = 'ONE_TO_ONE' | 'SPLIT' | 'MERGED' | 'SPLIT_AND_MERGED' | 'NARROWER' | 'BROADER';

export interface TranslationStep {
  system: CodeSystemName;
  code: string;
  title: string | null;
  /** How this code relates to the step before; null on the first step. */
  relation: Relation | null;
  /** The crosswalk that led here; null on the first step. */
  sourceId: string | null;
  /** Nesta's confidence, on the ESCO -> O*NET-SOC 2010 step only. */
  confidence: number | null;
}

export interface Translation {
  occupationCode: string;
  relation: Relation;
  path: TranslationStep[];
  /** The crosswalk the translation starts from. */
  sourceId: string;
}

/** A code another classification gives an occupation (`Occupation.crosswalks`), with the crosswalk it comes from. */
export interface CrosswalkCodeShape {
  code: string;
  title: string;
  sourceId: string;
}

/** An ISCO-08 unit group of an occupation's ESCO occupations, with the crosswalk it comes from. */
export interface IscoCodeShape {
  code: string;
  sourceId: string;
}

/** The source ids of the crosswalk files, the only ones (with the O*NET release) a translation can name. */
export const CROSSWALK_SOURCE_IDS = [socCrosswalkFile.sourceId, onetSocCrosswalkFile.sourceId, escoCrosswalkFile.sourceId];

/** The attribution each crosswalk's provenance asks for wherever it is served (data/crosswalks/PROVENANCE.md). */
export const CROSSWALK_ATTRIBUTION =
  '2018 SOC crosswalk: U.S. Bureau of Labor Statistics. O*NET-SOC taxonomy crosswalk: O*NET by USDOL/ETA, CC BY 4.0. ' +
  'ESCO ↔ O*NET crosswalk: Nesta, Mapping Career Causeways (Kanders, Djumalieva, Sleeman and Orlik, 2020), MIT; ' +
  'ESCO labels © European Union, CC BY 4.0.';

/** One-to-one, split, merged or both, from how many codes stand on each side of a mapping row. */
export function relationOf(counts: MappingCounts): Relation {
  const split = counts.successor_count > 1;
  const merged = counts.predecessor_count > 1;
  return split && merged ? 'SPLIT_AND_MERGED' : split ? 'SPLIT' : merged ? 'MERGED' : 'ONE_TO_ONE';
}

/** Whether a step relation divides the code (split-like) and whether it joins codes (merge-like). */
const KIND: Record<Relation, { splits: boolean; merges: boolean }> = {
  ONE_TO_ONE: { splits: false, merges: false },
  SPLIT: { splits: true, merges: false },
  NARROWER: { splits: true, merges: false },
  MERGED: { splits: false, merges: true },
  BROADER: { splits: false, merges: true },
  SPLIT_AND_MERGED: { splits: true, merges: true },
};

/** A path's relation: one-to-one if every step is, the one other kind if only one occurs, else by what the steps do. */
export function pathRelation(path: readonly TranslationStep[]): Relation {
  const kinds = [...new Set(path.flatMap((s) => (s.relation === null || s.relation === 'ONE_TO_ONE' ? [] : [s.relation])))];
  const [only] = kinds;
  if (only === undefined) return 'ONE_TO_ONE';
  if (kinds.length === 1) return only;
  const splits = kinds.some((k) => KIND[k].splits);
  const merges = kinds.some((k) => KIND[k].merges);
  return splits && merges ? 'SPLIT_AND_MERGED' : splits ? 'SPLIT' : 'MERGED';
}

const first = (system: CodeSystemName, code: string, title: string | null): TranslationStep => ({
  system, code, title, relation: null, sourceId: null, confidence: null,
});

const step = (
  system: CodeSystemName, code: string, title: string | null, relation: Relation, sourceId: string, confidence: number | null = null,
): TranslationStep => ({ system, code, title, relation, sourceId, confidence });

const flat = async <T, R>(items: readonly T[], map: (item: T) => Promise<R[]>): Promise<R[]> => (await Promise.all(items.map(map))).flat();

/** Extends paths that end at an O*NET-SOC 2010 code to the 2019 codes O*NET's taxonomy crosswalk maps it to. */
function throughTaxonomy(loaders: Loaders, paths: TranslationStep[][]): Promise<TranslationStep[][]> {
  return flat(paths, async (path) => {
    const last = path.at(-1) as TranslationStep;
    const rows = await loaders.onetSocCrosswalkBy2010Code.load(last.code);
    return rows.map((r) => [...path, step('ONET_SOC_2019', r.onet2019_code, r.onet2019_title, relationOf(r), r.source_id)]);
  });
}

/** ESCO occupations as paths ending at Nesta's O*NET-SOC 2010 code, after the given prefix. */
const escoPaths = (rows: readonly EscoMappingRow[], prefix: (row: EscoMappingRow) => TranslationStep[]) =>
  rows.map((r) => [
    ...prefix(r),
    step('ONET_SOC_2010', r.onet2010_code, r.onet2010_title, r.shared_count > 1 ? 'BROADER' : 'ONE_TO_ONE', r.source_id, r.confidence),
  ]);

async function paths(system: CodeSystemName, code: string, loaders: Loaders, onetSourceId: string): Promise<TranslationStep[][]> {
  switch (system) {
    case 'ONET_SOC_2019': {
      const occupation = await loaders.occupationByCode.load(code);
      return occupation === null ? [] : [[first(system, code, occupation.title)]];
    }
    case 'SOC_2018': {
      const [occupations, blsRows] = await Promise.all([loaders.occupationsBySocCode.load(code), loaders.socCrosswalkBy2018Code.load(code)]);
      const relation = occupations.length > 1 ? 'NARROWER' : 'ONE_TO_ONE';
      return occupations.map((o) => [first(system, code, blsRows[0]?.soc2018_title ?? null), step('ONET_SOC_2019', o.code, o.title, relation, onetSourceId)]);
    }
    case 'SOC_2010':
      return flat(await loaders.socCrosswalkBy2010Code.load(code), async (r) => {
        const occupations = await loaders.occupationsBySocCode.load(r.soc2018_code);
        const relation = occupations.length > 1 ? 'NARROWER' : 'ONE_TO_ONE';
        return occupations.map((o) => [
          first(system, code, r.soc2010_title),
          step('SOC_2018', r.soc2018_code, r.soc2018_title, relationOf(r), r.source_id),
          step('ONET_SOC_2019', o.code, o.title, relation, onetSourceId),
        ]);
      });
    case 'ONET_SOC_2010': {
      const rows = await loaders.onetSocCrosswalkBy2010Code.load(code);
      return throughTaxonomy(loaders, rows.length === 0 ? [] : [[first(system, code, rows[0]?.onet2010_title ?? null)]]);
    }
    case 'ESCO':
      return throughTaxonomy(loaders, escoPaths(await loaders.escoCrosswalkByUri.load(code), (r) => [first(system, code, r.label)]));
    case 'ISCO_08': {
      const rows = await loaders.escoCrosswalkByIscoCode.load(code);
      const relation = rows.length > 1 ? 'NARROWER' : 'ONE_TO_ONE';
      return throughTaxonomy(loaders, escoPaths(rows, (r) => [first(system, code, null), step('ESCO', r.uri, r.label, relation, r.source_id)]));
    }
  }
}

/**
 * Every translation of a well-formed code, in the crosswalk files' row order. Paths ending at a code the store
 * does not serve (none in O*NET 30.1 or 30.2) are left out, as the occupation they would name does not exist here.
 */
export async function translate(system: CodeSystemName, code: string, loaders: Loaders, onetSourceId: string): Promise<Translation[]> {
  const found = await paths(system, code, loaders, onetSourceId);
  const served = await Promise.all(found.map((path) => loaders.occupationByCode.load((path.at(-1) as TranslationStep).code)));
  return found.flatMap((path, i) =>
    served[i] == null
      ? []
      : [{ occupationCode: (path.at(-1) as TranslationStep).code, relation: pathRelation(path), path, sourceId: path[1]?.sourceId ?? onetSourceId }],
  );
}
