/**
 * Resolvers for codes of other classifications: `translateCode` (checks the code's format, then
 * src/crosswalks/translate.ts) and `Occupation.crosswalks`, whose lists are read through batched loaders.
 */
import type { CodeSystem, OccupationResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { CodeSystemName, TranslationStep } from '../crosswalks/translate';
import { translate } from '../crosswalks/translate';
import { badUserInput, quoted } from '../errors';
import { loadRequired } from '../loaders';
import { CODE_FORMATS } from '../store/crosswalk-files';
import { ids } from './ids';
import { releaseSourceIds } from './source';

/** A step on a translation's path with its id, which needs the whole path (`CodeTranslationStep.id`). */
export type IdentifiedStep = TranslationStep & { id: string };

/** The source id of the served O*NET release: SOC 2018 and O*NET-SOC 2019 steps come from its taxonomy. */
const servedReleaseSource = (meta: ReadonlyMap<string, string>) => releaseSourceIds(meta, [meta.get('onet_release') ?? ''])[0] ?? '';

/** The format each system's codes take, as the store's importer checks them. */
const FORMAT_OF: Record<CodeSystemName, { pattern: RegExp; expected: string }> = {
  SOC_2010: CODE_FORMATS.soc,
  SOC_2018: CODE_FORMATS.soc,
  ONET_SOC_2010: CODE_FORMATS.onetSoc,
  ONET_SOC_2019: CODE_FORMATS.onetSoc,
  ISCO_08: CODE_FORMATS.isco08,
  ESCO: CODE_FORMATS.escoUri,
};

function checkCode(system: CodeSystem, value: string): string {
  const code = value.trim();
  const format = FORMAT_OF[system];
  if (!format.pattern.test(code)) {
    throw badUserInput('code', `Argument "code" must be ${format.expected} for system ${system}; got ${quoted(value)}.`);
  }
  return code;
}

export const crosswalksQuery: Resolvers['Query'] = {
  translateCode: (_, { system, code }, { loaders, store }) =>
    translate(system, checkCode(system, code), loaders, servedReleaseSource(store.meta)),
};

export const occupationCrosswalks: OccupationResolvers = {
  crosswalks: (o) => o,
};

export const crosswalksResolvers: Resolvers = {
  CodeTranslation: {
    path: (t) => t.path.map((step, i): IdentifiedStep => ({ ...step, id: `${ids.translation(t.path)}/steps/${i + 1}` })),
    occupation: (t, _, { loaders }) => loadRequired(loaders.occupationByCode, t.occupationCode, 'translated occupation'),
    source: (t, _, { loaders }) => loadRequired(loaders.sourceById, t.sourceId, 'crosswalk source'),
  },
  CodeTranslationStep: {
    source: (s, _, { loaders }) => (s.sourceId === null ? null : loadRequired(loaders.sourceById, s.sourceId, 'crosswalk source')),
  },
  OccupationCrosswalks: {
    soc2010: async (o, _, { loaders }) =>
      (await loaders.socCrosswalkBy2018Code.load(o.soc_code)).map((r) => ({ code: r.soc2010_code, title: r.soc2010_title, sourceId: r.source_id })),
    onetSoc2010: async (o, _, { loaders }) =>
      (await loaders.onetSocCrosswalkBy2019Code.load(o.code)).map((r) => ({ code: r.onet2010_code, title: r.onet2010_title, sourceId: r.source_id })),
    isco08: async (o, _, { loaders }) => {
      const rows = await loaders.escoCrosswalkByOccupation.load(o.code);
      const sourceByCode = new Map(rows.map((r) => [r.isco_code, r.source_id]));
      return [...sourceByCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, sourceId]) => ({ code, sourceId }));
    },
    esco: (o, _, { loaders }) => loaders.escoCrosswalkByOccupation.load(o.code),
  },
  ClassificationCode: {
    source: (c, _, { loaders }) => loadRequired(loaders.sourceById, c.sourceId, 'crosswalk source'),
  },
  IscoCode: {
    source: (c, _, { loaders }) => loadRequired(loaders.sourceById, c.sourceId, 'crosswalk source'),
  },
  EscoOccupation: {
    iscoCode: (e) => e.isco_code,
    source: (e, _, { loaders }) => loadRequired(loaders.sourceById, e.source_id, 'crosswalk source'),
  },
};
