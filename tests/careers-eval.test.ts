/**
 * Career moves keep their quality targets (the figures: `npm run eval:moves`): the similarity against O*NET's Related
 * Occupations, and both rankings against the moves people were observed making (CPS ASEC).
 */
import {
  evaluateMoves,
  likelihoodRanker,
  readObservedTruth,
  scoreObserved,
  similarityRanker,
  TARGET_LIKELIHOOD_RECALL,
  TARGET_RECALL,
  type MovesEval,
  type ObservedTruth,
} from '../scripts/eval-moves';
import type { Store } from '../src/store/store';
import { openTestStore } from './support/store';

let store: Store;
let result: MovesEval;
let truth: ObservedTruth;

beforeAll(async () => {
  store = await openTestStore();
  result = await evaluateMoves(store.db);
  truth = await readObservedTruth(store.db);
});
afterAll(() => store.close());

test('recall@10 of the Primary-Short entries meets the target over all 923 occupations that have them', () => {
  expect(result.all.occupations).toBe(923);
  expect(result.all.entries).toBe(4615);
  expect(result.all.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
});

test('the held-out half (not used to tune the weights) and the occupations without 29.0 ratings meet it too', () => {
  expect(result.heldOutHalf.occupations + result.tuningHalf.occupations).toBe(923);
  expect(result.heldOutHalf.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  expect(result.without29.occupations).toBe(44);
  expect(result.without29.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
});

describe('observed moves', () => {
  test('the truth: 239 well-measured source units with O*NET occupations, 10 destinations each, none in its own unit', () => {
    expect(truth.sources).toHaveLength(239);
    expect(truth.withoutOccupations).toEqual(['53-7190']);
    for (const s of truth.sources) {
      expect(s.truth).toHaveLength(10);
      expect(s.truth.map((d) => d.unit)).not.toContain(s.unit);
    }
  });

  test('LIKELIHOOD finds at least 28% of the observed top 10 on the held-out half; SIMILARITY stays about where it was', async () => {
    const likely = scoreObserved(truth, await likelihoodRanker(store.db));
    const similar = scoreObserved(truth, await similarityRanker(store.db));
    expect(likely.odd.sources).toBe(119);
    expect(likely.odd.recall).toBeGreaterThanOrEqual(TARGET_LIKELIHOOD_RECALL);
    expect(likely.odd.recall).toBeGreaterThan(similar.odd.recall);
    expect(similar.all.recall).toBeGreaterThan(0.2);
    expect(similar.all.recall).toBeLessThan(0.25);
  });
});
