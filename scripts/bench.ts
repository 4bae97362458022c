/**
 * `npm run bench`: the production server, in its own process, on a store built from a snapshot of data/ (timed), driven over loopback by
 * autocannon in bounded runs, beside a ceiling: a bare node:http server in its own process answering the same
 * bytes. Prints every figure and its ratio to the ceiling. Figures, not assertions: see docs/performance.md.
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 20) bound each run; BENCH_ROUNDS (default 2) runs
 * server and ceiling in turn that many times and keeps the best of each. Errors and non-2xx are summed over runs.
 *
 * The router enrichment rows (issues 11 and 24) send `_entities` with 20, 50 or 1 random occupation codes, a new set
 * in every request body, at BENCH_ENRICHMENT_CONNECTIONS (default 10; BENCH_ENRICHMENT_SIZES, default `20,50,1`).
 * Beside the server, in turns, run the same server with FAST_PATH=0, for 20 codes the same server with its entity
 * cache off (ENTITY_CACHE_MB=0), the two peers (scripts/peer-mercurius.ts:
 * Fastify and Mercurius with graphql-jit; scripts/peer-graphql-jit.ts: graphql-jit in a bare node:http handler; both
 * over the same schema, resolvers, loaders and store) and the serialising ceiling (the ceiling server with
 * `--stringify`: a median-sized answer held parsed and stringified per request).
 * The compression rows (issue 24) send the full framework with no Accept-Encoding, `br` and `gzip`, repeated (so from
 * the response cache, compressed once), beside the ceiling sending the same (compressed) bytes; then, with the cache off,
 * the full framework again (executed and compressed on every request) with no coding, gzip and br, with a small
 * query beside it, for the p99 of both.
 * BENCH_ONLY=enrichment, BENCH_ONLY=operations or BENCH_ONLY=compression runs one part.
 */
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../src/config';
import { createContext } from '../src/context';
import { createServer } from '../src/server';
import { loadTypeDefs } from '../src/schema';
import { openStore } from '../src/store/store';
import { ENRICHMENT_QUERY, FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from './operations';
import { cpuMs, enrichmentBodies, enrichmentRequest, load, warmOverEveryCode, rssMb, serverNodeFlags, sleep, snapshotStore, startProcess, type LoadRequest, type LoadResult, type ServerProcess, type Snapshot } from './load-support';

/** One operation to measure. scripts/bench-search.ts, when present, exports `benchSearch(): BenchCase | Promise<BenchCase>`. */
export interface BenchCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const root = resolve(__dirname, '../..');
const projectDataDir = join(root, 'data');
const serverEntry = join(root, 'dist/src/index.js');
const ceilingEntry = join(__dirname, 'ceiling-server.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const inMemoryEntry = join(__dirname, 'in-memory-server.js');
const enrichmentConnections = Number(process.env.BENCH_ENRICHMENT_CONNECTIONS ?? 10);
const only = process.env.BENCH_ONLY;

function toRequest(c: BenchCase): LoadRequest {
  const body = JSON.stringify({ query: c.query, variables: c.variables, operationName: c.operationName });
  return { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body };
}

async function cases(storeFile: string): Promise<{ cases: BenchCase[]; notes: string[] }> {
  const store = await openStore(storeFile);
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').limit(100).execute()).map((r) => r.code);
  await store.close();
  const list: BenchCase[] = [
    { name: 'full framework', query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' }, operationName: 'LegalSecretariesFramework' },
    { name: '_entities x100', query: OCCUPATION_ENTITIES_QUERY, variables: { representations: codes.map((code) => ({ __typename: 'Occupation', code })) }, operationName: 'Entities' },
    { name: 'occupations(first: 100)', query: OCCUPATIONS_WITH_ANCHORS_QUERY, operationName: 'OccupationsWithAnchors' },
  ];
  const notes: string[] = [];
  const searchModule = join(__dirname, 'bench-search.js');
  const hasSearch = loadTypeDefs().definitions.some(
    (d) => (d.kind === 'ObjectTypeDefinition' || d.kind === 'ObjectTypeExtension') && d.name.value === 'Query' && d.fields?.some((f) => f.name.value === 'searchOccupations'),
  );
  if (hasSearch && existsSync(searchModule)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { benchSearch } = require(searchModule) as { benchSearch: () => BenchCase | Promise<BenchCase> };
    list.push(await benchSearch());
  } else {
    notes.push(hasSearch ? 'title search: skipped, scripts/bench-search.ts is not there yet' : 'title search: skipped, the schema has no searchOccupations yet');
  }
  return { cases: list, notes };
}

/** SQL statements one execution runs, measured in process with the same server and a fresh context. */
async function sqlStatementsPerOperation(storeFile: string, list: BenchCase[]): Promise<Map<string, number>> {
  const store = await openStore(storeFile);
  const server = createServer({ production: true });
  await server.start();
  const counts = new Map<string, number>();
  for (const c of list) {
    const contextValue = createContext(store);
    const response = await server.executeOperation({ query: c.query, variables: c.variables, operationName: c.operationName }, { contextValue });
    assert(response.body.kind === 'single');
    assert(response.body.singleResult.errors === undefined, `${c.name}: ${JSON.stringify(response.body.singleResult.errors)}`);
    counts.set(c.name, contextValue.sqlStatements.count);
  }
  await server.stop();
  await store.close();
  return counts;
}

interface Started {
  process: ServerProcess;
  port: number;
  readyMs: number;
}

async function startServer({ storeFile, dataDir }: Snapshot, env: Record<string, string>): Promise<Started> {
  const started = performance.now();
  const server = startProcess(serverEntry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: storeFile, DATA_DIR: dataDir, ...env }, { keepLines: false, nodeFlags: serverNodeFlags(root) });
  const port = await server.ready;
  return { process: server, port, readyMs: Math.round(performance.now() - started) };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** The response as a client sees it: status, the headers a cache or client would use, and the body. */
async function sample(port: number, request: LoadRequest) {
  const response = await fetch(`http://127.0.0.1:${port}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  const body = await response.text();
  assert(response.status === 200, `sample answered ${response.status}: ${body.slice(0, 300)}`);
  assert(!body.includes('"errors"'), `sample has errors: ${body.slice(0, 300)}`);
  const headers: Record<string, string> = {};
  for (const [key, value] of response.headers) if (!['date', 'connection', 'keep-alive', 'content-length', 'x-request-id'].includes(key)) headers[key] = value;
  return { headers, body };
}

/** What one measured run gives: the load run, the highest RSS seen and the server's CPU time per request. */
type Measured = LoadResult & { rssMaxMb: number; cpuPerRequestMs: number };

/**
 * A load run with the server's RSS sampled every 250 ms and its CPU time per request (the process's user and system
 * time over the run, divided by the requests answered; NaN without a pid).
 */
async function measured(port: number, pid: number | undefined, requests: LoadRequest[], runConnections = connections): Promise<Measured> {
  let rssMaxMb = 0;
  const sampler = setInterval(() => {
    if (pid !== undefined) rssMaxMb = Math.max(rssMaxMb, rssMb(pid));
  }, 250);
  // A short warm-up first, so JIT compilation and caches are not what is measured.
  await load(port, requests, { connections: runConnections, seconds: 2 });
  const cpuBefore = pid === undefined ? Number.NaN : cpuMs(pid);
  const result = await load(port, requests, { connections: runConnections, seconds });
  clearInterval(sampler);
  return { ...result, rssMaxMb, cpuPerRequestMs: pid === undefined ? Number.NaN : (cpuMs(pid) - cpuBefore) / result.requests };
}

async function ceilingFor(response: { headers: Record<string, string>; body: string | Buffer }, request: LoadRequest, dir: string, name: string, { serialising = false, runConnections = connections } = {}) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  const { headers, body } = response;
  writeFileSync(file, JSON.stringify(typeof body === 'string' ? { headers, body } : { headers, bodyBase64: body.toString('base64') }));
  const ceiling = startProcess(ceilingEntry, process.env, { keepLines: false, args: serialising ? [file, '--stringify'] : [file] });
  const port = await ceiling.ready;
  const result = await measured(port, ceiling.child.pid, [request], runConnections);
  await stop(ceiling);
  return result;
}

/** The run with more requests a second, keeping the highest RSS seen and the least CPU per request of either. */
function best(a: Measured, b: Measured): Measured {
  const winner = b.requestsPerSecond > a.requestsPerSecond ? b : a;
  return {
    ...winner,
    rssMaxMb: Math.max(a.rssMaxMb, b.rssMaxMb),
    cpuPerRequestMs: Math.min(a.cpuPerRequestMs, b.cpuPerRequestMs),
    errors: a.errors + b.errors,
    non2xx: a.non2xx + b.non2xx,
    timeouts: a.timeouts + b.timeouts,
  };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ratio = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

/**
 * In process, through `executeOperation` with a fresh context each time: the enrichment of 20 codes. The first
 * pass reads every occupation once (in sets of 20, nothing read before); then 300 random sets are timed.
 */
async function enrichmentInProcess(storeFile: string, codes: readonly string[]) {
  // Holding rows as the server does (STORE_HELD_ROWS).
  const store = await openStore(storeFile, { heldRows: readConfig().heldRows });
  const server = createServer({ production: true });
  await server.start();
  const run = async (body: string) => {
    const { variables } = JSON.parse(body) as { variables: Record<string, unknown> };
    const contextValue = createContext(store);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const response = await server.executeOperation({ query: ENRICHMENT_QUERY, variables, operationName: 'Enrichment' }, { contextValue });
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    assert(response.body.kind === 'single' && response.body.singleResult.errors === undefined);
    return { ms, cpuMs: (user + system) / 1000, sql: contextValue.sqlStatements.count };
  };
  const firstPass: number[] = [];
  for (let i = 0; i + 20 <= codes.length; i += 20) {
    const representations = codes.slice(i, i + 20).map((code) => ({ __typename: 'Occupation', code }));
    firstPass.push((await run(JSON.stringify({ variables: { representations } }))).ms);
  }
  const next = enrichmentBodies(codes, 20, 7);
  for (let i = 0; i < 100; i += 1) await run(next());
  const steady: number[] = [];
  const steadyCpu: number[] = [];
  let sql = 0;
  for (let i = 0; i < 300; i += 1) {
    const result = await run(next());
    steady.push(result.ms);
    steadyCpu.push(result.cpuMs);
    sql = Math.max(sql, result.sql);
  }
  const heldRows = store.held.rows;
  await server.stop();
  await store.close();
  return { firstPassMs: median(firstPass), medianMs: median(steady), p90Ms: quantile(steady, 0.9), cpuMs: median(steadyCpu), sql, heldRows };
}

/** A server of the enrichment rows: ours as `npm start` runs it, or a peer stack over the same schema, resolvers and store. */
interface EnrichmentServer {
  name: string;
  port: number;
  process: ServerProcess;
  /** Measured for this size only (the others print `-`). */
  onlySize?: number;
}

/** The peers (issue 24): the other stacks a subgraph over these resolvers could run on, each in its own process. */
const PEERS = [
  { name: 'mercurius', entry: join(__dirname, 'peer-mercurius.js') },
  { name: 'graphql-jit', entry: join(__dirname, 'peer-graphql-jit.js') },
];

const isPeer = (name: string) => PEERS.some((peer) => peer.name === name);

/** The enrichment sizes to run (BENCH_ENRICHMENT_SIZES, e.g. `20` for a quick run). */
const enrichmentSizes = (process.env.BENCH_ENRICHMENT_SIZES ?? '20,50,1').split(',').map(Number);

async function routerEnrichment(snapshot: Snapshot, dir: string): Promise<void> {
  const store = await openStore(snapshot.storeFile);
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  await store.close();
  const inProcess = await enrichmentInProcess(snapshot.storeFile, codes);

  const shipped = await startServer(snapshot, {});
  // The same server with the router's path off (FAST_PATH=0): every request through Apollo's pipeline.
  const apolloPath = await startServer(snapshot, { FAST_PATH: '0' });
  // The same server with its entity cache off (ENTITY_CACHE_MB=0): every batch executed whole, as before the cache.
  // Only for the 20-code row, the goal's, to keep the bench short.
  const entitiesOff = await startServer(snapshot, { ENTITY_CACHE_MB: '0' });
  const servers: EnrichmentServer[] = [
    { name: 'server', port: shipped.port, process: shipped.process },
    { name: 'apollo-path', port: apolloPath.port, process: apolloPath.process },
    { name: 'entities-off', port: entitiesOff.port, process: entitiesOff.process, onlySize: 20 },
  ];
  for (const peer of PEERS) {
    const started = startProcess(peer.entry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: snapshot.storeFile, DATA_DIR: snapshot.dataDir }, { keepLines: false, nodeFlags: serverNodeFlags(root) });
    servers.push({ name: peer.name, port: await started.ready, process: started });
  }
  for (const server of servers) await warmOverEveryCode(server.port, codes);

  interface EnrichmentRow { size: number; bytes: number[]; medianBytes: number; runs: Map<string, Measured>; ceiling: Measured }
  const rows: EnrichmentRow[] = [];
  for (const size of enrichmentSizes) {
    // Every server must answer the same bodies with the same data (the peers without Apollo's closing newline); the
    // median-sized answer feeds the ceiling.
    const next = enrichmentBodies(codes, size, 1000 + size);
    const answers: { headers: Record<string, string>; body: string }[] = [];
    for (let i = 0; i < 11; i += 1) {
      const request = { ...enrichmentRequest(next), body: next() };
      const fromServer = await sample(shipped.port, request);
      assert((await sample(apolloPath.port, request)).body === fromServer.body, `enrichment x${size}: the Apollo path answers differently`);
      assert((await sample(entitiesOff.port, request)).body === fromServer.body, `enrichment x${size}: the server with its entity cache off answers differently`);
      for (const peer of servers.filter((s) => isPeer(s.name))) assert((await sample(peer.port, request)).body === fromServer.body.trimEnd(), `enrichment x${size}: ${peer.name} answers differently`);
      answers.push(fromServer);
    }
    const bySize = [...answers].sort((a, b) => a.body.length - b.body.length);
    const middle = bySize[Math.floor(bySize.length / 2)]!;
    const runs = new Map<string, Measured>();
    let ceiling: Measured | undefined;
    for (let round = 0; round < rounds; round += 1) {
      // Each takes its turn with the same sequence of bodies; the best run of each counts.
      for (const server of servers) {
        if (server.onlySize !== undefined && server.onlySize !== size) continue;
        const run = await measured(server.port, server.process.child.pid, [enrichmentRequest(enrichmentBodies(codes, size, 10 * round + size))], enrichmentConnections);
        const before = runs.get(server.name);
        runs.set(server.name, before === undefined ? run : best(before, run));
      }
      const c = await ceilingFor(middle, enrichmentRequest(enrichmentBodies(codes, size, 10 * round + size)), dir, `enrichment-${size}`, { serialising: true, runConnections: enrichmentConnections });
      ceiling = ceiling === undefined ? c : best(ceiling, c);
    }
    assert(ceiling !== undefined);
    rows.push({ size, bytes: bySize.map((a) => Buffer.byteLength(a.body)), medianBytes: Buffer.byteLength(middle.body), runs, ceiling });
  }
  for (const server of servers) await stop(server.process);

  console.log('');
  console.log(`router enrichment: _entities with random codes from all ${codes.length} occupations, a new set (and a distinct body) every request, ${enrichmentConnections} connections; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${'reps'.padEnd(5)}${pad('bytes', 12)}${pad('ser.ceil', 9)}${servers.map((s) => `${pad(s.name, 13)}${pad('p50', 5)}${pad('p99', 5)}${pad('/ceil', 7)}`).join('')}${pad('server/best peer', 18)}${pad('errors', 7)}${pad('non2xx', 7)}${pad('RSS MB', 7)}`);
  for (const r of rows) {
    const range = `${Math.round(r.bytes[0]! / 1000)}-${Math.round(r.bytes.at(-1)! / 1000)} KB`;
    const all = servers.map((s) => r.runs.get(s.name));
    const measuredRuns = all.filter((run) => run !== undefined);
    const server = r.runs.get('server')!;
    const bestPeer = Math.max(...servers.filter((s) => isPeer(s.name)).map((s) => r.runs.get(s.name)!.requestsPerSecond));
    console.log(
      `${String(r.size).padEnd(5)}${pad(range, 12)}${pad(r.ceiling.requestsPerSecond, 9)}` +
        all.map((run) => (run === undefined ? `${pad('-', 13)}${pad('-', 5)}${pad('-', 5)}${pad('-', 7)}` : `${pad(run.requestsPerSecond, 13)}${pad(run.p50Ms, 5)}${pad(run.p99Ms, 5)}${pad(ratio(run.requestsPerSecond, r.ceiling.requestsPerSecond), 7)}`)).join('') +
        `${pad(ratio(server.requestsPerSecond, bestPeer), 18)}${pad(measuredRuns.reduce((n, run) => n + run.errors + run.timeouts, 0), 7)}${pad(measuredRuns.reduce((n, run) => n + run.non2xx, 0), 7)}${pad(server.rssMaxMb, 7)}`,
    );
  }
  console.log(`req/s of each server, its p50 and p99 in ms and its share of the serialising ceiling; bytes: the range of 11 sampled answers, the ceiling stringifies the median one.`);
  console.log('CPU ms per request (each process\'s user + system time over its best run / requests; other work on the machine moves this far less than req/s), and the ceiling\'s CPU per request as a share of each:');
  console.log(`${'reps'.padEnd(5)}${pad('ser.ceil', 9)}${servers.map((s) => `${pad(s.name, 13)}${pad('share', 7)}`).join('')}`);
  for (const r of rows) {
    const cost = (ms: number) => ms.toFixed(3);
    console.log(
      `${String(r.size).padEnd(5)}${pad(cost(r.ceiling.cpuPerRequestMs), 9)}` +
        servers.map((s) => r.runs.get(s.name)).map((run) => (run === undefined ? `${pad('-', 13)}${pad('-', 7)}` : `${pad(cost(run.cpuPerRequestMs), 13)}${pad(ratio(r.ceiling.cpuPerRequestMs, run.cpuPerRequestMs), 7)}`)).join(''),
    );
  }
  console.log(`apollo-path: the same server with FAST_PATH=0, every request through Apollo Server's pipeline (src/http/fast-path.ts).`);
  console.log(`entities-off: the same server with ENTITY_CACHE_MB=0, every batch executed whole down the fast path (src/http/entity-cache.ts); measured for 20 codes only. The server's entity cache holds every occupation after the first pass, as a subgraph behind a router soon does.`);
  console.log(`peers (same schema, resolvers, loaders and store with rows held, node flags of npm start): mercurius = Fastify + Mercurius with jit: 1 (scripts/peer-mercurius.ts); graphql-jit = graphql-jit in a bare node:http handler (scripts/peer-graphql-jit.ts).`);
  console.log(`every server was first sent every occupation once (in sets of 50), then a 2 s warm-up before each ${seconds} s run; best of ${rounds} alternating rounds.`);
  console.log(`in process, 20 codes (executeOperation, fresh context): ${inProcess.medianMs.toFixed(2)} ms median (CPU time ${inProcess.cpuMs.toFixed(2)} ms), ${inProcess.p90Ms.toFixed(2)} ms p90 over 300 random sets; ${inProcess.firstPassMs.toFixed(2)} ms median on the first pass over every code; ${inProcess.sql} SQL statements at most; ${inProcess.heldRows} rows held after (STORE_HELD_ROWS ${readConfig().heldRows})`);
  const twenty = rows.find((r) => r.size === 20);
  if (twenty !== undefined) {
    const server = twenty.runs.get('server')!;
    console.log('targets (issue 24), 20 codes:');
    for (const peer of PEERS) console.log(`  server ahead of ${peer.name}: ${ratio(server.requestsPerSecond, twenty.runs.get(peer.name)!.requestsPerSecond)} of its req/s`);
    console.log(`  (the router's path against Apollo's in the same server: ${ratio(server.requestsPerSecond, twenty.runs.get('apollo-path')!.requestsPerSecond)} of its req/s)`);
    const off = twenty.runs.get('entities-off')!;
    console.log(`  (the entity cache's effect: ${ratio(server.requestsPerSecond, off.requestsPerSecond)} of the req/s with it off, CPU per request ${server.cpuPerRequestMs.toFixed(3)} against ${off.cpuPerRequestMs.toFixed(3)} ms, p99 ${server.p99Ms} against ${off.p99Ms} ms)`);
    console.log(`  server >= 30% of the serialising ceiling: ${ratio(server.requestsPerSecond, twenty.ceiling.requestsPerSecond)} of its req/s (by CPU per request: ${ratio(twenty.ceiling.cpuPerRequestMs, server.cpuPerRequestMs)})`);
    console.log(`  p99 at ${enrichmentConnections} connections <= 40 ms: ${server.p99Ms} ms`);
  }
  console.log(`kept (issue 11): execution in process <= 2.5 ms: ${inProcess.medianMs.toFixed(2)} ms (CPU time ${inProcess.cpuMs.toFixed(2)} ms); RSS under load <= 250 MB: ${Math.max(...rows.map((r) => r.runs.get('server')!.rssMaxMb))} MB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/** The response's bytes as sent (fetch would decompress them) and the headers a ceiling repeats. */
function rawSample(port: number, request: LoadRequest): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: request.path, method: request.method, headers: request.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string' && !['date', 'connection', 'keep-alive', 'content-length', 'x-request-id'].includes(key)) headers[key] = value;
        assert(res.statusCode === 200, `sample answered ${res.statusCode}`);
        resolve({ headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Issue 24: compressed answers against the ceiling sending the same bytes, and the p99 of large answers compressed per request. */
async function compressedAnswers(snapshot: Snapshot, dir: string): Promise<void> {
  const full = toRequest({ name: 'full framework', query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' }, operationName: 'LegalSecretariesFramework' });
  const server = await startServer(snapshot, {});
  const repeated: { coding: string; bytes: number; server: LoadResult & { cpuPerRequestMs: number }; ceiling: LoadResult & { cpuPerRequestMs: number } }[] = [];
  for (const coding of ['none', 'br', 'gzip']) {
    const request = coding === 'none' ? full : { ...full, headers: { ...full.headers, 'accept-encoding': coding } };
    const answer = await rawSample(server.port, request);
    assert(answer.headers['content-encoding'] === (coding === 'none' ? undefined : coding), `the full framework was not sent with ${coding}`);
    let result = await measured(server.port, server.process.child.pid, [request]);
    let ceiling = await ceilingFor(answer, request, dir, `full-${coding}`);
    for (let round = 1; round < rounds; round += 1) {
      result = best(result, await measured(server.port, server.process.child.pid, [request]));
      ceiling = best(ceiling, await ceilingFor(answer, request, dir, `full-${coding}`));
    }
    repeated.push({ coding, bytes: answer.body.length, server: result, ceiling });
  }
  await stop(server.process);

  // Cache off, so every request executes and compresses: the large answer at 8 connections, a small one at 2 beside it.
  const cold = await startServer(snapshot, { RESPONSE_CACHE_MB: '0' });
  const small = toRequest({ name: 'card', query: '{ occupation(code: "23-2011.00") { code title jobZone { zone } } }' });
  const sizes = new Map<string, number>();
  const mixed: { coding: string; large: LoadResult; small: LoadResult; cpuPerRequestMs: number }[] = [];
  for (const coding of ['none', 'gzip', 'br']) {
    const request = coding === 'none' ? full : { ...full, headers: { ...full.headers, 'accept-encoding': coding } };
    sizes.set(coding, (await rawSample(cold.port, request)).body.length);
    await load(cold.port, [request], { connections: 8, seconds: 2 });
    const pid = cold.process.child.pid!;
    const cpuBefore = cpuMs(pid);
    const [large, smallResult] = await Promise.all([load(cold.port, [request], { connections: 8, seconds }), load(cold.port, [small], { connections: 2, seconds })]);
    mixed.push({ coding, large, small: smallResult, cpuPerRequestMs: (cpuMs(pid) - cpuBefore) / (large.requests + smallResult.requests) });
  }
  await stop(cold.process);

  console.log('');
  console.log(`compressed answers (issue 24): the repeated full framework from the response cache, against a bare node:http server sending the same compressed bytes; ${connections} connections, best of ${rounds} alternating rounds`);
  console.log(`${'coding'.padEnd(8)}${pad('bytes', 8)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('ceiling', 9)}${pad('ratio', 8)}${pad('c.p50', 7)}${pad('c.p99', 7)}${pad('CPU µs/req', 12)}${pad('ceil. µs', 10)}${pad('CPU ratio', 11)}${pad('errors', 8)}${pad('non2xx', 8)}`);
  for (const r of repeated) {
    console.log(
      `${r.coding.padEnd(8)}${pad(r.bytes, 8)}${pad(r.server.requestsPerSecond, 8)}${pad(r.server.p50Ms, 8)}${pad(r.server.p99Ms, 8)}${pad(r.ceiling.requestsPerSecond, 9)}` +
        `${pad(ratio(r.server.requestsPerSecond, r.ceiling.requestsPerSecond), 8)}${pad(r.ceiling.p50Ms, 7)}${pad(r.ceiling.p99Ms, 7)}` +
        `${pad(Math.round(1000 * r.server.cpuPerRequestMs), 12)}${pad(Math.round(1000 * r.ceiling.cpuPerRequestMs), 10)}${pad(ratio(r.ceiling.cpuPerRequestMs, r.server.cpuPerRequestMs), 11)}${pad(r.server.errors + r.server.timeouts, 8)}${pad(r.server.non2xx, 8)}`,
    );
  }
  console.log("CPU µs/req: the process's user + system CPU per request over the run (all threads); CPU ratio: the ceiling's over the server's, which a loaded machine moves far less than req/s.");
  console.log(`cache off, executed and compressed on every request: the full framework at 8 connections and a small query at 2 beside it, ${seconds} s each after a 2 s warm-up`);
  console.log(`${'coding'.padEnd(8)}${pad('bytes', 8)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('small req/s', 13)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('CPU ms/req', 12)}${pad('errors', 8)}${pad('non2xx', 8)}`);
  for (const r of mixed) {
    console.log(
      `${r.coding.padEnd(8)}${pad(sizes.get(r.coding) ?? 0, 8)}${pad(r.large.requestsPerSecond, 8)}${pad(r.large.p50Ms, 8)}${pad(r.large.p99Ms, 8)}${pad(r.small.requestsPerSecond, 13)}${pad(r.small.p50Ms, 8)}${pad(r.small.p99Ms, 8)}` +
        `${pad(r.cpuPerRequestMs.toFixed(2), 12)}${pad(r.large.errors + r.large.timeouts + r.small.errors + r.small.timeouts, 8)}${pad(r.large.non2xx + r.small.non2xx, 8)}`,
    );
  }
  console.log('CPU ms/req: the server process\'s CPU over both kinds of request, per request.');
  console.log(
    `goal (issue 24): the repeated full framework with br and with gzip >= 90% of its ceiling (none: as before compression): ${repeated.map((r) => `${r.coding} ${ratio(r.server.requestsPerSecond, r.ceiling.requestsPerSecond)} (CPU ${ratio(r.ceiling.cpuPerRequestMs, r.server.cpuPerRequestMs)})`).join(', ')} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skills-bench-'));
  try {
    console.log(`bench: ${seconds} s per run after a 2 s warm-up, ${connections} connections, best of ${rounds} alternating rounds, loopback; node ${process.version}`);

    const snapshot = await snapshotStore(projectDataDir, dir);
    if (only === undefined || only === 'compression') await compressedAnswers(snapshot, dir);
    if (only === 'compression') return;
    if (only !== 'operations') await routerEnrichment(snapshot, dir);
    if (only === 'enrichment') {
      console.log(`store build (a snapshot of data/, into a temporary file): ${snapshot.buildMs} ms`);
      return;
    }
    const { cases: list, notes } = await cases(snapshot.storeFile);
    const sql = await sqlStatementsPerOperation(snapshot.storeFile, list);
    // In its own process with the node flags `npm start` runs the server with (the young generation's size sets how
    // often garbage collection lands in an operation).
    const comparisons = execFileSync(process.execPath, [...serverNodeFlags(root), join(root, 'dist/scripts/bench-careers.js'), snapshot.storeFile], { encoding: 'utf8' }).trim();

    const server = await startServer(snapshot, {});
    const pid = server.process.child.pid;
    await sleep(500);
    const rssAtRestMb = pid === undefined ? Number.NaN : rssMb(pid);

    interface Row { name: string; bytes: number; server: Measured; ceiling: LoadResult; sql: number | undefined }
    const rows: Row[] = [];
    const ceilings = new Map<string, Measured>();
    const responses = new Map<string, { headers: Record<string, string>; body: string }>();
    for (const c of list) {
      const request = toRequest(c);
      const response = await sample(server.port, request);
      responses.set(c.name, response);
      // Server and ceiling take turns, `rounds` times each; the best run of each counts (the machine is shared and noisy).
      let result = await measured(server.port, pid, [request]);
      let ceiling = await ceilingFor(response, request, dir, c.name);
      for (let round = 1; round < rounds; round += 1) {
        result = best(result, await measured(server.port, pid, [request]));
        ceiling = best(ceiling, await ceilingFor(response, request, dir, c.name));
      }
      ceilings.set(c.name, ceiling);
      rows.push({ name: c.name, bytes: Buffer.byteLength(response.body), server: result, ceiling, sql: sql.get(c.name) });
    }
    await stop(server.process);

    // The same full-framework query with the response cache off: every request executes.
    // Beside it, the in-memory bound with the cache off too (the same stack, its data held in memory), in turns.
    const cold = await startServer(snapshot, { RESPONSE_CACHE_MB: '0' });
    const coldBound = startProcess(inMemoryEntry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: snapshot.storeFile, DATA_DIR: snapshot.dataDir, RESPONSE_CACHE_MB: '0' }, { keepLines: false, nodeFlags: serverNodeFlags(root) });
    const coldBoundPort = await coldBound.ready;
    const full = list[0];
    assert(full !== undefined);
    const coldRequest = toRequest(full);
    const coldAnswer = await sample(cold.port, coldRequest);
    assert((await sample(coldBoundPort, coldRequest)).body === coldAnswer.body, 'the in-memory bound answers the full framework differently');
    let coldResult = await measured(cold.port, cold.process.child.pid, [coldRequest]);
    let coldBoundResult = await measured(coldBoundPort, coldBound.child.pid, [coldRequest]);
    for (let round = 1; round < rounds; round += 1) {
      coldResult = best(coldResult, await measured(cold.port, cold.process.child.pid, [coldRequest]));
      coldBoundResult = best(coldBoundResult, await measured(coldBoundPort, coldBound.child.pid, [coldRequest]));
    }
    await stop(cold.process);
    await stop(coldBound);
    // Startup again, alone: the two starts above follow a load run or share the machine with a running server.
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const again = await startServer(snapshot, {});
      starts.push(again.readyMs);
      await stop(again.process);
    }
    const fullCeiling = ceilings.get(full.name);
    assert(fullCeiling !== undefined);
    const coldBytes = Buffer.byteLength(responses.get(full.name)?.body ?? '');
    rows.splice(1, 0, { name: `${full.name}, cache off`, bytes: coldBytes, server: coldResult, ceiling: fullCeiling, sql: sql.get(full.name) });
    rows.splice(2, 0, { name: '  in-memory bound, cache off', bytes: coldBytes, server: coldBoundResult, ceiling: fullCeiling, sql: undefined });

    console.log('');
    console.log(`${'operation'.padEnd(30)}${pad('bytes', 8)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('ceiling', 9)}${pad('ratio', 8)}${pad('c.p50', 7)}${pad('c.p99', 7)}${pad('SQL/op', 8)}${pad('errors', 8)}${pad('non2xx', 8)}${pad('RSS MB', 8)}`);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(30)}${pad(r.bytes, 8)}${pad(r.server.requestsPerSecond, 8)}${pad(r.server.p50Ms, 8)}${pad(r.server.p99Ms, 8)}` +
          `${pad(r.ceiling.requestsPerSecond, 9)}${pad(ratio(r.server.requestsPerSecond, r.ceiling.requestsPerSecond), 8)}${pad(r.ceiling.p50Ms, 7)}${pad(r.ceiling.p99Ms, 7)}` +
          `${pad(r.sql ?? '-', 8)}${pad(r.server.errors + r.server.timeouts, 8)}${pad(r.server.non2xx, 8)}${pad(r.server.rssMaxMb, 8)}`,
      );
    }
    console.log('');
    console.log('SQL/op: statements one execution runs (in process, fresh context); a response-cache hit runs none.');
    console.log("RSS MB: the server process's highest resident memory during that operation's runs (sampled every 250 ms).");
    for (const note of notes) console.log(note);
    console.log(comparisons);
    console.log(`store build (a snapshot of data/, into a temporary file): ${snapshot.buildMs} ms`);
    console.log(
      `startup to ready (spawn to the ready line): ${server.readyMs} ms (after the comparisons' run); with the cache off, beside the running server: ${cold.readyMs} ms; ` +
        `five starts one after another with nothing else running: median ${median(starts)} ms (${Math.min(...starts)}-${Math.max(...starts)} ms)`,
    );
    console.log(`RSS at rest: ${rssAtRestMb} MB; under load: ${Math.max(...rows.filter((r) => r.sql !== undefined).map((r) => r.server.rssMaxMb))} MB (highest sample)`);
    console.log(`target (issue 11): full framework, cache off >= 80% of the in-memory bound in the same run: ${ratio(coldResult.requestsPerSecond, coldBoundResult.requestsPerSecond)}`);
    console.log('kept: repeated full framework >= 90% of the bare ceiling; RSS <= 250 MB; startup <= 1 s; store build <= 15 s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
