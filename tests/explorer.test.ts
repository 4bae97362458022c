/**
 * The explorer over real HTTP, by mode: GraphiQL for a browser at / in development, every file it loads from this
 * server under a Content-Security-Policy that allows this origin only, opening with the README's Legal Secretaries
 * query and its variables; GraphQL GETs, content negotiation and the bare-GET 400 unchanged for everything that is
 * not a browser; Apollo Sandbox with EXPLORER=sandbox; nothing in production unless EXPLORER turns it on. (In a real
 * browser: tests/explorer-browser.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { LANDING_PAGE_QUERY, LANDING_PAGE_VARIABLES } from '../src/landing-page';
import { EXPLORER_CSP } from '../src/http/explorer';
import { EXPLORER_LOADS } from './support/explorer';
import { rawRequest, serveHttp, type RunningHttp } from './support/http';
import { projectRoot } from './support/paths';

let development: RunningHttp;
let sandbox: RunningHttp;
let production: RunningHttp;
let productionWithExplorer: RunningHttp;
beforeAll(async () => {
  [development, sandbox, production, productionWithExplorer] = await Promise.all([
    serveHttp({ production: false }),
    serveHttp({ production: false, explorer: 'sandbox' }),
    serveHttp({ production: true }),
    serveHttp({ production: true, explorer: 'graphiql' }),
  ]);
});
afterAll(() => Promise.all([development, sandbox, production, productionWithExplorer].map((running) => running.stop())));

/** What Chromium sends when it opens a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';
const browserGet = (url: string) => fetch(url, { headers: { accept: BROWSER_ACCEPT } });
const QUERY = '{ occupation(code: "43-6012") { id title } }';
const TITLE = 'Legal Secretaries and Administrative Assistants';

/** The options the page embeds for start.js. */
function embeddedOptions(html: string): { query: string; variables: string } {
  const json = /<script type="application\/json" id="explorer-options">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('the explorer page embeds no options');
  return JSON.parse(json) as { query: string; variables: string };
}

describe('development: GraphiQL', () => {
  test('a browser opening / or /graphql gets GraphiQL under a CSP that allows this origin only', async () => {
    for (const path of ['', 'graphql']) {
      const response = await browserGet(`${development.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
      expect(response.headers.get('vary')).toBe('accept, Accept-Encoding');
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      // Every file the page loads is a path on this server: no scheme, no host.
      const loads = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
      expect(loads).toEqual(EXPLORER_LOADS);
      expect(html).not.toMatch(/<script>|\sstyle=/);
    }
  });

  test('the CSP names no other origin and no inline code', () => {
    const directives = EXPLORER_CSP.split('; ');
    expect(directives).toContain("default-src 'self'");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("connect-src 'self'");
    // `data:` only where GraphiQL embeds its fonts and draws images; never a host, never unsafe-inline or eval.
    expect(EXPLORER_CSP).not.toMatch(/https?:|\*|unsafe|blob:/);
  });

  test("it opens with the README's Legal Secretaries query and its variables", async () => {
    const html = await (await browserGet(development.url)).text();
    const options = embeddedOptions(html);
    expect(options.query).toBe(LANDING_PAGE_QUERY);
    expect(JSON.parse(options.variables)).toEqual({ code: '43-6012.00' });
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain(LANDING_PAGE_QUERY);
    const variables = /^# variables:\n# (.*)$/m.exec(readme.slice(readme.indexOf(LANDING_PAGE_QUERY)))?.[1];
    expect(JSON.parse(variables ?? 'null')).toEqual(LANDING_PAGE_VARIABLES);
    expect(LANDING_PAGE_QUERY).toContain('occupation(code: $code)');
  });

  test('every file the page loads is served from the installed packages, with an ETag and a 304 on revalidation', async () => {
    const files: [string, string, string][] = [
      ['/explorer/graphiql.min.js', 'text/javascript; charset=utf-8', 'node_modules/graphiql/graphiql.min.js'],
      ['/explorer/graphiql.min.css', 'text/css; charset=utf-8', 'node_modules/graphiql/graphiql.min.css'],
      ['/explorer/react.production.min.js', 'text/javascript; charset=utf-8', 'node_modules/react/umd/react.production.min.js'],
      ['/explorer/react-dom.production.min.js', 'text/javascript; charset=utf-8', 'node_modules/react-dom/umd/react-dom.production.min.js'],
      ['/explorer/start.js', 'text/javascript; charset=utf-8', 'src/explorer/start.js'],
      ['/explorer/explorer.css', 'text/css; charset=utf-8', 'src/explorer/explorer.css'],
      ['/favicon.svg', 'image/svg+xml', 'src/pages/favicon.svg'],
    ];
    for (const [path, contentType, file] of files) {
      const response = await fetch(new URL(path, development.url));
      expect({ path, status: response.status, contentType: response.headers.get('content-type') }).toEqual({ path, status: 200, contentType });
      expect(await response.text()).toBe(readFileSync(join(projectRoot, file), 'utf8'));
      const etag = response.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect((await fetch(new URL(path, development.url), { headers: { 'if-none-match': etag! } })).status).toBe(304);
    }
    // Compressed like every answer: GraphiQL's megabyte goes out as about a quarter of it.
    const coded = await rawRequest(new URL('/explorer/graphiql.min.js', development.url).toString(), { method: 'GET', headers: { 'accept-encoding': 'br' } });
    expect([coded.status, coded.headers['content-encoding'], coded.headers.vary]).toEqual([200, 'br', 'Accept-Encoding']);
    expect(brotliDecompressSync(coded.body).equals(readFileSync(join(projectRoot, 'node_modules/graphiql/graphiql.min.js')))).toBe(true);
    expect(coded.body.length).toBeLessThan(readFileSync(join(projectRoot, 'node_modules/graphiql/graphiql.min.js')).length / 3);
    // An ETag of its own per coding, and its 304.
    expect(coded.headers.etag).toMatch(/^"[\w-]+-br"$/);
    const again = await rawRequest(new URL('/explorer/graphiql.min.js', development.url).toString(), { method: 'GET', headers: { 'accept-encoding': 'br', 'if-none-match': coded.headers.etag! } });
    expect(again.status).toBe(304);
    // GraphiQL's stylesheet embeds its fonts; nothing in it points anywhere else.
    const css = readFileSync(join(projectRoot, 'node_modules/graphiql/graphiql.min.css'), 'utf8');
    expect(css).not.toMatch(/url\((?!data:)|@import/);
    expect((await fetch(new URL('/explorer/other.js', development.url))).status).toBe(404);
  });

  test('GraphQL over GET is unchanged for everything that is not a browser: JSON for JSON, curl and clients', async () => {
    const link = `${development.url}?query=${encodeURIComponent(QUERY)}`;
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json, application/json;q=0.9', 'application/json, text/html;q=0.9']) {
      const response = await fetch(link, { headers: { accept } });
      expect({ accept, status: response.status, type: response.headers.get('content-type') }).toMatchObject({ accept, status: 200, type: expect.stringMatching(/json/) });
      expect(((await response.json()) as { data: { occupation: { title: string } } }).data.occupation.title).toBe(TITLE);
    }
    // A POST is GraphQL whatever it accepts.
    const post = await fetch(development.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: BROWSER_ACCEPT }, body: JSON.stringify({ query: QUERY }) });
    expect(((await post.json()) as { data: { occupation: { title: string } } }).data.occupation.title).toBe(TITLE);
    // No Accept, or one that prefers JSON, and no query: the bare-GET 400 saying how to ask.
    for (const headers of [{}, { accept: 'application/json' }, { accept: '*/*' }] as Record<string, string>[]) {
      const bare = await fetch(development.url, { headers });
      expect(bare.status).toBe(400);
      expect(((await bare.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    }
  });

  test('a browser following a GraphQL link gets the explorer, which opens that query (as Apollo did with Sandbox)', async () => {
    const response = await browserGet(`${development.url}?query=${encodeURIComponent(QUERY)}`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // start.js reads ?query= itself; the page is the same for every query string.
    expect(await response.text()).toBe(await (await browserGet(development.url)).text());
  });
});

describe('EXPLORER=sandbox: Apollo Sandbox', () => {
  test("a browser gets Apollo's landing page, loading Sandbox from Apollo's CDN, with the same query and variables", async () => {
    const response = await browserGet(sandbox.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
    expect(html).toContain(JSON.stringify(LANDING_PAGE_QUERY).slice(1, -1));
    expect(html).toContain(JSON.stringify(LANDING_PAGE_VARIABLES).slice(1, -1));
    expect((await fetch(new URL('/explorer/graphiql.min.js', sandbox.url))).status).toBe(404);
  });

  test('GraphQL GETs and the bare-GET 400 are unchanged', async () => {
    const answer = await fetch(`${sandbox.url}?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(((await answer.json()) as { data: { occupation: { title: string } } }).data.occupation.title).toBe(TITLE);
    expect((await fetch(sandbox.url)).status).toBe(400);
  });
});

describe('production', () => {
  test('no explorer: a browser opening / gets the bare-GET 400, the explorer files are not served, introspection is off', async () => {
    const response = await browserGet(production.url);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect((await fetch(new URL('/explorer/graphiql.min.js', production.url))).status).toBe(404);
    const introspection = await fetch(production.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(((await introspection.json()) as { errors?: unknown[] }).errors).toBeDefined();
  });

  test('EXPLORER=graphiql turns GraphiQL on, and with it the introspection it needs', async () => {
    const response = await browserGet(productionWithExplorer.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(embeddedOptions(await response.text()).query).toBe(LANDING_PAGE_QUERY);
    const introspection = await fetch(productionWithExplorer.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
    expect(await introspection.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
