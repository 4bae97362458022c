/**
 * `npm run soak`: 60 s of mixed traffic at 50 connections against the production server over loopback, on a store
 * built from a snapshot of data/ (as in bench.ts). Prints errors, non-2xx and 5xx counts and the server's RSS;
 * passes (exit 0) only with no errors, no 5xx and RSS growth of at most 10% between the 20 s and 60 s marks.
 *
 * RSS saws up and down with V8's collections, so a single sample can land anywhere on the saw (docs/performance.md
 * records runs that failed on one sample with no leak). RSS is sampled every second, and RSS "at 20 s" is the median of the samples from
 * 15 s to 25 s, "at 60 s" the median of those from 50 s to 60 s (the windows scale with SOAK_SECONDS). The single
 * samples at 20 s and 60 s are still printed, for comparison, but the verdict uses the medians.
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
import { FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from './operations';
import { rssMb, serverNodeFlags, sleep, snapshotStore, startProcess, type LoadRequest } from './load-support';

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
    { keepLines: false, nodeFlags: serverNodeFlags(root) },
  );
  const port = await server.ready;
  const pid = server.child.pid ?? 0;
  // The server drops request-log lines (and says how many) when its stdout is read too slowly: count them.
  let droppedLogLines = 0;
  server.child.stdout?.on('data', (text: string) => {
    for (const match of text.matchAll(/"droppedLines":(\d+)/g)) droppedLogLines += Number(match[1]);
  });
  console.log(`soak: ${seconds} s, ${connections} connections, ${requests.length} distinct requests in rotation; RSS at start ${rssMb(pid)} MB`);

  const started = performance.now();
  const run = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
  });
  // Every second, for the verdict's medians: trace[i] is the sample at i + 1 s after the load started. Each is aimed
  // at its second from the start rather than chained (as setInterval is), so a busy event loop's lag does not pile
  // up and push the last samples past the end of the run.
  const trace: number[] = [];
  const tracer = (async () => {
    for (let at = 1; at <= seconds; at++) {
      await sleep(at * 1000 - (performance.now() - started));
      trace.push(rssMb(pid));
    }
  })();
  const result = await run;
  await tracer;
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  rmSync(dir, { recursive: true, force: true });

  const fiveHundreds = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, stats]) => sum + (stats as { count: number }).count, 0);
  // The single samples at the two marks, for comparison: the sample at s seconds is trace[s - 1].
  const sampleAt = (at: number) => ({ at, rss: trace[at - 1] ?? Number.NaN });
  const early = sampleAt(Math.round(seconds / 3));
  const late = sampleAt(seconds);
  const singleGrowth = (100 * (late.rss - early.rss)) / early.rss;
  // The verdict's windows: 15–25 s and 50–60 s of a 60 s run, both ends included. A window with no samples gives
  // NaN, which fails.
  const rssWindow = (from: number, to: number) => {
    const samples = trace.slice(from - 1, to);
    return { label: `${from}–${to} s`, count: samples.length, median: median(samples) };
  };
  const earlyWindow = rssWindow(Math.round(seconds / 4), Math.round((seconds * 5) / 12));
  const lateWindow = rssWindow(Math.round((seconds * 5) / 6), seconds);
  const growth = (100 * (lateWindow.median - earlyWindow.median)) / earlyWindow.median;
  console.log(`requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  console.log(`errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}, 5xx: ${fiveHundreds}`);
  console.log(`status codes: ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count])))}`);
  for (const mark of [early, late]) console.log(`RSS at ${mark.at} s (single sample): ${mark.rss} MB`);
  console.log(`RSS growth between the single samples at ${early.at} s and ${late.at} s: ${singleGrowth.toFixed(1)}% (not the verdict)`);
  for (const w of [earlyWindow, lateWindow]) console.log(`RSS median of ${w.label} (${w.count} samples): ${w.median} MB`);
  console.log(`RSS growth between the medians of ${earlyWindow.label} and ${lateWindow.label}: ${growth.toFixed(1)}% (limit 10%; the verdict uses this)`);
  console.log(`RSS every 5 s (MB): ${trace.filter((_, i) => i % 5 === 4).join(' ')}; lowest ${Math.min(...trace)}, highest ${Math.max(...trace)}`);
  console.log(`server exit after SIGTERM: ${exit}; request-log lines it dropped behind a slow reader: ${droppedLogLines}`);
  const ok = result.errors === 0 && result.timeouts === 0 && fiveHundreds === 0 && result.non2xx === 0 && growth <= 10 && exit === 0;
  console.log(ok ? 'soak: PASS' : 'soak: FAIL');
  process.exit(ok ? 0 : 1);
}

/** The middle value (the mean of the middle two for an even count); NaN for none. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
