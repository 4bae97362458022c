/** A quick check that the real store serves an occupation through the server the tests share. */
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

test('serves an occupation by its O*NET-SOC code', async () => {
  const result = await t.run<{ occupation: { title: string } }>('{ occupation(code: "43-6012.00") { title } }');
  expect(result.errors).toBeUndefined();
  expect(result.data?.occupation.title).toBe('Legal Secretaries and Administrative Assistants');
});
