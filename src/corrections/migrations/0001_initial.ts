/**
 * Corrections migration 0001: suggestions and their review trail. Frozen in time: never edit a migration that
 * has shipped, and never import application code here; add a new numbered file instead. Unlike the reference
 * store, this one is never rebuilt: its migrations run in place at startup, so every later change must keep rows.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE TABLE suggestion (
    id INTEGER PRIMARY KEY,
    occupation_code TEXT NOT NULL,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('statement', 'anchor', 'field')),
    target_id TEXT NOT NULL,
    suggested_text TEXT NOT NULL CHECK (length(suggested_text) BETWEEN 1 AND 2000),
    contact TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    client_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX suggestion_by_status ON suggestion(status, id)`,

  sql`CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestion(id),
    reviewer TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    old_status TEXT NOT NULL CHECK (old_status IN ('pending', 'accepted', 'rejected')),
    new_status TEXT NOT NULL CHECK (new_status IN ('pending', 'accepted', 'rejected')),
    note TEXT
  ) STRICT`,
  sql`CREATE INDEX review_by_suggestion ON review(suggestion_id, id)`,
  // The audit trail is append-only, in the file as well as in the code.
  sql`CREATE TRIGGER review_no_update BEFORE UPDATE ON review BEGIN SELECT RAISE(ABORT, 'review rows are append-only'); END`,
  sql`CREATE TRIGGER review_no_delete BEFORE DELETE ON review BEGIN SELECT RAISE(ABORT, 'review rows are append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
