/**
 * The in-process latency of a full occupation comparison (every field of `comparison(to:)`), over a fixed
 * pseudo-random sample of occupation pairs, each executed with a fresh context (so fresh loaders and no cache)
 * through the production server's executeOperation, over the store as `npm start` opens it (rows held for the life of
 * the store up to STORE_HELD_ROWS, src/store/held-rows.ts). `npm run bench` prints it; run alone with
 * `node dist/scripts/bench-careers.js [store file]`; `npm run bench` runs it with the node flags of `npm start`, and it
 * prints the flags it ran with. Ceiling: p99 under 2 ms.
 */
import assert from 'node:assert';
import { PerformanceObserver } from 'node:perf_hooks';
import { elementGaps, transferableElements } from '../src/careers/compare';
import { compareProfiles } from '../src/careers/similarity';
import { loadRequired } from '../src/loaders';
import { readConfig } from '../src/config';
import { createContext } from '../src/context';
import { createServer } from '../src/server';
import { openStore } from '../src/store/store';

export const COMPARISON_P99_CEILING_MS = 2;

export const FULL_COMPARISON_QUERY = /* GraphQL */ `
  query Comparison($from: String!, $to: String!) {
    occupation(code: $from) {
      comparison(to: $to) {
        similarity
        facets {
          skills { similarity weight unavailableReason } knowledge { similarity weight unavailableReason }
          workStyles { similarity weight unavailableReason } interests { similarity weight unavailableReason }
          workActivities { similarity weight unavailableReason } technology { similarity weight unavailableReason }
          tasks { similarity weight unavailableReason } titles { similarity weight unavailableReason }
          jobZone { similarity weight unavailableReason }
        }
        skillGaps { element { id name } fromLevel toLevel toImportance }
        knowledgeGaps { element { id name } fromLevel toLevel toImportance }
        transferableSkills { element { id name } fromLevel toLevel toImportance }
        carriedOverActivities { id title } newActivities { id title }
        carriedOverTechnology { name hot } newTechnology { name hot }
        jobZoneChange { from { zone } to { zone } change direction }
        educationChange { from { category label } to { category label } change }
      }
    }
  }
`;

/** For scale on a shared machine: an existing query reading about as many rows (ratings and technology of one occupation). */
const BASELINE_QUERY = /* GraphQL */ `
  query Baseline($from: String!) {
    occupation(code: $from) {
      skills { items { element { id name } importance level } }
      knowledge { items { element { id name } importance level } }
      technologySkills(first: 100) { edges { node { name hot } } }
    }
  }
`;

export interface Latency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ComparisonLatency extends Latency {
  /** The same operations' CPU time (user + system) on this thread: what they cost without the waits a shared machine adds. */
  cpu: Latency;
  baseline: Latency;
  /** The comparison alone: both cards through a fresh context's loader, then similarity, gaps and activities computed. */
  compute: Latency;
  /** Garbage-collection pauses that began inside the measured windows of the full query and of the comparison alone. */
  gcInQuery: number;
  gcInCompute: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  sqlStatements: number;
  /** The store's bound on held rows (STORE_HELD_ROWS, as `npm start` reads it) and how many it held at the end. */
  heldRowsBound: number;
  heldRows: number;
}

export async function benchComparisons(storeFile: string, samples = 2000): Promise<ComparisonLatency> {
  const heldRowsBound = readConfig().heldRows;
  const store = await openStore(storeFile, { heldRows: heldRowsBound });
  const server = createServer({ production: true });
  await server.start();
  try {
    const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
    let seed = 14;
    // The generator's high bits pick the code: its low bits repeat with a short period (they would visit ~150 codes).
    const pick = () => codes[Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * codes.length)] as string;
    const run = async (from: string, to: string, query = FULL_COMPARISON_QUERY) => {
      const contextValue = createContext(store);
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const response = await server.executeOperation({ query, variables: query === FULL_COMPARISON_QUERY ? { from, to } : { from } }, { contextValue });
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      assert(response.body.kind === 'single' && response.body.singleResult.errors === undefined, `comparison ${from} -> ${to} failed`);
      return { started, ms, cpuMs, sqlStatements: contextValue.sqlStatements.count };
    };
    const compute = async (from: string, to: string) => {
      const { loaders } = createContext(store);
      const started = performance.now();
      const [a, b] = await Promise.all([
        loadRequired(loaders.careerCardByOccupation, from, 'card'),
        loadRequired(loaders.careerCardByOccupation, to, 'card'),
      ]);
      compareProfiles(a.profile, b.profile);
      elementGaps(a.skills, b.skills);
      elementGaps(a.knowledge, b.knowledge);
      transferableElements(a.skills, b.skills);
      const known = new Set(a.activities.map((x) => x.id));
      b.activities.filter((x) => known.has(x.id));
      return { started, ms: performance.now() - started };
    };
    const gcStarts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
    });
    observer.observe({ entryTypes: ['gc'] });
    const windows: { query: [number, number][]; compute: [number, number][] } = { query: [], compute: [] };
    for (let i = 0; i < 200; i++) await run(pick(), pick()); // warm-up: JIT and SQLite page cache
    // Every card read once, as a server that has run a while holds them (src/store/held-cards.ts).
    await createContext(store).loaders.careerCardByOccupation.loadMany(codes);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const baseline: number[] = [];
    const computeTimes: number[] = [];
    let sqlStatements = 0;
    // Comparison and baseline alternate, so both see the same machine.
    for (let i = 0; i < samples; i++) {
      const [from, to] = [pick(), pick()];
      const r = await run(from, to);
      times.push(r.ms);
      windows.query.push([r.started, r.started + r.ms]);
      const c = await compute(from, to);
      computeTimes.push(c.ms);
      windows.compute.push([c.started, c.started + c.ms]);
      cpuTimes.push(r.cpuMs);
      sqlStatements = Math.max(sqlStatements, r.sqlStatements);
      baseline.push((await run(from, to, BASELINE_QUERY)).ms);
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // gc entries arrive asynchronously
    observer.disconnect();
    const inside = (ws: [number, number][]) => gcStarts.filter((t) => ws.some(([s, e]) => t >= s && t <= e)).length;
    return { samples, compute: percentiles(computeTimes), gcInQuery: inside(windows.query), gcInCompute: inside(windows.compute), ...percentiles(times), cpu: percentiles(cpuTimes), baseline: percentiles(baseline), sqlStatements, heldRowsBound, heldRows: store.held.rows };
  } finally {
    await server.stop();
    await store.close();
  }
}

function percentiles(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number).toFixed(3));
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) };
}

export function formatComparisonLatency(r: ComparisonLatency): string {
  return (
    `occupation comparison, in process (${r.samples} random pairs, fresh context each, store as npm start opens it: ` +
    `STORE_HELD_ROWS ${r.heldRowsBound}, ${r.heldRows} held at the end; node flags: ${process.execArgv.join(' ') || 'none'}): p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms ` +
    `(ceiling ${COMPARISON_P99_CEILING_MS} ms${r.p99Ms < COMPARISON_P99_CEILING_MS ? '' : ', OVER'}), max ${r.maxMs} ms, ${r.sqlStatements} SQL statements at most; ` +
    `CPU time p50 ${r.cpu.p50Ms} ms, p99 ${r.cpu.p99Ms} ms; ` +
    `GC pauses inside: ${r.gcInQuery} of ${r.samples}; ` +
    `the comparison alone (cards through the loader, similarity, gaps, activities): p50 ${r.compute.p50Ms} ms, p99 ${r.compute.p99Ms} ms ` +
    `(ceiling ${COMPARISON_P99_CEILING_MS} ms${r.compute.p99Ms < COMPARISON_P99_CEILING_MS ? '' : ', OVER'}), GC pauses inside: ${r.gcInCompute}; ` +
    `beside it, one occupation's skills, knowledge and technology: p50 ${r.baseline.p50Ms} ms, p99 ${r.baseline.p99Ms} ms`
  );
}

if (require.main === module) {
  benchComparisons(process.argv[2] ?? 'var/store.sqlite')
    .then((r) => console.log(formatComparisonLatency(r)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
