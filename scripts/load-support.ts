/**
 * What the benchmark, the soak and the process tests share: starting a server as its own process and waiting for
 * its ready line, reading a process's resident memory, a bounded autocannon run against loopback, and the router
 * enrichment workload's request bodies.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStore } from '../src/store/importer';
import { ENRICHMENT_QUERY } from './operations';

export interface ServerProcess {
  child: ChildProcess;
  /** Every stdout and stderr line so far (kept only when `keepLines`). */
  lines: string[];
  /** Resolves with the port once a line with `"port":<n>` is printed; rejects if the process exits first. */
  ready: Promise<number>;
  /** Resolves with the exit code (null if killed by a signal), after stdout and stderr are read to the end. */
  exited: Promise<number | null>;
}

/** `nodeFlags` go to node before the entry, e.g. `serverNodeFlags(root)`. */
export function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  { keepLines = true, args = [] as string[], nodeFlags = [] as string[] } = {},
): ServerProcess {
  const child = spawn(process.execPath, [...nodeFlags, entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffered = '';
  let isReady = false;
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      // Once ready, a benchmark only drains the request log (a full pipe would stall the server).
      if (isReady && !keepLines) return;
      buffered += text;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const port = /"port":(\d+)/.exec(line)?.[1];
        if (port !== undefined && !isReady) {
          isReady = true;
          resolve(Number(port));
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
    void exited.then((code) => reject(new Error(`${entry} exited with ${code} before it was ready:\n${lines.join('\n')}`)));
  });
  ready.catch(() => {});
  return { child, lines, ready, exited };
}

/**
 * The node flags `npm start` runs the server with (package.json's `start` script, between `node` and the entry),
 * so the benchmark and the soak measure the server as it is started.
 */
export function serverNodeFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...rest] = (scripts.start ?? '').split(/\s+/);
  if (node !== 'node' || rest.at(-1) !== 'dist/src/index.js') throw new Error(`package.json's start script is not "node [flags] dist/src/index.js": ${scripts.start}`);
  return rest.slice(0, -1);
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Math.round(Number(kb) / 1024);
}

/**
 * CPU time a process has used so far (user + system, all its threads), in ms, from /proc (Linux, whose clock tick is
 * 10 ms). On a shared machine a run's CPU per request moves far less than its requests per second.
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. `/` or `/?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Makes a new body for every request sent (e.g. a new set of representations), instead of `body`. */
  nextBody?: () => string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** One bounded autocannon run against 127.0.0.1; `requests` rotate round-robin over the connections. */
export async function load(port: number, requests: LoadRequest[], { connections = 20, seconds = 10 } = {}): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    pipelining: 1,
    requests: requests.map((r) => {
      const { nextBody } = r;
      const request = { method: r.method, path: r.path, headers: r.headers, body: r.body ?? nextBody?.() };
      return nextBody === undefined ? request : { ...request, setupRequest: (req: autocannon.Request) => ({ ...req, body: nextBody() }) };
    }),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A small seeded generator, so every run draws the same sequence of code sets. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Request bodies for router enrichment: `size` distinct random codes drawn from all occupations, a new set each
 * call; the unused `request` variable (a counter) makes every body distinct, so the response cache never answers.
 */
export function enrichmentBodies(codes: readonly string[], size: number, seed: number): () => string {
  const random = seeded(seed);
  let count = 0;
  return () => {
    const picked = new Set<string>();
    while (picked.size < size) picked.add(codes[Math.floor(random() * codes.length)]!);
    count += 1;
    const representations = [...picked].map((code) => ({ __typename: 'Occupation', code }));
    return JSON.stringify({ query: ENRICHMENT_QUERY, variables: { representations, request: count }, operationName: 'Enrichment' });
  };
}

/**
 * Sends every occupation once, in sets of 50, as the enrichment query to a server, so whatever it holds in memory
 * (rows, entity texts) is filled before it is measured; throws on any answer that is not a 200 without errors.
 */
export async function warmOverEveryCode(port: number, codes: readonly string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += 50) {
    const representations = codes.slice(i, i + 50).map((code) => ({ __typename: 'Occupation', code }));
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ENRICHMENT_QUERY, variables: { representations }, operationName: 'Enrichment' }),
    });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`warm pass answered ${response.status}: ${text.slice(0, 300)}`);
  }
}

export const enrichmentRequest = (nextBody: () => string): LoadRequest => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, nextBody });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Snapshot {
  dataDir: string;
  storeFile: string;
  /** How long the store build took. */
  buildMs: number;
}

/**
 * Copies data/ into `dir` and builds a store from the copy. A production server refuses a store that its DATA_DIR
 * has moved past, so a run on the shared checkout would stop the moment someone edits data/; on a snapshot, it
 * measures one consistent build.
 */
export async function snapshotStore(projectDataDir: string, dir: string): Promise<Snapshot> {
  const dataDir = join(dir, 'data');
  cpSync(projectDataDir, dataDir, { recursive: true });
  const storeFile = join(dir, 'store.sqlite');
  const started = performance.now();
  await buildStore({ dataDir, storeFile });
  return { dataDir, storeFile, buildMs: Math.round(performance.now() - started) };
}
