/** The rating lists come in the order their descriptions state (schema/occupation.graphql). */
import { startTestServer, TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

type Rating = { element: { id: string }; scores: { scaleId: string; value: number }[] };
const QUERY = `query ($code: String!) { occupation(code: $code) {
  skills { items { ...rating } } knowledge { items { ...rating } } workStyles { items { ...rating } } interests { items { ...rating } }
} }
fragment rating on ElementRating { element { id } scores { scaleId value } }`;

/** Checks that `items` run by the given scale descending, ties in element-id order. */
function expectDescendingBy(items: Rating[], scaleId: string): void {
  const keyed = items.map((r) => ({ id: r.element.id, value: r.scores.find((s) => s.scaleId === scaleId)?.value }));
  expect(keyed.every((k) => k.value !== undefined)).toBe(true);
  const sorted = [...keyed].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.id.localeCompare(b.id));
  expect(keyed).toEqual(sorted);
}

test.each(['43-6012.00', '47-2022.00', '29-1141.00'])('%s: skills, knowledge, work styles and interests in their stated order', async (code) => {
  const result = await t.run<{ occupation: Record<'skills' | 'knowledge' | 'workStyles' | 'interests', { items: Rating[] }> }>(QUERY, { code });
  expect(result.errors).toBeUndefined();
  const o = result.data?.occupation;
  if (!o) throw new Error('no occupation');
  expectDescendingBy(o.skills.items, 'IM');
  expectDescendingBy(o.knowledge.items, 'IM');
  expectDescendingBy(o.workStyles.items, 'WI');
  // Interests: the six RIASEC interests by OI, then the high-points (IH only) in element-id order.
  const riasec = o.interests.items.slice(0, 6);
  const highPoints = o.interests.items.slice(6);
  expectDescendingBy(riasec, 'OI');
  expect(highPoints.length).toBeGreaterThan(0);
  expect(highPoints.every((r) => r.scores.every((s) => s.scaleId === 'IH'))).toBe(true);
  expect(highPoints.map((r) => r.element.id)).toEqual(highPoints.map((r) => r.element.id).sort());
});
