/**
 * The career moves never read their answer keys: O*NET's Related Occupations, which `npm run eval:moves` scores the
 * similarity against, nor the observed moves, which it scores both rankings against. The importer's career stage
 * (`careerRows`, which reads only the database the data files were just loaded into), run over a copy of the real
 * store with those tables emptied, ranks every occupation's moves, both ways, exactly as the real store holds them.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { careerRows } from '../../src/store/careers';
import type { Database } from '../../src/store/database';
import { testStoreFile } from '../support/paths';

let dir: string;
let sqlite: SqliteDatabase.Database;
let db: Kysely<Database>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'careers-no-related-'));
  const copy = join(dir, 'store.sqlite');
  copyFileSync(testStoreFile, copy);
  sqlite = new SqliteDatabase(copy);
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

test('with Related Occupations and the observed moves emptied, every occupation has the same moves in the same order both ways, with the same similarity and score, and the same profile', async () => {
  const keys = ['related_occupation', 'observed_move', 'observed_occupation', 'observed_unit_code', 'observed_unit'];
  for (const table of keys) {
    expect(count(table)).toBeGreaterThan(0);
    sqlite.exec(`DELETE FROM ${table}`);
    expect(count(table)).toBe(0);
  }

  const withoutKey = await careerRows(db);
  expect(withoutKey.moves.length).toBe(50 * 1016);
  // One line per row, compared as text: as strict as comparing the 50,800 objects, far quicker, and a failure
  // still shows the differing lines.
  const asLines = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row)).join('\n');
  const moves = 'SELECT occupation_code, rank, move_code, similarity FROM career_move ORDER BY occupation_code, rank';
  expect(asLines(withoutKey.moves)).toBe(asLines(sqlite.prepare(moves).all() as object[]));
  expect(withoutKey.likelyMoves.length).toBe(50 * 1016);
  const likely = 'SELECT occupation_code, rank, move_code, similarity, score FROM career_likely_move ORDER BY occupation_code, rank';
  expect(asLines(withoutKey.likelyMoves)).toBe(asLines(sqlite.prepare(likely).all() as object[]));
  const profiles = 'SELECT occupation_code, profile FROM career_profile ORDER BY occupation_code';
  expect(asLines(withoutKey.profiles)).toBe(asLines(sqlite.prepare(profiles).all() as object[]));
});
