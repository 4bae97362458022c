/**
 * Opening the corrections store: a writable SQLite file of its own (CORRECTIONS_FILE, the default) or a PostgreSQL
 * database every replica shares (CORRECTIONS_DATABASE_URL), created and migrated in place, safely when replicas
 * start together. SQLite runs WAL with `synchronous = FULL`, so every commit is on disk before it returns;
 * PostgreSQL acknowledges a commit once it is in its write-ahead log. Either way an acknowledged suggestion
 * survives a crash of the process. An unreachable PostgreSQL does not stop the server: `use()` throws
 * CorrectionsUnavailable until the database answers again, and the schema is migrated as soon as it does.
 */
import SqliteDatabase from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { CorrectionsDatabase } from './database';
import { correctionsMigrationProvider, type CorrectionsDialect } from './migrations';

export type { CorrectionsDialect };

/** The corrections database cannot be reached now; the operation may be retried after `retryAfterSeconds`. */
export class CorrectionsUnavailable extends Error {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
}

/** What a client is told to wait while the database is unreachable, and how often a dead one is tried again. */
const RETRY_AFTER_SECONDS = 5;
const RETRY_INTERVAL_MS = 1000;
/** Longest a readiness probe waits for the database before reporting it unavailable. */
const CHECK_TIMEOUT_MS = 500;

export interface CorrectionsStore {
  dialect: CorrectionsDialect;
  /** For tests and tools; the server goes through use(), which also migrates a database that came back. */
  db: Kysely<CorrectionsDatabase>;
  /** The SQLite file, or undefined on PostgreSQL. */
  file: string | undefined;
  /** Where the rows are, safe to log: the file, or the database URL without its password. */
  where: string;
  /** Runs `work` on the database once it is reachable and migrated; CorrectionsUnavailable when it is not. */
  use<T>(work: (db: Kysely<CorrectionsDatabase>) => Promise<T>): Promise<T>;
  /** Whether the database answers now (readiness); never throws. */
  check(): Promise<boolean>;
  /** Whether the last attempt reached the database (false from an unreachable start until it answers). */
  readonly available: boolean;
  close(): Promise<void>;
}

export interface StoreEvents {
  /** Called once each time the database goes from reachable to not (and at startup if it is not), and back. */
  onAvailability?: (available: boolean, reason: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQLite's "another connection holds the lock" errors, which waiting out is the cure for. */
function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Migrates under SQLite's write lock: BEGIN IMMEDIATE waits (busy_timeout) while another replica migrates the same
 * file, and then sees its work done. Kysely's migrator runs no transaction of its own on SQLite, so every statement
 * it runs is inside this one and a migration is all or nothing. (Kysely's SQLite migration lock is a no-op.)
 */
async function migrateSqlite(sqlite: SqliteDatabase.Database, db: Kysely<CorrectionsDatabase>): Promise<void> {
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const { error } = await new Migrator({ db, provider: correctionsMigrationProvider('sqlite') }).migrateToLatest();
    if (error !== undefined) throw error;
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

const SQLITE_ATTEMPTS = 8;

async function openSqlite(file: string): Promise<CorrectionsStore> {
  mkdirSync(dirname(file), { recursive: true });
  // Replicas starting together on one new file: switching to WAL and migrating take the write lock, and a few
  // SQLite paths answer SQLITE_BUSY without calling the busy handler; those attempts are retried, a bounded number of times.
  for (let attempt = 1; ; attempt += 1) {
    // Another process on the same file (a second replica, the sqlite3 shell) waits for the lock instead of failing.
    const sqlite = new SqliteDatabase(file, { timeout: 10_000 });
    const db = new Kysely<CorrectionsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
      await migrateSqlite(sqlite, db);
      return {
        dialect: 'sqlite',
        db,
        file,
        where: file,
        use: (work) => work(db),
        check: async () => true,
        available: true,
        close: () => db.destroy(),
      };
    } catch (error) {
      await db.destroy();
      if (isSqliteBusy(error) && attempt < SQLITE_ATTEMPTS) {
        await sleep(50 * 2 ** attempt * (0.5 + Math.random()));
        continue;
      }
      throw new Error(`corrections store ${file} cannot be opened: ${(error as Error).message}`);
    }
  }
}

/**
 * Errors that mean "the database is not reachable now" rather than "this statement is wrong": network errors, the
 * server shutting down or starting up (SQLSTATE 57P01-57P03), connection exceptions (class 08), and the driver's
 * own timeouts and dropped connections.
 */
export function isUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^(E[A-Z]+)$/.test(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
  return typeof message === 'string' && /Connection terminated|connection error|timeout exceeded when trying to connect|Connection refused|Query read timeout/i.test(message);
}

/** The URL without its password (and without query parameters, which may carry one). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

async function openPostgres(url: string, { onAvailability }: StoreEvents): Promise<CorrectionsStore> {
  const where = redactUrl(url);
  // A database that stops answering (a dropped network, not a refused connection) fails a request within 3 s to
  // connect or 10 s to answer, instead of holding it open.
  // Loaded only here: most servers keep corrections in SQLite, and loading pg would slow every start (docs/performance.md).
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3000, query_timeout: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection the server closed (a restart) is dropped by the pool; without a listener it would crash us.
  pool.on('error', () => {});
  const db = new Kysely<CorrectionsDatabase>({ dialect: new PostgresDialect({ pool }) });
  let migrated = false;
  let migrating: Promise<void> | null = null;
  let lastFailure = 0;
  let available = true;
  let reported = false;

  const setAvailable = (value: boolean, reason: string) => {
    if (value === available && reported) return;
    available = value;
    // Startup reports only a failure; after that every change is reported once.
    if (reported || !value) onAvailability?.(value, reason);
    reported = true;
  };
  const refusal = (reason: string) => new CorrectionsUnavailable(`The corrections database is unreachable (${reason}); try again in ${RETRY_AFTER_SECONDS} s.`);
  const unavailable = (error: unknown) => {
    lastFailure = Date.now();
    setAvailable(false, (error as Error).message);
    return refusal((error as Error).message);
  };

  // Kysely's Postgres migrator holds an advisory lock and runs each migration in a transaction: replicas starting
  // together migrate once, and the others wait for it and find nothing left to do.
  const migrate = async () => {
    const { error } = await new Migrator({ db, provider: correctionsMigrationProvider('postgres') }).migrateToLatest();
    if (error !== undefined) throw error;
    migrated = true;
  };
  const ensureMigrated = async () => {
    if (migrated) return;
    if (migrating === null) {
      // A dead database is tried at most once a second, however many requests arrive meanwhile.
      if (Date.now() - lastFailure < RETRY_INTERVAL_MS) throw refusal('it was a moment ago');
      migrating = migrate().finally(() => {
        migrating = null;
      });
    }
    try {
      await migrating;
    } catch (error) {
      if (isUnreachable(error)) throw unavailable(error);
      throw error;
    }
  };

  const use = async <T>(work: (db: Kysely<CorrectionsDatabase>) => Promise<T>): Promise<T> => {
    await ensureMigrated();
    try {
      const result = await work(db);
      setAvailable(true, 'answered');
      return result;
    } catch (error) {
      if (isUnreachable(error)) throw unavailable(error);
      throw error;
    }
  };

  try {
    await ensureMigrated();
    setAvailable(true, 'migrated');
  } catch (error) {
    if (!(error instanceof CorrectionsUnavailable)) {
      await db.destroy();
      throw new Error(`corrections database ${where} cannot be opened: ${(error as Error).message}`);
    }
  }
  return {
    dialect: 'postgres',
    db,
    file: undefined,
    where,
    use,
    // Bounded by CHECK_TIMEOUT_MS so a hanging database cannot make a readiness probe time out (reads still work).
    check() {
      const probe = use((d) => sql`select 1`.execute(d)).then(
        () => true,
        () => false,
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
      });
      return Promise.race([probe, late]).finally(() => clearTimeout(timer));
    },
    get available() {
      return available;
    },
    close: () => db.destroy(),
  };
}

/** Opens the PostgreSQL database when `databaseUrl` is given, else the SQLite `file`. */
export function openCorrectionsStore(location: { file: string; databaseUrl?: string | null | undefined }, events: StoreEvents = {}): Promise<CorrectionsStore> {
  return location.databaseUrl ? openPostgres(location.databaseUrl, events) : openSqlite(location.file);
}
