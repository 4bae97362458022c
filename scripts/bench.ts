/**
 * `npm run bench`: the production server, in its own process, on a store built from a snapshot of data/ (timed), driven over loopback by
 * autocannon in bounded runs, beside a ceiling: a bare node:http server in its own process answering the same
 * bytes. Prints every figure and its ratio to the ceiling. Figures, not assertions: see docs/performance.md.
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 20) bound each run; BENCH_ROUNDS (default 2) runs
 * server and ceiling in turn that many times and keeps the best of each. Errors and non-2xx are summed over runs.
 */
import assert from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext } from '../src/context';
import { createServer } from '../src/server';
import { loadTypeDefs } from '../src/schema';
import { openStore } from '../src/store/store';
import { FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from '../tests/support/queries';
import { benchComparisons, formatComparisonLatency } from './bench-careers';
import { load, rssMb, serverNodeFlags, sleep, snapshotStore, startProcess, type LoadRequest, type LoadResult, type ServerProcess, type Snapshot } from './load-support';

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

/** A load run with the server's RSS sampled every 250 ms; returns the run and the highest RSS seen. */
async function measured(port: number, pid: number | undefined, requests: LoadRequest[]): Promise<LoadResult & { rssMaxMb: number }> {
  let rssMaxMb = 0;
  const sampler = setInterval(() => {
    if (pid !== undefined) rssMaxMb = Math.max(rssMaxMb, rssMb(pid));
  }, 250);
  // A short warm-up first, so JIT compilation and caches are not what is measured.
  await load(port, requests, { connections, seconds: 2 });
  const result = await load(port, requests, { connections, seconds });
  clearInterval(sampler);
  return { ...result, rssMaxMb };
}

async function ceilingFor(response: { headers: Record<string, string>; body: string }, request: LoadRequest, dir: string, name: string) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(response));
  const ceiling = startProcess(ceilingEntry, process.env, { keepLines: false, args: [file] });
  const port = await ceiling.ready;
  const result = await measured(port, undefined, [request]);
  await stop(ceiling);
  return result;
}

/** The run with more requests a second, keeping the highest RSS seen in either. */
function best<T extends LoadResult & { rssMaxMb: number }>(a: T, b: T): T {
  const winner = b.requestsPerSecond > a.requestsPerSecond ? b : a;
  return { ...winner, rssMaxMb: Math.max(a.rssMaxMb, b.rssMaxMb), errors: a.errors + b.errors, non2xx: a.non2xx + b.non2xx, timeouts: a.timeouts + b.timeouts };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ratio = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skills-bench-'));
  try {
    console.log(`bench: ${seconds} s per run after a 2 s warm-up, ${connections} connections, best of ${rounds} alternating rounds, loopback; node ${process.version}`);

    const snapshot = await snapshotStore(projectDataDir, dir);
    const { cases: list, notes } = await cases(snapshot.storeFile);
    const sql = await sqlStatementsPerOperation(snapshot.storeFile, list);
    const comparisons = await benchComparisons(snapshot.storeFile);

    const server = await startServer(snapshot, {});
    const pid = server.process.child.pid;
    await sleep(500);
    const rssAtRestMb = pid === undefined ? Number.NaN : rssMb(pid);

    interface Row { name: string; bytes: number; server: LoadResult & { rssMaxMb: number }; ceiling: LoadResult; sql: number | undefined }
    const rows: Row[] = [];
    const ceilings = new Map<string, LoadResult>();
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
    const cold = await startServer(snapshot, { RESPONSE_CACHE_MB: '0' });
    const full = list[0];
    assert(full !== undefined);
    const coldRequest = toRequest(full);
    await sample(cold.port, coldRequest);
    let coldResult = await measured(cold.port, cold.process.child.pid, [coldRequest]);
    for (let round = 1; round < rounds; round += 1) coldResult = best(coldResult, await measured(cold.port, cold.process.child.pid, [coldRequest]));
    await stop(cold.process);
    const fullCeiling = ceilings.get(full.name);
    assert(fullCeiling !== undefined);
    rows.splice(1, 0, { name: `${full.name}, cache off`, bytes: Buffer.byteLength(responses.get(full.name)?.body ?? ''), server: coldResult, ceiling: fullCeiling, sql: sql.get(full.name) });

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
    console.log(formatComparisonLatency(comparisons));
    console.log(`store build (a snapshot of data/, into a temporary file): ${snapshot.buildMs} ms`);
    console.log(`startup to ready (spawn to the ready line): ${server.readyMs} ms; with the cache off: ${cold.readyMs} ms`);
    console.log(`RSS at rest: ${rssAtRestMb} MB; under load: ${Math.max(...rows.map((r) => r.server.rssMaxMb))} MB (highest sample)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
