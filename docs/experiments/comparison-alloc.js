/**
 * A throwaway experiment, not part of the product: how many bytes a comparison allocates (docs/performance.md,
 * "Career moves"). Run from the project root after `npm run build` and `node dist/src/build-store.js`:
 *
 *   node --expose-gc --max-semi-space-size=64 --min-semi-space-size=64 docs/experiments/comparison-alloc.js [dist dir]
 *
 * With a young generation large enough that no scavenge runs inside a batch, the growth of `heapUsed` over a batch
 * of comparisons (a full `gc()` before it) is what they allocated, once every occupation has been compared both ways
 * (what is kept per held card is then in place and not counted). Batches in which a GC pause began anyway are
 * left out. Printed per operation: the comparison alone (both held cards through a fresh context's loader, then
 * the computation the bench times), the context it needs, and the whole GraphQL execution of every field of
 * `comparison(to:)`. `dist dir` (default dist) lets a build of another commit be measured by the same script.
 */
const { resolve, join } = require('node:path');
const { PerformanceObserver } = require('node:perf_hooks');
const root = resolve(__dirname, '../..');
const dist = resolve(root, process.argv[2] ?? 'dist');
const bench = require(join(dist, 'scripts/bench-careers'));
const { createContext } = require(join(dist, 'src/context'));
const { createServer } = require(join(dist, 'src/server'));
const { openStore } = require(join(dist, 'src/store/store'));
const { readConfig } = require(join(dist, 'src/config'));

async function main() {
  const store = await openStore(join(root, 'var/store.sqlite'), { heldRows: readConfig().heldRows });
  const server = createServer({ production: true });
  await server.start();
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  let seed = 14;
  const pick = () => codes[Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * codes.length)];
  const computeOne = bench.comparisonAlone;
  let gcs = 0;
  new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ['gc'] });
  const variants = {
    context: async () => createContext(store),
    'comparison alone': async (from, to) => computeOne(createContext(store).loaders, from, to),
    'full query': async (from, to) => {
      const r = await server.executeOperation({ query: bench.FULL_COMPARISON_QUERY, variables: { from, to } }, { contextValue: createContext(store) });
      if (r.body.kind !== 'single' || r.body.singleResult.errors !== undefined) throw new Error('comparison failed');
    },
  };
  await createContext(store).loaders.careerCardByOccupation.loadMany(codes);
  // Warm-up: JIT, and every occupation once on each side, so what is worked out once per held list (element
  // indexes, technology order) is in place before anything is counted.
  for (const run of Object.values(variants)) {
    for (let i = 0; i < codes.length; i++) await run(codes[i], codes[(i + 1) % codes.length]), await run(codes[(i + 1) % codes.length], codes[i]);
    for (let i = 0; i < 300; i++) await run(pick(), pick());
  }
  const batch = 100;
  for (const [name, run] of Object.entries(variants)) {
    const perOp = [];
    for (let b = 0; b < 10; b++) {
      const pairs = Array.from({ length: batch }, () => [pick(), pick()]);
      global.gc();
      await new Promise((r) => setTimeout(r, 20)); // the gc() entry arrives asynchronously
      const before = gcs;
      const used = process.memoryUsage().heapUsed;
      for (const [from, to] of pairs) await run(from, to);
      const grown = process.memoryUsage().heapUsed - used;
      await new Promise((r) => setTimeout(r, 5));
      if (gcs === before) perOp.push(grown / batch);
    }
    perOp.sort((a, b) => a - b);
    const median = perOp[Math.floor(perOp.length / 2)];
    console.log(`${name}: ${median === undefined ? 'every batch had a GC' : `${(median / 1024).toFixed(1)} KB per operation`} (median of ${perOp.length} batches of ${batch} without a GC)`);
  }
  await server.stop();
  await store.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
