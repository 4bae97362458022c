/**
 * Startup's store check: serve the built store if it matches data/; otherwise rebuild it (development) or
 * refuse to start with one line saying what is wrong and what to run (production).
 */
import { StoreError } from './errors';
import { checkStoreFile, type FileCheck } from './file-check';
import { corruptStore, openStore, type Store } from './store';

export interface EnsureOptions {
  dataDir: string;
  storeFile: string;
  rebuild: boolean;
  log: (line: string) => void;
  /** Rows to keep in memory for the life of the store (openStore's `heldRows`). */
  heldRows?: number;
  /**
   * The page check and data/'s hash of `storeFile` and `dataDir`, already under way (checkStoreFileOnWorker);
   * without it they run here, in this thread. Either way the store is returned only after they passed.
   */
  fileCheck?: Promise<FileCheck>;
}

export async function ensureStore({ dataDir, storeFile, rebuild, log, heldRows, fileCheck }: EnsureOptions): Promise<Store> {
  // Handled below when the store opens; a store refused before that must not leave it rejected and unheard.
  fileCheck?.catch(() => {});
  let problem: string;
  try {
    const store = await openStore(storeFile, { heldRows, checkPages: false });
    let check: FileCheck;
    try {
      check = await (fileCheck ?? checkStoreFile(storeFile, dataDir));
    } catch (error) {
      await store.close();
      throw error;
    }
    if (check.pages !== 'ok') {
      await store.close();
      throw corruptStore(storeFile, check.pages);
    }
    if (store.meta.get('input_hash') === check.dataHash) return store;
    await store.close();
    problem = `store ${storeFile} was built from other data than ${dataDir} holds now`;
    if (!rebuild) throw new StoreError('incomplete', `${problem}: run \`npm run build:store\` to rebuild it`);
  } catch (error) {
    if (!(error instanceof StoreError) || !rebuild) throw error;
    problem = error.message;
  }
  log(`[store] ${problem}; rebuilding`);
  // Loaded only to rebuild: the importer and its file readers are a visible share of a served start (docs/performance.md).
  const { buildStore } = await import('./importer');
  await buildStore({ dataDir, storeFile, log });
  return openStore(storeFile, { heldRows, checkPages: false });
}
