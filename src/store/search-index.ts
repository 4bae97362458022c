/**
 * The search index's side in the store: reading the O*NET texts it is built from (the rows are shaped in
 * src/search/index-documents.ts) and merging its FTS5 tables once they are written.
 */
import { Kysely, sql } from 'kysely';
import type { SearchIndexSource } from '../search/index-documents';
import type { Database } from './database';

export async function readSearchIndexSource(db: Kysely<Database>): Promise<SearchIndexSource> {
  const [occupations, alternates, reported, tasks, technology] = await Promise.all([
    db.selectFrom('occupation').select(['code', 'title', 'description']).orderBy('code').execute(),
    db.selectFrom('alternate_title').select(['occupation_code', 'title', 'short_title', 'sources']).orderBy('id').execute(),
    db.selectFrom('reported_title').select(['occupation_code', 'title']).orderBy('id').execute(),
    db.selectFrom('task').select(['occupation_code', 'statement']).orderBy('task_id').execute(),
    db.selectFrom('technology_skill').select(['occupation_code', 'example']).distinct().orderBy('occupation_code').orderBy('example').execute(),
  ]);
  return { occupations, alternates, reported, tasks, technology };
}

/** Merges each FTS5 index into one b-tree per level, which makes every later query cheaper. */
export async function optimizeSearchIndex(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO search_title(search_title) VALUES ('optimize')`.execute(db);
  await sql`INSERT INTO search_text(search_text) VALUES ('optimize')`.execute(db);
}
