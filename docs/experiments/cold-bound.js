/**
 * A throwaway experiment, not part of the product: how far cold execution of the full-framework query could go
 * with other designs, each against the same bare node:http ceiling (docs/performance.md, "Where the cold time
 * goes"). Run from the project root after `npm run build` and `npm run build:store`:
 *
 *   node docs/experiments/cold-bound.js [seconds per round, default 8]
 *
 * Modes, each its own process, cache off, in alternating rounds (the best of two counts); each must first answer
 * with the shipped server's bytes:
 * - shipped:   the production server as built (Apollo, graphql-jit, the stored document parsed per request);
 * - in-memory: the same, with Occupation.framework patched to return the finished framework object from memory;
 * - bare:      graphql-jit in a bare node:http handler over the same schema, loaders and store, without Apollo;
 * - bare-in-memory: the same, with the framework document's lists from memory.
 */
const autocannon = require('autocannon');
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const http = require('node:http');
const { join, resolve } = require('node:path');
const { tmpdir } = require('node:os');

const root = resolve(__dirname, '../..');
const dist = (path) => join(root, 'dist', path);
const storeFile = join(root, 'var/store.sqlite');
const { FULL_FRAMEWORK_QUERY } = require(dist('scripts/operations'));
const variables = { code: '43-6012.00' };

async function serve(mode) {
  const { createContext } = require(dist('src/context'));
  const { openStore } = require(dist('src/store/store'));
  const store = await openStore(storeFile);
  if (mode === 'shipped' || mode === 'in-memory') {
    const { createServer } = require(dist('src/server'));
    if (mode === 'in-memory') {
      const probe = createServer({ production: true });
      await probe.start();
      const result = await probe.executeOperation({ query: FULL_FRAMEWORK_QUERY, variables }, { contextValue: createContext(store) });
      const framework = result.body.singleResult.data.occupation.framework;
      await probe.stop();
      const { frameworkResolvers } = require(dist('src/resolvers/framework'));
      for (const type of Object.values(frameworkResolvers)) for (const field of Object.keys(type)) delete type[field];
      // The finished object's sources are in the schema's shape already (shortName, not short_name).
      delete require(dist('src/resolvers/source')).sourceResolvers.Source.shortName;
      require(dist('src/resolvers/occupation')).Occupation.framework = async () => framework;
    }
    const { startHttpServer } = require(dist('src/http'));
    const { silentLogger } = require(dist('src/logger'));
    const { ResponseCache } = require(dist('src/http/response-cache'));
    const apollo = createServer({ production: true });
    await apollo.start();
    const options = { apollo, store, maxBodyBytes: 100_000, exposeStatementCount: false, logger: silentLogger, responseCache: new ResponseCache(0) };
    const { server, setReady } = await startHttpServer(options, 0);
    setReady(true);
    return server.address().port;
  }
  const { parse } = require('graphql');
  const { compileQuery } = require('graphql-jit');
  const { buildSchema } = require(dist('src/schema'));
  const { readFrameworkDocument } = require(dist('src/store/framework-document'));
  const stored = store.db.selectFrom('framework_document').select('document').where('occupation_code', '=', variables.code);
  const document = mode === 'bare-in-memory' ? readFrameworkDocument((await stored.executeTakeFirstOrThrow()).document) : null;
  const compiled = compileQuery(buildSchema(), parse(FULL_FRAMEWORK_QUERY));
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const context = createContext(store);
      if (document !== null) context.loaders.frameworkDocumentByOccupation.prime(variables.code, document);
      const result = await compiled.query(undefined, context, JSON.parse(body).variables);
      const bytes = Buffer.from(JSON.stringify(result));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length) });
      res.end(bytes);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server.address().port;
}

function start(args) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (text) => {
      out += text;
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port !== undefined) done({ child, port: Number(port) });
    });
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function drive(seconds) {
  const body = JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables });
  const load = (port, duration) =>
    autocannon({ url: `http://127.0.0.1:${port}/`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 20, duration });
  // The ceiling answers with the bytes and headers the shipped server sends.
  const shipped = await start([__filename, 'serve', 'shipped']);
  const response = await fetch(`http://127.0.0.1:${shipped.port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => ['content-type', 'cache-control'].includes(name)));
  const answer = await response.text();
  const file = join(tmpdir(), `cold-bound-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ headers, body: answer }));
  shipped.child.kill();
  const modes = ['ceiling', 'shipped', 'in-memory', 'bare', 'bare-in-memory'];
  const best = {};
  for (let round = 1; round <= 2; round++) {
    for (const mode of modes) {
      const server = await start(mode === 'ceiling' ? [dist('scripts/ceiling-server.js'), file] : [__filename, 'serve', mode]);
      const own = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if ((await own.text()).trim() !== answer.trim()) throw new Error(`${mode} does not answer as the shipped server does`);
      await load(server.port, 2);
      const result = await load(server.port, seconds);
      server.child.kill();
      best[mode] = Math.max(best[mode] ?? 0, result.requests.average);
      console.log(`round ${round} ${mode.padEnd(15)} ${Math.round(result.requests.average)} req/s, errors ${result.errors}, non-2xx ${result.non2xx}`);
    }
  }
  for (const mode of modes) console.log(`${mode.padEnd(15)} ${Math.round(best[mode])} req/s, ${((100 * best[mode]) / best.ceiling).toFixed(1)}% of the ceiling`);
}

if (process.argv[2] === 'serve') {
  serve(process.argv[3]).then((port) => process.stdout.write(`${JSON.stringify({ port })}\n`));
} else {
  drive(Number(process.argv[2] ?? 8)).then(() => process.exit(0));
}
