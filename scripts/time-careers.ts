import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { buildProfiles } from '../src/careers/profile';
import { rankMoves } from '../src/careers/similarity';
import type { Database } from '../src/store/database';
import { readCareerInput } from '../src/store/careers';
async function main() {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(process.argv[2] as string, { readonly: true }) }) });
  let t = performance.now();
  const input = await readCareerInput(db);
  console.log('read', (performance.now() - t).toFixed(0)); t = performance.now();
  const profiles = buildProfiles(input);
  console.log('profiles', (performance.now() - t).toFixed(0)); t = performance.now();
  const c = process.cpuUsage();
  rankMoves(profiles, 50);
  console.log('rank', (performance.now() - t).toFixed(0), 'cpu', (process.cpuUsage(c).user / 1000).toFixed(0));
  const size = profiles.reduce((s, p) => s + JSON.stringify(p).length, 0);
  console.log('json bytes', size);
  await db.destroy();
}
void main();
