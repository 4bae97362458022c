/**
 * `npm run eval:moves`: how well `careerMoves(first: 10)` finds O*NET's own related occupations.
 *
 * O*NET's Related Occupations file (expert-reviewed) is the answer key; the similarity never reads it. For every
 * occupation with Primary-Short entries, recall@10 is the share of those entries among the occupation's first 10
 * stored moves (the rows `careerMoves` serves). It prints recall over all such occupations (pooled over entries,
 * and the mean per occupation), over those without O*NET 29.0 skills ratings, and over the two halves the facet
 * weights were and were not tuned on (occupations at even and odd positions in code order). Exits 1 below 65%.
 */
import { readConfig } from '../src/config';
import { careerMovesByOccupation } from '../src/store/careers';
import { ensureStore } from '../src/store/ensure';
import type { Db } from '../src/store/queries';

export const TARGET_RECALL = 0.65;
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

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

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
  } finally {
    await store.close();
  }
}

if (require.main === module) void main();
