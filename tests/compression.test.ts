/**
 * Compressed answers (issue 24): the coding negotiated from Accept-Encoding (q-values, `*`, `identity;q=0`), small
 * answers left alone, `Vary: Accept-Encoding`, an ETag per coding with its 304, a cached answer compressed once per
 * coding, and, for a client that sends no Accept-Encoding, the bytes and headers it always got (plus Vary). Real HTTP
 * through node:http, which sends only the headers given and shows the bytes as sent.
 */
// The module object itself (not a namespace copy), so jest.spyOn sees the calls src/http/compression.ts makes.
import zlib from 'node:zlib';
import { MIN_COMPRESSED_BYTES, negotiateCoding } from '../src/http/compression';
import { readmeCases } from '../scripts/answer-cases';
import { rawRequest, serveHttp, type RawResponse, type RunningHttp } from './support/http';
import { EVERYTHING_QUERY, FULL_FRAMEWORK_QUERY } from '../scripts/operations';

describe('negotiateCoding', () => {
  const large = 100_000;
  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['deflate, gzip, br, zstd', 'br'],
    ['BR', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.9', 'br'],
    ['gzip;q=0.5, identity', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['deflate', 'identity'],
    ['zstd, deflate', 'identity'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['identity;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['identity;q=0', undefined],
    ['*;q=0', undefined],
    ['gzip;q=0, br;q=0, identity;q=0', undefined],
  ] as const)('Accept-Encoding %j on a large answer: %s', (header, expected) => {
    expect(negotiateCoding(header, large)).toBe(expected);
  });

  test('a small answer goes out as it is, unless identity is refused', () => {
    expect(negotiateCoding('br, gzip', MIN_COMPRESSED_BYTES - 1)).toBe('identity');
    expect(negotiateCoding('br, gzip', MIN_COMPRESSED_BYTES)).toBe('br');
    expect(negotiateCoding('gzip, identity;q=0', 10)).toBe('gzip');
    expect(negotiateCoding('identity;q=0', 10)).toBeUndefined();
  });

  test('each value is parsed once and remembered, within a bound: many distinct values later, the answers are the same', () => {
    const seen = ['br;q=0.5, gzip', 'identity;q=0', 'gzip;q=0.5, identity'].map((header) => negotiateCoding(header, large));
    // Distinct values past the bound push the first ones out; they are parsed again, to the same answers.
    for (let i = 0; i < 1000; i += 1) expect(negotiateCoding(`gzip;q=0.${(i % 9) + 1}, x-${i}`, large)).toBe('gzip');
    expect(['br;q=0.5, gzip', 'identity;q=0', 'gzip;q=0.5, identity'].map((header) => negotiateCoding(header, large))).toEqual(seen);
    expect(seen).toEqual(['gzip', undefined, 'identity']);
    // The size threshold applies to a remembered value as to a new one.
    expect(negotiateCoding('br;q=0.5, gzip', 10)).toBe('identity');
  });
});

describe('over HTTP, with the response cache', () => {
  let running: RunningHttp;
  beforeAll(async () => {
    running = await serveHttp({ production: true, responseCacheBytes: 8 * 1024 * 1024 });
  });
  afterAll(() => running.stop());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    rawRequest(running.url, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const full = (code: string) => ({ query: FULL_FRAMEWORK_QUERY, variables: { code }, operationName: 'LegalSecretariesFramework' });
  const decoded = (response: RawResponse): Buffer => {
    const coding = response.headers['content-encoding'];
    if (coding === 'br') return zlib.brotliDecompressSync(response.body);
    if (coding === 'gzip') return zlib.gunzipSync(response.body);
    expect(coding).toBeUndefined();
    return response.body;
  };

  test("every README query: br and gzip decode to the bytes a client without Accept-Encoding gets, whose headers are the ones it always got, plus Vary", async () => {
    for (const c of readmeCases()) {
      const body = { query: c.query, variables: c.variables };
      const plain = await post(body);
      expect({ name: c.name, status: plain.status }).toEqual({ name: c.name, status: 200 });
      // What the server sent before compression existed, and Vary; nothing else (no content-encoding).
      expect(Object.keys(plain.headers).sort()).toEqual(['cache-control', 'connection', 'content-length', 'content-type', 'date', 'etag', 'keep-alive', 'vary', 'x-request-id']);
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
      for (const coding of ['br', 'gzip'] as const) {
        const compressed = await post(body, { 'accept-encoding': coding });
        expect(decoded(compressed).equals(plain.body)).toBe(true);
        expect(compressed.headers.vary).toBe('Accept-Encoding');
        expect(Number(compressed.headers['content-length'])).toBe(compressed.body.length);
        if (plain.body.length < MIN_COMPRESSED_BYTES) {
          expect({ name: c.name, encoding: compressed.headers['content-encoding'], etag: compressed.headers.etag }).toEqual({ name: c.name, encoding: undefined, etag: plain.headers.etag });
        } else {
          expect({ name: c.name, encoding: compressed.headers['content-encoding'] }).toEqual({ name: c.name, encoding: coding });
          expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
          expect(compressed.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-${coding}"`);
        }
      }
    }
  });

  test('each coding has its own ETag: a 304 for the representation the client holds, the full answer for another', async () => {
    const br = await post(full('43-6012.00'), { 'accept-encoding': 'br' });
    const gzip = await post(full('43-6012.00'), { 'accept-encoding': 'gzip' });
    const plain = await post(full('43-6012.00'));
    const etags = [br.headers.etag, gzip.headers.etag, plain.headers.etag];
    expect(new Set(etags).size).toBe(3);

    const revalidated = await post(full('43-6012.00'), { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(br.headers.etag);
    expect(revalidated.headers.vary).toBe('Accept-Encoding');
    expect(revalidated.headers['cache-control']).toBe('max-age=3600, public');
    // The br ETag does not validate the gzip representation, nor the uncompressed one.
    const other = await post(full('43-6012.00'), { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! });
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(gzip.headers.etag);
    expect((await post(full('43-6012.00'), { 'if-none-match': br.headers.etag! })).status).toBe(200);
    expect((await post(full('43-6012.00'), { 'if-none-match': plain.headers.etag! })).status).toBe(304);
    // GET answers too (a CDN revalidating what it holds).
    const path = `?query=${encodeURIComponent('{ occupation(code: "43-6012") { title tasks(first: 40) { edges { node { statement } } } } }')}`;
    const get = await rawRequest(`${running.url}${path}`, { method: 'GET', headers: { 'accept-encoding': 'gzip' } });
    expect(get.headers['content-encoding']).toBe('gzip');
    const again = await rawRequest(`${running.url}${path}`, { method: 'GET', headers: { 'accept-encoding': 'gzip', 'if-none-match': get.headers.etag! } });
    expect(again.status).toBe(304);
  });

  test('a cached answer is compressed once per coding, also when many ask for it at once', async () => {
    const body = { query: EVERYTHING_QUERY, variables: { code: '23-2011.00' } };
    const brotli = jest.spyOn(zlib, 'brotliCompress');
    const gzip = jest.spyOn(zlib, 'gzip');
    try {
      // Executed and compressed twice (RESPONSE_CACHE_MIN_USES 2: stored the second time), then answered from the cache.
      const answers = [];
      for (let i = 0; i < 5; i += 1) answers.push(await post(body, { 'accept-encoding': 'br' }));
      expect(brotli).toHaveBeenCalledTimes(2);
      expect(new Set(answers.map((a) => a.body.toString('base64'))).size).toBe(1);
      const together = await Promise.all(Array.from({ length: 6 }, () => post(body, { 'accept-encoding': 'gzip' })));
      expect(gzip).toHaveBeenCalledTimes(1);
      expect(together.every((a) => a.headers['content-encoding'] === 'gzip' && a.body.equals(together[0]!.body))).toBe(true);
      for (let i = 0; i < 3; i += 1) await post(body, { 'accept-encoding': 'gzip, br' });
      expect(brotli).toHaveBeenCalledTimes(2);
      expect(gzip).toHaveBeenCalledTimes(1);
    } finally {
      brotli.mockRestore();
      gzip.mockRestore();
    }
  });

  test("a client that refuses identity gets a small answer compressed, and one that accepts no coding we send gets a 406 saying why", async () => {
    const small = { query: '{ occupation(code: "43-6012") { title } }' };
    const refused = await post(small, { 'accept-encoding': 'gzip, identity;q=0' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(refused).toString('utf8'))).toEqual({ data: { occupation: { title: 'Legal Secretaries and Administrative Assistants' } } });
    const none = await post(small, { 'accept-encoding': 'zstd, *;q=0' });
    expect(none.status).toBe(406);
    const { errors } = JSON.parse(none.body.toString('utf8')) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors[0]!.extensions.code).toBe('NOT_ACCEPTABLE');
    expect(errors[0]!.message).toContain('zstd, *;q=0');
    expect(errors[0]!.message).toContain('br, gzip, identity');
  });

  test('answers that are not cached (errors, POST with credentials) are compressed too, without an ETag', async () => {
    const withToken = await post(full('43-6012.00'), { 'accept-encoding': 'br', authorization: 'Bearer x' });
    expect(withToken.status).toBe(200);
    expect(withToken.headers['content-encoding']).toBe('br');
    expect(withToken.headers.etag).toBeUndefined();
    expect(JSON.parse(decoded(withToken).toString('utf8')).data.occupation.code).toBe('43-6012.00');
  });
});
