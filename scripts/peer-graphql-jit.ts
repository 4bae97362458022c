/**
 * The benchmark's bare graphql-jit peer: what a subgraph built on graphql-jit alone reaches over our data. A bare
 * node:http server that reads each JSON body, parses, validates and compiles each query text once (kept by its
 * text), and answers with `compiledQuery.query` and `compiledQuery.stringify` as graphql-jit's README shows:
 * stock compiler options, so `stringify` is JSON.stringify. It runs the same schema (buildSubgraphSchema over our
 * resolvers), the same per-request context and loaders and the same store with rows held (STORE_HELD_ROWS), so
 * only the stack differs. No response cache, no access log, no limits: the least a server on this stack does.
 * Same environment as the server (STORE_FILE, STORE_HELD_ROWS, PORT); prints `{"port":<n>}` when listening.
 */
import { createServer } from 'node:http';
import { parse, validate, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { readConfig } from '../src/config';
import { createContext } from '../src/context';
import { buildSchema } from '../src/schema';
import { openStore } from '../src/store/store';

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config.storeFile, { heldRows: config.heldRows });
  const schema = buildSchema();
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();

  function compile(query: string, operationName: string | undefined): CompiledQuery | ExecutionResult {
    const key = `${operationName ?? ''}\n${query}`;
    let entry = compiled.get(key);
    if (entry === undefined) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length > 0 ? { errors } : compileQuery(schema, document, operationName);
      } catch (error) {
        entry = { errors: [error as never] };
      }
      compiled.set(key, entry);
    }
    return entry;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown>; operationName?: string };
        const entry = compile(query, operationName);
        const result = isCompiledQuery(entry) ? await entry.query(undefined, createContext(store), variables ?? {}) : entry;
        const body = Buffer.from(isCompiledQuery(entry) ? entry.stringify(result) : JSON.stringify(result));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) });
        res.end(body);
      })();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void store.close().then(() => process.exit(0)));
  });
}

void main();
