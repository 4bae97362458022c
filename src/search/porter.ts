/**
 * The Porter stemming algorithm (M.F. Porter, 1980), ported from Martin Porter's reference C implementation
 * including its two documented departures (`-bli` -> `-ble`, `-logi` -> `-log`).
 *
 * With `{ jobTitles: true }` it departs further, because in job titles an agent noun, an `-al` adjective or an
 * `-ion` noun usually names a different job than its root: step 2 keeps `-ator` (operator ≠ operations,
 * administrator ≠ administrative), step 3 keeps `-ical` and step 4 keeps `-al`, `-er`, `-ant`, `-ent` and
 * `-ion` (engineer ≠ engine, developer ≠ development, accountant ≠ account, mechanical ≠ mechanic,
 * clinical ≠ clinic, production ≠ product). Plurals, `-ing`, `-ed`, `-ment`, `-ness`, `-ation` and the rest
 * still fold (nurses, nursing -> nurs; engineering -> engineer).
 *
 * Input: one lowercase word of ASCII letters; anything else is returned as is.
 *
 * Hand-written because no stemmer on npm has these departures: `natural`'s PorterStemmer gives this file's plain
 * stems for every word of the search index, but differs from the job-title stems the index uses on about 9% of them.
 */

const LETTERS = /^[a-z]+$/;

/** A step's rule: a word ending in the suffix ends in the replacement instead, where the stem before it has m > 0. */
type Rule = readonly [suffix: string, replacement: string];

/*
 * The reference switches on one letter of the word to pick a group of suffixes, then takes the first of the group
 * the word ends in. Every suffix of a group has that letter at that place, so the first suffix of the whole list the
 * word ends in is the same one: the lists below keep the reference's order.
 */
const STEP2: readonly Rule[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: readonly Rule[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
/** Suffixes dropped where the stem before them has m > 1. */
const STEP4: readonly string[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti',
  'ous', 'ive', 'ize',
];
/** The suffixes job titles keep (see above): an agent noun, an `-al` or `-ical` adjective, an `-ion` noun. */
const JOB_TITLE_SUFFIXES: ReadonlySet<string> = new Set(['ator', 'ical', 'al', 'er', 'ant', 'ent', 'ion']);
const STEP2_JOB_TITLES = STEP2.filter(([suffix]) => !JOB_TITLE_SUFFIXES.has(suffix));
const STEP3_JOB_TITLES = STEP3.filter(([suffix]) => !JOB_TITLE_SUFFIXES.has(suffix));
const STEP4_JOB_TITLES = STEP4.filter((suffix) => !JOB_TITLE_SUFFIXES.has(suffix));

export function porterStem(word: string, { jobTitles = false }: { jobTitles?: boolean } = {}): string {
  if (word.length <= 2 || !LETTERS.test(word)) return word;
  const b = word.split('');
  let k = b.length - 1;
  let j = 0;

  const cons = (i: number): boolean => {
    const ch = b[i];
    if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') return false;
    if (ch === 'y') return i === 0 ? true : !cons(i - 1);
    return true;
  };
  /** The number of consonant sequences between 0 and j. */
  const m = (): number => {
    let n = 0;
    let i = 0;
    for (;;) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
    for (;;) {
      for (;;) {
        if (i > j) return n;
        if (cons(i)) break;
        i++;
      }
      i++;
      n++;
      for (;;) {
        if (i > j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
    }
  };
  const vowelInStem = (): boolean => {
    for (let i = 0; i <= j; i++) if (!cons(i)) return true;
    return false;
  };
  const doubleC = (at: number): boolean => at >= 1 && b[at] === b[at - 1] && cons(at);
  const cvc = (i: number): boolean => {
    if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const ch = b[i];
    return ch !== 'w' && ch !== 'x' && ch !== 'y';
  };
  const ends = (s: string): boolean => {
    const length = s.length;
    if (length > k + 1) return false;
    for (let i = 0; i < length; i++) if (b[k - length + 1 + i] !== s[i]) return false;
    j = k - length;
    return true;
  };
  const setTo = (s: string): void => {
    for (let i = 0; i < s.length; i++) b[j + 1 + i] = s[i] as string;
    k = j + s.length;
  };
  const r = (s: string): void => {
    if (m() > 0) setTo(s);
  };

  // Step 1ab: plurals and -ed or -ing.
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setTo('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
    k = j;
    if (ends('at')) setTo('ate');
    else if (ends('bl')) setTo('ble');
    else if (ends('iz')) setTo('ize');
    else if (doubleC(k)) {
      k--;
      const ch = b[k];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setTo('e');
  }
  if (k > 0) {
    // Step 1c: y -> i when there is another vowel in the stem.
    if (ends('y') && vowelInStem()) b[k] = 'i';
    // Step 2: double suffixes to single ones.
    const step2 = (jobTitles ? STEP2_JOB_TITLES : STEP2).find(([suffix]) => ends(suffix));
    if (step2 !== undefined) r(step2[1]);
    // Step 3: -ic-, -full, -ness etc.
    const step3 = (jobTitles ? STEP3_JOB_TITLES : STEP3).find(([suffix]) => ends(suffix));
    if (step3 !== undefined) r(step3[1]);
    // Step 4: -ant, -ence etc. in context <c>vcvc<v>; -ion only after s or t.
    const step4 = (jobTitles ? STEP4_JOB_TITLES : STEP4).find((suffix) => ends(suffix));
    const found = step4 !== undefined && (step4 !== 'ion' || (j >= 0 && (b[j] === 's' || b[j] === 't')));
    if (found && m() > 1) k = j;
    // Step 5: a final -e, and -ll to -l where the stem is long enough.
    j = k;
    if (b[k] === 'e') {
      const a = m();
      if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
    }
    if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
  }
  return b.slice(0, k + 1).join('');
}
