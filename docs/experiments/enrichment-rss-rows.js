/**
 * A throwaway experiment, not part of the product: does the server's resident memory under router enrichment grow
 * with the rows it served before, or with the time under one load (issue 24; docs/performance.md, "Node 20 and Node
 * 24, side by side")? One production server, started with `npm start`'s flags (FLAGS overrides them), sent every
 * occupation once (in sets of 50, as the bench warms), then driven with `_entities` of each size in SIZES (default
 * 20,50,1) in turn, SECS seconds each (default 10), at 10 connections; RSS sampled every 250 ms. Printed per row: the
 * highest RSS, req/s and the server's CPU time per request. Run from the project root after `npm run build` and
 * `npm run build:store`, under the Node to measure:
 *
 *   SECS=20 SIZES=20,50,1 node docs/experiments/enrichment-rss-rows.js
 */
const { join, resolve } = require('node:path');
const root = resolve(__dirname, '../..');
const support = require(join(root, 'dist/scripts/load-support'));
const { openStore } = require(join(root, 'dist/src/store/store'));

async function main() {
  const storeFile = join(root, 'var/store.sqlite');
  const flags = process.env.FLAGS ? process.env.FLAGS.split(' ') : support.serverNodeFlags(root);
  const server = support.startProcess(join(root, 'dist/src/index.js'), { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: storeFile }, { keepLines: false, nodeFlags: flags });
  const port = await server.ready;
  const pid = server.child.pid;
  const store = await openStore(storeFile);
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  await store.close();
  await support.warmOverEveryCode(port, codes);
  const rows = [`after the warm pass ${support.rssMb(pid)} MB`];
  for (const size of (process.env.SIZES ?? '20,50,1').split(',').map(Number)) {
    let highest = 0;
    const timer = setInterval(() => (highest = Math.max(highest, support.rssMb(pid))), 250);
    const cpuBefore = support.cpuMs(pid);
    const result = await support.load(port, [support.enrichmentRequest(support.enrichmentBodies(codes, size, 7 + size))], { connections: 10, seconds: Number(process.env.SECS ?? 10) });
    clearInterval(timer);
    rows.push(`${size} codes: highest ${highest} MB, ${Math.round(result.requestsPerSecond)} req/s, ${((support.cpuMs(pid) - cpuBefore) / result.requests).toFixed(2)} ms CPU a request`);
  }
  console.log(`node ${process.version} ${flags.join(' ')}${process.env.RESPONSE_CACHE_MB === undefined ? '' : `, RESPONSE_CACHE_MB=${process.env.RESPONSE_CACHE_MB}`}; load average ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const row of rows) console.log(`  ${row}`);
  server.child.kill('SIGTERM');
  await server.exited;
}

void main();
