/**
 * Answers stay byte for byte what they were before issue 11's speed work, for the same data: the README's queries,
 * the router's enrichment query and every list field with its second pages (scripts/answer-cases.ts), compared
 * with the answers scripts/capture-answers.ts recorded from the code before that work.
 */
import { answerCases, nextPageCases, recordedAnswers } from '../scripts/answer-cases';
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

test('every recorded operation is still run by this test', () => {
  const names = [...answerCases(codes), ...nextPageCases(recorded['every list field']!)].map((c) => c.name);
  expect(names.sort()).toEqual(Object.keys(recorded).sort());
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
