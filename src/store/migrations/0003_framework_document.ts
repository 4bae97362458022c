/**
 * Migration 0003: each framework's lists (levels and their statements, AI usage, durable skills, anchors, sources,
 * warnings) also stored as one JSON document, shaped as the API serves them (src/store/framework-document.ts). The
 * importer derives it from the framework's rows in the same build, so the rows stay the store's truth and the
 * document is their read model: serving the lists reads one row and parses it instead of reading and regrouping nine
 * tables' rows each request (docs/performance.md). Migration 0006 later dropped those tables: the document is now
 * built from the framework file. Frozen in time like 0001.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE framework_document (
    occupation_code TEXT PRIMARY KEY REFERENCES framework(occupation_code), document TEXT NOT NULL
  ) STRICT`.execute(db);
}
