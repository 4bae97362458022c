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
    const { error } = await new Migrator({ db, provider: correctionsMigrationProvider }).migrateToLatest();
    if (error) throw error;
  } catch (error) {
    await db.destroy();
    throw new Error(`corrections store ${file} cannot be opened: ${(error as Error).message}`);
  }
  return { db, file, close: () => db.destroy() };
}
