/**
 * A throwaway experiment, not part of the product: where a server's CPU time goes under the router's enrichment
 * workload (docs/performance.md, "The router's path"). Starts one server as its own process with `--cpu-prof` and
 * npm start's node flags, sends it every occupation once, then `_entities` with 20 random codes (a new set every
 * request) at 10 connections for the given seconds, stops it and prints its self time grouped by where the code
 * lives, and the heaviest functions. Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node docs/experiments/enrichment-profile.js [entry, default dist/src/index.js] [seconds, default 10] [codes, default 20]
 *
 * e.g. `dist/scripts/peer-graphql-jit.js` profiles the bare graphql-jit peer the same way.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir, loadavg } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const entry = resolve(root, process.argv[2] ?? 'dist/src/index.js');
const seconds = Number(process.argv[3] ?? 10);
const size = Number(process.argv[4] ?? 20);
const { load, enrichmentBodies, enrichmentRequest, serverNodeFlags } = require(join(root, 'dist/scripts/load-support'));
const { ENRICHMENT_QUERY } = require(join(root, 'dist/scripts/operations'));

/** Where a profiled function lives, by its script's path. */
function groupOf(url, name) {
  if (url === '') return name.startsWith('(') ? name : `native: ${name}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  const own = /dist\/(src\/[^/]+(?:\/[^/.]+)?|scripts\/[^/.]+)/.exec(url);
  if (own) return own[1];
  if (url.startsWith('evalmachine') || !url.includes('/')) return 'generated code (graphql-jit)';
  return url;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'enrichment-profile-'));
  const child = spawn(process.execPath, [...serverNodeFlags(root), '--cpu-prof', `--cpu-prof-dir=${dir}`, entry], {
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((res, rej) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /"port":(\d+)/.exec(text);
      if (match) {
        res(Number(match[1]));
        text = '';
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
      }
    });
    child.once('exit', (code) => rej(new Error(`exited with ${code}`)));
  });
  const storeFile = resolve(root, process.env.STORE_FILE ?? 'var/store.sqlite');
  const Database = require('better-sqlite3');
  const db = new Database(storeFile, { readonly: true });
  const codes = db.prepare('select code from occupation order by code').all().map((r) => r.code);
  db.close();
  for (let i = 0; i < codes.length; i += 50) {
    const representations = codes.slice(i, i + 50).map((code) => ({ __typename: 'Occupation', code }));
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ENRICHMENT_QUERY, variables: { representations }, operationName: 'Enrichment' }) }).then((r) => r.text());
  }
  const before = loadavg()[0];
  // V8's profile timestamps and process.hrtime are both the monotonic clock, in µs and ns: only the load run counts.
  const from = Number(process.hrtime.bigint() / 1000n);
  const result = await load(port, [enrichmentRequest(enrichmentBodies(codes, size, 5))], { connections: 10, seconds });
  const to = Number(process.hrtime.bigint() / 1000n);
  console.log(`${entry}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.requests} requests, errors ${result.errors}, non-2xx ${result.non2xx}; load average ${before.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
  child.kill('SIGTERM');
  await new Promise((res) => child.once('exit', res));
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  // Self time per node: samples whose top frame is the node, times the sampling interval, inside the load run.
  const self = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const groups = new Map();
  const functions = new Map();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const group = groupOf(url, functionName || '(anonymous)');
    groups.set(group, (groups.get(group) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*dist\//, '')}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const share = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`busy ${(total / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s; busy CPU per request ${(total / result.requests / 1000).toFixed(3)} ms`);
  console.log('by where the code lives:');
  for (const [group, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${share(us)}  ${group}`);
  console.log('heaviest functions (self time):');
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${share(us)}  ${fn}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
