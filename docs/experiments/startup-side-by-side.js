/**
 * A throwaway experiment, not part of the product: production starts of several built checkouts side by side
 * (docs/performance.md, "The kept targets again"). Each start is timed as the bench times it, from spawn to the ready
 * line read from the server's stdout, with `npm start`'s node flags; the process's CPU at that moment is read from
 * /proc for all its threads and for the main thread alone (the check runs on a worker). Starts alternate between the
 * checkouts, round after round. Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node docs/experiments/startup-side-by-side.js <node binary> <rounds> <checkout>...
 *
 * STORE_FILE (default var/store.sqlite here) is the store every checkout serves; each reads data/ from its own folder.
 */
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const storeFile = process.env.STORE_FILE ?? resolve(__dirname, '../../var/store.sqlite');
const { loadavg } = require('node:os');
const [nodeBin, roundsText, ...trees] = process.argv.slice(2);
const cpu = (path) => { const f = readFileSync(path, 'utf8'); const s = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(s[11]) + Number(s[12])) * 10; };
function start(tree) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(nodeBin, ['--max-semi-space-size=8', '--max-old-space-size=1024', 'dist/src/index.js'], { cwd: tree, env: { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: storeFile }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      text += d;
      if (/"port":\d+/.test(text) && t0 !== undefined) {
        const ms = performance.now() - t0;
        const all = cpu(`/proc/${child.pid}/stat`); const main = cpu(`/proc/${child.pid}/task/${child.pid}/stat`);
        text = ''; child.stdout.removeAllListeners('data'); child.stdout.resume();
        child.once('exit', () => resolve({ ms, all, main }));
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
  });
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)];
(async () => {
  const results = new Map(trees.map((t) => [t, []]));
  const before = loadavg()[0].toFixed(1);
  for (let r = 0; r < Number(roundsText); r++) for (const t of trees) results.get(t).push(await start(t));
  for (const [t, rs] of results) console.log(`${t}: ready ${rs.map((r) => r.ms.toFixed(0)).join(' ')} ms, median ${median(rs.map((r) => r.ms)).toFixed(0)}; CPU at ready median ${median(rs.map((r) => r.all))} ms, main thread ${median(rs.map((r) => r.main))} ms`);
  console.log(`load average ${before} -> ${loadavg()[0].toFixed(1)}`);
})();
