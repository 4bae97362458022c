/**
 * One DataLoader per (table, lookup key), named <thing>By<Key>. A fresh set is made for every request, so
 * nothing is cached across requests. Each batch runs one query, and results are regrouped through a Map so
 * duplicate and missing keys stay right ("values the same length and order as keys").
 */
import DataLoader from 'dataloader';
import type { CareerProfile } from '../careers/similarity';
import { groupBy } from '../group-by';
import * as cw from '../store/crosswalk-queries';
import * as careers from '../store/careers';
import { readFrameworkDocument } from '../store/framework-document';
import * as q from '../store/queries';
import type { Db } from '../store/queries';

export function groupedLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

function uniqueLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const byKey = new Map<K, R>();
    // For keys that match several rows (a SOC code over several occupations) the first row wins: queries order
    // their rows so that the first is the canonical one.
    for (const row of await fetch(keys)) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

const byOccupation = <R extends { occupation_code: string }>(fetch: (db: Db, codes: readonly string[]) => Promise<R[]>, db: Db) =>
  groupedLoader<string, R>((codes) => fetch(db, codes), (row) => row.occupation_code);

export function createLoaders(db: Db) {
  return {
    occupationByCode: uniqueLoader((codes: readonly string[]) => q.occupationsByCode(db, codes), (o) => o.code),
    occupationBySocCode: uniqueLoader(
      (socCodes: readonly string[]) => q.occupationsBySocCode(db, socCodes),
      (o) => o.soc_code,
    ),
    jobZoneByZone: uniqueLoader((zones: readonly number[]) => q.jobZonesByZone(db, zones), (z) => z.zone),
    alternateTitlesByOccupation: byOccupation(q.alternateTitlesByOccupation, db),
    reportedTitlesByOccupation: byOccupation(q.reportedTitlesByOccupation, db),
    tasksByOccupation: byOccupation(q.tasksByOccupation, db),
    technologySkillsByOccupation: byOccupation(q.technologySkillsByOccupation, db),
    toolsByOccupation: byOccupation(q.toolsByOccupation, db),
    educationByOccupation: byOccupation(q.educationByOccupation, db),
    relatedOccupationsByOccupation: byOccupation(q.relatedOccupationsByOccupation, db),
    skillScoresByOccupation: byOccupation((d, codes) => q.elementScoresByOccupation(d, 'skill', codes), db),
    knowledgeScoresByOccupation: byOccupation((d, codes) => q.elementScoresByOccupation(d, 'knowledge', codes), db),
    workStyleScoresByOccupation: byOccupation((d, codes) => q.elementScoresByOccupation(d, 'work_style', codes), db),
    interestScoresByOccupation: byOccupation((d, codes) => q.elementScoresByOccupation(d, 'interest', codes), db),
    workValueScoresByOccupation: byOccupation((d, codes) => q.elementScoresByOccupation(d, 'work_value', codes), db),
    emergingTasksByOccupation: byOccupation(q.emergingTasksByOccupation, db),
    // Keyed by `from`, `to` and code joined with tabs: one statement per pair of releases in a batch.
    releaseChangesByOccupation: groupedLoader(async (keys: readonly string[]) => {
      const byPair = groupBy(keys.map((key) => key.split('\t') as [string, string, string]), ([from, to]) => `${from}\t${to}`);
      const batches = [...byPair.values()].map((group) => {
        const [from, to] = group[0] as [string, string, string];
        return q.releaseChangesByOccupation(db, from, to, group.map(([, , code]) => code));
      });
      return (await Promise.all(batches)).flat();
    }, (change) => `${change.from_release}\t${change.to_release}\t${change.occupation_code ?? ''}`),
    frameworkByOccupation: uniqueLoader((codes: readonly string[]) => q.frameworksByOccupation(db, codes), (f) => f.occupation_code),
    // A framework's lists as served, one stored document each (src/store/framework-document.ts).
    frameworkDocumentByOccupation: uniqueLoader(
      async (codes: readonly string[]) => (await q.frameworkDocumentsByOccupation(db, codes)).map((row) => readFrameworkDocument(row.document)),
      (document) => document.occupationCode,
    ),
    // Which framework a statement id belongs to, for checking a suggested correction's target.
    frameworkStatementById: uniqueLoader((ids: readonly string[]) => q.frameworkStatementsById(db, ids), (s) => s.id),
    sourceById: uniqueLoader((ids: readonly string[]) => q.sourcesById(db, ids), (s) => s.id),
    // Crosswalks from other classifications (src/store/crosswalk-queries.ts).
    occupationsBySocCode: groupedLoader((socCodes: readonly string[]) => q.occupationsBySocCode(db, socCodes), (o) => o.soc_code),
    socCrosswalkBy2010Code: groupedLoader((codes: readonly string[]) => cw.socCrosswalkBy2010Code(db, codes), (r) => r.soc2010_code),
    socCrosswalkBy2018Code: groupedLoader((codes: readonly string[]) => cw.socCrosswalkBy2018Code(db, codes), (r) => r.soc2018_code),
    onetSocCrosswalkBy2010Code: groupedLoader((codes: readonly string[]) => cw.onetSocCrosswalkBy2010Code(db, codes), (r) => r.onet2010_code),
    onetSocCrosswalkBy2019Code: groupedLoader((codes: readonly string[]) => cw.onetSocCrosswalkBy2019Code(db, codes), (r) => r.onet2019_code),
    escoCrosswalkByUri: groupedLoader((uris: readonly string[]) => cw.escoCrosswalkByUri(db, uris), (r) => r.uri),
    escoCrosswalkByIscoCode: groupedLoader((codes: readonly string[]) => cw.escoCrosswalkByIscoCode(db, codes), (r) => r.isco_code),
    escoCrosswalkByOccupation: byOccupation(cw.escoCrosswalkByOccupation, db),
    // Career moves and comparisons (src/store/careers.ts); a profile is stored as JSON (src/careers/profile.ts).
    careerProfileByOccupation: uniqueLoader(
      async (codes: readonly string[]) => (await careers.careerProfilesByOccupation(db, codes)).map((row) => JSON.parse(row.profile) as CareerProfile),
      (profile) => profile.code,
    ),
    careerMovesByOccupation: groupedLoader((codes: readonly string[]) => careers.careerMovesByOccupation(db, codes), (m) => m.occupation_code),
    careerMovesIntoOccupation: groupedLoader((codes: readonly string[]) => careers.careerMovesIntoOccupation(db, codes), (m) => m.move_code),
    careerRatingsByOccupation: byOccupation(careers.careerRatingsByOccupation, db),
    workActivitiesByOccupation: byOccupation(careers.workActivitiesByOccupation, db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Loads a row that the store's foreign keys say must exist (a framework's occupation, a citation's source), for a
 * non-null field: a missing one is a broken store, reported as an internal error naming `what`.
 */
export async function loadRequired<K, R>(loader: DataLoader<K, R | null>, key: K, what: string): Promise<R> {
  const row = await loader.load(key);
  if (row === null) throw new Error(`${what} ${String(key)} is missing from the store`);
  return row;
}
