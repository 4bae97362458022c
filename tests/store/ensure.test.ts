/** Startup's store check: rebuild a missing or stale store in development, refuse clearly in production. */
import SqliteDatabase from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureStore } from '../../src/store/ensure';
import { StoreError } from '../../src/store/errors';
import { editFramework, makeFixtureDataDir } from '../support/fixtures';
import { damageDeepPage } from '../support/store';

let dataDir: string;
let storeDir: string;
let storeFile: string;
let lines: string[];
beforeEach(() => {
  dataDir = makeFixtureDataDir();
  // Outside data/: a store inside it would change the very hash it records.
  storeDir = mkdtempSync(join(tmpdir(), 'skills-store-'));
  storeFile = join(storeDir, 'store.sqlite');
  lines = [];
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(storeDir, { recursive: true, force: true });
});

const ensure = (rebuild: boolean) => ensureStore({ dataDir, storeFile, rebuild, log: (l) => lines.push(l) });

test('development builds a missing store, then serves it as is while data/ is unchanged', async () => {
  const built = await ensure(true);
  const builtAt = built.meta.get('built_at');
  await built.close();
  expect(lines[0]).toMatch(/^\[store\] store .* is missing: run `npm run build:store`.*; rebuilding$/);
  lines = [];
  const reopened = await ensure(true);
  expect(reopened.meta.get('built_at')).toBe(builtAt);
  expect(lines).toEqual([]);
  await reopened.close();
});

test('development rebuilds a store that data/ has moved past', async () => {
  await (await ensure(true)).close();
  editFramework(join(dataDir, 'frameworks/43-6012.00.json'), (f) => (f.version = 'v.26.06'));
  lines = [];
  const store = await ensure(true);
  expect(lines[0]).toContain('was built from other data than');
  const row = await store.db.selectFrom('framework').select('version').executeTakeFirstOrThrow();
  expect(row.version).toBe('v.26.06');
  await store.close();
});

test('production refuses a missing, stale, or corrupt store with one line saying what to run', async () => {
  await expect(ensure(false)).rejects.toThrow(new StoreError('missing', `store ${storeFile} is missing: run \`npm run build:store\` to rebuild it from data/`));
  await (await ensure(true)).close();
  editFramework(join(dataDir, 'frameworks/43-6012.00.json'), (f) => (f.version = 'v.26.06'));
  await expect(ensure(false)).rejects.toThrow(/was built from other data than .*: run `npm run build:store` to rebuild it$/);
  writeFileSync(storeFile, 'not a database');
  await expect(ensure(false)).rejects.toMatchObject({ problem: 'corrupt' });
});

test('a store with a framework but not its served document is refused as corrupt, and rebuilt in development', async () => {
  await (await ensure(true)).close();
  const sqlite = new SqliteDatabase(storeFile);
  sqlite.prepare('DELETE FROM framework_document').run();
  sqlite.close();
  await expect(ensure(false)).rejects.toThrow(
    new StoreError('corrupt', `store ${storeFile} has frameworks without their served document (43-6012.00): run \`npm run build:store\` to rebuild it from data/`),
  );
  lines = [];
  const rebuilt = await ensure(true);
  expect(lines[0]).toContain('without their served document');
  expect(await rebuilt.db.selectFrom('framework_document').select('occupation_code').execute()).toEqual([{ occupation_code: '43-6012.00' }]);
  await rebuilt.close();
});

test('a damaged page that only reading every page finds is refused in production and rebuilt in development', async () => {
  await (await ensure(true)).close();
  const page = damageDeepPage(storeFile);
  await expect(ensure(false)).rejects.toThrow(new RegExp(`^store ${storeFile} is corrupt or not a SQLite file \\(.*page ${page}: .*\\): run \`npm run build:store\``));
  lines = [];
  const rebuilt = await ensure(true);
  expect(lines[0]).toContain(`page ${page}: `);
  await rebuilt.close();
  // Production serves the rebuilt file: every page reads again.
  await (await ensure(false)).close();
});
