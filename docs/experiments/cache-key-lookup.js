/**
 * A throwaway experiment, not part of the product: what finding a cached answer by its key costs (issue 24;
 * docs/performance.md, "The cache-hit path"). A hit's key is made anew from each request (method, query string, the
 * headers that change the answer, and the body), so V8 hashes the whole of it at every lookup; the full framework's
 * key is 1.8 KB. Three ways, alternating, in one process, with 50 other keys stored:
 *
 * - `key`: making the key alone (the body decoded from bytes, as the server does), the floor;
 * - `map`: a plain Map holding the keys, with the least-recently-used bump (delete and set), as the cache did before;
 * - `cache`: the server's ResponseCache (dist/src/http/response-cache.js), which finds keys by a short fingerprint
 *   and compares the stored key.
 *
 * Run from the project root after `npm run build`:
 *
 *   node docs/experiments/cache-key-lookup.js [rounds, default 3]
 */
const { join } = require('node:path');
const { ResponseCache, cacheKey } = require(join(process.cwd(), 'dist/src/http/response-cache.js'));
const { FULL_FRAMEWORK_QUERY } = require(join(process.cwd(), 'dist/scripts/operations.js'));

const bytes = Buffer.from(JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' }, operationName: 'LegalSecretariesFramework' }));
const utf8 = new TextDecoder('utf-8', { fatal: true });
const headers = { 'content-type': 'application/json' };
const requestKey = () => cacheKey('POST', '', headers, utf8.decode(bytes));
const answer = () => ({ status: 200, headers: {}, body: Buffer.alloc(100), etag: '"e"', operationName: null });

const map = new Map();
const cache = new ResponseCache(64 * 1024 * 1024);
for (let i = 0; i < 50; i += 1) {
  const other = cacheKey('POST', '', headers, utf8.decode(Buffer.from(JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables: { code: `11-${1000 + i}.00` } }))));
  map.set(other, answer());
  cache.set(other, answer());
}
map.set(requestKey(), answer());
cache.set(requestKey(), answer());

const ways = {
  key: () => requestKey().length > 0,
  map: () => {
    const key = requestKey();
    const entry = map.get(key);
    if (entry === undefined) return false;
    map.delete(key);
    map.set(key, entry);
    return true;
  },
  cache: () => cache.get(requestKey()) !== undefined,
};

const rounds = Number(process.argv[2] ?? 3);
const lookups = 200_000;
const results = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const [name, lookup] of Object.entries(ways)) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < lookups; i += 1) if (!lookup()) throw new Error(`${name}: the key was not found`);
    results[name].push(Number(process.hrtime.bigint() - started) / lookups / 1000);
  }
}
console.log(`key of ${requestKey().length} characters, ${lookups} lookups a round, ${rounds} rounds; load average ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [name, times] of Object.entries(results)) console.log(`${name.padEnd(6)} ${times.map((t) => t.toFixed(2)).join(', ')} µs a lookup`);
