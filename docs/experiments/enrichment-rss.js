/**
 * A throwaway experiment, not part of the product: what the server's resident memory is made of under router
 * enrichment (docs/performance.md, "RSS"). Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node docs/experiments/enrichment-rss.js [seconds per run, default 15] [rounds, default 2]
 *
 * Each variant is the production server in its own process, with the node flags and settings its row names. In
 * alternating rounds, each is started, sent every occupation once (in sets of 50, as the bench warms), then driven
 * with `_entities` of 20 random codes (ENRICHMENT_SIZE=50: 50), a distinct body every request, at 10 connections;
 * its RSS is sampled every 250 ms. Printed: RSS at rest, after the warm pass, the highest under load, req/s, the
 * server's CPU time per request, p50 and p99.
 */
const { resolve, join } = require('node:path');
const { loadavg } = require('node:os');
const root = resolve(__dirname, '../..');
const support = require(join(root, 'dist/scripts/load-support'));
const { openStore } = require(join(root, 'dist/src/store/store'));

const seconds = Number(process.argv[2] ?? 15);
const size = Number(process.env.ENRICHMENT_SIZE ?? 20);
const rounds = Number(process.argv[3] ?? 2);
const storeFile = join(root, 'var/store.sqlite');
const flags = support.serverNodeFlags(root);

// Flags are spelled out, not taken from package.json, so each row means the same thing after `npm start` changes.
const semi8 = ['--max-semi-space-size=8'];
const capped = (mb, semi = 8) => [`--max-semi-space-size=${semi}`, `--max-old-space-size=${mb}`];
const all = [
  { name: "V8's default heap limit", env: {}, flags: semi8 },
  { name: 'default limit, RESPONSE_CACHE_MIN_USES=1', env: { RESPONSE_CACHE_MIN_USES: '1' }, flags: semi8 },
  { name: 'default limit, RESPONSE_CACHE_MB=0', env: { RESPONSE_CACHE_MB: '0' }, flags: semi8 },
  { name: 'default limit, STORE_HELD_ROWS=0', env: { STORE_HELD_ROWS: '0' }, flags: semi8 },
  { name: '--max-old-space-size=128', env: {}, flags: capped(128) },
  { name: '--max-old-space-size=192', env: {}, flags: capped(192) },
  { name: 'default limit, --max-semi-space-size=2', env: {}, flags: ['--max-semi-space-size=2'] },
  { name: 'default limit, --max-semi-space-size=16', env: {}, flags: ['--max-semi-space-size=16'] },
  { name: 'default limit, MALLOC_ARENA_MAX=1', env: { MALLOC_ARENA_MAX: '1' }, flags: semi8 },
  { name: '--max-old-space-size=256', env: {}, flags: capped(256) },
  { name: 'semi-space 16, --max-old-space-size=192', env: {}, flags: capped(192, 16) },
  { name: 'semi-space 16, --max-old-space-size=256', env: {}, flags: capped(256, 16) },
  { name: '--max-old-space-size=512', env: {}, flags: capped(512) },
  { name: '--max-old-space-size=1024', env: {}, flags: capped(1024) },
  { name: 'semi-space 16, --max-old-space-size=1024', env: {}, flags: capped(1024, 16) },
  { name: 'semi-space 32, --max-old-space-size=1024', env: {}, flags: capped(1024, 32) },
  { name: 'as `npm start` runs it', env: {}, flags },
  // Issue 24: Node 24 (V8 13) under the same flags.
  { name: 'semi-space 8, --max-old-space-size=1024, --no-maglev', env: {}, flags: [...capped(1024), '--no-maglev'] },
  { name: 'semi-space 4, --max-old-space-size=1024', env: {}, flags: capped(1024, 4) },
  { name: 'semi-space 8, --max-old-space-size=1024, STORE_HELD_ROWS=0', env: { STORE_HELD_ROWS: '0' }, flags: capped(1024) },
  { name: 'semi-space 8, --max-old-space-size=1024, --trace-gc', env: {}, flags: [...capped(1024), '--trace-gc'], traceGc: true },
];
// OTHER_ROOT=<a checkout of another commit, built> adds its server, as `npm start` runs it, last: a change side by side.
if (process.env.OTHER_ROOT) all.push({ name: `as \`npm start\` runs it, from ${process.env.OTHER_ROOT}`, env: {}, flags, root: process.env.OTHER_ROOT });
// VARIANTS=0,4,5 picks some (by position above); all by default.
const variants = process.env.VARIANTS ? process.env.VARIANTS.split(',').map((i) => all[Number(i)]) : all;

async function run(variant, round) {
  const env = { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: storeFile, ...variant.env };
  const server = support.startProcess(join(variant.root ?? root, 'dist/src/index.js'), env, { keepLines: variant.traceGc === true, nodeFlags: variant.flags });
  const port = await server.ready;
  const pid = server.child.pid;
  const atRest = support.rssMb(pid);
  const store = await openStore(storeFile);
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  await store.close();
  await support.warmOverEveryCode(port, codes);
  const warm = support.rssMb(pid);
  let highest = warm;
  const timer = setInterval(() => (highest = Math.max(highest, support.rssMb(pid))), 250);
  const cpuBefore = support.cpuMs(pid);
  const result = await support.load(port, [support.enrichmentRequest(support.enrichmentBodies(codes, size, 100 + round))], { connections: 10, seconds });
  const cpuPerRequest = (support.cpuMs(pid) - cpuBefore) / result.requests;
  clearInterval(timer);
  // With --trace-gc: the heap after the last mark-compact and its largest size before one, as V8 reports them.
  if (variant.traceGc) {
    const compactions = server.lines.filter((line) => line.includes('Mark-Compact')).map((line) => /Mark-Compact ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(line)).filter(Boolean);
    const last = compactions.at(-1);
    console.log(`  ${variant.name}: ${compactions.length} mark-compacts; heap before them up to ${Math.max(...compactions.map((m) => Number(m[1])))} MB used (${Math.max(...compactions.map((m) => Number(m[2])))} MB committed); after the last ${last?.[3]} MB used (${last?.[4]} MB committed)`);
  }
  server.child.kill('SIGTERM');
  await server.exited;
  return { atRest, warm, highest, rps: result.requestsPerSecond, cpu: cpuPerRequest.toFixed(2), p50: result.p50Ms, p99: result.p99Ms, errors: result.errors + result.non2xx + result.timeouts };
}

async function main() {
  console.log(`enrichment RSS: ${size} codes, 10 connections, ${seconds} s a run, ${rounds} alternating rounds; node ${process.version}`);
  const results = new Map(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) results.get(variant.name).push(await run(variant, round));
  }
  for (const variant of variants) {
    for (const r of results.get(variant.name)) {
      console.log(`${variant.name.padEnd(50)} ${r.atRest} -> ${r.warm} -> ${r.highest} MB  ${r.rps} req/s  CPU ${r.cpu} ms/req  p50 ${r.p50} p99 ${r.p99} ms  errors ${r.errors}`);
    }
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
