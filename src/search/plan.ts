/**
 * From a parsed query and what the index knows about its words to a search plan: the weighted slots a hit is
 * scored against, and the FTS5 MATCH expressions that fetch candidates. Pure.
 *
 * The MATCH expressions are built only from stems this code produced (runs of letters and digits), each inside
 * double quotes, joined with AND, OR and parentheses this code writes. Nothing of the user's text reaches FTS5 as
 * syntax.
 */
import type { TermLookup } from '../store/queries';
import { correctionBudget, deletions, editDistance, type ParsedQuery, type QueryWord, stem } from './normalize';

/** What the index knows about one word (a `search_term` row). */
export interface TermInfo {
  term: string;
  stem: string;
  /** Title-kind documents with this exact word: the prior for typo correction. */
  titleCount: number;
  /** Title-kind documents with this word's stem. */
  titleDf: number;
  /** Documents of any kind with this word's stem. */
  docDf: number;
}

/** A vocabulary row found for a query: the word itself, a word sharing a deletion with it, or a completion of it. */
export interface TermMatch extends TermInfo {
  kind: 'term' | 'deletion' | 'prefix';
  /** The deletion variant or prefix that led to the word; null for `term`. */
  via: string | null;
}

/** One way to match a slot: a phrase of stems (usually one). */
export interface Alternative {
  stems: string[];
}

/** One query word as the ranker sees it. */
export interface Slot {
  word: QueryWord;
  alternatives: Alternative[];
  /** Importance in coverage: idf of the slot's most common alternative, halved off the primary segment, a tenth for noise. */
  weight: number;
  /** Whether a doc must contain it to count as covering the query (noise words are optional). */
  required: boolean;
  /** Whether it is in the query's job part (its primary segment). */
  primary: boolean;
  /** The indexed word a typo or a truncation was resolved to, if any. */
  correctedTo: string | null;
  /** Title-kind documents with this slot's most common alternative. */
  titleDf: number;
  /** Documents of any kind with this slot's most common alternative. */
  docDf: number;
}

export interface SearchPlan {
  slots: Slot[];
  /** FTS5 MATCH expressions for `search_title` and `search_text`, or null when nothing in the query can match. */
  match: { titles: string; texts: string | null } | null;
}

/** Shortest word completed as a prefix, and how many completions a prefix may bring. */
const MIN_PREFIX = 4;
export const MAX_COMPLETIONS = 3;
/** Shortest part a word may be split into ("backend" -> "back end", "farmhand" -> "farm hand"). */
const MIN_SPLIT_PART = 3;

/** At most this many required slots take part in candidate selection (the rest still count in scoring). */
const MAX_MATCH_SLOTS = 6;
/** From this many required words on, a query is long: its rarest word alone also fetches candidates. */
const LONG_QUERY_SLOTS = 5;
/** A candidate title must contain query words weighing at least this share of the required weight. */
const MIN_TITLE_COVERAGE = 0.4;
/** A set of words that more titles than this share must be the whole query to fetch candidates on its own. */
const MAX_COVER_DF = 1000;
/** Long fields and technology names are searched only when the words together are rarer than this. */
const MAX_TEXT_DF = 2500;

function joins(words: QueryWord[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as QueryWord;
    const b = words[i + 1] as QueryWord;
    if (a.segment === b.segment && /^\p{L}+$/u.test(a.text + b.text)) joined.push(a.text + b.text);
  }
  return joined;
}

function splits(word: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = MIN_SPLIT_PART; i + MIN_SPLIT_PART <= word.length; i++) out.push([word.slice(0, i), word.slice(i)]);
  return out;
}

export function termLookup(parsed: ParsedQuery): TermLookup {
  const terms = new Set<string>();
  const guesses: [string, string][] = [];
  const variants: [string, string][] = [];
  const prefixes = new Set<string>();
  for (const w of parsed.words) {
    for (const part of w.parts) terms.add(part);
    for (const phrase of w.expansions) for (const x of phrase) terms.add(x);
    if (w.correctable) {
      variants.push([w.text, w.text]);
      for (const d of deletions(w.text, correctionBudget(w.text))) {
        variants.push([w.text, d]);
        guesses.push([w.text, d]);
      }
      for (const [a, b] of splits(w.text)) guesses.push([w.text, a], [w.text, b]);
      if (w.text.length >= MIN_PREFIX) prefixes.add(w.text);
    }
  }
  for (const j of joins(parsed.words)) terms.add(j);
  return { terms: [...terms], guesses, variants, prefixes: [...prefixes] };
}

/** A typo's best corrections: the fewest edits, then the most common in titles; at most two. */
function corrections(word: string, candidates: Iterable<TermInfo>): TermInfo[] {
  const budget = correctionBudget(word);
  const scored = [...candidates]
    .filter((c) => c.titleCount > 0)
    .map((c) => ({ c, distance: editDistance(word, c.term, budget) }))
    .filter((x) => x.distance <= budget)
    .sort((x, y) => x.distance - y.distance || y.c.titleCount - x.c.titleCount || x.c.term.localeCompare(y.c.term));
  const best = scored[0];
  if (best === undefined) return [];
  return scored.filter((x) => x.distance === best.distance && x.c.titleCount * 4 >= best.c.titleCount).slice(0, 2).map((x) => x.c);
}

function idf(df: number, titleDocuments: number): number {
  return Math.log(1 + titleDocuments / (df + 1));
}

function quote(alternative: Alternative): string {
  // Stems are [\p{L}\p{N}]+ by construction; the check keeps it that way if normalisation ever changes.
  for (const s of alternative.stems) if (!/^[\p{L}\p{N}]+$/u.test(s)) throw new Error(`not a search term: ${JSON.stringify(s)}`);
  return `"${alternative.stems.join(' ')}"`;
}

function slotExpression(slot: Slot): string {
  const alternatives = slot.alternatives.map(quote);
  return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
}

/**
 * The smallest sets of slots that together weigh at least `share` of all and are rare enough together (a doc has
 * all of a set's words, so at most the rarest word's title frequency of docs qualify, at most `maxDf` unless the
 * set is the whole query). A title must contain one such set to be a candidate: a doc missing one ordinary word of a
 * longer query still qualifies, but "engineer" alone never fetches 2,000 titles for "Engineering Manager".
 */
function minimalCovers(slots: Slot[], share: number, maxDf: number, wholeQuery: boolean): Slot[][] {
  const total = slots.reduce((sum, s) => sum + s.weight, 0);
  const full = (1 << slots.length) - 1;
  const qualifying: number[] = [];
  for (let mask = 1; mask <= full; mask++) {
    let weight = 0;
    let df = Number.POSITIVE_INFINITY;
    slots.forEach((s, i) => {
      if (mask & (1 << i)) {
        weight += s.weight;
        df = Math.min(df, s.titleDf);
      }
    });
    if (weight >= share * total - 1e-9 && (df <= maxDf || (wholeQuery && mask === full))) qualifying.push(mask);
  }
  const minimal = qualifying.filter((mask) => !qualifying.some((other) => other !== mask && (other & mask) === other));
  return minimal.map((mask) => slots.filter((_, i) => mask & (1 << i)));
}

export function planSearch(parsed: ParsedQuery, rows: readonly TermMatch[], titleDocuments: number): SearchPlan {
  const info = new Map<string, TermInfo>();
  const byDeletion = new Map<string, TermInfo[]>();
  const byPrefix = new Map<string, TermInfo[]>();
  const stemDf = new Map<string, { titleDf: number; docDf: number }>();
  for (const r of rows) {
    info.set(r.term, r);
    stemDf.set(r.stem, { titleDf: r.titleDf, docDf: r.docDf });
    if (r.via === null) continue;
    const index = r.kind === 'prefix' ? byPrefix : byDeletion;
    index.set(r.via, [...(index.get(r.via) ?? []), r]);
  }
  const dfOf = (alt: Alternative) => {
    // A phrase is at most as common as its rarest word.
    const dfs = alt.stems.map((s) => stemDf.get(s) ?? { titleDf: 0, docDf: 0 });
    return { titleDf: Math.min(...dfs.map((d) => d.titleDf)), docDf: Math.min(...dfs.map((d) => d.docDf)) };
  };
  const isKnown = (w: string) => info.has(w);
  const titleCount = (w: string) => info.get(w)?.titleCount ?? 0;

  const slots: Slot[] = [];
  for (const w of parsed.words) {
    const alternatives: Alternative[] = [];
    let correctedTo: string | null = null;
    if (w.parts.length > 0 && w.parts.every(isKnown)) alternatives.push({ stems: w.parts.map(stem) });
    for (const phrase of w.expansions) if (phrase.length > 0 && phrase.every(isKnown)) alternatives.push({ stems: phrase.map(stem) });
    // A word no title uses may be two title words run together ("backend"), a typo ("warehose") or a truncation
    // ("quant"). All readings are kept as alternatives: the titles that match best decide between them.
    if (w.correctable && titleCount(w.text) === 0) {
      const splitScore = ([a, b]: [string, string]) => Math.min(titleCount(a), titleCount(b));
      const split = splits(w.text)
        .filter((pair) => splitScore(pair) > 0)
        .sort((x, y) => splitScore(y) - splitScore(x))[0];
      const candidates = new Map<string, TermInfo>();
      for (const key of [w.text, ...deletions(w.text, correctionBudget(w.text))]) {
        const direct = info.get(key);
        if (direct) candidates.set(direct.term, direct);
        for (const t of byDeletion.get(key) ?? []) candidates.set(t.term, t);
      }
      const best = corrections(w.text, candidates.values());
      const completions = (byPrefix.get(w.text) ?? []).filter((t) => t.titleCount > 0).slice(0, MAX_COMPLETIONS);
      if (split !== undefined) alternatives.push({ stems: split.map(stem) });
      for (const c of [...best, ...completions]) alternatives.push({ stems: [c.stem] });
      correctedTo = best[0]?.term ?? split?.join(' ') ?? completions[0]?.term ?? null;
    }
    if (alternatives.length === 0) continue;
    const primary = w.segment === parsed.primarySegment;
    slots.push({ word: w, alternatives, weight: 0, required: !w.noise, primary, correctedTo, titleDf: 0, docDf: 0 });
  }
  // Two adjacent words the index writes as one ("data base" -> "database", "cyber security" -> "cybersecurity").
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i] as Slot;
    const b = slots[i + 1] as Slot;
    const joined = info.get(a.word.text + b.word.text);
    if (a.word.segment === b.word.segment && joined && joined.titleCount > 0) {
      a.alternatives.push({ stems: [joined.stem] });
      b.alternatives.push({ stems: [joined.stem] });
    }
  }
  for (const slot of slots) {
    const unique = new Map(slot.alternatives.map((a) => [a.stems.join(' '), a]));
    slot.alternatives = [...unique.values()];
    const dfs = slot.alternatives.map(dfOf);
    slot.titleDf = Math.max(...dfs.map((d) => d.titleDf));
    slot.docDf = Math.max(...dfs.map((d) => d.docDf));
    slot.weight = idf(slot.titleDf, titleDocuments) * (slot.primary ? 1 : 0.5) * (slot.required ? 1 : 0.1);
  }
  return { slots, match: matchExpression(slots) };
}

function matchExpression(slots: Slot[]): SearchPlan['match'] {
  const required = slots.filter((s) => s.required);
  if (required.length === 0) return null;
  const chosen = [...required].sort((a, b) => b.weight - a.weight).slice(0, MAX_MATCH_SLOTS);
  // Covers of the job part alone, so "CMA - Dermatology Clinic" finds "CMA" titles, and covers of everything, so
  // "Manager, Accounts Payable" finds "Accounts Payable Manager" without fetching every manager first.
  const primary = chosen.filter((s) => s.primary);
  const candidates = [
    ...(primary.length > 0 ? minimalCovers(primary, MIN_TITLE_COVERAGE, MAX_COVER_DF, primary.length === chosen.length) : []),
    ...minimalCovers(chosen, MIN_TITLE_COVERAGE, MAX_COVER_DF, true),
  ];
  // The same set can come from both; and a set containing another adds no rows.
  const key = (set: Slot[]) => set.map((s) => chosen.indexOf(s)).sort((a, b) => a - b).join(',');
  const unique = [...new Map(candidates.map((set) => [key(set), set])).values()];
  // A long query (a list of titles, a pasted sentence) may have no title holding 40% of it: its rarest word alone,
  // when rare enough, still finds the titles that have it.
  const rarest = [...chosen].sort((a, b) => a.titleDf - b.titleDf)[0];
  if (chosen.length >= LONG_QUERY_SLOTS && rarest !== undefined && rarest.titleDf <= MAX_COVER_DF) unique.push([rarest]);
  const covers = unique.filter((set) => !unique.some((other) => other !== set && other.length < set.length && other.every((s) => set.includes(s))));
  const group = (set: Slot[]) => (set.length === 1 ? slotExpression(set[0] as Slot) : `(${set.map(slotExpression).join(' AND ')})`);
  let titles = covers.map(group).join(' OR ');
  // bm25 only scores phrases in the expression: AND-ing in the other words (which matches the same rows) lets a
  // doc with more of the query's words, optional ones included, rank above one with only a cover's. Words in no
  // cover and in more than MAX_COVER_DF titles are left out: walking their posting lists costs more than they say.
  const inCovers = new Set(covers.flat());
  const scored = slots.filter((s) => inCovers.has(s) || s.titleDf <= MAX_COVER_DF);
  if (scored.length > inCovers.size) titles = `(${titles}) AND (${scored.map(slotExpression).join(' OR ')})`;
  // Descriptions, tasks and technology names must have every word of the job part, and only rare enough words
  // are worth their posting lists.
  const all = primary.length > 0 ? primary : chosen;
  const texts = Math.min(...all.map((s) => s.docDf)) <= MAX_TEXT_DF ? group(all) : null;
  return { titles, texts };
}
