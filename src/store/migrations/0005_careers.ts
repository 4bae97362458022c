/**
 * Migration 0005: what career moves and comparisons need (src/careers/). O*NET's detailed work activities
 * (`DWA Reference`, `Tasks to DWAs`), and two tables the importer derives from the O*NET rows in the same
 * build: each occupation's similarity profile (its facet vectors, one JSON document) and its 50 most similar
 * occupations, ranked once so that requests read them instead of comparing 1,000 occupations. Frozen in time
 * like 0001.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE TABLE dwa (
    id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, element_id TEXT NOT NULL, title TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE task_dwa (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), task_id INTEGER NOT NULL REFERENCES task(task_id),
    dwa_id TEXT NOT NULL REFERENCES dwa(id), date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, task_id, dwa_id)
  ) STRICT`,

  sql`CREATE TABLE career_profile (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), profile TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE career_move (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), rank INTEGER NOT NULL,
    move_code TEXT NOT NULL REFERENCES occupation(code), similarity REAL NOT NULL,
    PRIMARY KEY (occupation_code, rank)
  ) STRICT`,
  sql`CREATE INDEX career_move_by_move ON career_move(move_code, similarity)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
