/** Paths the tests share: the project root, data/, and the real store global-setup.ts builds. */
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../..');
export const dataDir = join(projectRoot, 'data');
/** The real store, built from data/ once per test run by global-setup.ts. */
export const testStoreFile = join(projectRoot, 'var/test/store.sqlite');
