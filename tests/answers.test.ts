/**
 * Answers stay byte for byte what they were before a change that had to keep them, for the same data: issue 11's
 * record (the README's queries, the router's enrichment query, every list field with its second pages) and issue
 * 22's (occupations pages without an order, a filtered search, career moves and comparisons, the dataset), each
 * compared with the answers scripts/capture-answers.ts recorded from the code before that change
 * (scripts/answer-cases.ts).
 */
import {
  ALL_LISTS_WITH_AI_EXPOSURE_QUERY,
  ANSWER_CODES,
  answerCases,
  type AnswerCase,
  issue22Cases,
  ISSUE_22_ANSWERS_FILE,
  nextPageCases,
  README_OPERATIONS_SINCE_RECORDS,
  recordedAnswers,
} from '../scripts/answer-cases';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
let codes: string[];
const recorded = recordedAnswers();
const recorded22 = recordedAnswers(ISSUE_22_ANSWERS_FILE);
beforeAll(async () => {
  t = await startTestServer({ production: true, heldRows: 150_000 });
  codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
});
afterAll(() => t.stop());

async function answerOf(query: string, variables?: Record<string, unknown>): Promise<string> {
  const { sqlStatements: _, ...result } = await t.run(query, variables);
  return JSON.stringify(result);
}

const cases = (): AnswerCase[] => [...answerCases(codes), ...nextPageCases(recorded['every list field']!)];
const since = (c: AnswerCase) => README_OPERATIONS_SINCE_RECORDS.some((name) => c.name.startsWith(`README: query ${name}`));

test('every recorded operation is still run by this test, and every other one is a README operation written since', () => {
  const names = cases().filter((c) => !since(c)).map((c) => c.name);
  expect(names.sort()).toEqual(Object.keys(recorded).sort());
  expect(cases().filter(since).map((c) => c.name.split(/[ ({]/)[2])).toEqual(README_OPERATIONS_SINCE_RECORDS);
  expect(issue22Cases().map((c) => c.name).sort()).toEqual(Object.keys(recorded22).sort());
});

test.each(Object.keys(recorded))('%s: the same answer as before', async (name) => {
  const c = cases().find((x) => x.name === name)!;
  expect(await answerOf(c.query, c.variables)).toBe(recorded[name]);
});

test.each(Object.keys(recorded22))('%s: the same answer as before issue 22', async (name) => {
  const c = issue22Cases().find((x) => x.name === name)!;
  expect(await answerOf(c.query, c.variables)).toBe(recorded22[name]);
});

test('asked twice in one store, the enrichment answers are the same (what is held between requests changes nothing)', async () => {
  const c = answerCases(codes).find((x) => x.name === 'enrichment, every 50th code and the set above')!;
  const first = await answerOf(c.query, c.variables);
  expect(await answerOf(c.query, c.variables)).toBe(first);
  expect(first).toBe(recorded[c.name]);
});

test('asked beside the AI exposure fields, every list field answers with the recorded bytes once those are taken out', async () => {
  const result = await t.run<{ _entities: Record<string, unknown>[] }>(ALL_LISTS_WITH_AI_EXPOSURE_QUERY, {
    representations: ANSWER_CODES.map((code) => ({ __typename: 'Occupation', code })),
  });
  expect(result.errors).toBeUndefined();
  let taken = 0;
  const withoutAi = JSON.stringify({ data: result.data }, (key, value: unknown) => {
    if (key !== 'aiExposure') return value;
    taken += 1;
    return undefined;
  });
  expect(withoutAi).toBe(recorded['every list field']);
  // The occupations' own and each of their first tasks' (up to 4 each): the fields were there to take out.
  expect(taken).toBeGreaterThan(ANSWER_CODES.length * 2);
});
