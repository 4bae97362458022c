/**
 * A throwaway experiment, not part of the product (docs/performance.md, "The entity cache"), in one process with npm
 * start's node flags, after `npm run build` and `npm run build:store`:
 *
 *   node --max-semi-space-size=8 --max-old-space-size=1024 docs/experiments/entity-cache.js
 *
 * Cold batches: the fast path over every occupation in sets of 20 with a fresh entity cache (every entity new to
 * it, so executed and stored) against the entity cache off, alternating, CPU per batch, 7 rounds (the first, which
 * reads the store's rows, left out).
 */
const { join, resolve } = require('node:path');
const root = resolve(__dirname, '../..');
const { openStore } = require(join(root, 'dist/src/store/store'));
const { createServer } = require(join(root, 'dist/src/server'));
const { createContext } = require(join(root, 'dist/src/context'));
const { FastPath } = require(join(root, 'dist/src/http/fast-path'));
const { EntityCache } = require(join(root, 'dist/src/http/entity-cache'));
const { HeaderMap } = require(join(root, 'node_modules/@apollo/server'));
const { ENRICHMENT_QUERY } = require(join(root, 'dist/scripts/operations'));
(async () => {
  const store = await openStore(join(root, 'var/store.sqlite'), { heldRows: 150000 });
  const apollo = createServer({ production: true }); await apollo.start();
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  const body = (list) => ({ query: ENRICHMENT_QUERY, variables: { representations: list.map((code) => ({ __typename: 'Occupation', code })) }, operationName: 'Enrichment' });
  const ask = (fp, list) => fp.execute({ method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: body(list) }, () => createContext(store));
  const pass = async (fp) => { const c0 = process.cpuUsage(); let n = 0; for (let i = 0; i + 20 <= codes.length; i += 20) { const { response } = await ask(fp, codes.slice(i, i + 20)); Buffer.from(response.body.string); n++; } const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 / n; };
  // rows held and code warmed: one pass each way first
  const results = { off: [], cold: [] };
  for (let round = 0; round < 7; round++) {
    const off = new FastPath(apollo, { entityCache: new EntityCache(0) });
    const cold = new FastPath(apollo, { entityCache: new EntityCache(32 << 20) });
    await ask(off, codes.slice(0, 20)); await ask(cold, codes.slice(0, 20)); // learn (Apollo answers)
    // the learning batch went to Apollo; the pass below sends every code, all new to `cold`
    const order = round % 2 === 0 ? ['off', 'cold'] : ['cold', 'off'];
    for (const name of order) { const ms = await pass(name === 'off' ? off : cold); if (round > 0) results[name].push(ms); }
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const fmt = (v) => v.map((ms) => ms.toFixed(2)).join(' ');
  console.log(`cold: CPU ms per 20-code batch, median of 6 rounds: cache off ${median(results.off).toFixed(3)} [${fmt(results.off)}], cold cache ${median(results.cold).toFixed(3)} [${fmt(results.cold)}]`);
  await apollo.stop(); await store.close();
})();
