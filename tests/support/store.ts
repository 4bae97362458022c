/**
 * Opens a store for an in-process test without openStore's page check: global-setup.ts opened the real store
 * with the full check once for the run, and a fixture store is built by the test that opens it. The check itself
 * is tested where it matters (tests/store/ensure.test.ts, tests/staying-up.test.ts).
 */
import { openStore, type Store } from '../../src/store/store';
import { testStoreFile } from './paths';

export function openTestStore(storeFile = testStoreFile, heldRows = 0): Promise<Store> {
  return openStore(storeFile, { heldRows, checkPages: false });
}
