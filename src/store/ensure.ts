/**
 * Startup's store check: serve the built store if it matches data/; otherwise rebuild it (development) or
 * refuse to start with one line saying what is wrong and what to run (production).
 */
import { StoreError } from './errors';
import { buildStore } from './importer';
import { hashDataDir } from './input-hash';
import { openStore, type Store } from './store';

export interface EnsureOptions {
  dataDir: string;
  storeFile: string;
  rebuild: boolean;
  log: (line: string) => void;
  /** Rows to keep in memory for the life of the store (openStore's `heldRows`). */
  heldRows?: number;
}

export async function ensureStore({ dataDir, storeFile, rebuild, log, heldRows }: EnsureOptions): Promise<Store> {
  let problem: string;
  try {
    const store = await openStore(storeFile, { heldRows });
    if (store.meta.get('input_hash') === hashDataDir(dataDir)) return store;
    await store.close();
    problem = `store ${storeFile} was built from other data than ${dataDir} holds now`;
    if (!rebuild) throw new StoreError('incomplete', `${problem}: run \`npm run build:store\` to rebuild it`);
  } catch (error) {
    if (!(error instanceof StoreError) || !rebuild) throw error;
    problem = error.message;
  }
  log(`[store] ${problem}; rebuilding`);
  await buildStore({ dataDir, storeFile, log });
  return openStore(storeFile, { heldRows, checkPages: false });
}
