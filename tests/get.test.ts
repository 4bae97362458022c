/**
 * GraphQL over GET, against the development server over real HTTP: a browser link and curl get answers with
 * Cache-Control and an ETag (304 on revalidation), a mutation over GET is refused, POST keeps CSRF prevention, and a
 * bare `curl /` gets a helpful 400 without a stack trace. (The same GET rules in production: tests/hardening.test.ts;
 * what a browser that asks for HTML gets instead: tests/explorer.test.ts.)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serveHttp, type RunningHttp } from './support/http';

let running: RunningHttp;
beforeAll(async () => {
  running = await serveHttp({ production: false });
});
afterAll(() => running.stop());

const link = (query: string) => `${running.url}?query=${encodeURIComponent(query)}`;
const QUERY = '{ occupation(code: "43-6012") { id title } }';

test('a browser link with ?query= is answered, with Cache-Control and an ETag; If-None-Match gets a 304', async () => {
  // What a browser sends when following a link.
  const accept = 'application/json';
  const response = await fetch(link(QUERY), { headers: { accept } });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { occupation: { id: '43-6012.00', title: 'Legal Secretaries and Administrative Assistants' } } });
  expect(response.headers.get('cache-control')).toBe('max-age=3600, public');
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"[\w-]+"$/);
  const again = await fetch(link(QUERY), { headers: { accept, 'if-none-match': etag! } });
  expect(again.status).toBe(304);
  expect(again.headers.get('etag')).toBe(etag);
  expect(await again.text()).toBe('');
});

test('curl, with its defaults, gets the answer to a GET query', async () => {
  const { stdout } = await promisify(execFile)('curl', ['-s', '-i', link(QUERY)]);
  expect(stdout).toMatch(/^HTTP\/1\.1 200/);
  expect(stdout).toMatch(/\r\netag: "/i);
  expect(stdout).toContain('"title":"Legal Secretaries and Administrative Assistants"');
});

test("a newcomer's `curl localhost:4000/` gets a helpful 400, not a CSRF refusal or a stack trace", async () => {
  const { stdout } = await promisify(execFile)('curl', ['-s', '-w', '\n%{http_code}', running.url]);
  const [body, status] = stdout.split('\n');
  expect(status).toBe('400');
  const answer = JSON.parse(body!) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(answer.errors[0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
  expect(answer.errors[0]!.message).toContain('GraphQL endpoint');
  expect(answer.errors[0]!.message).toContain('?query=');
  expect(body).not.toMatch(/CSRF|stacktrace|\bat .+:\d+/);
});

test('a mutation over GET is refused with 405', async () => {
  const response = await fetch(link('mutation { reviewCorrection(id: "1", decision: ACCEPT) { id } }'));
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST');
});

test('POST keeps CSRF prevention: a text/plain POST without a preflight header is refused', async () => {
  const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: QUERY }) });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('Cross-Site Request Forgery');
});
