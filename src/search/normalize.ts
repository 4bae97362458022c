/**
 * Text normalisation for job-title search, shared by the importer (what gets indexed) and the query side (what
 * gets searched), so both meet on the same terms. Pure: no I/O beyond the two word lists under data/search/.
 *
 * - Folding: Unicode compatibility forms and diacritics removed, lowercase, control characters dropped.
 * - Words: runs of letters and digits. Apostrophes join (`driver's` -> `drivers`), dotted initials join
 *   (`C.N.A.` -> `cna`), hyphens and every other mark split (`full-stack` -> `full stack`).
 * - Terms: words minus a few stopwords (`and`, `of`, `the`, …), Porter-stemmed (see porter.ts), so plurals and
 *   word forms meet: `Nurses`, `nursing`, `nurse` -> `nurs`.
 * - Labels: up to three words before a first colon (`Job Title: …`, `title:…`) are dropped.
 * - Query segments: a separator (` - `, `,`, `|`, `(`, `@`, ` at `, ` to `, …) ends the part of a title that names the
 *   job; what follows is usually a location, a department or a schedule. The first segment with a job word is
 *   primary; the others count half and are never typo-corrected.
 * - Noise (data/search/noise-words.json): seniority, level, work arrangement, schedule, hiring phrases and places
 *   are optional words: not required to match, weighing a tenth (see that file for the three lists).
 * - Abbreviations (data/search/abbreviations.json): a word listed there is searched as typed and as each
 *   expansion, e.g. `rn` -> `registered nurse`, `admin` -> `administrative` | `administrator`.
 * - Typos: a primary, non-noise word of 4+ letters that is not in the index may be corrected to an indexed
 *   title word within 1 edit (4–6 letters) or 2 edits (7+ letters); `deletions` and `editDistance` are the two
 *   halves of that (symmetric-delete lookup, then an exact optimal-string-alignment check).
 */
import abbreviationFile from '../../data/search/abbreviations.json';
import noiseFile from '../../data/search/noise-words.json';
import { porterStem } from './porter';

/** Longer queries are refused: a job title is far shorter, and the bound keeps the work per query bounded. */
export const MAX_QUERY_LENGTH = 200;

// `not` and `near` are no job's words; as stopwords, FTS5 operators typed into a query are simply dropped.
const STOPWORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'near', 'not', 'of', 'on', 'or', 'the', 'to', 'with']);

const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(abbreviationFile.abbreviations));
const NOISE_ANYWHERE: ReadonlySet<string> = new Set(noiseFile.anywhere);
const NOISE_AFTER_SEPARATOR: ReadonlySet<string> = new Set(noiseFile.afterSeparator);
// Longest first, so `salt lake city` goes before `salt lake`.
const NOISE_PHRASES = [...noiseFile.phrases].sort((a, b) => b.length - a.length);

/** Lowercase ASCII-ish text: compatibility forms and diacritics removed, control characters turned into spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\p{C}+/gu, ' ');
}

/** Apostrophes and the dots of initials join their word (`driver's`, `C.N.A.`); every other mark splits. */
function joinMarks(folded: string): string {
  return folded
    .replace(/(?<=\p{L})['’‘`´](?=\p{L})/gu, '')
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (initials) => initials.replace(/\./g, ''));
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, as the index stores them: letters and digits only, lowercase. */
export function words(text: string): string[] {
  return joinMarks(fold(text)).match(WORD) ?? [];
}

/** A word's search term: its Porter stem (words with digits stay as they are). */
// Titles and tasks repeat a few thousand words: the importer stems each once. Bounded, so queries cannot grow it.
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porterStem(word, { jobTitles: true });
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** What the index holds for a text: its words minus stopwords, stemmed, in order. */
export function indexTerms(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** One word of a query, with what the query parser knows about it. */
export interface QueryWord {
  /** The word as typed, normalised (`sr`, `nurses`, `r&d`). */
  text: string;
  /** The index words it stands for as typed: itself, or its parts for `r&d` / `a/p` (`['r', 'd']`). */
  parts: string[];
  /** Which segment of the query it is in (0 = before the first separator). */
  segment: number;
  /** Seniority, location, schedule and similar words: optional, weighing a tenth. */
  noise: boolean;
  /** Abbreviation expansions, each a phrase of index words (`rn` -> `[['registered', 'nurse']]`). */
  expansions: string[][];
  /** Whether a typo in it may be corrected (primary segment, not noise, 4+ letters, not an abbreviation). */
  correctable: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** The first segment with a job word in it; words elsewhere count half. */
  primarySegment: number;
}

// A separator: a dash with a space on at least one side, and marks that open a location, department or schedule.
const SEPARATORS = /\s[-–—]+\s*|[-–—]+\s|[|()[\]{},;:@•·]|\s\/\s|\s(?:at|to)\s/gu;
const TOKEN = /[\p{L}\p{N}]+(?:[&/][\p{L}\p{N}]+)*/gu;
// Pay figures say nothing about the occupation: `$28/hr`, `$60k - $75k`, `$5,000 sign-on bonus`.
const PAY = /\$\s*[\d.,]+\s*k?(?:\s*[-–]\s*\$?\s*[\d.,]+\s*k?)?(?:\s*(?:\/|per\s+)\s*(?:hr|hour|h|yr|year|annum|wk|week|mo|month)\b)?/gu;

function removeNoisePhrases(segment: string): string {
  let text = ` ${segment.replace(/[^\p{L}\p{N}&/]+/gu, ' ')} `;
  for (const phrase of NOISE_PHRASES) text = text.split(` ${phrase} `).join(' ');
  return text;
}

/**
 * `Job Title: Registered Nurse`, `title:paralegal`: up to three words before the first colon label what follows
 * (or name a search column) and are dropped.
 */
function dropLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon === -1) return text;
  const label = text.slice(0, colon).match(WORD) ?? [];
  const rest = text.slice(colon + 1);
  return label.length <= 3 && (rest.match(WORD) ?? []).length > 0 ? rest : text;
}

/**
 * Splits a query into words with their roles. Nothing here can fail: any string gives a (possibly empty) list of
 * plain words, so nothing a user types can reach the full-text engine as syntax.
 */
export function parseQuery(query: string): ParsedQuery {
  const segments = dropLabel(joinMarks(fold(query)).replace(PAY, ' ')).split(SEPARATORS);
  const parsed: QueryWord[] = [];
  segments.forEach((segmentText, segment) => {
    for (const token of removeNoisePhrases(segmentText).match(TOKEN) ?? []) {
      const abbreviation = ABBREVIATIONS.get(token);
      const parts = token.match(WORD) ?? [];
      if (abbreviation === undefined && parts.length > 1) {
        // `x/y` or `x&y` that is not a known abbreviation: its parts are words of their own.
        for (const part of parts) if (!STOPWORDS.has(part)) parsed.push(queryWord(part, [part], segment, undefined));
        continue;
      }
      if (STOPWORDS.has(token)) continue;
      parsed.push(queryWord(token, parts, segment, abbreviation));
    }
  });
  const core = parsed.filter((w) => !w.noise);
  // A query of nothing but noise words ("Lead", "Principal") is searched as typed.
  if (core.length === 0) for (const w of parsed) w.noise = false;
  const primarySegment = (core[0] ?? parsed[0])?.segment ?? 0;
  for (const w of parsed) {
    w.correctable = w.correctable && !w.noise && w.segment === primarySegment;
  }
  return { words: parsed, primarySegment };
}

function queryWord(text: string, parts: string[], segment: number, abbreviation: readonly string[] | undefined): QueryWord {
  const expansions = (abbreviation ?? []).map((phrase) => words(phrase).filter((w) => !STOPWORDS.has(w)));
  const isNoise = (w: string) => NOISE_ANYWHERE.has(w) || (segment > 0 && NOISE_AFTER_SEPARATOR.has(w));
  // `sr` is noise because `senior` is.
  const noise = isNoise(text) || expansions.some((phrase) => phrase.length === 1 && isNoise(phrase[0] as string));
  return {
    text,
    parts,
    segment,
    noise,
    expansions,
    correctable: abbreviation === undefined && text.length >= 4 && /^\p{L}+$/u.test(text),
  };
}

/** How many edits a typo correction may make to a word of this length: 0 below 4 letters, 1 up to 6, else 2. */
export function correctionBudget(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/**
 * How many deletions the index precomputes for a title word (the dictionary side of the symmetric-delete
 * lookup): enough that every query word within its `correctionBudget` meets the word on a shared deletion. Two
 * edits are allowed only to query words of 7+ letters, and the dictionary side needs two deletions only when the
 * word has two letters the typo lacks or two substituted ones, so it is at least as long: 7+ letters.
 */
export function dictionaryDepth(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/** Every distinct string made by deleting 1 to `depth` characters from `word` (not the word itself). */
export function deletions(word: string, depth: number): string[] {
  const seen = new Set<string>();
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (shorter.length > 0 && !seen.has(shorter)) {
          seen.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  seen.delete(word);
  return [...seen];
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as soon as it is
 * known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, max + 1);
}
