/** Builds the real store from data/ once per test run (reused when data/ has not changed). */
import { buildStore } from '../../src/store/importer';
import { hashDataDir } from '../../src/store/input-hash';
import { openStore } from '../../src/store/store';
import { dataDir, testStoreFile } from './paths';

export default async function globalSetup(): Promise<void> {
  try {
    const store = await openStore(testStoreFile);
    const current = store.meta.get('input_hash') === hashDataDir(dataDir);
    await store.close();
    if (current) return;
  } catch {
    // Missing, corrupt or another schema version: build it below.
  }
  await buildStore({ dataDir, storeFile: testStoreFile });
}
