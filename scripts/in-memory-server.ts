/**
 * The benchmark's in-memory bound: the production server exactly as `npm start` runs it (Apollo Server,
 * buildSubgraphSchema, graphql-jit, the HTTP layer and its response cache), except that every DataLoader reads
 * through a map held for the life of the process, so once an answer's data has been read it is served from plain
 * in-memory objects with no SQL. The bench warms it over every occupation before measuring; what it reaches is what
 * this stack can do when data costs nothing. Same environment as the server (STORE_FILE, PORT, …).
 */
import DataLoader from 'dataloader';
import type { Db } from '../src/store/queries';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaders = require('../src/loaders') as {
  createLoaders: (db: Db) => Record<string, DataLoader<unknown, unknown>>;
  loaderNames: readonly string[];
};
const createLoaders = loaders.createLoaders;
const held = new Map<string, Map<string, unknown>>();

/** `loader` behind a map held for the life of the process, under `name`. */
function inMemory(name: string, loader: DataLoader<unknown, unknown>): DataLoader<unknown, unknown> {
  let values = held.get(name);
  if (values === undefined) held.set(name, (values = new Map()));
  const memory = values;
  return new DataLoader<unknown, unknown>(async (keys) => {
    const missing = [...new Set(keys.map((key) => JSON.stringify(key)))].filter((key) => !memory.has(key));
    if (missing.length > 0) {
      const loaded = await loader.loadMany(missing.map((key) => JSON.parse(key) as unknown));
      loaded.forEach((value, i) => {
        if (!(value instanceof Error)) memory.set(missing[i]!, value);
      });
    }
    return keys.map((key) => {
      const id = JSON.stringify(key);
      return memory.has(id) ? memory.get(id) : new Error(`${name} could not load ${id}`);
    });
  });
}

loaders.createLoaders = (db: Db) => {
  // Nothing held by the store itself: this map holds everything, without a bound. Each loader is made on first use,
  // as the server makes them.
  const fresh = createLoaders(db);
  const wrapped: Record<string, DataLoader<unknown, unknown>> = {};
  for (const name of loaders.loaderNames) {
    Object.defineProperty(wrapped, name, {
      get() {
        const loader = inMemory(name, fresh[name]!);
        Object.defineProperty(wrapped, name, { value: loader });
        return loader;
      },
      configurable: true,
    });
  }
  return wrapped;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../src/index');
