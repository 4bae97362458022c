/**
 * Corrections over real HTTP, in this process: 200 concurrent suggestions, the rate limit's 429 and Retry-After,
 * the client key, caching, and tokens kept out of the logs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientKeyOf } from '../src/corrections/rate-limit';
import { openCorrections, type CorrectionsService } from '../src/corrections/service';
import { captureLogs, serveHttp, type RunningHttp } from './support/http';
import { newCorrectionsLocation, type CorrectionsLocation } from './support/postgres';
import { LIST, SUGGEST, makeTokens, suggestion } from './support/corrections';

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corrections-http-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a server with room for many suggestions', () => {
  const tokens = makeTokens();
  const logs = captureLogs();
  let corrections: CorrectionsService;
  let running: RunningHttp;
  let location: CorrectionsLocation;
  beforeAll(async () => {
    location = await newCorrectionsLocation(dir, 'many.sqlite');
    corrections = await openCorrections({
      ...location.options,
      adminTokenHashes: tokens.env.ADMIN_TOKEN_SHA256,
      viewerTokenHashes: tokens.env.VIEWER_TOKEN_SHA256,
      suggestionsPerMinute: 1000,
    });
    running = await serveHttp({ production: true, corrections, logger: logs.logger, responseCacheBytes: 16 * 1024 * 1024 });
  });
  afterAll(async () => {
    await running.stop();
    await corrections.store.close();
    await location.drop();
  });

  test('200 concurrent suggestions: 200 answers without errors, 200 rows, no duplicates', async () => {
    const inputs = Array.from({ length: 200 }, (_, i) => suggestion({ suggestedText: `Concurrent suggestion ${i}` }));
    const results = await Promise.all(inputs.map((input) => post(running.url, SUGGEST, { input })));
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const ids = results.map((r) => (r.body.data?.['suggestCorrection'] as { id: string }).id);
    expect(new Set(ids).size).toBe(200);
    const rows = await corrections.store.db.selectFrom('suggestion').select(['id', 'idempotency_key', 'suggested_text']).execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(200);
    expect(rows.map((r) => r.suggested_text).sort()).toEqual(inputs.map((i) => String(i['suggestedText'])).sort());
    expect(rows.map((r) => String(r.id)).sort()).toEqual([...ids].sort());
  });

  test('a suggestion is no-store; the listing is no-store and never served from the cache to someone without a token', async () => {
    const suggested = await post(running.url, SUGGEST, { input: suggestion() });
    expect(suggested.headers.get('cache-control')).toBe('no-store');
    const admin = await post(running.url, LIST, { first: 1 }, { authorization: `Bearer ${tokens.admin}` });
    expect(admin.body.errors).toBeUndefined();
    expect(admin.headers.get('cache-control')).toBe('no-store');
    const anonymous = await post(running.url, LIST, { first: 1 });
    expect(anonymous.body.data).toBeNull();
    expect(anonymous.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(anonymous.body)).not.toContain('example.com');
  });

  test('tokens, right or wrong, never reach the logs', async () => {
    const before = logs.lines.length;
    await post(running.url, LIST, { first: 1 }, { authorization: `Bearer ${tokens.admin}` });
    await post(running.url, LIST, { first: 1 }, { authorization: `Bearer ${tokens.viewer}` });
    await post(running.url, LIST, { first: 1 }, { authorization: 'Bearer wrong-token-0123456789' });
    await post(running.url, '{ corrections { edges { node { id } } } ', {}, { authorization: `Bearer ${tokens.alice}` });
    const lines = logs.lines.slice(before);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [tokens.admin, tokens.viewer, tokens.alice, 'wrong-token-0123456789']) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});

describe('a server limited to 2 suggestions a minute per client', () => {
  let corrections: CorrectionsService;
  let running: RunningHttp;
  let location: CorrectionsLocation;
  // The rate limit's clock, injected: time moves only when the test moves it.
  let clock = 1_000_000;
  beforeAll(async () => {
    location = await newCorrectionsLocation(dir, 'limited.sqlite');
    corrections = await openCorrections({ ...location.options, suggestionsPerMinute: 2, now: () => clock });
    running = await serveHttp({ production: true, corrections });
  });
  afterAll(async () => {
    await running.stop();
    await corrections.store.close();
    await location.drop();
  });

  test('the 3rd is a 429 with Retry-After and RATE_LIMITED with retryAfterSeconds, whatever headers the client sends', async () => {
    for (let i = 0; i < 2; i += 1) expect((await post(running.url, SUGGEST, { input: suggestion() })).status).toBe(200);
    // Without a configured client header, the remote address decides: made-up forwarding headers change nothing.
    const limited = await post(running.url, SUGGEST, { input: suggestion() }, { 'x-forwarded-for': '192.0.2.55', 'x-client-id': 'someone-else' });
    expect(limited.status).toBe(429);
    // Two a minute: the next one is due 30 s after the bucket emptied, and no time has passed.
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.body.data).toBeNull();
    expect(limited.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(limited.body.errors?.[0]?.message).toContain('30 s');
    clock += 12_500;
    expect((await post(running.url, SUGGEST, { input: suggestion() })).headers.get('retry-after')).toBe('18');
    const rows = await corrections.store.db.selectFrom('suggestion').select('client_key').execute();
    expect(rows.map((r) => r.client_key)).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});

describe('the client key', () => {
  const request = (headers: Record<string, string | string[]>, remoteAddress: string) => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

  test('is the remote address unless a trusted header is configured, and then its first value', () => {
    expect(clientKeyOf(request({ 'x-forwarded-for': '192.0.2.1' }, '::ffff:10.0.0.1'), null)).toBe('10.0.0.1');
    expect(clientKeyOf(request({ 'x-forwarded-for': '192.0.2.1, 10.0.0.1' }, '10.0.0.1'), 'x-forwarded-for')).toBe('192.0.2.1');
    expect(clientKeyOf(request({ 'x-client-id': ['a', 'b'] }, '10.0.0.1'), 'x-client-id')).toBe('a');
    expect(clientKeyOf(request({}, '2001:db8::1'), 'x-client-id')).toBe('2001:db8::1');
  });
});
