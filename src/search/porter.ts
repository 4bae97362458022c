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
 */

const LETTERS = /^[a-z]+$/;

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
    switch (b[k - 1]) {
      case 'a':
        if (ends('ational')) r('ate');
        else if (ends('tional')) r('tion');
        break;
      case 'c':
        if (ends('enci')) r('ence');
        else if (ends('anci')) r('ance');
        break;
      case 'e':
        if (ends('izer')) r('ize');
        break;
      case 'l':
        if (ends('bli')) r('ble');
        else if (ends('alli')) r('al');
        else if (ends('entli')) r('ent');
        else if (ends('eli')) r('e');
        else if (ends('ousli')) r('ous');
        break;
      case 'o':
        if (ends('ization')) r('ize');
        else if (ends('ation')) r('ate');
        else if (!jobTitles && ends('ator')) r('ate');
        break;
      case 's':
        if (ends('alism')) r('al');
        else if (ends('iveness')) r('ive');
        else if (ends('fulness')) r('ful');
        else if (ends('ousness')) r('ous');
        break;
      case 't':
        if (ends('aliti')) r('al');
        else if (ends('iviti')) r('ive');
        else if (ends('biliti')) r('ble');
        break;
      case 'g':
        if (ends('logi')) r('log');
        break;
    }
    // Step 3: -ic-, -full, -ness etc.
    switch (b[k]) {
      case 'e':
        if (ends('icate')) r('ic');
        else if (ends('ative')) r('');
        else if (ends('alize')) r('al');
        break;
      case 'i':
        if (ends('iciti')) r('ic');
        break;
      case 'l':
        if (!jobTitles && ends('ical')) r('ic');
        else if (ends('ful')) r('');
        break;
      case 's':
        if (ends('ness')) r('');
        break;
    }
    // Step 4: -ant, -ence etc. in context <c>vcvc<v>.
    let found = false;
    switch (b[k - 1]) {
      case 'a':
        found = !jobTitles && ends('al');
        break;
      case 'c':
        found = ends('ance') || ends('ence');
        break;
      case 'e':
        found = !jobTitles && ends('er');
        break;
      case 'i':
        found = ends('ic');
        break;
      case 'l':
        found = ends('able') || ends('ible');
        break;
      case 'n':
        found = (!jobTitles && ends('ant')) || ends('ement') || ends('ment') || (!jobTitles && ends('ent'));
        break;
      case 'o':
        found = (!jobTitles && ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou');
        break;
      case 's':
        found = ends('ism');
        break;
      case 't':
        found = ends('ate') || ends('iti');
        break;
      case 'u':
        found = ends('ous');
        break;
      case 'v':
        found = ends('ive');
        break;
      case 'z':
        found = ends('ize');
        break;
    }
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
