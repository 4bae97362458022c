/**
 * The two statements a search runs, whatever the query: one looks up the query's words (and the deletion
 * variants of those that may be typos) in the vocabulary; one fetches the best-ranked candidate documents with
 * their texts. The MATCH expression comes from src/search/plan.ts, built only from quoted stems.
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

const TERM_COLUMNS = ['term', 'stem', 'title_count', 'title_df', 'doc_df'] as const;

/**
 * In one statement: the words the index holds among `terms`; the title words that share a deletion variant with
 * one of `deletionKeys`; and for each of `prefixes`, the `completions` most common title words it begins.
 */
export function searchTerms(
  db: Db,
  lookup: { terms: readonly string[]; deletionKeys: readonly string[]; prefixes: readonly string[] },
  completions: number,
): Promise<SearchTermRow[]> {
  let query = db
    .selectFrom('search_term')
    .select([...TERM_COLUMNS, sql<SearchTermRow['kind']>`'term'`.as('kind'), sql<string | null>`NULL`.as('via')])
    .where('term', 'in', lookup.terms.length > 0 ? lookup.terms : ['']);
  if (lookup.deletionKeys.length > 0) {
    query = query.unionAll(
      db
        .selectFrom('search_term_variant as v')
        .innerJoin('search_term as t', 't.term', 'v.term')
        .select(['t.term', 't.stem', 't.title_count', 't.title_df', 't.doc_df', sql<SearchTermRow['kind']>`'deletion'`.as('kind'), sql<string | null>`v.variant`.as('via')])
        .where('v.variant', 'in', lookup.deletionKeys),
    );
  }
  for (const prefix of lookup.prefixes) {
    // A range on the primary key: `prefix` <= term < `prefix` + U+FFFF.
    const completionsOf = db
      .selectFrom('search_term')
      .select(TERM_COLUMNS)
      .where('term', '>', prefix)
      .where('term', '<', `${prefix}\uffff`)
      .where('title_count', '>', 0)
      .orderBy('title_count', 'desc')
      .limit(completions);
    query = query.unionAll(
      db.selectFrom(completionsOf.as('p')).select([...TERM_COLUMNS, sql<SearchTermRow['kind']>`'prefix'`.as('kind'), sql<string | null>`${prefix}`.as('via')]),
    );
  }
  return query.execute();
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
