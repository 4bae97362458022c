/**
 * Opening the built store for serving: read-only, checked before the first request. A missing, corrupt or
 * other-schema store fails with one line that says which, and what to run.
 */
import SqliteDatabase from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, SqliteDialect, UnknownRow } from 'kysely';
import type { Database } from './database';
import { HeldRows } from './held-rows';
import { StoreError } from './errors';
import { latestSchemaVersion } from './migrations';
import { SEARCH_INDEX_VERSION } from '../search/index-documents';
import { frameworksWithoutDocument, readMeta } from './queries';

export interface Store {
  db: Kysely<Database>;
  meta: ReadonlyMap<string, string>;
  /** Rows the loaders keep in memory for the life of this store (none unless `openStore` was given a bound). */
  held: HeldRows;
  close(): Promise<void>;
}

const rebuildHint = 'run `npm run build:store` to rebuild it from data/';

export interface OpenOptions {
  /** How many rows the loaders may keep in memory for the life of the store (src/store/held-rows.ts). */
  heldRows?: number;
  /**
   * Whether to read every page first (SQLite's `quick_check`), so a damaged file is refused at startup rather
   * than failing requests later. Its cost grows with the file; skip it only for a file this process has just
   * built, already checked, or checks apart (ensureStore with a FileCheck: file-check.ts). Without it, only the
   * header and the schema are read.
   */
  checkPages?: boolean;
}

export async function openStore(file: string, { heldRows = 0, checkPages = true }: OpenOptions = {}): Promise<Store> {
  if (!existsSync(file)) throw new StoreError('missing', `store ${file} is missing: ${rebuildHint}`);
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('query_only = ON');
    reusePreparedStatements(sqlite);
    if (checkPages) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } else {
      // Reads the header and the schema: a file that is not a database fails here.
      sqlite.pragma('schema_version');
    }
  } catch (error) {
    throw corruptStore(file, (error as Error).message);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let meta: Map<string, string>;
  try {
    meta = await readMeta(db);
  } catch (error) {
    await db.destroy();
    throw new StoreError('corrupt', `store ${file} has no readable metadata (${(error as Error).message}): ${rebuildHint}`);
  }
  const version = meta.get('schema_version');
  if (version !== latestSchemaVersion) {
    await db.destroy();
    throw new StoreError(
      'schema-mismatch',
      `store ${file} has schema version ${version ?? 'none'}, this server needs ${latestSchemaVersion}: ${rebuildHint}`,
    );
  }
  // The search index holds text as this code normalises it; other code would search it with other terms.
  const searchVersion = meta.get('search_index_version');
  if (searchVersion !== SEARCH_INDEX_VERSION) {
    await db.destroy();
    throw new StoreError(
      'schema-mismatch',
      `store ${file} has search index version ${searchVersion ?? 'none'}, this server needs ${SEARCH_INDEX_VERSION}: ${rebuildHint}`,
    );
  }
  // A framework's lists are served from its document (framework-document.ts); one without a document is a broken build.
  const undocumented = await frameworksWithoutDocument(db);
  if (undocumented.length > 0) {
    await db.destroy();
    const codes = undocumented.map((f) => f.occupation_code).join(', ');
    throw new StoreError('corrupt', `store ${file} has frameworks without their served document (${codes}): ${rebuildHint}`);
  }
  return { db, meta, held: new HeldRows(heldRows), close: () => db.destroy() };
}

/** The refusal of a store whose pages SQLite cannot read, with what it found (on one line: `quick_check` spans several). */
export function corruptStore(file: string, found: string): StoreError {
  return new StoreError('corrupt', `store ${file} is corrupt or not a SQLite file (${found.replace(/\s+/g, ' ').trim()}): ${rebuildHint}`);
}

/**
 * Kysely prepares every statement it runs, a visible share of a cold full-framework request. The served store is
 * read-only and queries are run to completion (never streamed), so each distinct SQL text is prepared once and
 * reused; the number kept is bounded because `IN (?, ?, …)` lists vary in length.
 */
function reusePreparedStatements(sqlite: SqliteDatabase.Database, limit = 1000): void {
  const prepared = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = prepared.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (prepared.size >= limit) prepared.delete(prepared.keys().next().value ?? '');
      prepared.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Counts the SQL statements run through a Kysely instance made with `db.withPlugin(counter)`. It counts
 * results, not compiled queries: a builder used as a subquery is transformed too, but executes as part of one
 * statement.
 */
export class StatementCounter implements KyselyPlugin {
  count = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count += 1;
    return args.result;
  }
}
