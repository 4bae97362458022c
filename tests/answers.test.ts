/**
 * Answers stay byte for byte what they were before issue 11's speed work, for the same data: the README's queries,
 * the router's enrichment query and every list field with its second pages (tests/support/answers.ts), compared
 * with the answers scripts/capture-answers.ts recorded from the code before that work.
 */
import { ALL_LISTS_WITH_AI_EXPOSURE_QUERY, ANSWER_CODES, answerCases, isSinceRecord, nextPageCases, recordedAnswers } from './support/answers';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
let codes: string[];
const recorded = recordedAnswers();
beforeAll(async () => {
  t = await startTestServer({ production: true, heldRows: 150_000 });
  codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
});
afterAll(() => t.stop());

async function answerOf(query: string, variables?: Record<string, unknown>): Promise<string> {
  const { sqlStatements: _, ...result } = await t.run(query, variables);
  return JSON.stringify(result);
}

test('every recorded operation is still run by this test, and every other one is new since the record', () => {
  const cases = [...answerCases(codes), ...nextPageCases(recorded['every list field']!)];
  const names = cases.filter((c) => !isSinceRecord(c)).map((c) => c.name);
  expect(names.sort()).toEqual(Object.keys(recorded).sort());
  // The README's AI exposure example is the one operation added since (checked against the files elsewhere).
  expect(cases.filter(isSinceRecord).map((c) => c.name)).toEqual([expect.stringMatching(/^README: query LegalSecretariesAiExposure /)]);
});

test.each(Object.keys(recordedAnswers()))('%s: the same answer as before', async (name) => {
  const c = [...answerCases(codes), ...nextPageCases(recorded['every list field']!)].find((x) => x.name === name)!;
  expect(await answerOf(c.query, c.variables)).toBe(recorded[name]);
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
