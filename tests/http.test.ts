/** Over real HTTP: the explorer by mode, the full framework, cache headers, health endpoints. */
import { serveHttp, type RunningHttp as Running } from './support/http';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';

let development: Running;
let production: Running;
beforeAll(async () => {
  [development, production] = await Promise.all([serveHttp({ production: false }), serveHttp({ production: true })]);
});
afterAll(() => Promise.all([development.stop(), production.stop()]));

const browserGet = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

describe('development', () => {
  test("a browser's GET of / gets the explorer, GraphiQL served from here", async () => {
    const response = await browserGet(development.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<script src="/explorer/graphiql.min.js">');
    expect(html).not.toContain('embeddable-sandbox');
  });

  test('the full Legal Secretaries framework over HTTP, cacheable for an hour', async () => {
    const response = await fetch(development.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=3600, public');
    expect(Number(response.headers.get('x-sql-statements'))).toBeGreaterThan(0);
    const body = (await response.json()) as { data: { occupation: { framework: { levels: { statements: unknown[] }[]; durableSkills: unknown[] } } } };
    expect(body.data.occupation.framework.levels.map((l) => l.statements.length)).toEqual([10, 10, 10, 10]);
    expect(body.data.occupation.framework.durableSkills).toHaveLength(10);
  });

  test('a malformed code over HTTP is a 200 with BAD_USER_INPUT, not a 5xx', async () => {
    const response = await fetch(`${development.url}?query=${encodeURIComponent('{ occupation(code: "x") { title } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    const body = (await response.json()) as { errors: { extensions: { code: string; argumentName: string } }[] };
    expect(response.status).toBe(200);
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'code' });
  });

  test('liveness and readiness', async () => {
    expect((await fetch(`${development.url}health/live`)).status).toBe(200);
    const ready = await fetch(`${development.url}health/ready`);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('production', () => {
  test('the explorer is off', async () => {
    const response = await browserGet(production.url);
    const text = await response.text();
    expect(text).not.toContain('embeddable-sandbox');
    expect(text).not.toContain('graphiql');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test('queries still work, with no statement-count header', async () => {
    const response = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ occupation(code: "43-6012") { code } }' }),
    });
    expect(await response.json()).toEqual({ data: { occupation: { code: '43-6012.00' } } });
    expect(response.headers.get('x-sql-statements')).toBeNull();
  });
});
