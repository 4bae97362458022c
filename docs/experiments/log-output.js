/**
 * A throwaway experiment, not part of the product: what one access-log line costs through pino with each destination
 * (issue 24; docs/performance.md, "The cache-hit path"). Each variant runs in a child process whose stdout is a pipe
 * this process reads and discards, as a log shipper or the bench does; the child logs the server's access-log line
 * 20 at a time on a 1 ms timer (a busy server's pace, not a tight loop, so batching is not flattered), and reports
 * its CPU time (user + system, every thread: the thread pool's writes included) per line and its young-generation
 * collections. Variants, in alternating rounds; medians:
 *
 * - `none`: the loop without logging (the floor of the measurement itself);
 * - `noop`: pino formatting each line into a destination that discards it;
 * - `sonic-boom`: pino.destination({ sync: false, minLength: 4096 }), what the server used before;
 * - `batched`: src/logger.ts's BatchedOutput, what it uses now.
 *
 * Run from the project root after `npm run build`:
 *
 *   node docs/experiments/log-output.js [rounds, default 5]
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const LINES = 100_000;

async function child(variant) {
  const pino = require('pino');
  const { PerformanceObserver } = require('node:perf_hooks');
  let scavenges = 0;
  new PerformanceObserver((list) => (scavenges += list.getEntries().filter((e) => e.detail?.kind === 1).length)).observe({ entryTypes: ['gc'] });
  let destination;
  let flush = () => {};
  if (variant === 'noop') destination = { write() {} };
  if (variant === 'sonic-boom') {
    destination = pino.destination({ dest: 1, sync: false, minLength: 4096, maxLength: 8 * 1024 * 1024 });
    flush = () => destination.flushSync();
  }
  if (variant === 'batched') {
    const { BatchedOutput } = require(join(process.cwd(), 'dist/src/logger.js'));
    destination = new BatchedOutput(1);
    flush = () => destination.flushSync();
  }
  const logger = variant === 'none' ? undefined : pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
  const { randomUUID } = require('node:crypto');
  const started = process.cpuUsage();
  for (let logged = 0; logged < LINES; ) {
    for (let i = 0; i < 20; i += 1, logged += 1) {
      logger?.info({ requestId: randomUUID(), method: 'POST', path: '/', operationName: 'LegalSecretariesFramework', status: 200, cache: 'hit', durationMs: 0.31 }, 'request');
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  flush();
  const used = process.cpuUsage(started);
  process.stderr.write(`${JSON.stringify({ variant, usPerLine: (used.user + used.system) / LINES, linesPerScavenge: scavenges === 0 ? null : LINES / scavenges })}\n`);
}

function run(variant) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [__filename, '--child', variant], { stdio: ['ignore', 'pipe', 'pipe'] });
    let report = '';
    proc.stdout.resume();
    proc.stderr.setEncoding('utf8').on('data', (text) => (report += text));
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(report.trim().split('\n').at(-1))) : reject(new Error(`${variant} exited ${code}: ${report}`))));
  });
}

async function main() {
  const rounds = Number(process.argv[2] ?? 5);
  const variants = ['none', 'noop', 'sonic-boom', 'batched'];
  const results = new Map(variants.map((v) => [v, []]));
  for (let round = 0; round < rounds; round += 1) for (const variant of variants) results.get(variant).push(await run(variant));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${LINES} lines a run, ${rounds} alternating rounds; load average ${require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [variant, runs] of results) {
    const cpu = median(runs.map((r) => r.usPerLine));
    const scav = runs[0].linesPerScavenge === null ? '-' : Math.round(median(runs.map((r) => r.linesPerScavenge)));
    console.log(`${variant.padEnd(11)} ${cpu.toFixed(2).padStart(6)} µs CPU a line (runs: ${runs.map((r) => r.usPerLine.toFixed(2)).join(', ')}); lines per young-generation collection: ${scav}`);
  }
}

if (process.argv[2] === '--child') void child(process.argv[3]);
else void main();
