/**
 * A throwaway experiment, not part of the product: what compression costs and saves on this service's answers
 * (docs/performance.md, "Compressed answers"). Run from the project root after `npm run build` and
 * `npm run build:store`:
 *
 *   node docs/experiments/compression.js      (STORE_FILE picks another store, e.g. var/test/store.sqlite)
 *
 * The answers are the real ones, executed in process on var/store.sqlite (Apollo's JSON, as the HTTP front sends
 * it). Printed:
 *  1. each README query and the larger operations: bytes uncompressed, with gzip and with br at the levels the
 *     server uses (src/http/compression.ts), and the 1,460-byte TCP segments each needs;
 *  2. brotli qualities and gzip levels on three sizes of answer: bytes and the median time of one compression;
 *  3. the event loop while 40 of the largest answers are compressed with br, synchronously and on the thread pool
 *     (4 at a time): the p99 and the longest delay `monitorEventLoopDelay` saw;
 *  4. the CPU time of one compression of the full framework when 50 run at once on the thread pool, as under load.
 */
const { join, resolve } = require('node:path');
const { loadavg } = require('node:os');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const zlib = require('node:zlib');
const root = resolve(__dirname, '../..');
const { createServer } = require(join(root, 'dist/src/server'));
const { createContext } = require(join(root, 'dist/src/context'));
const { openStore } = require(join(root, 'dist/src/store/store'));
const { compress, MIN_COMPRESSED_BYTES } = require(join(root, 'dist/src/http/compression'));
const { readmeCases } = require(join(root, 'dist/scripts/answer-cases'));
const { ENRICHMENT_QUERY, EVERYTHING_QUERY, FULL_FRAMEWORK_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } = require(join(root, 'dist/scripts/operations'));

const SEGMENT = 1460;
const segments = (bytes) => Math.ceil(bytes / SEGMENT);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(run, reps) {
  const times = [];
  let out;
  for (let i = 0; i < reps; i += 1) {
    const started = process.hrtime.bigint();
    out = run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { bytes: out.length, ms: median(times) };
}

async function main() {
  const store = await openStore(process.env.STORE_FILE ?? join(root, 'var/store.sqlite'));
  const server = createServer({ production: true });
  await server.start();
  const answer = async (query, variables) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: createContext(store) });
    return Buffer.from(`${JSON.stringify(response.body.singleResult)}\n`);
  };
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  const twenty = codes.filter((_, i) => i % 50 === 0).slice(0, 20).map((code) => ({ __typename: 'Occupation', code }));
  const cases = [
    ...readmeCases().map((c) => ({ name: c.name.replace(/^README: /, '').slice(0, 60), query: c.query, variables: c.variables })),
    { name: 'full framework (the bench)', query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } },
    { name: 'router enrichment, 20 codes', query: ENRICHMENT_QUERY, variables: { representations: twenty } },
    { name: 'everything about Legal Secretaries', query: EVERYTHING_QUERY, variables: { code: '43-6012.00' } },
    { name: 'occupations(first: 100) with anchors (the bench)', query: OCCUPATIONS_WITH_ANCHORS_QUERY },
  ];
  const bodies = new Map();
  console.log(`node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`\n1. sizes (threshold ${MIN_COMPRESSED_BYTES} bytes; segments of ${SEGMENT} bytes, headers not counted)`);
  console.log(`${'operation'.padEnd(62)}${'identity'.padStart(10)}${'gzip'.padStart(9)}${'br'.padStart(9)}${'br/id'.padStart(7)}${'segments'.padStart(12)}`);
  for (const c of cases) {
    const body = await answer(c.query, c.variables);
    bodies.set(c.name, body);
    const gzip = await compress(body, 'gzip');
    const br = await compress(body, 'br');
    console.log(
      `${c.name.padEnd(62)}${String(body.length).padStart(10)}${String(gzip.length).padStart(9)}${String(br.length).padStart(9)}` +
        `${`${((100 * br.length) / body.length).toFixed(0)}%`.padStart(7)}${`${segments(body.length)} -> ${segments(br.length)}`.padStart(12)}`,
    );
  }

  console.log('\n2. levels: bytes and median ms of one synchronous compression');
  const levels = [
    ...[1, 3, 4, 5, 6, 9, 11].map((q) => ({ name: `br q${q}`, run: (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) })),
    ...[1, 6, 9].map((level) => ({ name: `gzip ${level}`, run: (b) => zlib.gzipSync(b, { level }) })),
  ];
  const sampled = ['router enrichment, 20 codes', 'full framework (the bench)', 'everything about Legal Secretaries'];
  console.log(`${'level'.padEnd(10)}${sampled.map((n) => `${n.slice(0, 24)} (${bodies.get(n).length})`.padStart(40)).join('')}`);
  for (const level of levels) {
    const cells = sampled.map((n) => {
      const body = bodies.get(n);
      const { bytes, ms } = timed(() => level.run(body), level.name === 'br q11' ? 3 : 15);
      return `${bytes} B ${ms.toFixed(2)} ms`.padStart(40);
    });
    console.log(`${level.name.padEnd(10)}${cells.join('')}`);
  }

  console.log('\n3. the event loop while the largest answer is compressed 40 times with br at the server\'s quality');
  const largest = bodies.get('everything about Legal Secretaries');
  const quality = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };
  const watch = async (name, run) => {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    const ticker = setInterval(() => {}, 1);
    histogram.enable();
    const started = performance.now();
    await run();
    const wall = performance.now() - started;
    histogram.disable();
    clearInterval(ticker);
    console.log(`${name.padEnd(34)} wall ${wall.toFixed(0).padStart(5)} ms   event loop delay p99 ${(histogram.percentile(99) / 1e6).toFixed(1).padStart(6)} ms, max ${(histogram.max / 1e6).toFixed(1).padStart(6)} ms`);
  };
  await watch('synchronous (brotliCompressSync)', async () => {
    for (let i = 0; i < 40; i += 1) {
      zlib.brotliCompressSync(largest, quality);
      await new Promise((r) => setImmediate(r));
    }
  });
  await watch('thread pool, 4 at a time', async () => {
    const one = () => new Promise((r, j) => zlib.brotliCompress(largest, quality, (e, out) => (e ? j(e) : r(out))));
    for (let i = 0; i < 40; i += 4) await Promise.all([one(), one(), one(), one()]);
  });

  console.log('\n4. CPU ms per compression of the full framework, one at a time and 50 at once on the thread pool');
  const fullBody = bodies.get('full framework (the bench)');
  const window = Math.min(24, Math.max(10, Math.ceil(Math.log2(fullBody.length))));
  const brotli = (q, lgwin) => ({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: fullBody.length, ...(lgwin ? { [zlib.constants.BROTLI_PARAM_LGWIN]: lgwin } : {}) } });
  const variants = [
    { name: 'br q4, window sized to the body', run: (cb) => zlib.brotliCompress(fullBody, brotli(4, window), cb) },
    { name: 'br q5', run: (cb) => zlib.brotliCompress(fullBody, brotli(5), cb) },
    { name: 'br q5, window sized to the body', run: (cb) => zlib.brotliCompress(fullBody, brotli(5, window), cb) },
    { name: 'gzip 6', run: (cb) => zlib.gzip(fullBody, { level: 6 }, cb) },
  ];
  for (const variant of variants) {
    const one = () => new Promise((r, j) => variant.run((e, out) => (e ? j(e) : r(out))));
    let cpu = process.cpuUsage();
    for (let i = 0; i < 50; i += 1) await one();
    const alone = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    await Promise.all(Array.from({ length: 50 }, one));
    const together = process.cpuUsage(cpu);
    const ms = (u) => ((u.user + u.system) / 50 / 1000).toFixed(2);
    console.log(`${variant.name.padEnd(34)} one at a time ${ms(alone).padStart(6)} ms   50 at once ${ms(together).padStart(6)} ms`);
  }
  await server.stop();
  await store.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
