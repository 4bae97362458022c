/** Career moves keep their quality target against O*NET's Related Occupations (the figures: `npm run eval:moves`). */
import { evaluateMoves, TARGET_RECALL, type MovesEval } from '../scripts/eval-moves';
import type { Store } from '../src/store/store';
import { openTestStore } from './support/store';

let store: Store;
let result: MovesEval;

beforeAll(async () => {
  store = await openTestStore();
  result = await evaluateMoves(store.db);
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
