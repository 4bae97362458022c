/**
 * A throwaway experiment, not part of the product: machine instructions per request of the router's enrichment
 * (`_entities` with 20 random codes, a new set every request) for the server, its Apollo path, the bench's peers and
 * the serialising ceiling, counted by valgrind's callgrind (docs/performance.md, "The router's path"). Throughput
 * and CPU time move with whatever else runs on a shared machine. So, it turned out, does this count, if less: under
 * valgrind a request takes ~100 times its wall time, and work that is timed rather than counted (V8's idle-time
 * collections, concurrent recompilation, timers) lands inside the window in amounts that depend on how slowly the
 * process runs; the same build gave 9.5 M and 24.5 M in two runs. Compare counts taken one after another in one
 * run, and repeat them. A count leaves out the kernel, cache misses and memory traffic.
 *
 * Each process runs under `valgrind --tool=callgrind` (50-100 times slower), is sent every occupation once and then
 * `warm` enrichment requests (so V8 has optimised what it will); a dump then (`callgrind_control -d`) ends what was
 * counted so far, and a second dump after `count` requests answered one after another holds just those, GC and
 * compiler threads included. Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node docs/experiments/instructions-per-request.js [count, default 100] [warm, default 300] [variant ...]
 *
 * Variants: server, apollo-path (FAST_PATH=0), graphql-jit, mercurius, ceiling (all by default), and `label=dir` for
 * the server built into `dir` (another commit's build).
 */
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const net = require('node:net');

const root = resolve(__dirname, '../..');
const [count = 100, warm = 300] = process.argv.slice(2, 4).map(Number);
const { enrichmentBodies, serverNodeFlags } = require(join(root, 'dist/scripts/load-support'));
const { ENRICHMENT_QUERY } = require(join(root, 'dist/scripts/operations'));
const { server, chooseVariants, freePort } = require('./router-variants');
const VARIANTS = chooseVariants(process.argv.slice(4), ['server', 'apollo-path', 'graphql-jit', 'mercurius', 'ceiling']);
const chosen = Object.keys(VARIANTS);

const listening = (port) =>
  new Promise((res) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.end(), res(true)));
    socket.once('error', () => res(false));
  });

const agent = new (require('node:http').Agent)({ keepAlive: true, maxSockets: 1 });
function post(port, body) {
  return new Promise((res, rej) => {
    const req = require('node:http').request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => (response.statusCode === 200 ? res(Buffer.concat(chunks).toString()) : rej(new Error(`status ${response.statusCode}`))));
    });
    req.on('error', rej);
    req.end(body);
  });
}

/** Total instructions (Ir) in a callgrind dump. */
function instructions(file) {
  const text = readFileSync(file, 'utf8');
  const total = /^(?:summary|totals):\s+(\d+)/m.exec(text);
  if (total === null) throw new Error(`${file}: no totals line`);
  return Number(total[1]);
}

async function measure(name, codes, dir, answerFile) {
  const variant = VARIANTS[name];
  const port = await freePort();
  const out = join(dir, `${name}.%p.out`);
  const args = variant.ceiling ? [answerFile, '--stringify'] : [];
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: 'info', ...variant.env };
  const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, ...serverNodeFlags(root), variant.entry, ...args], {
    env,
    stdio: ['ignore', variant.ceiling ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL') {
      console.error(`${name} exited (${code ?? signal}) before it was measured:\n${stderr}`);
      process.exit(1);
    }
  });
  let target = port;
  if (variant.ceiling) target = await new Promise((res) => child.stdout.once('data', (chunk) => res(Number(/"port":(\d+)/.exec(String(chunk))[1]))));
  while (!(await listening(target))) await new Promise((res) => setTimeout(res, 500));
  if (!variant.ceiling) {
    for (let i = 0; i < codes.length; i += 50) {
      const representations = codes.slice(i, i + 50).map((code) => ({ __typename: 'Occupation', code }));
      await post(target, JSON.stringify({ query: ENRICHMENT_QUERY, variables: { representations }, operationName: 'Enrichment' }));
    }
  }
  const next = enrichmentBodies(codes, 20, 11);
  for (let i = 0; i < warm; i += 1) await post(target, next());
  // A dump writes what was counted since the last one and starts again from zero: the second dump is the window.
  const dumped = async (n) => {
    execFileSync('callgrind_control', ['-d', String(child.pid)], { stdio: 'ignore' });
    const file = join(dir, `${name}.${child.pid}.out.${n}`);
    while (!readdirSync(dir).includes(`${name}.${child.pid}.out.${n}`)) await new Promise((res) => setTimeout(res, 200));
    await new Promise((res) => setTimeout(res, 500));
    return file;
  };
  await dumped(1);
  const measured = enrichmentBodies(codes, 20, 12);
  for (let i = 0; i < count; i += 1) await post(target, measured());
  const total = instructions(await dumped(2));
  child.kill('SIGKILL');
  await new Promise((res) => child.once('exit', res));
  return total / count;
}

async function main() {
  const Database = require('better-sqlite3');
  const db = new Database(resolve(root, process.env.STORE_FILE ?? 'var/store.sqlite'), { readonly: true });
  const codes = db.prepare('select code from occupation order by code').all().map((r) => r.code);
  db.close();
  const dir = mkdtempSync(join(tmpdir(), 'instructions-'));
  // The ceiling's answer: a median-sized 20-code answer from the server, run natively.
  const port = await freePort();
  const native = spawn(process.execPath, [server], { env: { ...process.env, NODE_ENV: 'production', PORT: String(port) }, stdio: 'ignore' });
  while (!(await listening(port))) await new Promise((res) => setTimeout(res, 200));
  const next = enrichmentBodies(codes, 20, 99);
  const answers = [];
  for (let i = 0; i < 11; i += 1) answers.push(await post(port, next()));
  native.kill();
  const middle = answers.sort((a, b) => a.length - b.length)[5];
  const answerFile = join(dir, 'answer.json');
  writeFileSync(answerFile, JSON.stringify({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: middle }));
  const results = {};
  for (const name of chosen) {
    results[name] = await measure(name, codes, dir, answerFile);
    console.log(`${name.padEnd(12)} ${(results[name] / 1e6).toFixed(2)} M instructions per request`);
  }
  if (results.ceiling !== undefined) {
    for (const name of chosen) console.log(`ceiling / ${name}: ${((100 * results.ceiling) / results[name]).toFixed(1)}%`);
  }
  // KEEP=1 keeps the dumps, for `callgrind_annotate <dir>/<variant>.<pid>.out.2`.
  if (process.env.KEEP) console.log(`dumps kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
