/**
 * A throwaway experiment, not part of the product: CPU per request of the router's enrichment (`_entities` with 20
 * random codes, a new set every request, 10 connections) for several server variants side by side, each in its own
 * process with npm start's node flags, in alternating rounds (docs/performance.md, "The router's path"). CPU per
 * request is the process's user + system time over a run divided by the requests it answered: other work on a
 * shared machine moves it far less than throughput. Run from the project root after `npm run build` and
 * `npm run build:store`:
 *
 *   node docs/experiments/router-path-costs.js [seconds per run, default 6] [rounds, default 3] [variant ...]
 *
 * Variants (all by default): server (as shipped), apollo-path (FAST_PATH=0), no-cache (RESPONSE_CACHE_MB=0),
 * no-log (LOG_LEVEL=warn: no access log line), bare (both), graphql-jit and mercurius (the bench's peers), and
 * ceiling (the serialising ceiling over one 20-code answer); `label=dir` is the server built into `dir` (another
 * commit's build).
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir, loadavg } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const [seconds = 6, rounds = 3] = process.argv.slice(2, 4).map(Number);
const { load, enrichmentBodies, enrichmentRequest, serverNodeFlags, cpuMs } = require(join(root, 'dist/scripts/load-support'));
const { ENRICHMENT_QUERY } = require(join(root, 'dist/scripts/operations'));

const { server, VARIANTS: ALL, chooseVariants, freePort } = require('./router-variants');
const VARIANTS = chooseVariants(process.argv.slice(4), Object.keys(ALL));
const chosen = Object.keys(VARIANTS);

/** Starts a process on a free port and waits until it accepts connections. */
async function start(entry, env, args = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(root), entry, ...args], { env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${entry} exited before it listened`);
    const open = await new Promise((res) => {
      const socket = require('node:net').connect(port, '127.0.0.1', () => (socket.end(), res(true)));
      socket.once('error', () => res(false));
    });
    if (open) return { child, port };
    await new Promise((res) => setTimeout(res, 200));
  }
}

const post = (port, body) => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text());

async function main() {
  const Database = require('better-sqlite3');
  const db = new Database(resolve(root, process.env.STORE_FILE ?? 'var/store.sqlite'), { readonly: true });
  const codes = db.prepare('select code from occupation order by code').all().map((r) => r.code);
  db.close();
  const dir = mkdtempSync(join(tmpdir(), 'router-path-costs-'));
  const running = {};
  for (const name of chosen) {
    const variant = VARIANTS[name];
    if (variant.ceiling) {
      const body = enrichmentBodies(codes, 20, 99)();
      const answer = await post(running.server?.port ?? (await start(server, {})).port, body);
      const file = join(dir, 'answer.json');
      writeFileSync(file, JSON.stringify({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: answer }));
      const child = spawn(process.execPath, [...serverNodeFlags(root), variant.entry, file, '--stringify'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const port = await new Promise((res) => child.stdout.once('data', (chunk) => res(Number(/"port":(\d+)/.exec(String(chunk))[1]))));
      running[name] = { child, port };
      continue;
    }
    running[name] = await start(variant.entry, variant.env);
    process.stderr.write(`${name} started on ${running[name].port}\n`);
    for (let i = 0; i < codes.length; i += 50) {
      const representations = codes.slice(i, i + 50).map((code) => ({ __typename: 'Occupation', code }));
      await post(running[name].port, JSON.stringify({ query: ENRICHMENT_QUERY, variables: { representations }, operationName: 'Enrichment' }));
    }
  }
  const results = Object.fromEntries(chosen.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of chosen) {
      const { child, port } = running[name];
      const request = enrichmentRequest(enrichmentBodies(codes, 20, round + 1));
      await load(port, [request], { connections: 10, seconds: 1 });
      const before = cpuMs(child.pid);
      const run = await load(port, [request], { connections: 10, seconds });
      results[name].push({ rps: run.requestsPerSecond, cpu: (cpuMs(child.pid) - before) / run.requests, p99: run.p99Ms });
    }
  }
  for (const { child } of Object.values(running)) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ceiling = results.ceiling ? median(results.ceiling.map((r) => r.cpu)) : undefined;
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${rounds} rounds of ${seconds} s, medians (each round's values in brackets)`);
  for (const name of chosen) {
    const cpu = median(results[name].map((r) => r.cpu));
    const share = ceiling === undefined ? '' : `  ceiling/this ${((100 * ceiling) / cpu).toFixed(1)}%`;
    console.log(`${name.padEnd(12)} CPU ${cpu.toFixed(3)} ms/req [${results[name].map((r) => r.cpu.toFixed(2)).join(' ')}]  req/s ${median(results[name].map((r) => r.rps))} [${results[name].map((r) => r.rps).join(' ')}]  p99 ${median(results[name].map((r) => r.p99))} ms${share}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
