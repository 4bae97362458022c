/**
 * Once per test run: builds the real store from data/ (reused when data/ has not changed) and compiles the server
 * for the tests that run it as its own process (its entry point goes to the workers as TEST_SERVER_ENTRY).
 */
import { buildStore } from '../../src/store/importer';
import { hashDataDir } from '../../src/store/input-hash';
import { openStore } from '../../src/store/store';
import { dataDir, testStoreFile } from './paths';
import { compileServer } from './process';

async function ensureTestStore(): Promise<void> {
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

export default async function globalSetup(): Promise<void> {
  process.env.TEST_SERVER_ENTRY = compileServer();
  await ensureTestStore();
}
