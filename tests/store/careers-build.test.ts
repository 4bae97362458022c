/**
 * The career moves never read O*NET's Related Occupations, the answer key `npm run eval:moves` scores them
 * against: a store built from data/ with that file emptied ranks every occupation's moves exactly as the real one.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { buildStore } from '../../src/store/importer';
import { readGzLines, writeGzLines } from '../support/fixtures';
import { dataDir, testStoreFile } from '../support/paths';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'careers-no-related-'));
  cpSync(dataDir, join(dir, 'data'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (file: string, sql: string) => {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

test('with Related Occupations emptied, every occupation has the same moves in the same order, with the same similarity', async () => {
  // In every release folder that has it, whichever release is served.
  for (const release of readdirSync(join(dir, 'data/onet'))) {
    const related = join(dir, 'data/onet', release, 'Related Occupations.txt.gz');
    if (!existsSync(related)) continue;
    const [header = ''] = readGzLines(related);
    writeGzLines(related, [header, '']);
  }
  const storeFile = join(dir, 'store.sqlite');
  await buildStore({ dataDir: join(dir, 'data'), storeFile });

  expect(rows(storeFile, 'SELECT count(*) AS n FROM related_occupation')).toEqual([{ n: 0 }]);
  const moves = 'SELECT occupation_code, rank, move_code, similarity FROM career_move ORDER BY occupation_code, rank';
  const withoutKey = rows(storeFile, moves);
  expect(withoutKey.length).toBe(50 * 1016);
  expect(withoutKey).toEqual(rows(testStoreFile, moves));
  const profiles = 'SELECT occupation_code, profile FROM career_profile ORDER BY occupation_code';
  expect(rows(storeFile, profiles)).toEqual(rows(testStoreFile, profiles));
}, 300_000);
