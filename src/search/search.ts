/**
 * Job-title search: a free-text title ("sr. paralegal", "RN - ICU nights", "Java developer") in, occupations out,
 * best first, each with the text that matched and the field it came from.
 *
 * ## Pipeline: two SQL statements per search, whatever the query (none for a query with no searchable word)
 * 1. normalize.ts parses the query: folding, words, segments, noise words, abbreviations, pay figures (see its
 *    comment and the two lists in data/search/). Nothing the user typed ever reaches FTS5 as syntax.
 * 2. Statement 1 (store/queries.ts `searchTerms`) looks up every word, expansion, join and split the query could
 *    use, the deletion variants of words that may be typos, and the title words that words may be truncations of.
 * 3. plan.ts turns that into weighted slots (one per query word) and two FTS5 MATCH expressions of quoted stems.
 * 4. Statement 2 (`searchCandidates`) fetches the 100 best title documents (4 per hit asked for, if more) and the
 *    50 best long-text documents by bm25 with column weights (title 10, alternate and short title 9, reported
 *    title 7; technology 3, task 1.5, description 1).
 * 5. rank.ts rescores every document and keeps each occupation's best. The resolver loads the hits' occupations
 *    through `occupationByCode`, one batched statement for all of them, only when a client asks for them.
 *
 * ## Abbreviations, noise, typos, word forms
 * - data/search/abbreviations.json: `sr` senior, `jr` junior, `asst` assistant, `admin` administrative |
 *   administrator, `mgr` manager, `dir` director, `eng` engineer | engineering, `dev` developer | development,
 *   `rn` registered nurse, `lpn` licensed practical nurse, `cpa` certified public accountant, `hr` human
 *   resources, `it` information technology, `vp` vice president, and about 115 more. A listed word is searched as
 *   typed and as each expansion (a phrase), so titles that spell it out and titles that abbreviate both match.
 * - data/search/noise-words.json: seniority (`senior`, `lead`, `ii`, `trainee`), work arrangement (`remote`),
 *   schedule (`full time`; `nights` after a dash), hiring phrases and places (`Chicago`; state codes after a
 *   separator) are optional words: left out of candidate selection, a tenth of a word's weight in coverage.
 * - Segments: what follows ` - `, `,`, `(`, `|`, `@`, ` at ` or ` to ` (usually a place, department or schedule)
 *   weighs half and is never corrected.
 * - Word forms: Porter stems with job-title departures (porter.ts): nurses, nursing -> nurs, but engineer ≠ engine.
 * - Typos and short forms, for a job-part word no title uses (4+ letters): two title words run together
 *   ("backend" -> back end); else the title words within 1 edit (4–6 letters) or 2 edits (7+), fewest edits then
 *   most common first; and the 3 most common title words it begins ("quant" -> quantitative).
 * - Adjacent words a title writes as one ("cyber security" -> cybersecurity) match it too.
 *
 * ## Candidates
 * A title document is a candidate when it contains a set of query words weighing at least 40% of the query (or of
 * its job part) that no more than 1,000 titles share, unless that set is the whole query: a doc missing one
 * ordinary word still qualifies, but "engineer" alone never fetches 2,000 titles for "Engineering Manager". The
 * other query words are AND-ed in as alternatives so bm25 ranks docs with more of them first. Descriptions, tasks
 * and technology names must contain every word of the job part, and are searched only when those words are rare
 * enough together (at most 2,500 documents).
 *
 * ## Ranking
 * Each query word weighs its idf over title documents, ln(1 + N / (df + 1)); half outside the job part; a tenth
 * for noise words. For each candidate document:
 * - q, query coverage: the share of that weight whose words (or an expansion, correction or join) the doc has;
 * - p, job-part coverage: the same over the job part's required words;
 * - d, doc coverage: the share of the doc's words the query explains (title documents only, else 0);
 * - score = fieldWeight × (0.65 q + 0.35 d)
 *         + 0.1 when p = d = 1 (the doc is the job part of the query, in any word order)
 *         + 0.05 × (sources − 1) / 4 for a title attested by more O*NET sources (capped at 5; the O*NET title
 *           counts as 5): where several occupations list the same alternate title, it says whose it mostly is
 *         + 0.04 × bm25 / best bm25 of its table;
 * - field weights: title 1, alternate and short title 0.97, reported title 0.93, technology 0.55, task 0.5,
 *   description 0.45. So an exact or near-exact title always beats a word in a task.
 * An occupation scores its best document plus up to 0.03 for other title documents that contain the whole job
 * part (several titles agreeing is evidence). Ties go to the lower O*NET-SOC code. Scores compare within one
 * result list, not across queries.
 */
import type { Store } from '../store/store';
import { searchCandidates, type SearchFilter, searchTerms } from '../store/queries';
import { parseQuery } from './normalize';
import { MAX_COMPLETIONS, planSearch, termLookup } from './plan';
import { rankOccupations, type SearchHit } from './rank';

/**
 * How many documents of each table statement 2 returns for the ranker to rescore. O*NET 30.2's new alternate titles
 * put more documents behind common title words ("Project Manager"); the title window is wide enough to keep an
 * occupation's supporting titles in view (`npm run eval:search`: at 100, top-1 fell with 30.2).
 */
const TITLE_CANDIDATES = 150;
const TEXT_CANDIDATES = 50;

export interface SearchOptions {
  first: number;
  filter: SearchFilter;
}

export async function searchOccupations(store: Pick<Store, 'db' | 'meta'>, query: string, { first, filter }: SearchOptions): Promise<SearchHit[]> {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0 || first === 0) return [];
  const lookup = termLookup(parsed);
  const rows = await searchTerms(store.db, lookup, MAX_COMPLETIONS);
  const matches = rows.map((r) => ({ term: r.term, stem: r.stem, titleCount: r.title_count, titleDf: r.title_df, docDf: r.doc_df, kind: r.kind, via: r.via }));
  const titleDocuments = Number(store.meta.get('search_title_documents') ?? 0);
  const plan = planSearch(parsed, matches, titleDocuments);
  if (plan.match === null) return [];
  const candidates = await searchCandidates(store.db, {
    ...plan.match,
    filter,
    titleLimit: Math.max(TITLE_CANDIDATES, first * 4),
    textLimit: TEXT_CANDIDATES,
  });
  return rankOccupations(plan, candidates, first);
}
