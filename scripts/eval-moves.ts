/**
 * `npm run eval:moves`: how well `careerMoves(first: 10)` finds O*NET's own related occupations, and how well each
 * ranking finds the moves people were observed making.
 *
 * O*NET's Related Occupations file (expert-reviewed) is the answer key; the similarity never reads it. For every
 * occupation with Primary-Short entries, recall@10 is the share of those entries among the occupation's first 10
 * stored moves (the rows `careerMoves` serves). It prints recall over all such occupations (pooled over entries,
 * and the mean per occupation), over those without O*NET 29.0 skills ratings, and over the two halves the facet
 * weights were and were not tuned on (occupations at even and odd positions in code order). Exits 1 below 65%.
 *
 * Observed moves (CPS ASEC, data/observed-moves/): the truth is each well-measured source unit's 10 most probable
 * destination units. Every ranking (SIMILARITY, LIKELIHOOD, O*NET's Related Occupations, the largest occupations,
 * random) lists destinations for each O*NET occupation measured as the source; a source with several merges their
 * lists by best score, destinations map to their units, the source's own unit is dropped, and the first 10 units are
 * scored: recall@10, probability-weighted recall and NDCG@10, on the even (calibration) and odd (held-out) source
 * units in code order and in total. Exits 1 when LIKELIHOOD's held-out recall is below 28%.
 */
import { readConfig } from '../src/config';
import { careerMovesByOccupation, readMoveFacts } from '../src/store/careers';
import { ensureStore } from '../src/store/ensure';
import type { Db } from '../src/store/queries';
import { groupBy } from '../src/group-by';
import { isThin, THIN_BELOW } from '../src/observed-moves/units';

export const TARGET_RECALL = 0.65;
/** LIKELIHOOD's recall@10 of observed moves on the held-out half must reach this. */
export const TARGET_LIKELIHOOD_RECALL = 0.28;
const RANKED = 10;

export interface RecallFigure {
  occupations: number;
  entries: number;
  found: number;
  /** Found entries over all entries. */
  recall: number;
  /** The mean of each occupation's own recall. */
  meanRecall: number;
}

export interface MovesEval {
  all: RecallFigure;
  without29: RecallFigure;
  tuningHalf: RecallFigure;
  heldOutHalf: RecallFigure;
}

function figure(rows: { entries: number; found: number }[]): RecallFigure {
  const entries = rows.reduce((s, r) => s + r.entries, 0);
  const found = rows.reduce((s, r) => s + r.found, 0);
  return {
    occupations: rows.length,
    entries,
    found,
    recall: entries === 0 ? 0 : found / entries,
    meanRecall: rows.length === 0 ? 0 : rows.reduce((s, r) => s + r.found / r.entries, 0) / rows.length,
  };
}

export async function evaluateMoves(db: Db): Promise<MovesEval> {
  const codes = (await db.selectFrom('occupation').select('code').orderBy('code').execute()).map((o) => o.code);
  const position = new Map(codes.map((c, i) => [c, i]));
  const key = await db.selectFrom('related_occupation').select(['occupation_code', 'related_code']).where('tier', '=', 'Primary-Short').execute();
  const expected = new Map<string, string[]>();
  for (const r of key) expected.set(r.occupation_code, [...(expected.get(r.occupation_code) ?? []), r.related_code]);
  const moves = await careerMovesByOccupation(db, [...expected.keys()]);
  const top = new Map<string, Set<string>>();
  for (const m of moves) if (m.rank <= RANKED) top.set(m.occupation_code, (top.get(m.occupation_code) ?? new Set()).add(m.move_code));
  const rated = new Set(
    (await db.selectFrom('element_rating').select('occupation_code').distinct().where('domain', '=', 'skill').execute()).map((r) => r.occupation_code),
  );
  const rows = [...expected].map(([code, related]) => ({
    code,
    entries: related.length,
    found: related.filter((r) => top.get(code)?.has(r) === true).length,
  }));
  const half = (parity: number) => rows.filter((r) => (position.get(r.code) as number) % 2 === parity);
  return {
    all: figure(rows),
    without29: figure(rows.filter((r) => !rated.has(r.code))),
    tuningHalf: figure(half(0)),
    heldOutHalf: figure(half(1)),
  };
}

// ---- Observed moves: how well each ranking finds where people actually went (CPS ASEC) ----

/** A destination occupation with its score in one ranking: higher is ranked first. */
export interface Ranked {
  code: string;
  score: number;
}

/** One ranking: an occupation's ranked destinations, best first (any length). */
export type Ranker = (occupation: string) => readonly Ranked[];

export const OBSERVED_RANKED = 10;

/** One source unit of the evaluation, numbered in code order from 0. */
export interface ObservedSource {
  position: number;
  unit: string;
  /** The O*NET occupations measured as this unit. */
  occupations: string[];
  /** Its 10 most probable destination units (its split group is never one), with their probabilities. */
  truth: { unit: string; probability: number }[];
}

export interface ObservedTruth {
  sources: ObservedSource[];
  /** Units that pass the thresholds but have no O*NET occupation to rank from (left out). */
  withoutOccupations: string[];
  unitOf: ReadonlyMap<string, string>;
}

/**
 * The truth: source units with at least 10 destinations and 50,000 weighted movers (not `thin`) and at least one O*NET
 * occupation measured as them, in code order; each with its top 10 destination units by probability.
 */
export async function readObservedTruth(db: Db): Promise<ObservedTruth> {
  const [units, moves, measured] = await Promise.all([
    db.selectFrom('observed_unit').select(['code', 'destinations', 'weighted_movers']).orderBy('code').execute(),
    db.selectFrom('observed_move').select(['unit_code', 'to_unit', 'probability']).where('rank', '<=', OBSERVED_RANKED).orderBy('unit_code').orderBy('rank').execute(),
    db.selectFrom('observed_occupation').select(['occupation_code', 'unit_code']).where('unit_code', 'is not', null).orderBy('occupation_code').execute(),
  ]);
  const unitOf = new Map(measured.map((m) => [m.occupation_code, m.unit_code as string]));
  const occupationsOf = groupBy(measured, (m) => m.unit_code as string);
  const truthOf = groupBy(moves, (m) => m.unit_code);
  const eligible = units.filter((u) => !isThin({ destinations: u.destinations, weightedMovers: u.weighted_movers }));
  const sources = eligible
    .filter((u) => occupationsOf.has(u.code))
    .map((u, position): ObservedSource => ({
      position,
      unit: u.code,
      occupations: (occupationsOf.get(u.code) ?? []).map((m) => m.occupation_code),
      truth: (truthOf.get(u.code) ?? []).map((m) => ({ unit: m.to_unit, probability: m.probability })),
    }));
  return { sources, withoutOccupations: eligible.filter((u) => !occupationsOf.has(u.code)).map((u) => u.code), unitOf };
}

/**
 * A source's predicted destination units: its occupations' lists merged by best score, each destination occupation
 * mapped to its unit (a unit scoring as its best occupation), the source's own unit dropped; the first 10.
 */
export function predictedUnits(source: ObservedSource, ranker: Ranker, unitOf: ReadonlyMap<string, string>): string[] {
  const best = new Map<string, number>();
  for (const occupation of source.occupations) {
    for (const { code, score } of ranker(occupation)) {
      const unit = unitOf.get(code);
      if (unit === undefined || unit === source.unit) continue;
      if (!(score <= (best.get(unit) ?? Number.NEGATIVE_INFINITY))) best.set(unit, score);
    }
  }
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, OBSERVED_RANKED)
    .map(([unit]) => unit);
}

export interface ObservedFigure {
  sources: number;
  /** The share of the truth's destinations found in the first 10, pooled. */
  recall: number;
  /** Found destinations' probability over the truth's, averaged over sources. */
  weightedRecall: number;
  /** NDCG@10 with each true destination's probability as its gain, averaged over sources. */
  ndcg: number;
}

export interface ObservedScores {
  /** Even positions: what every parameter was chosen on. */
  even: ObservedFigure;
  /** Odd positions: held out. */
  odd: ObservedFigure;
  all: ObservedFigure;
}

function sourceScores(source: ObservedSource, predicted: readonly string[]) {
  const gain = new Map(source.truth.map((t) => [t.unit, t.probability]));
  const discount = (i: number) => 1 / Math.log2(i + 2);
  const found = predicted.filter((u) => gain.has(u));
  const total = source.truth.reduce((s, t) => s + t.probability, 0);
  const dcg = predicted.reduce((s, u, i) => s + (gain.get(u) ?? 0) * discount(i), 0);
  const ideal = source.truth.reduce((s, t, i) => s + t.probability * discount(i), 0);
  return {
    truth: source.truth.length,
    found: found.length,
    weighted: total === 0 ? 0 : found.reduce((s, u) => s + (gain.get(u) as number), 0) / total,
    ndcg: ideal === 0 ? 0 : dcg / ideal,
  };
}

function observedFigure(rows: ReturnType<typeof sourceScores>[]): ObservedFigure {
  const mean = (f: (r: ReturnType<typeof sourceScores>) => number) => (rows.length === 0 ? 0 : rows.reduce((s, r) => s + f(r), 0) / rows.length);
  const truth = rows.reduce((s, r) => s + r.truth, 0);
  return { sources: rows.length, recall: truth === 0 ? 0 : rows.reduce((s, r) => s + r.found, 0) / truth, weightedRecall: mean((r) => r.weighted), ndcg: mean((r) => r.ndcg) };
}

/** recall@10, probability-weighted recall and NDCG@10 of one ranking, on each half and in total. */
export function scoreObserved(truth: ObservedTruth, ranker: Ranker, sources: readonly ObservedSource[] = truth.sources): ObservedScores {
  const rows = sources.map((s) => ({ position: s.position, scores: sourceScores(s, predictedUnits(s, ranker, truth.unitOf)) }));
  return {
    even: observedFigure(rows.filter((r) => r.position % 2 === 0).map((r) => r.scores)),
    odd: observedFigure(rows.filter((r) => r.position % 2 === 1).map((r) => r.scores)),
    all: observedFigure(rows.map((r) => r.scores)),
  };
}

/** A ranking from stored rows: each occupation's list as given. */
export function listRanker(lists: ReadonlyMap<string, readonly Ranked[]>): Ranker {
  return (occupation) => lists.get(occupation) ?? [];
}

/** The stored `careerMoves` ranking (50 per occupation), its similarity as the score. */
export async function similarityRanker(db: Db): Promise<Ranker> {
  const rows = await db.selectFrom('career_move').select(['occupation_code', 'move_code', 'similarity']).orderBy('occupation_code').orderBy('rank').execute();
  return listRanker(new Map([...groupBy(rows, (r) => r.occupation_code)].map(([code, list]) => [code, list.map((r) => ({ code: r.move_code, score: r.similarity }))])));
}

/** The stored LIKELIHOOD ranking (50 per occupation), its score as the score. */
export async function likelihoodRanker(db: Db): Promise<Ranker> {
  const rows = await db.selectFrom('career_likely_move').select(['occupation_code', 'move_code', 'score']).orderBy('occupation_code').orderBy('rank').execute();
  return listRanker(new Map([...groupBy(rows, (r) => r.occupation_code)].map(([code, list]) => [code, list.map((r) => ({ code: r.move_code, score: r.score }))])));
}

/** O*NET's Related Occupations: Primary-Short first, then Primary-Long, each in O*NET's order. */
export async function relatedRanker(db: Db): Promise<Ranker> {
  const rows = await db
    .selectFrom('related_occupation')
    .select(['occupation_code', 'related_code', 'tier', 'rank'])
    .where('tier', 'in', ['Primary-Short', 'Primary-Long'])
    .execute();
  const score = (r: (typeof rows)[number]) => -((r.tier === 'Primary-Short' ? 0 : 1000) + r.rank);
  const lists = new Map([...groupBy(rows, (r) => r.occupation_code)].map(([code, list]) => [code, list.map((r) => ({ code: r.related_code, score: score(r) })).sort((a, b) => b.score - a.score)]));
  return listRanker(lists);
}

/** Every other occupation, largest employment first (the same list from everywhere). */
export function largestRanker(employment: ReadonlyMap<string, number | null>): Ranker {
  const all = [...employment].flatMap(([code, e]) => (e === null ? [] : [{ code, score: e }])).sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  return (occupation) => all.filter((r) => r.code !== occupation);
}

/** Every other occupation in a random order, the same for every run (a seeded generator, mulberry32). */
export function randomRanker(codes: readonly string[], seed = 23): Ranker {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lists = new Map(codes.map((code) => [code, codes.filter((c) => c !== code).map((c) => ({ code: c, score: next() }))]));
  return listRanker(lists);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Every ranking the observed-moves evaluation compares, by name. */
export async function observedRankings(db: Db): Promise<[string, Ranker][]> {
  const codes = (await db.selectFrom('occupation').select('code').orderBy('code').execute()).map((o) => o.code);
  const facts = await readMoveFacts(db, codes);
  return [
    ['SIMILARITY (careerMoves)', await similarityRanker(db)],
    ['LIKELIHOOD (careerMoves(rank: LIKELIHOOD))', await likelihoodRanker(db)],
    ['O*NET Related Occupations (Short, then Long)', await relatedRanker(db)],
    ['largest occupations (employment)', largestRanker(new Map(codes.map((c, i) => [c, facts[i]?.employment ?? null])))],
    ['random (seeded)', randomRanker(codes)],
  ];
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const store = await ensureStore({ dataDir: config.dataDir, storeFile: config.storeFile, rebuild: true, log: (line) => console.log(line) });
  try {
    const result = await evaluateMoves(store.db);
    const line = (label: string, f: RecallFigure) =>
      console.log(`${label.padEnd(44)} ${percent(f.recall).padStart(6)}  (${f.found}/${f.entries} entries, ${f.occupations} occupations; mean per occupation ${percent(f.meanRecall)})`);
    console.log(`recall@${RANKED} of O*NET Related Occupations (Primary-Short) in careerMoves(first: ${RANKED}); target >= ${percent(TARGET_RECALL)}`);
    line('all occupations with Primary-Short entries', result.all);
    line('  without O*NET 29.0 skills/knowledge ratings', result.without29);
    line('  tuning half (even positions in code order)', result.tuningHalf);
    line('  held-out half (odd positions)', result.heldOutHalf);
    if (result.all.recall < TARGET_RECALL) process.exitCode = 1;

    const truth = await readObservedTruth(store.db);
    const even = truth.sources.filter((s) => s.position % 2 === 0).length;
    console.log('');
    console.log(
      `Observed moves (CPS ASEC): ${truth.sources.length} source units with >= ${THIN_BELOW.destinations} destinations and >= ${THIN_BELOW.weightedMovers.toLocaleString('en-US')} ` +
        `weighted movers, in code order: ${even} even (every LIKELIHOOD parameter was chosen on these), ${truth.sources.length - even} odd (held out); ` +
        `${truth.withoutOccupations.length} left out with no O*NET occupation (${truth.withoutOccupations.join(', ')}).`,
    );
    console.log(`Truth: each source's top ${OBSERVED_RANKED} destination units by probability. Figures: recall@${OBSERVED_RANKED} / probability-weighted recall / NDCG@${OBSERVED_RANKED}.`);
    const cell = (f: ObservedFigure) => `${percent(f.recall).padStart(6)} ${percent(f.weightedRecall).padStart(6)} ${f.ndcg.toFixed(3)}`;
    console.log(`${'ranking'.padEnd(46)} ${'held out (odd)'.padEnd(21)} ${'calibration (even)'.padEnd(21)} all`);
    for (const [name, ranker] of await observedRankings(store.db)) {
      const s = scoreObserved(truth, ranker);
      console.log(`${name.padEnd(46)} ${cell(s.odd)}  ${cell(s.even)}  ${cell(s.all)}`);
      if (name.startsWith('LIKELIHOOD') && s.odd.recall < TARGET_LIKELIHOOD_RECALL) process.exitCode = 1;
    }
    console.log(`LIKELIHOOD target: recall@${OBSERVED_RANKED} >= ${percent(TARGET_LIKELIHOOD_RECALL)} on the held-out half.`);
  } finally {
    await store.close();
  }
}

if (require.main === module) void main();
