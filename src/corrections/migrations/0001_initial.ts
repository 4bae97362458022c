/**
 * Corrections migration 0001: suggestions and their review trail, plus, on PostgreSQL, the rate-limit buckets every
 * replica shares. One migration serves both dialects: kysely's schema builder writes each one's DDL, and what the
 * two do differently is said once, in `dialects`. Frozen in time: never change what a migration that has shipped
 * creates, and never import application code here; add a new numbered file instead. Unlike the reference store,
 * this one is never rebuilt: its migrations run in place at startup, so every later change must keep rows.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** What the two dialects do differently; everything else below is the same DDL for both. */
const dialects = {
  sqlite: {
    /** An INTEGER PRIMARY KEY is SQLite's rowid, assigned on insert. */
    id: (column: ColumnDefinitionBuilder) => column.primaryKey(),
    /** STRICT: SQLite checks every value against its column's type, as PostgreSQL always does. */
    table: (table: CreateTableBuilder<string>) => table.modifyEnd(sql`strict`),
    /** The audit trail is append-only, in the file as well as in the code. */
    appendOnly: [
      sql`CREATE TRIGGER review_no_update BEFORE UPDATE ON review BEGIN SELECT RAISE(ABORT, 'review rows are append-only'); END`,
      sql`CREATE TRIGGER review_no_delete BEFORE DELETE ON review BEGIN SELECT RAISE(ABORT, 'review rows are append-only'); END`,
    ],
    /** With SQLite the rate limit's buckets are in memory. */
    rateBuckets: false,
  },
  postgres: {
    id: (column: ColumnDefinitionBuilder) => column.generatedByDefaultAsIdentity().primaryKey(),
    table: (table: CreateTableBuilder<string>) => table,
    /** The audit trail is append-only, in the database as well as in the code: no UPDATE, DELETE or TRUNCATE. */
    appendOnly: [
      sql`CREATE FUNCTION review_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'review rows are append-only'; END
      $$`,
      sql`CREATE TRIGGER review_no_change BEFORE UPDATE OR DELETE ON review FOR EACH ROW EXECUTE FUNCTION review_append_only()`,
      sql`CREATE TRIGGER review_no_truncate BEFORE TRUNCATE ON review FOR EACH STATEMENT EXECUTE FUNCTION review_append_only()`,
    ],
    rateBuckets: true,
  },
} as const;

/** The review states a suggestion can be in. */
const statuses = sql`('pending', 'accepted', 'rejected')`;

async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const { id, table, appendOnly, rateBuckets } = dialects[dialect];

  await db.schema
    .createTable('suggestion')
    .addColumn('id', 'integer', id)
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind IN ('statement', 'anchor', 'field')`))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('suggested_text', 'text', (c) => c.notNull().check(sql`length(suggested_text) BETWEEN 1 AND 2000`))
    .addColumn('contact', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ${statuses}`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .$call(table)
    .execute();
  await db.schema.createIndex('suggestion_by_status').on('suggestion').columns(['status', 'id']).execute();

  await db.schema
    .createTable('review')
    .addColumn('id', 'integer', id)
    .addColumn('suggestion_id', 'integer', (c) => c.notNull().references('suggestion.id'))
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('old_status', 'text', (c) => c.notNull().check(sql`old_status IN ${statuses}`))
    .addColumn('new_status', 'text', (c) => c.notNull().check(sql`new_status IN ${statuses}`))
    .addColumn('note', 'text')
    .$call(table)
    .execute();
  await db.schema.createIndex('review_by_suggestion').on('review').columns(['suggestion_id', 'id']).execute();
  for (const statement of appendOnly) await statement.execute(db);

  if (rateBuckets) {
    // One token bucket per client, shared by every replica. UNLOGGED: a crash of PostgreSQL may empty it (every
    // client then starts with a full allowance), and in exchange taking a token writes no WAL.
    await db.schema
      .createTable('rate_bucket')
      .modifyFront(sql`unlogged`)
      .addColumn('client_key', 'text', (c) => c.primaryKey())
      .addColumn('tokens', 'double precision', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('allowed', 'integer', (c) => c.notNull())
      .execute();
  }
}

export function initial(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect) };
}
