/**
 * Migration 0004: the O*NET files that add something for HR users (Emerging Tasks, the RIASEC reference
 * material, the Skills-to-Work-Activities and Skills-to-Work-Context links; Work Values go into element_rating),
 * and the change feed between held releases (src/store/release-changes.ts). Frozen in time like 0001.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE TABLE emerging_task (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), statement TEXT NOT NULL,
    category TEXT NOT NULL, original_task_id INTEGER, original_task TEXT, date TEXT NOT NULL,
    domain_source TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX emerging_task_by_occupation ON emerging_task(occupation_code, id)`,

  sql`CREATE TABLE interest_activity (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, interest_type TEXT NOT NULL,
    activity TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE interest_occupation (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, interest_type TEXT NOT NULL,
    occupation_code TEXT NOT NULL REFERENCES occupation(code), release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE riasec_keyword (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, keyword TEXT NOT NULL,
    keyword_type TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE skill_link (
    id INTEGER PRIMARY KEY, skill_id TEXT NOT NULL, skill_name TEXT NOT NULL,
    target_domain TEXT NOT NULL CHECK (target_domain IN ('work_activity', 'work_context')),
    target_id TEXT NOT NULL, target_name TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX skill_link_by_skill ON skill_link(skill_id, id)`,

  sql`CREATE TABLE release_change (
    id INTEGER PRIMARY KEY, from_release TEXT NOT NULL, to_release TEXT NOT NULL, occupation_code TEXT,
    kind TEXT NOT NULL, file TEXT NOT NULL, subject TEXT NOT NULL, before TEXT, after TEXT
  ) STRICT`,
  sql`CREATE INDEX release_change_by_releases ON release_change(from_release, to_release, id)`,
  sql`CREATE INDEX release_change_by_occupation ON release_change(occupation_code, from_release, to_release, id)`,

  sql`CREATE TABLE release_file_summary (
    from_release TEXT NOT NULL, to_release TEXT NOT NULL, file TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('identical', 'changed', 'new', 'dropped')),
    added INTEGER NOT NULL, removed INTEGER NOT NULL, changed INTEGER NOT NULL, changes INTEGER NOT NULL,
    restamped INTEGER NOT NULL, restamped_occupations INTEGER NOT NULL,
    PRIMARY KEY (from_release, to_release, file)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
