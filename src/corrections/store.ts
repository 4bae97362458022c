/**
 * Opening the corrections store: a writable SQLite file of its own, created and migrated in place. WAL with
 * `synchronous = FULL` makes every commit durable before it returns, so an acknowledged suggestion survives a
 * crash of the process or of the machine.
 */
import SqliteDatabase from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { CorrectionsDatabase } from './database';
import { correctionsMigrationProvider } from './migrations';

export interface CorrectionsStore {
  db: Kysely<CorrectionsDatabase>;
  file: string;
  close(): Promise<void>;
}

/**
 * Kysely's SQLite migration lock is a no-op, so two replicas starting on a new file can both decide a migration is
 * pending; the second then fails on the table the first just created. The first has committed by the time the
 * second's write got the lock (busy_timeout), so running the migrator once more finds nothing left to do.
 */
async function migrate(db: Kysely<CorrectionsDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: correctionsMigrationProvider });
  const first = await migrator.migrateToLatest();
  if (first.error === undefined) return;
  const second = await migrator.migrateToLatest();
  if (second.error !== undefined) throw second.error;
}

export async function openCorrectionsStore(file: string): Promise<CorrectionsStore> {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  const db = new Kysely<CorrectionsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Another process on the same file (a second replica, the sqlite3 shell) waits for the lock instead of failing.
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`corrections store ${file} cannot be opened: ${(error as Error).message}`);
  }
  return { db, file, close: () => db.destroy() };
}
