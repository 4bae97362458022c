/** The evaluation set stays honest and the search keeps its targets (the figures themselves: `npm run eval:search`). */
import { evaluateSearch, MAX_VERBATIM_SHARE, readEvalTitles, TARGET_TOP1, TARGET_TOP5, type EvalReport } from '../scripts/eval-search';
import type { Store } from '../src/store/store';
import { dataDir } from './support/paths';
import { openTestStore } from './support/store';

let store: Store;
let report: EvalReport;
const titles = readEvalTitles(dataDir);

beforeAll(async () => {
  store = await openTestStore();
  report = await evaluateSearch(store, titles);
});
afterAll(() => store.close());

test('the set: 300+ titles over most SOC major groups, real codes, few verbatim O*NET titles', () => {
  expect(titles.length).toBeGreaterThanOrEqual(300);
  expect(new Set(titles.map((t) => t.code.slice(0, 2))).size).toBeGreaterThanOrEqual(20);
  expect(report.unknownCodes).toEqual([]);
  expect(report.verbatimShare).toBeLessThanOrEqual(MAX_VERBATIM_SHARE);
  expect(new Set(titles.map((t) => t.title.toLowerCase())).size).toBe(titles.length);
});

test('top-1 and top-5 accuracy meet the targets', () => {
  expect(report.top1).toBeGreaterThanOrEqual(TARGET_TOP1);
  expect(report.top5).toBeGreaterThanOrEqual(TARGET_TOP5);
});
