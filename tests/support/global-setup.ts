/**
 * Once per test run: builds the real store from data/ (reused when data/ has not changed), compiles the server
 * for the tests that run it as its own process (its entry point goes to the workers as TEST_SERVER_ENTRY), and
 * starts the throwaway PostgreSQL the `postgres` project's corrections tests use, unless TEST_DATABASE_URL names
 * a server. PostgreSQL starts in the background of the other two.
 */
import type { Config } from 'jest';
import { buildStore } from '../../src/store/importer';
import { hashDataDir } from '../../src/store/input-hash';
import { openStore } from '../../src/store/store';
import { dataDir, projectRoot, testStoreFile } from './paths';
import { removeStaleFixtureTemplates } from './fixtures';
import { startCluster, type Cluster } from './postgres';

// Plain JavaScript, so that a worker thread can load it.
const { compileServerOnWorker } = require('./compile-server') as { compileServerOnWorker(projectRoot: string): Promise<string> };

async function ensureTestStore(inputHash: string): Promise<void> {
  try {
    const store = await openStore(testStoreFile);
    const current = store.meta.get('input_hash') === inputHash;
    await store.close();
    if (current) return;
  } catch {
    // Missing, corrupt or another schema version: build it below.
  }
  await buildStore({ dataDir, storeFile: testStoreFile });
}

export default async function globalSetup(globalConfig: { selectProjects?: string[] | undefined } & Partial<Config>): Promise<void> {
  const wantsPostgres = globalConfig.selectProjects === undefined || globalConfig.selectProjects.includes('postgres');
  // PostgreSQL starts (initdb on a clean clone) in its own processes while the server compiles and the store builds.
  const starting = process.env.TEST_DATABASE_URL || !wantsPostgres ? undefined : startCluster();
  starting?.catch(() => {});
  // The server compiles on a worker thread while this thread checks (or, on a clean clone, builds) the store.
  const compiling = compileServerOnWorker(projectRoot);
  compiling.catch(() => {});
  try {
    const inputHash = hashDataDir(dataDir);
    // Workers read it to reuse fixture data folders cut from this data/ (fixtures.ts), and those of older data go.
    process.env.TEST_DATA_HASH = inputHash;
    removeStaleFixtureTemplates(inputHash);
    await ensureTestStore(inputHash);
    process.env.TEST_SERVER_ENTRY = await compiling;
  } catch (error) {
    (await starting?.catch(() => undefined))?.remove();
    throw error;
  }
  if (starting === undefined) return;
  const cluster = await starting;
  // Workers start after this and inherit the environment; global-teardown.ts reads the cluster back.
  process.env.TEST_DATABASE_URL = cluster.url;
  (globalThis as { testCluster?: Cluster }).testCluster = cluster;
  // If jest is interrupted before its teardown, the server still goes.
  process.once('exit', () => cluster.remove());
}
