/**
 * A throwaway experiment, not part of the product: what removing the resolvers that only rename a snake_case column
 * to camelCase would cost and save (issue 25; docs/performance.md, "Renaming resolvers"). Everything in one process,
 * side by side, in alternating rounds; CPU time (user + system) from process.cpuUsage, medians of the rounds.
 *
 * 1. Rows through kysely, from the store as the server opens it (read-only, prepared statements reused): task and
 *    alternate-title rows, the whole table and the loader's query for 20 random occupations, three ways: `snake`
 *    (selectAll, as today), `CamelCasePlugin` (selectAll through kysely's plugin, which renames every key of every
 *    row in JavaScript) and `aliased` (the columns named in the select, `incumbents_responding as
 *    incumbentsResponding`: SQLite names the result columns, nothing runs per row).
 * 2. Executing what a router asks of those rows, with graphql-jit as the server does: 20 occupations' first 5 tasks
 *    and 5 alternate titles with every field, then JSON.stringify. `resolvers`: snake rows and a resolver per renamed
 *    field (as today); `properties`: rows whose columns the select named as the schema's fields, read by graphql-jit as plain properties.
 *
 * Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node --expose-gc docs/experiments/camel-case.js [rounds, default 7]
 *
 * With --expose-gc a full collection runs before each timed turn, so one variant's garbage is not collected in the
 * next one's turn (the plugin makes a second object per row).
 */
const { resolve, join } = require('node:path');
const { loadavg } = require('node:os');
const root = resolve(__dirname, '../..');
const { CamelCasePlugin, Kysely, SqliteDialect } = require('kysely');
const SqliteDatabase = require('better-sqlite3');
const { parse } = require('graphql');
const { compileQuery } = require('graphql-jit');
const { makeExecutableSchema } = require('@graphql-tools/schema');

const rounds = Number(process.argv[2] ?? 7);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TASK_COLUMNS = ['task_id', 'occupation_code', 'statement', 'task_type', 'incumbents_responding', 'date', 'domain_source', 'release'];
const TITLE_COLUMNS = ['id', 'occupation_code', 'title', 'short_title', 'sources', 'release'];
/** The columns a resolver renames today, named in the select as the schema's fields are. */
const TASK_ALIASED = ['task_id', 'occupation_code', 'statement', 'task_type as type', 'incumbents_responding as incumbentsResponding', 'date', 'domain_source as domainSource', 'release'];
const TITLE_ALIASED = ['id', 'occupation_code', 'title', 'short_title as shortTitle', 'sources', 'release'];

async function main() {
  const sqlite = new SqliteDatabase(join(root, process.env.STORE_FILE ?? 'var/store.sqlite'), { readonly: true, fileMustExist: true });
  const snakeDb = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  const camelDb = new Kysely({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  const codes = (await snakeDb.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  let seed = 25;
  const pick = () => codes[Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * codes.length)];
  const twenty = () => Array.from({ length: 20 }, pick);

  // 1. Rows through kysely.
  // Each table read whole and as its loader reads it, for 20 occupations (`set`); the plugin takes camelCase names.
  const queries = {};
  for (const [table, { aliased, order, camelOrder }] of Object.entries({
    task: { aliased: TASK_ALIASED, order: 'task_id', camelOrder: 'taskId' },
    alternate_title: { aliased: TITLE_ALIASED, order: 'id', camelOrder: 'id' },
  })) {
    const read = (db, columns, orderBy, codeColumn) => (set) => {
      const query = db.selectFrom(table);
      const selected = columns === undefined ? query.selectAll() : query.select(columns);
      return (set === undefined ? selected : selected.where(codeColumn, 'in', set)).orderBy(orderBy).execute();
    };
    const variants = {
      snake: read(snakeDb, undefined, order, 'occupation_code'),
      CamelCasePlugin: read(camelDb, undefined, camelOrder, 'occupationCode'),
      aliased: read(snakeDb, aliased, order, 'occupation_code'),
    };
    queries[`${table}, whole table`] = Object.fromEntries(Object.entries(variants).map(([name, run]) => [name, () => run(undefined)]));
    queries[`${table}, 20 occupations`] = variants;
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${rounds} alternating rounds, medians; node ${process.version}`);
  console.log('1. rows through kysely: ns of CPU per row (rows per CPU second)');
  for (const [name, variants] of Object.entries(queries)) {
    const whole = name.includes('whole');
    const repeat = whole ? 5 : 400;
    const results = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
    const same = await Promise.all(Object.values(variants).map((run) => run(['43-6012.00', '15-1252.00'])));
    if (new Set(same.map((rows) => rows.length)).size !== 1) throw new Error(`${name}: the variants return different rows`);
    for (let round = -1; round < rounds; round += 1) {
      for (const [variant, run] of Object.entries(variants)) {
        const sets = Array.from({ length: repeat }, twenty);
        let rows = 0;
        global.gc?.();
        const before = cpuMs();
        for (const set of sets) rows += (await run(set)).length;
        const ns = ((cpuMs() - before) * 1e6) / rows;
        if (round >= 0) results[variant].push(ns);
      }
    }
    console.log(
      `  ${name.padEnd(32)}` +
        Object.entries(results)
          .map(([variant, ns]) => `${variant} ${median(ns).toFixed(0)} ns (${Math.round(1e9 / median(ns)).toLocaleString('en')}/s)`)
          .join('   '),
    );
  }

  // 2. Executing a router's selection of those rows under graphql-jit.
  const typeDefs = /* GraphQL */ `
    type Query { occupations(codes: [String!]!): [Occupation!]! }
    type Occupation { code: String! tasks: [Task!]! alternateTitles: [AlternateTitle!]! }
    type Task { id: String! statement: String! type: String incumbentsResponding: Float date: String! domainSource: String! release: String! }
    type AlternateTitle { title: String! shortTitle: String sources: [String!]! release: String! }
  `;
  const byCode = async (db, table, columns, orderBy, set) => {
    const rows = await db.selectFrom(table).select(columns).where('occupation_code', 'in', set).orderBy(orderBy).execute();
    return set.map((code) => rows.filter((r) => r.occupation_code === code).slice(0, 5));
  };
  const fetchSnake = async (set) => {
    const [tasks, titles] = await Promise.all([byCode(snakeDb, 'task', TASK_COLUMNS, 'task_id', set), byCode(snakeDb, 'alternate_title', TITLE_COLUMNS, 'id', set)]);
    return set.map((code, i) => ({ code, tasks: tasks[i], alternateTitles: titles[i] }));
  };
  const fetchCamel = async (set) => {
    const [tasks, titles] = await Promise.all([byCode(snakeDb, 'task', TASK_ALIASED, 'task_id', set), byCode(snakeDb, 'alternate_title', TITLE_ALIASED, 'id', set)]);
    return set.map((code, i) => ({ code, tasks: tasks[i], alternateTitles: titles[i] }));
  };
  const schemas = {
    resolvers: makeExecutableSchema({
      typeDefs,
      resolvers: {
        Task: { id: (t) => String(t.task_id), type: (t) => t.task_type, incumbentsResponding: (t) => t.incumbents_responding, domainSource: (t) => t.domain_source },
        AlternateTitle: { shortTitle: (t) => t.short_title, sources: (t) => t.sources.split(',') },
      },
    }),
    properties: makeExecutableSchema({
      typeDefs,
      resolvers: { Task: { id: (t) => String(t.task_id) }, AlternateTitle: { sources: (t) => t.sources.split(',') } },
    }),
  };
  const document = parse(
    'query($codes: [String!]!) { occupations(codes: $codes) { code tasks { id statement type incumbentsResponding date domainSource release } alternateTitles { title shortTitle sources release } } }',
  );
  const compiled = { resolvers: compileQuery(schemas.resolvers, document), properties: compileQuery(schemas.properties, document) };
  // The same data, held (as the server holds rows): only execution and serialisation are timed.
  const sets = Array.from({ length: 200 }, twenty);
  const held = { resolvers: [], properties: [] };
  for (const set of sets) {
    held.resolvers.push(await fetchSnake(set));
    held.properties.push(await fetchCamel(set));
  }
  const first = JSON.stringify((await compiled.resolvers.query({ occupations: held.resolvers[0] }, {}, { codes: sets[0] })).data);
  const second = JSON.stringify((await compiled.properties.query({ occupations: held.properties[0] }, {}, { codes: sets[0] })).data);
  if (first !== second) throw new Error('the two executions answer differently');
  const results = { resolvers: [], properties: [] };
  for (let round = -1; round < rounds; round += 1) {
    for (const variant of Object.keys(compiled)) {
      global.gc?.();
      const before = cpuMs();
      for (let i = 0; i < sets.length; i += 1) {
        const result = await compiled[variant].query({ occupations: held[variant][i] }, {}, { codes: sets[i] });
        JSON.stringify(result);
      }
      if (round >= 0) results[variant].push(((cpuMs() - before) * 1000) / sets.length);
    }
  }
  const fieldRows = JSON.parse(first).occupations.reduce((n, o) => n + 3 * o.tasks.length + o.alternateTitles.length, 0);
  console.log(`2. graphql-jit execution + JSON.stringify of 20 occupations' first 5 tasks and 5 alternate titles (${fieldRows} renamed field values in the first set): µs of CPU per request`);
  for (const [variant, us] of Object.entries(results)) console.log(`  ${variant.padEnd(12)} ${median(us).toFixed(1)} µs  [${us.map((u) => u.toFixed(0)).join(' ')}]`);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await snakeDb.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
