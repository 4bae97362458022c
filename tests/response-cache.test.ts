/** The whole-response cache (what it stores and never stores, ETags and 304s, APQ over GET, its bound) and Cache-Control. */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { createHash } from 'node:crypto';
import { staticCacheControl } from '../src/cache-policy';
import { ResponseCache, cacheKey, type CachedResponse } from '../src/http/response-cache';
import { matchesEtag } from '../src/http/send';
import { captureLogs, serveHttp, type RunningHttp } from './support/http';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';

describe('over HTTP, in production mode', () => {
  let running: RunningHttp;
  let logs: ReturnType<typeof captureLogs>;
  beforeAll(async () => {
    logs = captureLogs();
    running = await serveHttp({ production: true, logger: logs.logger, responseCacheBytes: 8 * 1024 * 1024 });
  });
  afterAll(() => running.stop());

  /** Sends a request and returns it with the cache state its log line recorded. */
  async function send(init: RequestInit & { path?: string }) {
    const before = logs.lines.length;
    const response = await fetch(`${running.url}${init.path ?? ''}`, init);
    const text = await response.text();
    await new Promise((resolve) => setImmediate(resolve));
    const entry = logs.entries()[before];
    return { response, text, cache: entry?.cache as string | undefined };
  }

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  const full = (code: string) => ({ query: FULL_FRAMEWORK_QUERY, variables: { code }, operationName: 'LegalSecretariesFramework' });

  test('a query is executed the first two times it is seen, then answered with the same bytes and ETag', async () => {
    const first = await post(full('43-6012.00'));
    const again = await post(full('43-6012.00'));
    const second = await post(full('43-6012.00'));
    expect([first.cache, again.cache, second.cache]).toEqual(['miss', 'miss', 'hit']);
    expect(again.text).toBe(first.text);
    expect(second.text).toBe(first.text);
    expect(JSON.parse(second.text).data.occupation.code).toBe('43-6012.00');
    expect(second.response.headers.get('cache-control')).toBe('max-age=3600, public');
    expect(second.response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(second.response.headers.get('etag')).toBe(first.response.headers.get('etag'));
    expect(second.response.headers.get('x-request-id')).not.toBe(first.response.headers.get('x-request-id'));
  });

  test('If-None-Match with the ETag gets a 304 and no body', async () => {
    const { response } = await post(full('43-6012.00'));
    const etag = response.headers.get('etag') ?? '';
    const revalidated = await post(full('43-6012.00'), { 'if-none-match': etag });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.response.headers.get('etag')).toBe(etag);
    const stale = await post(full('43-6012.00'), { 'if-none-match': '"something-else"' });
    expect(stale.response.status).toBe(200);
  });

  test('other variables are another answer', async () => {
    const other = await post(full('23-2011.00'));
    expect(other.cache).toBe('miss');
    expect(JSON.parse(other.text).data.occupation.code).toBe('23-2011.00');
  });

  test('errors, credentials and CSRF refusals are never stored', async () => {
    const bad = { query: '{ occupation(code: "not-a-code") { code } }' };
    expect([(await post(bad)).cache, (await post(bad)).cache]).toEqual([undefined, undefined]);
    const withToken = await post(full('43-6012.00'), { authorization: 'Bearer x' });
    expect(withToken.cache).toBeUndefined();
    expect(JSON.parse(withToken.text).data.occupation.code).toBe('43-6012.00');
    // The same body as a cached answer, but as a simple request: the CSRF check must still refuse it.
    const simple = await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(full('43-6012.00')) });
    expect(simple.response.status).toBe(400);
  });

  test('a persisted query over GET: registered once, then cached by URL, with 304s', async () => {
    const query = '{ occupation(code: "43-6014") { code title } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const path = `?extensions=${extensions}`;
    const preflight = { 'apollo-require-preflight': 'true' };
    const unknown = await send({ path, headers: preflight });
    expect(JSON.parse(unknown.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    const first = await send({ path, headers: preflight });
    await send({ path, headers: preflight });
    const second = await send({ path, headers: preflight });
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(JSON.parse(second.text)).toEqual({ data: { occupation: { code: '43-6014.00', title: expect.any(String) } } });
    const revalidated = await send({ path, headers: { ...preflight, 'if-none-match': second.response.headers.get('etag') ?? '' } });
    expect(revalidated.response.status).toBe(304);
  });
});

describe('ResponseCache', () => {
  const entry = (bytes: number): CachedResponse => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), etag: '"e"', operationName: null });

  test('evicts the least recently used entries to stay within its bytes', () => {
    const cache = new ResponseCache(80_000);
    cache.set('a', entry(9_000));
    cache.set('b', entry(9_000));
    cache.set('c', entry(9_000));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    for (let i = 0; i < 6; i += 1) cache.set(`fill-${i}`, entry(9_000));
    expect(cache.size.bytes).toBeLessThanOrEqual(80_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });

  test('compressed copies made of a stored entry count against its bytes, and can push older entries out', () => {
    const cache = new ResponseCache(80_000);
    const first = entry(9_000);
    cache.set('first', first);
    for (let i = 0; i < 7; i += 1) cache.set(`other-${i}`, entry(9_000));
    const before = cache.size.bytes;
    expect(before).toBeLessThanOrEqual(80_000);
    const latest = cache.get('other-6')!;
    latest.copiedBytes = 3_000;
    latest.onCopied!(3_000);
    expect(cache.size.bytes).toBe(before + 3_000);
    latest.copiedBytes += 9_000;
    latest.onCopied!(9_000);
    // Over the bound: the least recently used entry went, and the copies' bytes are still counted.
    expect(cache.get('first')).toBeUndefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(80_000);
    expect(cache.size.bytes).toBe(before + 12_000 - (9_000 + 2 * 'first'.length + 512));
    // An evicted entry's later copies are not counted.
    expect(first.onCopied).toBeUndefined();
  });

  test('does not store an answer larger than an eighth of it, and stores nothing when sized 0', () => {
    const cache = new ResponseCache(80_000);
    cache.set('big', entry(20_000));
    expect(cache.get('big')).toBeUndefined();
    const off = new ResponseCache(0);
    off.set('a', entry(10));
    expect(off.get('a')).toBeUndefined();
  });

  test('with minUses 2, an answer is stored the second time its key is answered, not the first', () => {
    const cache = new ResponseCache(80_000, 2);
    expect(cache.set('a', entry(100))).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('b', entry(100))).toBe(false);
    expect(cache.set('a', entry(100))).toBe(true);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size.entries).toBe(1);
  });

  test('keys seen once are forgotten oldest first, so a flood of one-off requests stays bounded', () => {
    const cache = new ResponseCache(1024 * 1024, 2);
    cache.set('early', entry(100));
    for (let i = 0; i < 5_000; i += 1) cache.set(`one-off-${i}`, entry(100));
    // 'early' was pushed out of the sightings by the flood, so this counts as its first sighting again.
    expect(cache.set('early', entry(100))).toBe(false);
    const late = `one-off-4999`;
    expect(cache.set(late, entry(100))).toBe(true);
    expect(cache.size.entries).toBe(1);
  });

  test('keys alike in length, beginning and end but not in the middle are answered apart, and only a few are kept alike', () => {
    const cache = new ResponseCache(8 * 1024 * 1024);
    const key = (middle: string) => cacheKey('POST', '', { 'content-type': 'application/json' }, `{"query":"${'a'.repeat(200)}${middle}${'z'.repeat(200)}"}`);
    const answers = ['0000', '0001', '0002', '0003', '0004', '0005', '0006', '0007'].map((middle) => {
      const stored = entry(100);
      expect(cache.set(key(middle), stored)).toBe(true);
      return stored;
    });
    // A ninth key of the same fingerprint is not stored: a lookup never compares more than eight keys.
    expect(cache.set(key('0008'), entry(100))).toBe(false);
    expect(cache.get(key('0008'))).toBeUndefined();
    // Each key, made again as a new string, finds its own answer; a key never stored finds none.
    expect(['0000', '0001', '0002', '0003', '0004', '0005', '0006', '0007'].map((middle) => cache.get(`${key(middle)}`))).toEqual(answers);
    expect(cache.get(key('9999'))).toBeUndefined();
    // Storing a key again replaces its answer; evicting one frees its place among the alike.
    const replaced = entry(100);
    expect(cache.set(key('0003'), replaced)).toBe(true);
    expect(cache.get(key('0003'))).toBe(replaced);
    expect(cache.size.entries).toBe(8);
  });

  test('an evicted key is gone from every lookup, and can be stored again', () => {
    const cache = new ResponseCache(80_000);
    cache.set('first', entry(9_000));
    for (let i = 0; i < 8; i += 1) cache.set(`fill-${i}`, entry(9_000));
    const held = cache.size;
    expect(cache.get('first')).toBeUndefined();
    expect(cache.size).toEqual(held);
    const again = entry(9_000);
    expect(cache.set('first', again)).toBe(true);
    expect(cache.get('first')).toBe(again);
  });

  test('the key holds everything that changes the answer', () => {
    const base = cacheKey('POST', '', { 'content-type': 'application/json' }, '{"query":"{a}"}');
    expect(cacheKey('POST', '', { 'content-type': 'application/json' }, '{"query":"{a}"}')).toBe(base);
    expect(cacheKey('POST', '', { 'content-type': 'text/plain' }, '{"query":"{a}"}')).not.toBe(base);
    expect(cacheKey('POST', '', { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' }, '{"query":"{a}"}')).not.toBe(base);
    expect(cacheKey('POST', '', { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, '{"query":"{a}"}')).not.toBe(base);
    expect(cacheKey('GET', '?query=%7Ba%7D', {}, '')).not.toBe(cacheKey('GET', '?query=%7Bb%7D', {}, ''));
  });

  test('If-None-Match lists and weak validators match; others do not', () => {
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});

describe('Cache-Control from static hints', () => {
  const typeDefs = `
    directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT
    enum CacheControlScope { PUBLIC PRIVATE }
    type Query { a: Int, thing: Thing, fresh: Thing @cacheControl(maxAge: 30), mine: Mine }
    type Mutation { b: Int }
    type Thing @cacheControl(maxAge: 600) { name: String, sub: Sub }
    type Sub { x: Int }
    type Mine @cacheControl(maxAge: 600, scope: PRIVATE) { y: Int }
  `;
  const resolvers = {
    Query: { a: () => 1, thing: () => ({ name: 't', sub: { x: 1 } }), fresh: () => ({ name: 'f' }), mine: () => ({ y: 1 }) },
    Mutation: { b: () => 2 },
  };
  let server: ApolloServer;
  beforeAll(async () => {
    server = new ApolloServer({ typeDefs, resolvers, plugins: [ApolloServerPluginCacheControlDisabled(), staticCacheControl(3600)] });
    await server.start();
  });
  afterAll(() => server.stop());

  const cacheControlOf = async (query: string) => {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } }, context: async () => ({}) });
    return response.headers.get('cache-control');
  };

  test.each([
    ['{ a }', 'max-age=3600, public'],
    ['{ thing { name } }', 'max-age=600, public'],
    // Sub has no hint and is composite: the default applies to it, and 600 is still the lowest.
    ['{ thing { sub { x } } }', 'max-age=600, public'],
    ['{ thing { name } fresh { name } }', 'max-age=30, public'],
    ['{ ...F } fragment F on Query { fresh { name } }', 'max-age=30, public'],
    ['{ mine { y } }', 'max-age=600, private'],
    ['mutation { b }', 'no-store'],
    ['{ nope }', 'no-store'],
  ])('%s -> %s', async (query, expected) => {
    expect(await cacheControlOf(query)).toBe(expected);
  });
});
