/**
 * Migration 0006: each framework stored once. Its lists live only in the served document (0003), built straight from
 * the validated framework file; the nine tables 0001 made for those lists go. What stays in SQL is what queries ask
 * for: the framework row (0001, less the file name and anchor count nothing read) and `framework_statement`, which
 * says which framework each statement id belongs to (the corrections check a STATEMENT target by it; ids are unique
 * across all frameworks). Frozen in time like 0001.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'citation',
    'competency_statement',
    'competency_level',
    'ai_usage_statement',
    'durable_statement',
    'durable_domain',
    'framework_anchor',
    'framework_source',
    'data_quality_warning',
  ]) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE framework DROP COLUMN file`.execute(db);
  await sql`ALTER TABLE framework DROP COLUMN published_anchor_count`.execute(db);
  await sql`CREATE TABLE framework_statement (
    id TEXT PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES framework(occupation_code)
  ) STRICT, WITHOUT ROWID`.execute(db);
}
