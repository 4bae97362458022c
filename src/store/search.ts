/**
 * The two statements a search runs, whatever the query: one looks up the query's words in the vocabulary (and,
 * for words no title uses, their typo corrections, splits and completions); one fetches the best-ranked candidate
 * documents with their texts. The MATCH expressions come from src/search/plan.ts, built only from quoted stems.
 */
import { sql } from 'kysely';
import type { SearchField } from './database';
import { type Db, filtered, type OccupationPageQuery } from './queries';

export interface SearchTermRow {
  term: string;
  stem: string;
  title_count: number;
  title_df: number;
  doc_df: number;
  /** `term`: asked for by name; `deletion`: shares the deletion variant `via`; `prefix`: begins with `via`. */
  kind: 'term' | 'deletion' | 'prefix';
  via: string | null;
}

export interface TermLookup {
  /** Words as typed, their parts, abbreviation expansions and adjacent joins: always looked up. */
  terms: readonly string[];
  /** [word, key]: the key (a deletion or a split part of the word) looked up as a word, when no title has the word. */
  guesses: readonly (readonly [string, string])[];
  /** [word, key]: title words sharing the deletion variant `key` (or the word itself), when no title has the word. */
  variants: readonly (readonly [string, string])[];
  /** Words whose most common title completions are looked up, when no title has the word. */
  prefixes: readonly string[];
}

/**
 * In one statement of constant text (the lists travel as JSON): the words the index holds among `terms`; and, only
 * for the query words no title uses, their guesses, the title words sharing a deletion variant with them, and the
 * `completions` most common title words each begins.
 */
export async function searchTerms(db: Db, lookup: TermLookup, completions: number): Promise<SearchTermRow[]> {
  // `expression` is one of the fixed SQL expressions below, never user text.
  const noTitleHas = (expression: string) => sql`NOT EXISTS (SELECT 1 FROM search_term k WHERE k.term = ${sql.raw(expression)} AND k.title_count > 0)`;
  const result = await sql<SearchTermRow>`
    SELECT term, stem, title_count, title_df, doc_df, 'term' AS kind, NULL AS via
      FROM search_term
      WHERE term IN (SELECT value FROM json_each(${JSON.stringify(lookup.terms)}))
    UNION ALL
    SELECT t.term, t.stem, t.title_count, t.title_df, t.doc_df, 'term', NULL
      FROM json_each(${JSON.stringify(lookup.guesses)}) q
      JOIN search_term t ON t.term = q.value ->> 1
      WHERE ${noTitleHas('q.value ->> 0')}
    UNION ALL
    SELECT t.term, t.stem, t.title_count, t.title_df, t.doc_df, 'deletion', v.variant
      FROM json_each(${JSON.stringify(lookup.variants)}) q
      JOIN search_term_variant v ON v.variant = q.value ->> 1
      JOIN search_term t ON t.term = v.term
      WHERE ${noTitleHas('q.value ->> 0')}
    UNION ALL
    SELECT term, stem, title_count, title_df, doc_df, 'prefix', via FROM (
      SELECT t.*, q.value AS via, row_number() OVER (PARTITION BY q.value ORDER BY t.title_count DESC, t.term) AS n
        FROM json_each(${JSON.stringify(lookup.prefixes)}) q
        -- A range on the primary key: prefix < term < prefix + U+FFFF.
        JOIN search_term t ON t.term > q.value AND t.term < q.value || char(65535)
        WHERE t.title_count > 0 AND ${noTitleHas('q.value')}
    )
    WHERE n <= ${completions}
  `.execute(db);
  return result.rows;
}

/** bm25 column weights, in table order: candidate order only; the ranker rescores. */
const TITLE_WEIGHTS = sql.raw('10.0, 9.0, 9.0, 7.0');
const TEXT_WEIGHTS = sql.raw('1.0, 1.5, 3.0');

export type SearchFilter = Omit<OccupationPageQuery, 'first' | 'afterCode'>;

export interface SearchCandidateRow {
  occupation_code: string;
  field: SearchField;
  text: string;
  terms: string;
  /** How many O*NET sources attest the text (titles); 1 for descriptions, tasks and technology names. */
  source_count: number;
  /** bm25 with column weights within the document's own table: negative, lower is better. */
  bm25: number;
  /** Which table the document comes from, so bm25 is only compared within one. */
  table: 'title' | 'text';
}

export interface CandidateQuery {
  /** MATCH expression for `search_title`. */
  titles: string;
  /** MATCH expression for `search_text`, or null to leave it out. */
  texts: string | null;
  filter: SearchFilter;
  titleLimit: number;
  textLimit: number;
}

/**
 * The best documents of both tables for their MATCH expressions, by bm25 with column weights, in one statement.
 * Ranking reads only rowids and sizes; the stored columns are read for the winners alone.
 */
export function searchCandidates(db: Db, q: CandidateQuery): Promise<SearchCandidateRow[]> {
  const filtering = q.filter.jobZone !== null || q.filter.majorGroup !== null || q.filter.hasFramework !== null;
  const allowed = () => filtered(db, q.filter).select('code');
  let rankedTitles = db
    .selectFrom('search_title')
    .select([sql<number>`rowid`.as('id'), sql<number>`bm25(search_title, ${TITLE_WEIGHTS})`.as('bm25')])
    .where(sql<boolean>`search_title MATCH ${q.titles}`);
  if (filtering) rankedTitles = rankedTitles.where('occupation_code', 'in', allowed());
  const titles = db
    .selectFrom(rankedTitles.orderBy('bm25').limit(q.titleLimit).as('h'))
    .innerJoin('search_title as s', (join) => join.on(sql<boolean>`s.rowid = h.id`))
    .select(['s.occupation_code', sql<SearchField>`s.field`.as('field'), 's.text', 's.terms', 's.source_count', 'h.bm25', sql<'title' | 'text'>`'title'`.as('table')]);
  if (q.texts === null) return titles.execute();
  let rankedTexts = db
    .selectFrom('search_text')
    .select([sql<number>`rowid`.as('id'), sql<number>`bm25(search_text, ${TEXT_WEIGHTS})`.as('bm25')])
    .where(sql<boolean>`search_text MATCH ${q.texts}`);
  if (filtering) rankedTexts = rankedTexts.where('occupation_code', 'in', allowed());
  const texts = db
    .selectFrom(rankedTexts.orderBy('bm25').limit(q.textLimit).as('h'))
    .innerJoin('search_text as s', (join) => join.on(sql<boolean>`s.rowid = h.id`))
    .select(['s.occupation_code', sql<SearchField>`s.field`.as('field'), 's.text', 's.terms', sql<number>`1`.as('source_count'), 'h.bm25', sql<'title' | 'text'>`'text'`.as('table')]);
  return titles.unionAll(texts).execute();
}
