/**
 * Scores candidate documents against a plan and ranks occupations by their best document. Pure; the weights are
 * explained in search.ts.
 */
import type { SearchField } from '../store/database';
import type { SearchCandidateRow } from '../store/queries';
import type { Alternative, SearchPlan, Slot } from './plan';

/** One occupation found by a search: what `OccupationSearchHit` is resolved from. */
export interface SearchHit {
  occupationCode: string;
  score: number;
  matchedText: string;
  matchedField: SearchField;
}

/** How much a perfect match in each field is worth: a title is what a query names, a task only mentions it. */
export const FIELD_WEIGHTS: Record<SearchField, number> = {
  title: 1,
  alternate_title: 0.97,
  short_title: 0.97,
  reported_title: 0.93,
  technology: 0.55,
  task: 0.5,
  description: 0.45,
};

/** Fields short enough that "how much of the doc the query explains" means something. */
const TITLE_LIKE: ReadonlySet<SearchField> = new Set(['title', 'alternate_title', 'short_title', 'reported_title', 'technology']);

/** What each part of the score is worth (the formula is in search.ts). */
const SCORE_WEIGHTS = {
  queryCoverage: 0.65,
  docCoverage: 0.35,
  exact: 0.1,
  bm25: 0.04,
  /** For a title-like document attested by 5 or more O*NET sources, over one attested by a single source. */
  sources: 0.05,
  /** For an occupation with SUPPORT_SATURATION more title documents that cover the job part, over one with none. */
  support: 0.03,
};
const SUPPORT_SATURATION = 4;

/** Positions in `terms` where the phrase `alt` starts. */
function phraseAt(terms: string[], alt: Alternative): number[] {
  const starts: number[] = [];
  const n = alt.stems.length;
  for (let i = 0; i + n <= terms.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = terms[i + k] === alt.stems[k];
    if (ok) starts.push(i);
  }
  return starts;
}

export interface DocumentScore {
  score: number;
  /** Share of the query's weight the document contains (1 = every required and optional word). */
  queryCoverage: number;
  /** Share of the required words of the query's job part (its primary segment) the document contains. */
  primaryCoverage: number;
  /** Share of the document's words the query explains (title-like fields only, else 0). */
  docCoverage: number;
}

export function scoreDocument(
  slots: readonly Slot[],
  candidate: Pick<SearchCandidateRow, 'field' | 'terms' | 'source_count'>,
  bm25Share: number,
): DocumentScore {
  const terms = candidate.terms.split(' ').filter((t) => t !== '');
  const covered = new Array<boolean>(terms.length).fill(false);
  let total = 0;
  let matched = 0;
  let primaryTotal = 0;
  let primaryMatched = 0;
  for (const slot of slots) {
    total += slot.weight;
    let hit = false;
    for (const alt of slot.alternatives) {
      for (const start of phraseAt(terms, alt)) {
        hit = true;
        for (let k = 0; k < alt.stems.length; k++) covered[start + k] = true;
      }
    }
    if (hit) matched += slot.weight;
    if (slot.primary && slot.required) {
      primaryTotal += slot.weight;
      if (hit) primaryMatched += slot.weight;
    }
  }
  const queryCoverage = total > 0 ? matched / total : 0;
  const primaryCoverage = primaryTotal > 0 ? primaryMatched / primaryTotal : queryCoverage;
  const titleLike = TITLE_LIKE.has(candidate.field);
  const docCoverage = titleLike && terms.length > 0 ? covered.filter(Boolean).length / terms.length : 0;
  // Exact: the doc is the job part of the query, give or take optional words ("Legal Secretary" for
  // "Senior Legal Secretary - Chicago").
  const exact = titleLike && primaryCoverage > 0.999 && docCoverage > 0.999 ? SCORE_WEIGHTS.exact : 0;
  const attested = titleLike ? (Math.min(candidate.source_count, 5) - 1) / 4 : 0;
  const score =
    FIELD_WEIGHTS[candidate.field] * (SCORE_WEIGHTS.queryCoverage * queryCoverage + SCORE_WEIGHTS.docCoverage * docCoverage) +
    exact +
    SCORE_WEIGHTS.bm25 * bm25Share +
    SCORE_WEIGHTS.sources * attested;
  return { score, queryCoverage, primaryCoverage, docCoverage };
}

/** Ranks occupations by their best document, with a small bonus for other documents that cover the query too. */
export function rankOccupations(plan: SearchPlan, candidates: readonly SearchCandidateRow[], first: number): SearchHit[] {
  const best = { title: -1e-9, text: -1e-9 };
  for (const c of candidates) best[c.table] = Math.min(best[c.table], c.bm25);
  const byOccupation = new Map<string, { hit: SearchHit; support: Set<string> }>();
  for (const candidate of candidates) {
    const { score, primaryCoverage } = scoreDocument(plan.slots, candidate, candidate.bm25 / best[candidate.table]);
    const code = candidate.occupation_code;
    let entry = byOccupation.get(code);
    if (entry === undefined) {
      entry = { hit: { occupationCode: code, score, matchedText: candidate.text, matchedField: candidate.field }, support: new Set() };
      byOccupation.set(code, entry);
    } else if (score > entry.hit.score) {
      entry.hit = { ...entry.hit, score, matchedText: candidate.text, matchedField: candidate.field };
    }
    if (primaryCoverage > 0.999 && TITLE_LIKE.has(candidate.field)) entry.support.add(candidate.terms);
  }
  const ranked = [...byOccupation.values()].map(({ hit, support }) => ({
    hit: { ...hit, score: hit.score + SCORE_WEIGHTS.support * Math.min(1, Math.max(0, support.size - 1) / SUPPORT_SATURATION) },
    support: support.size,
  }));
  // Equal scores (the same title, equally attested, under two occupations): the one more of whose titles cover the
  // query goes first, past the bonus's saturation; then code order, so answers stay stable.
  ranked.sort((a, b) => b.hit.score - a.hit.score || b.support - a.support || a.hit.occupationCode.localeCompare(b.hit.occupationCode));
  return ranked.slice(0, first).map((r) => r.hit);
}
