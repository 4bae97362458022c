/**
 * The benchmark's Mercurius peer: what a subgraph on Fastify and Mercurius with graphql-jit reaches over our data.
 * Mercurius as its documentation sets it up for speed (`jit: 1`: each query is compiled by graphql-jit from its
 * second execution; parsed and validated documents cached, as by default), logging off, over the same schema
 * (buildSubgraphSchema over our resolvers), the same per-request context and loaders and the same store with rows
 * held (STORE_HELD_ROWS), so only the stack differs. Same environment as the server (STORE_FILE, STORE_HELD_ROWS,
 * PORT); prints `{"port":<n>}` when listening.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { readConfig } from '../src/config';
import { createContext } from '../src/context';
import { buildSchema } from '../src/schema';
import { openStore } from '../src/store/store';

async function main(): Promise<void> {
  const config = readConfig();
  const store = await openStore(config.storeFile, { heldRows: config.heldRows });
  const app = Fastify({ logger: false, keepAliveTimeout: 65_000 });
  await app.register(mercurius, { schema: buildSchema(), jit: 1, path: '/', context: () => createContext(store) });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  process.on('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
}

void main();
