/**
 * Migration 0002: job-title search. Frozen in time like 0001: never edit once shipped, never import app code.
 *
 * Two FTS5 tables, one row per searchable text, the text's stems in the column named after its field, so bm25
 * column weights can rank one field over another:
 * - `search_title`: the O*NET title, alternate titles and their short forms, reported titles. Short texts, where
 *   any one word of a query may match.
 * - `search_text`: descriptions, tasks and technology names. Long or repetitive texts ("software" is in thousands
 *   of technology names), searched only for all the words of a query. Apart, their posting lists never slow the
 *   title search down (FTS5 column filters do not shorten a term's posting list).
 * Both are contentless (the indexed stems are not stored twice) but keep their UNINDEXED columns
 * (`contentless_unindexed`): whose text it is, which field, the text as published, its stems, and (titles) how
 * many O*NET sources attest it. The importer writes stems itself, so the tokenizer only splits on spaces.
 *
 * - `search_term`: every indexed word with its stem and how common it is, for weighting and typo correction.
 * - `search_term_variant`: the words left after deleting one or two letters of each title word, so a typo is
 *   found by an index lookup (symmetric-delete spelling correction) instead of a scan.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE VIRTUAL TABLE search_title USING fts5(
    title, alternate_title, short_title, reported_title,
    occupation_code UNINDEXED, field UNINDEXED, text UNINDEXED, terms UNINDEXED, source_count UNINDEXED,
    content = '', contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full
  )`,

  sql`CREATE VIRTUAL TABLE search_text USING fts5(
    description, task, technology,
    occupation_code UNINDEXED, field UNINDEXED, text UNINDEXED, terms UNINDEXED,
    content = '', contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full
  )`,

  sql`CREATE TABLE search_term (
    term TEXT PRIMARY KEY, stem TEXT NOT NULL, title_count INTEGER NOT NULL, title_df INTEGER NOT NULL,
    doc_df INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`,

  sql`CREATE TABLE search_term_variant (
    variant TEXT NOT NULL, term TEXT NOT NULL REFERENCES search_term(term), PRIMARY KEY (variant, term)
  ) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
