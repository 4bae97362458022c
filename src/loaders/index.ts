/**
 * One DataLoader per (table, lookup key), named <thing>By<Key>. A fresh set is made for every request. Each batch
 * runs one query, and results are regrouped through a Map so duplicate and missing keys stay right ("values the
 * same length and order as keys"). Where the store holds rows for its life (src/store/held-rows.ts), a batch first
 * takes the keys held there and queries only the rest, still in one statement; what it reads is then held.
 */
import DataLoader from 'dataloader';
import { groupBy } from '../group-by';
import * as ai from '../store/ai-exposure-queries';
import * as cw from '../store/crosswalk-queries';
import * as careers from '../store/careers';
import { readFrameworkDocument } from '../store/framework-document';
import type { HeldRows } from '../store/held-rows';
import * as lm from '../store/labor-market-queries';
import * as observed from '../store/observed-moves';
import * as q from '../store/queries';
import type { Db } from '../store/queries';
import { heldCards, holdCard } from './held-cards';

type Batch<K, V> = (keys: readonly K[]) => Promise<V[]>;

/**
 * Where a loader keeps what it read for the life of the store: the value held for a key (undefined where none is;
 * a held value may be null, a key known to have no row), and holding a value read.
 */
interface Holder<V> {
  get(key: string): V | undefined;
  hold(key: string, value: V): void;
}

/** `batch` for the keys not held yet, still in one call; every value it reads is handed to `holder`. */
function holding<K, V>(batch: Batch<K, V>, holder: Holder<V>): Batch<K, V> {
  return async (keys) => {
    const values = new Array<V>(keys.length);
    const missing: K[] = [];
    const missingAt: number[] = [];
    keys.forEach((key, i) => {
      const held = holder.get(String(key));
      if (held === undefined) {
        missing.push(key);
        missingAt.push(i);
      } else values[i] = held;
    });
    if (missing.length > 0) {
      const read = await batch(missing);
      read.forEach((value, j) => {
        values[missingAt[j]!] = value;
        holder.hold(String(missing[j]), value);
      });
    }
    return values;
  };
}

export function groupedLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K, held?: Holder<R[]>): DataLoader<K, R[]> {
  const batch: Batch<K, R[]> = async (keys) => {
    const groups = groupBy(await fetch(keys), keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  };
  return new DataLoader<K, R[]>(held === undefined ? batch : holding(batch, held));
}

function uniqueLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K, held?: Holder<R | null>): DataLoader<K, R | null> {
  const batch: Batch<K, R | null> = async (keys) => {
    const byKey = new Map<K, R>();
    // For keys that match several rows (a SOC code over several occupations) the first row wins: queries order
    // their rows so that the first is the canonical one.
    for (const row of await fetch(keys)) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  };
  return new DataLoader<K, R | null>(held === undefined ? batch : holding(batch, held));
}

/**
 * `name`'s values held in the store's held rows (src/store/held-rows.ts), or nowhere where it holds none. `weight`:
 * what one value counts against their bound, in rows; by default an array's length, else 1.
 */
function as<V>(held: HeldRows | undefined, name: string, weight?: number): Holder<V> | undefined {
  if (held === undefined || !held.enabled) return undefined;
  return {
    get: (key) => held.get(`${name}:${key}`)?.value as V | undefined,
    hold: (key, value) => held.set(`${name}:${key}`, value, weight ?? (Array.isArray(value) ? Math.max(1, value.length) : 1)),
  };
}

/** Career cards held parsed in their own home (held-cards.ts), or nowhere where the store holds none. */
function asCards(held: HeldRows | undefined): Holder<careers.CareerCard | null> | undefined {
  const cards = heldCards(held);
  if (cards === undefined) return undefined;
  return {
    get: (code) => cards.get(code),
    hold: (_, card) => {
      if (card !== null) holdCard(cards, card);
    },
  };
}

/** A loader of an occupation's rows of one kind, held under `name`. */
const byOccupation = <R extends { occupation_code: string }>(db: Db, held: HeldRows | undefined, name: string, fetch: (db: Db, codes: readonly string[]) => Promise<R[]>) =>
  groupedLoader<string, R>((codes) => fetch(db, codes), (row) => row.occupation_code, as(held, name));

/** How each loader is made, from the request's view of the store and the rows the store holds for its life. */
const factories = {
  occupationByCode: (db, held) => uniqueLoader((codes: readonly string[]) => q.occupationsByCode(db, codes), (o) => o.code, as(held, 'occupation')),
  occupationBySocCode: (db, held) => uniqueLoader(
    (socCodes: readonly string[]) => q.occupationsBySocCode(db, socCodes),
    (o) => o.soc_code,
    as(held, 'occupationBySoc'),
  ),
  jobZoneByZone: (db, held) => uniqueLoader((zones: readonly number[]) => q.jobZonesByZone(db, zones), (z) => z.zone, as(held, 'jobZone')),
  alternateTitlesByOccupation: (db, held) => byOccupation(db, held, 'alternateTitles', q.alternateTitlesByOccupation),
  reportedTitlesByOccupation: (db, held) => byOccupation(db, held, 'reportedTitles', q.reportedTitlesByOccupation),
  tasksByOccupation: (db, held) => byOccupation(db, held, 'tasks', q.tasksByOccupation),
  technologySkillsByOccupation: (db, held) => byOccupation(db, held, 'technology', q.technologySkillsByOccupation),
  toolsByOccupation: (db, held) => byOccupation(db, held, 'tools', q.toolsByOccupation),
  educationByOccupation: (db, held) => byOccupation(db, held, 'education', q.educationByOccupation),
  relatedOccupationsByOccupation: (db, held) => byOccupation(db, held, 'related', q.relatedOccupationsByOccupation),
  skillScoresByOccupation: (db, held) => byOccupation(db, held, 'skills', (d, codes) => q.elementScoresByOccupation(d, 'skill', codes)),
  knowledgeScoresByOccupation: (db, held) => byOccupation(db, held, 'knowledge', (d, codes) => q.elementScoresByOccupation(d, 'knowledge', codes)),
  workStyleScoresByOccupation: (db, held) => byOccupation(db, held, 'workStyles', (d, codes) => q.elementScoresByOccupation(d, 'work_style', codes)),
  interestScoresByOccupation: (db, held) => byOccupation(db, held, 'interests', (d, codes) => q.elementScoresByOccupation(d, 'interest', codes)),
  workValueScoresByOccupation: (db, held) => byOccupation(db, held, 'workValues', (d, codes) => q.elementScoresByOccupation(d, 'work_value', codes)),
  emergingTasksByOccupation: (db, held) => byOccupation(db, held, 'emergingTasks', q.emergingTasksByOccupation),
  // The rest of the O*NET model (schema/onet-model.graphql): each occupation's certification ratings, job zone
  // assignment and task-to-DWA links, and the reference rows they name (elements, anchors, IWAs, UNSPSC commodities).
  certificationScoresByOccupation: (db, held) => byOccupation(db, held, 'certification', (d, codes) => q.elementScoresByOccupation(d, 'education', codes)),
  jobZoneAssignmentByOccupation: (db, held) => uniqueLoader((codes: readonly string[]) => q.jobZoneAssignmentsByOccupation(db, codes), (a) => a.occupation_code, as(held, 'jobZoneAssignment')),
  workActivityLinksByOccupation: (db, held) => byOccupation(db, held, 'workActivityLinks', q.workActivityLinksByOccupation),
  contentElementById: (db, held) => uniqueLoader((ids: readonly string[]) => q.contentElementsById(db, ids), (e) => e.id, as(held, 'element')),
  levelAnchorsByElement: (db, held) => groupedLoader((ids: readonly string[]) => q.levelAnchorsByElement(db, ids), (a) => a.element_id, as(held, 'levelAnchors')),
  intermediateWorkActivityById: (db, held) => uniqueLoader((ids: readonly string[]) => q.iwasById(db, ids), (i) => i.id, as(held, 'iwa')),
  unspscByCommodity: (db, held) => uniqueLoader((codes: readonly number[]) => q.unspscByCommodity(db, codes), (u) => u.commodity_code, as(held, 'unspsc')),
  // Keyed by `from`, `to` and code joined with tabs: one statement per pair of releases in a batch.
  releaseChangesByOccupation: (db, held) => groupedLoader(
    async (keys: readonly string[]) => {
      const byPair = groupBy(keys.map((key) => key.split('\t') as [string, string, string]), ([from, to]) => `${from}\t${to}`);
      const batches = [...byPair.values()].map((group) => {
        const [from, to] = group[0] as [string, string, string];
        return q.releaseChangesByOccupation(db, from, to, group.map(([, , code]) => code));
      });
      return (await Promise.all(batches)).flat();
    },
    (change) => `${change.from_release}\t${change.to_release}\t${change.occupation_code ?? ''}`,
    as(held, 'releaseChanges'),
  ),
  frameworkByOccupation: (db, held) => uniqueLoader((codes: readonly string[]) => q.frameworksByOccupation(db, codes), (f) => f.occupation_code, as(held, 'framework')),
  // A framework's lists as served, one stored document each (src/store/framework-document.ts).
  frameworkDocumentByOccupation: (db, held) => uniqueLoader(
    async (codes: readonly string[]) => (await q.frameworkDocumentsByOccupation(db, codes)).map((row) => readFrameworkDocument(row.document)),
    (document) => document.occupationCode,
    // Parsed, a framework's ~70 KB document takes about what a thousand held rows do.
    as(held, 'frameworkDocument', 1000),
  ),
  // Which framework a statement id belongs to, for checking a suggested correction's target.
  frameworkStatementById: (db, held) => uniqueLoader((ids: readonly string[]) => q.frameworkStatementsById(db, ids), (s) => s.id, as(held, 'frameworkStatement')),
  sourceById: (db, held) => uniqueLoader((ids: readonly string[]) => q.sourcesById(db, ids), (s) => s.id, as(held, 'source')),
  // Not held for the life of the store (issue 11 did not measure them).
  // Crosswalks from other classifications (src/store/crosswalk-queries.ts).
  occupationsBySocCode: (db) => groupedLoader((socCodes: readonly string[]) => q.occupationsBySocCode(db, socCodes), (o) => o.soc_code),
  socCrosswalkBy2010Code: (db) => groupedLoader((codes: readonly string[]) => cw.socCrosswalkBy2010Code(db, codes), (r) => r.soc2010_code),
  socCrosswalkBy2018Code: (db) => groupedLoader((codes: readonly string[]) => cw.socCrosswalkBy2018Code(db, codes), (r) => r.soc2018_code),
  onetSocCrosswalkBy2010Code: (db) => groupedLoader((codes: readonly string[]) => cw.onetSocCrosswalkBy2010Code(db, codes), (r) => r.onet2010_code),
  onetSocCrosswalkBy2019Code: (db) => groupedLoader((codes: readonly string[]) => cw.onetSocCrosswalkBy2019Code(db, codes), (r) => r.onet2019_code),
  escoCrosswalkByUri: (db) => groupedLoader((uris: readonly string[]) => cw.escoCrosswalkByUri(db, uris), (r) => r.uri),
  escoCrosswalkByIscoCode: (db) => groupedLoader((codes: readonly string[]) => cw.escoCrosswalkByIscoCode(db, codes), (r) => r.isco_code),
  escoCrosswalkByOccupation: (db) => groupedLoader((codes: readonly string[]) => cw.escoCrosswalkByOccupation(db, codes), (r) => r.occupation_code),
  // Career moves and comparisons (src/store/careers.ts): a comparison reads each occupation's profile and card
  // (ratings and activities, written at store build) in one statement, and holds it parsed apart from the held
  // rows (held-cards.ts): in the held rows, 1,016 cards made that bound churn (docs/performance.md).
  careerCardByOccupation: (db, held) => uniqueLoader((codes: readonly string[]) => careers.careerCardsByOccupation(db, codes), (card) => card.code, asCards(held)),
  careerMovesByOccupation: (db) => groupedLoader((codes: readonly string[]) => careers.careerMovesByOccupation(db, codes), (m) => m.occupation_code),
  careerMovesIntoOccupation: (db) => groupedLoader((codes: readonly string[]) => careers.careerMovesIntoOccupation(db, codes), (m) => m.move_code),
  careerLikelyMovesByOccupation: (db) => groupedLoader((codes: readonly string[]) => careers.careerLikelyMovesByOccupation(db, codes), (m) => m.occupation_code),
  careerLikelyMovesIntoOccupation: (db) => groupedLoader((codes: readonly string[]) => careers.careerLikelyMovesIntoOccupation(db, codes), (m) => m.move_code),
  // Observed moves (src/store/observed-moves.ts): a unit's rows are few and the same for every request.
  observedOccupationByCode: (db, held) => uniqueLoader((codes: readonly string[]) => observed.observedOccupationsByCode(db, codes), (r) => r.occupation_code, as(held, 'observedOccupation')),
  observedOccupationsByUnit: (db, held) => groupedLoader((units: readonly string[]) => observed.observedOccupationsByUnit(db, units), (r) => r.unit_code ?? '', as(held, 'observedOccupations')),
  observedUnitByCode: (db, held) => uniqueLoader((codes: readonly string[]) => observed.observedUnitsByCode(db, codes), (u) => u.code, as(held, 'observedUnit')),
  observedUnitCodesByUnit: (db, held) => groupedLoader((units: readonly string[]) => observed.observedUnitCodesByUnit(db, units), (c) => c.unit_code, as(held, 'observedUnitCodes')),
  observedMovesByUnit: (db, held) => groupedLoader((units: readonly string[]) => observed.observedMovesByUnit(db, units), (m) => m.unit_code, as(held, 'observedMoves')),
  // Pay and demand (src/store/labor-market-queries.ts): an occupation's BLS rows by its SOC code (its own row or its
  // aggregate's), and the SOC codes a BLS code covers.
  oewsEstimateBySocCode: (db, held) => uniqueLoader((socCodes: readonly string[]) => lm.oewsEstimatesBySocCode(db, socCodes), (r) => r.soc_code, as(held, 'oewsEstimate')),
  projectionBySocCode: (db, held) => uniqueLoader((socCodes: readonly string[]) => lm.projectionsBySocCode(db, socCodes), (r) => r.soc_code, as(held, 'projection')),
  socCodesByLaborCode: (db, held) => groupedLoader((codes: readonly string[]) => lm.socCodesByLaborCode(db, codes), (r) => r.code, as(held, 'laborCoverage')),
  // AI exposure (src/store/ai-exposure-queries.ts): an occupation's published figures, why a source has none, and
  // its tasks with what the task-level sources say of each.
  aiMeasuresByOccupation: (db, held) => byOccupation(db, held, 'aiMeasures', ai.aiMeasuresByOccupation),
  aiCoverageGapsByOccupation: (db, held) => byOccupation(db, held, 'aiCoverageGaps', ai.aiCoverageGapsByOccupation),
  aiTaskExposureByOccupation: (db, held) => byOccupation(db, held, 'aiTaskExposure', ai.aiTaskExposureByOccupation),
} satisfies Record<string, (db: Db, held: HeldRows | undefined) => DataLoader<never, unknown>>;

export type Loaders = { readonly [Name in keyof typeof factories]: ReturnType<(typeof factories)[Name]> };

/**
 * A request's loaders, each made the first time a resolver asks for it: most requests use a few of them, and making
 * all of them for every request was most of what a small request allocated (docs/performance.md, "Career moves").
 */
class RequestLoaders {
  constructor(
    readonly db: Db,
    readonly held: HeldRows | undefined,
  ) {}
}
for (const [name, make] of Object.entries(factories)) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      const loader = make(this.db, this.held);
      Object.defineProperty(this, name, { value: loader });
      return loader;
    },
  });
}

/** `held`: the store's rows held for its life; without it, every batch reads the store. */
export function createLoaders(db: Db, held?: HeldRows): Loaders {
  // The getters above give RequestLoaders every name of Loaders, each typed by its factory.
  return new RequestLoaders(db, held) as unknown as Loaders;
}

/** Every loader's name, for code that wraps them all (the bench's in-memory bound). */
export const loaderNames = Object.keys(factories) as (keyof Loaders)[];

/**
 * Loads a row that the store's foreign keys say must exist (a framework's occupation, a citation's source), for a
 * non-null field: a missing one is a broken store, reported as an internal error naming `what`.
 */
export async function loadRequired<K, R>(loader: DataLoader<K, R | null>, key: K, what: string): Promise<R> {
  const row = await loader.load(key);
  if (row === null) throw new Error(`${what} ${String(key)} is missing from the store`);
  return row;
}
