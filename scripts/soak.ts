/**
 * `npm run soak`: 60 s of mixed traffic at 50 connections against the production server over loopback, on a store
 * built from a snapshot of data/ (as in bench.ts). Prints
 * errors, non-2xx and 5xx counts and the server's RSS at 20 s and 60 s; passes (exit 0) only with no errors,
 * no 5xx and RSS growth of at most 10% between the two marks.
 *
 * The mix: the full framework, a router's _entities batch, pages of occupations, every occupation by code (so
 * the response cache fills with ~1,000 distinct answers), a malformed code (a 200 with BAD_USER_INPUT, never
 * cached), and readiness probes. SOAK_SECONDS and SOAK_CONNECTIONS change the bounds.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../src/store/store';
import { FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from '../tests/support/queries';
import { rssMb, sleep, snapshotStore, startProcess, type LoadRequest } from './load-support';

const root = resolve(__dirname, '../..');
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 50);

const post = (query: string, variables?: Record<string, unknown>): LoadRequest => ({
  method: 'POST',
  path: '/',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

const BY_CODE = 'query ByCode($code: String!) { occupation(code: $code) { code title jobZone { zone } tasks(first: 10) { totalCount edges { node { statement } } } relatedOccupations { tier occupation { code title } } } }';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skills-soak-'));
  const { dataDir, storeFile } = await snapshotStore(join(root, 'data'), dir);
  const store = await openStore(storeFile);
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  await store.close();

  const representations = codes.slice(0, 100).map((code) => ({ __typename: 'Occupation', code }));
  const requests: LoadRequest[] = [];
  codes.forEach((code, i) => {
    requests.push(post(BY_CODE, { code }));
    if (i % 10 === 0) requests.push(post(FULL_FRAMEWORK_QUERY, { code: '43-6012.00' }));
    if (i % 50 === 0) requests.push(post(OCCUPATION_ENTITIES_QUERY, { representations }));
    if (i % 100 === 0) requests.push(post(OCCUPATIONS_WITH_ANCHORS_QUERY));
    if (i % 20 === 0) requests.push(post(BY_CODE, { code: `x' OR 1=1 -- ${i}` }));
    if (i % 25 === 0) requests.push({ method: 'GET', path: '/health/ready', headers: {} });
  });

  const server = startProcess(
    join(root, 'dist/src/index.js'),
    { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: storeFile, DATA_DIR: dataDir },
    { keepLines: false },
  );
  const port = await server.ready;
  const pid = server.child.pid ?? 0;
  // The server drops request-log lines (and says how many) when its stdout is read too slowly: count them.
  let droppedLogLines = 0;
  server.child.stdout?.on('data', (text: string) => {
    for (const match of text.matchAll(/"droppedLines":(\d+)/g)) droppedLogLines += Number(match[1]);
  });
  console.log(`soak: ${seconds} s, ${connections} connections, ${requests.length} distinct requests in rotation; RSS at start ${rssMb(pid)} MB`);

  const marks: { at: number; rss: number }[] = [];
  const started = performance.now();
  const run = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
  });
  // Every second too, for context: RSS saws up and down with V8's collections, which a single sample can catch anywhere.
  const trace: number[] = [];
  const tracer = setInterval(() => trace.push(rssMb(pid)), 1000);
  const sampler = (async () => {
    for (const at of [seconds / 3, seconds - 0.5]) {
      await sleep(at * 1000 - (performance.now() - started));
      marks.push({ at: Math.round(at), rss: rssMb(pid) });
    }
  })();
  const result = await run;
  await sampler;
  clearInterval(tracer);
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  rmSync(dir, { recursive: true, force: true });

  const fiveHundreds = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, stats]) => sum + (stats as { count: number }).count, 0);
  const [early, late] = marks;
  const growth = early && late ? (100 * (late.rss - early.rss)) / early.rss : Number.NaN;
  console.log(`requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}, 5xx: ${fiveHundreds}`);
  console.log(`status codes: ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count])))}`);
  for (const mark of marks) console.log(`RSS at ${mark.at} s: ${mark.rss} MB`);
  console.log(`RSS growth between ${early?.at} s and ${late?.at} s: ${growth.toFixed(1)}% (limit 10%)`);
  console.log(`RSS every 5 s (MB): ${trace.filter((_, i) => i % 5 === 4).join(' ')}; lowest ${Math.min(...trace)}, highest ${Math.max(...trace)}`);
  console.log(`server exit after SIGTERM: ${exit}; request-log lines it dropped behind a slow reader: ${droppedLogLines}`);
  const ok = result.errors === 0 && result.timeouts === 0 && fiveHundreds === 0 && result.non2xx === 0 && growth <= 10 && exit === 0;
  console.log(ok ? 'soak: PASS' : 'soak: FAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
