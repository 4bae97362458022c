/**
 * How fast can `npm test` be on this machine? Runs jest once as `npm test` does (after codegen), and prints its wall
 * time next to the CPU time its process tree used (jest, its workers and the server processes the tests start;
 * not PostgreSQL, whose server pg_ctl detaches). No run can finish sooner than that CPU time divided by the cores, so
 * this is the floor the suite's own work sets, before any contention from other processes.
 *
 *   node docs/experiments/suite-floor.js            # the store already built, as on a second run
 *   CLEAN=1 node docs/experiments/suite-floor.js    # without var/test and with an empty jest cache, as on a clean clone
 *
 * Linux only: the children's CPU time is read from /proc/self/stat once jest has exited.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { availableParallelism, loadavg, tmpdir } = require('node:os');
const { join, relative } = require('node:path');

const root = join(__dirname, '../..');
const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
/** User + system CPU seconds of this process's waited-for children (fields 16 and 17 of /proc/self/stat). */
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

const scratch = mkdtempSync(join(tmpdir(), 'suite-floor-'));
const report = join(scratch, 'jest.json');
const args = ['jest', '--json', `--outputFile=${report}`];
if (process.env.CLEAN) {
  rmSync(join(root, 'var/test'), { recursive: true, force: true });
  args.push(`--cacheDirectory=${join(scratch, 'cache')}`);
}
spawnSync('npm', ['run', 'codegen'], { cwd: root, stdio: 'ignore' });
const cpuBefore = childrenCpu();
const loadBefore = loadavg()[0];
const started = performance.now();
const run = spawnSync('npx', args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
const wall = (performance.now() - started) / 1000;
const cpu = childrenCpu() - cpuBefore;
const result = JSON.parse(readFileSync(report, 'utf8'));
rmSync(scratch, { recursive: true, force: true });

const cores = availableParallelism();
// jest's JSON does not say which project ran a file: a corrections file is listed twice (SQLite, then PostgreSQL).
const files = result.testResults.map((t) => ({ file: relative(root, t.name), seconds: (t.endTime - t.startTime) / 1000 }));
const fileTime = files.reduce((sum, f) => sum + f.seconds, 0);
const fmt = (s) => `${s.toFixed(1)} s`;

console.log(`jest ${run.status === 0 ? 'passed' : `FAILED (exit ${run.status})`}: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped${process.env.CLEAN ? ' (clean: no var/test, empty jest cache)' : ''}`);
console.log(`load average ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
console.log(`wall ${fmt(wall)}; CPU of jest and its children ${fmt(cpu)} on ${cores} cores`);
console.log(`floor: CPU / cores = ${fmt(cpu / cores)} (the suite cannot finish sooner on this machine); target 30 s`);
console.log(`${files.length} test files, ${fmt(fileTime)} between them: ${(fileTime / wall).toFixed(2)} running at a time on average`);
console.log('slowest files:');
for (const f of files.sort((a, b) => b.seconds - a.seconds).slice(0, 12)) console.log(`  ${f.seconds.toFixed(1).padStart(5)} s  ${f.file}`);
process.exitCode = run.status ?? 1;
