/**
 * What the search index holds, built at import time from the O*NET texts already loaded into the store: one
 * document per title, alternate title (and each of its written forms), short title, reported title, description,
 * task and technology name; the vocabulary with document frequencies; and the deletion variants of every title
 * word. The store reads the texts and writes these rows (src/store/search-index.ts); the text logic is here.
 */
import type { Insertable } from 'kysely';
import type { Database, SearchField, TextField, TitleField } from '../store/database';
import { dictionaryDepth, deletions, indexTerms, words, isStopword, stem } from './normalize';

/**
 * Bump whenever what the index holds for a text changes (normalize.ts, porter.ts, the forms indexed here): a store
 * indexed by other code is refused at startup and rebuilt, instead of being searched with mismatched terms.
 */
export const SEARCH_INDEX_VERSION = '3';

type TitleDocument = Insertable<Database['search_title']>;
type TextDocument = Insertable<Database['search_text']>;

export interface SearchIndexRows {
  titles: TitleDocument[];
  texts: TextDocument[];
  terms: Insertable<Database['search_term']>[];
  variants: Insertable<Database['search_term_variant']>[];
  /** How many title documents there are: the N of the query side's idf. */
  titleDocuments: number;
}

/** The O*NET title is the occupation's own name: it counts as attested by as many sources as the best alternate. */
const TITLE_SOURCE_COUNT = 5;
const TITLE_COLUMNS: readonly TitleField[] = ['title', 'alternate_title', 'short_title', 'reported_title'];
const TEXT_COLUMNS: readonly TextField[] = ['description', 'task', 'technology'];

/** An O*NET title names the occupation before its qualifiers: `…, Except Legal, Medical, and Executive`, `…, All Other`. */
function titleCore(title: string): string {
  return title.replace(/,?\s+except\b.*$/i, '').replace(/,\s*all other$/i, '');
}

/**
 * The ways an O*NET title is searched: its core, and, where the core goes on after a comma, the part before it
 * when that part ends in a plural (`Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop` is also `Hosts and
 * Hostesses`; `Court, Municipal, and License Clerks` is a list and stays whole).
 */
function titleForms(title: string): string[] {
  const core = titleCore(title);
  const head = core.split(',')[0]?.trim() ?? core;
  return head !== core && /s$/i.test(head) ? [core, head] : [core];
}

/**
 * `Legal Administrative Assistant (Legal Admin Assistant)`: where O*NET gives a short title, the title is the
 * long and the short way of writing it, and each way is its own document. Other brackets qualify the title
 * (`Operational Intelligence Officer (Management)`) and stay part of it.
 */
function alternateTitleForms(title: string, shortTitle: string | null): string[] {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(title);
  if (m === null || shortTitle === null) return [title];
  const forms = [m[1] as string];
  const inner = m[2] as string;
  if (words(inner).join(' ') !== words(shortTitle).join(' ')) forms.push(inner);
  return forms;
}

/** The O*NET texts the index is built from, in the store's order. */
export interface SearchIndexSource {
  occupations: { code: string; title: string; description: string }[];
  alternates: { occupation_code: string; title: string; short_title: string | null; sources: string }[];
  reported: { occupation_code: string; title: string }[];
  tasks: { occupation_code: string; statement: string }[];
  technology: { occupation_code: string; example: string }[];
}

export function searchIndexRows({ occupations, alternates, reported, tasks, technology }: SearchIndexSource): SearchIndexRows {
  // One document per occupation, field and stems: "Registered Nurse (RN)" and "Registered Nurses" are one.
  const titles = new Map<string, TitleDocument>();
  const texts = new Map<string, TextDocument>();
  const keyOf = (code: string, field: SearchField, terms: string) => `${code}\t${field}\t${terms}`;
  const addTitle = (occupationCode: string, field: TitleField, text: string, indexed: string, sourceCount: number) => {
    const terms = indexTerms(indexed).join(' ');
    if (terms === '') return;
    const key = keyOf(occupationCode, field, terms);
    const earlier = titles.get(key);
    if (earlier !== undefined) earlier.source_count = Math.max(earlier.source_count, sourceCount);
    else {
      const columns = Object.fromEntries(TITLE_COLUMNS.map((c) => [c, c === field ? terms : null])) as Record<TitleField, string | null>;
      titles.set(key, { ...columns, occupation_code: occupationCode, field, text, terms, source_count: sourceCount });
    }
  };
  const addText = (occupationCode: string, field: TextField, text: string) => {
    const terms = indexTerms(text).join(' ');
    const key = keyOf(occupationCode, field, terms);
    if (terms === '' || texts.has(key)) return;
    const columns = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, c === field ? terms : null])) as Record<TextField, string | null>;
    texts.set(key, { ...columns, occupation_code: occupationCode, field, text, terms });
  };
  for (const o of occupations) {
    for (const form of titleForms(o.title)) addTitle(o.code, 'title', o.title, form, TITLE_SOURCE_COUNT);
  }
  for (const a of alternates) {
    const sourceCount = a.sources.split(',').length;
    for (const form of alternateTitleForms(a.title, a.short_title)) addTitle(a.occupation_code, 'alternate_title', a.title, form, sourceCount);
    if (a.short_title !== null) addTitle(a.occupation_code, 'short_title', a.short_title, a.short_title, sourceCount);
  }
  for (const r of reported) addTitle(r.occupation_code, 'reported_title', r.title, r.title, 1);
  for (const o of occupations) addText(o.code, 'description', o.description);
  for (const t of tasks) addText(t.occupation_code, 'task', t.statement);
  for (const t of technology) addText(t.occupation_code, 'technology', t.example);

  // Document frequencies per stem, and how often each exact word appears in titles.
  const titleDf = new Map<string, number>();
  const docDf = new Map<string, number>();
  const titleCount = new Map<string, number>();
  const stems = new Map<string, string>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const count = (d: { terms: string; text: string; field: SearchField }, isTitle: boolean) => {
    for (const s of new Set(d.terms.split(' '))) {
      bump(docDf, s);
      if (isTitle) bump(titleDf, s);
    }
    for (const w of new Set(words(d.field === 'title' ? titleCore(d.text) : d.text))) {
      if (isStopword(w)) continue;
      if (!stems.has(w)) stems.set(w, stem(w));
      if (isTitle) bump(titleCount, w);
    }
  };
  for (const d of titles.values()) count(d, true);
  for (const d of texts.values()) count(d, false);
  const terms = [...stems].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, s]) => ({
    term,
    stem: s,
    title_count: titleCount.get(term) ?? 0,
    title_df: titleDf.get(s) ?? 0,
    doc_df: docDf.get(s) ?? 0,
  }));
  const variants: Insertable<Database['search_term_variant']>[] = [];
  for (const t of terms) {
    if (t.title_count === 0 || !/^\p{L}+$/u.test(t.term)) continue;
    for (const variant of deletions(t.term, dictionaryDepth(t.term))) variants.push({ variant, term: t.term });
  }
  return { titles: [...titles.values()], texts: [...texts.values()], terms, variants, titleDocuments: titles.size };
}
