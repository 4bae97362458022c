/** Query normalisation for job-title search: pure functions, no store. */
import SqliteDatabase from 'better-sqlite3';
import abbreviations from '../data/search/abbreviations.json';
import noiseWords from '../data/search/noise-words.json';
import {
  correctionBudget,
  deletions,
  dictionaryDepth,
  editDistance,
  indexTerms,
  MAX_QUERY_LENGTH,
  parseQuery,
  stem,
  words,
} from '../src/search/normalize';
import { porterStem } from '../src/search/porter';

/** Each word as `text`, `text~` when noise, `@segment` when not in the first segment. */
function roles(query: string): string[] {
  return parseQuery(query).words.map((w) => `${w.text}${w.noise ? '~' : ''}${w.segment > 0 ? `@${w.segment}` : ''}`);
}

describe('porterStem', () => {
  test("matches Martin Porter's published examples", () => {
    const examples: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'ti', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster',
      motoring: 'motor', sing: 'sing', conflated: 'conflat', troubled: 'troubl', sized: 'size', hopping: 'hop',
      falling: 'fall', hissing: 'hiss', failing: 'fail', filing: 'file', happy: 'happi', sky: 'sky',
      relational: 'relat', conditional: 'condit', rational: 'ration', digitizer: 'digit', operator: 'oper',
      hopefulness: 'hope', formaliti: 'formal', triplicate: 'triplic', electrical: 'electr', adjustment: 'adjust',
      adoption: 'adopt', generalizations: 'gener', oscillators: 'oscil', controll: 'control', roll: 'roll',
    };
    for (const [word, expected] of Object.entries(examples)) expect([word, porterStem(word)]).toEqual([word, expected]);
  });

  test("agrees with SQLite's own FTS5 porter tokenizer on every word of the O*NET titles file sample", () => {
    const sample = [
      'accountants', 'accounting', 'administrative', 'administrators', 'engineering', 'engineers', 'nurses', 'nursing',
      'secretaries', 'developers', 'development', 'operations', 'operators', 'mechanical', 'mechanics', 'physical',
      'therapists', 'technologists', 'technicians', 'supervisors', 'installation', 'installers', 'housekeeping',
      'pharmacists', 'pharmacy', 'cosmetologists', 'electricians', 'ophthalmologists', 'psychiatric', 'veterinary',
    ];
    const db = new SqliteDatabase(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(w, tokenize = 'porter ascii'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')");
    const insert = db.prepare('INSERT INTO t(rowid, w) VALUES (?, ?)');
    sample.forEach((w, i) => insert.run(i + 1, w));
    const sqlite = new Map((db.prepare('SELECT doc, term FROM v').all() as { doc: number; term: string }[]).map((r) => [r.doc, r.term]));
    db.close();
    sample.forEach((w, i) => expect([w, porterStem(w)]).toEqual([w, sqlite.get(i + 1)]));
  });

  test('for job titles it keeps agent nouns, -al adjectives and -ion nouns apart from their roots', () => {
    const pairs: [string, string][] = [
      ['engineer', 'engine'], ['developer', 'development'], ['accountant', 'account'], ['operator', 'operations'],
      ['mechanical', 'mechanic'], ['clinical', 'clinic'], ['production', 'product'], ['administrator', 'administrative'],
      ['housekeeper', 'housekeeping'], ['animator', 'animal'],
    ];
    // Plain Porter folds each pair to one stem; the job-title stemmer does not.
    for (const [a, b] of pairs) expect([a, b, porterStem(a) === porterStem(b), stem(a) === stem(b)]).toEqual([a, b, true, false]);
  });

  test('for job titles plurals and -ing forms still fold', () => {
    expect(new Set(['nurse', 'nurses', 'nursing'].map(stem))).toEqual(new Set(['nurs']));
    expect(new Set(['engineer', 'engineers', 'engineering'].map(stem))).toEqual(new Set(['engineer']));
    expect(new Set(['secretary', 'secretaries'].map(stem))).toEqual(new Set(['secretari']));
    expect(new Set(['correctional', 'correction'].map(stem)).size).toBe(1);
  });
});

describe('words and index terms', () => {
  test('case, diacritics, ligatures, apostrophes, initials and hyphens', () => {
    expect(words("SOFTWARE Engineer")).toEqual(['software', 'engineer']);
    expect(words('Café Manager')).toEqual(['cafe', 'manager']);
    expect(words('ﬁnance')).toEqual(['finance']);
    expect(words("Driver's Helper")).toEqual(['drivers', 'helper']);
    expect(words('C.N.A. / R.N.')).toEqual(['cna', 'rn']);
    expect(words('Full-Stack Developer')).toEqual(['full', 'stack', 'developer']);
    expect(words('Sr.Java Developer')).toEqual(['sr', 'java', 'developer']);
  });

  test('index terms drop stopwords and stem the rest, in order', () => {
    expect(indexTerms('Legal Secretaries and Administrative Assistants')).toEqual(['legal', 'secretari', 'administr', 'assistant']);
    expect(indexTerms('Director of Nursing')).toEqual(['director', 'nurs']);
  });
});

describe('parseQuery', () => {
  test('seniority, level and work arrangement are optional noise', () => {
    expect(roles('Senior Legal Secretary')).toEqual(['senior~', 'legal', 'secretary']);
    expect(roles('Software Engineer III (Remote)')).toEqual(['software', 'engineer', 'iii~', 'remote~@1']);
    expect(roles('sr. paralegal')).toEqual(['sr~', 'paralegal']);
  });

  test('a separator starts a segment; places and schedule after it are noise', () => {
    expect(roles('Senior Legal Secretary - Chicago')).toEqual(['senior~', 'legal', 'secretary', 'chicago~@1']);
    expect(roles('Registered Nurse - Chicago, IL')).toEqual(['registered', 'nurse', 'chicago~@1', 'il~@2']);
    expect(roles('Forklift Operator – 2nd Shift – Columbus, OH')).toEqual(['forklift', 'operator', '2nd~@1', 'shift~@1', 'columbus~@2', 'oh~@3']);
    expect(roles('Executive Assistant to the CEO')).toEqual(['executive', 'assistant', 'ceo@1']);
  });

  test('two-letter state codes and part-time only count as noise after a separator', () => {
    expect(roles('PA - Orthopedics')[0]).toBe('pa');
    expect(roles('Retail Sales Associate - PT')).toEqual(['retail', 'sales', 'associate~', 'pt~@1']);
    expect(roles('PT - Outpatient')[0]).toBe('pt');
  });

  test('noise phrases and pay figures disappear as a whole, their words elsewhere stay', () => {
    expect(roles('Part-Time Cashier')).toEqual(['cashier']);
    expect(roles('Part Inspector')).toEqual(['part', 'inspector']);
    expect(roles('Surgical Tech - $5,000 Sign On Bonus')).toEqual(['surgical', 'tech']);
    expect(roles('Concrete Finisher - $28/hr')).toEqual(['concrete', 'finisher']);
  });

  test('the first segment with a job word is the primary one; a query of only noise is searched as typed', () => {
    const remote = parseQuery('Remote - Java Developer');
    expect(remote.primarySegment).toBe(1);
    expect(remote.words.filter((w) => w.correctable).map((w) => w.text)).toEqual(['java', 'developer']);
    expect(roles('Lead')).toEqual(['lead']);
  });

  test('abbreviations expand to phrases, with and without dots, & and /', () => {
    const expansions = (q: string) => parseQuery(q).words.map((w) => [w.text, w.expansions.map((e) => e.join(' '))]);
    expect(expansions('RN')).toEqual([['rn', ['registered nurse']]]);
    expect(expansions('Admin Asst')).toEqual([['admin', ['administrative', 'administrator']], ['asst', ['assistant']]]);
    expect(expansions('R.N.')).toEqual([['rn', ['registered nurse']]]);
    expect(expansions('A/P Clerk')).toEqual([['a/p', ['accounts payable']], ['clerk', []]]);
    expect(expansions('R&D Engineer')).toEqual([['r&d', ['research development']], ['engineer', []]]);
    expect(expansions('Host/Hostess')).toEqual([['host', []], ['hostess', []]]);
  });

  test('the documented lists hold what the issue promises', () => {
    for (const a of ['sr', 'jr', 'asst', 'admin', 'mgr', 'dir', 'eng', 'dev', 'rn', 'lpn', 'cpa', 'hr', 'it', 'vp']) {
      expect([a, a in abbreviations.abbreviations]).toEqual([a, true]);
    }
    const all = [...noiseWords.anywhere, ...noiseWords.afterSeparator, ...noiseWords.phrases];
    expect(all.filter((w) => w !== w.toLowerCase())).toEqual([]);
    // Job words must never be noise anywhere.
    for (const w of ['home', 'sign', 'contract', 'county', 'mobile', 'principal', 'night']) expect([w, noiseWords.anywhere.includes(w)]).toEqual([w, false]);
  });

  test('FTS5 syntax and control characters are just words or nothing', () => {
    expect(roles('"title:foo" NEAR(a b) AND OR NOT *')).toEqual(['foo', 'b@1']);
    expect(roles('Job Title: Registered Nurse')).toEqual(['registered', 'nurse']);
    expect(roles('NEAR(legal secretary)')).toEqual(['legal@1', 'secretary@1']);
    expect(roles('Nurse\u0000\u0007\u0085Aide\u200b')).toEqual(['nurse', 'aide']);
    expect(roles('***')).toEqual([]);
    expect(roles('')).toEqual([]);
    expect(parseQuery('^"(){}:*').words).toEqual([]);
  });

  test('only words of 4+ letters in the job part may be typo-corrected, never abbreviations', () => {
    const correctable = (q: string) => parseQuery(q).words.filter((w) => w.correctable).map((w) => w.text);
    expect(correctable('Acountant - Chicago')).toEqual(['acountant']);
    expect(correctable('Sr RN Mgr')).toEqual([]);
    expect(correctable('Pharmasist - Tempe')).toEqual(['pharmasist']);
  });

  test('the length limit is 200 characters', () => {
    expect(MAX_QUERY_LENGTH).toBe(200);
  });
});

describe('typo helpers', () => {
  test('edit distance counts transpositions as one edit and stops early past the bound', () => {
    expect(editDistance('acountant', 'accountant', 2)).toBe(1);
    expect(editDistance('secertary', 'secretary', 2)).toBe(1);
    expect(editDistance('mecanik', 'mechanic', 2)).toBe(2);
    expect(editDistance('nurse', 'nurse', 1)).toBe(0);
    expect(editDistance('plumber', 'electrician', 2)).toBe(3);
  });

  test('budgets: none below 4 letters, one up to 6, two from 7', () => {
    expect(['rn', 'cook', 'welder', 'plumber'].map(correctionBudget)).toEqual([0, 1, 1, 2]);
    expect(['cook', 'nurse', 'welder', 'plumber'].map(dictionaryDepth)).toEqual([1, 1, 1, 2]);
  });

  test('deletions: every string one or two letters shorter, without the word itself', () => {
    expect(deletions('cat', 1).sort()).toEqual(['at', 'ca', 'ct']);
    expect(deletions('nurse', 2)).toContain('nse');
    expect(deletions('nurse', 2)).not.toContain('nurse');
  });

  test('symmetric deletion finds every typo within the budget: all one- and two-edit typos of sample words', () => {
    // Every position and kind of edit; substituted and inserted letters from a sample, to keep the run short.
    const letters = 'aekx';
    const edits = (w: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i <= w.length; i++) {
        if (i < w.length) out.push(w.slice(0, i) + w.slice(i + 1));
        if (i + 1 < w.length) out.push(w.slice(0, i) + (w[i + 1] as string) + (w[i] as string) + w.slice(i + 2));
        for (const c of letters) {
          out.push(w.slice(0, i) + c + w.slice(i));
          if (i < w.length) out.push(w.slice(0, i) + c + w.slice(i + 1));
        }
      }
      return out;
    };
    let checked = 0;
    for (const word of ['cook', 'nurse', 'welder', 'plumber', 'mechanic', 'paralegal']) {
      const wordKeys = new Set([word, ...deletions(word, dictionaryDepth(word))]);
      const meets = (typo: string) => [typo, ...deletions(typo, correctionBudget(typo))].some((d) => wordKeys.has(d));
      for (const one of edits(word)) {
        for (const typo of [one, ...(word.length >= 6 ? edits(one) : [])]) {
          if (typo.length < 4 || typo === word) continue;
          const distance = editDistance(typo, word, 2);
          if (distance > correctionBudget(typo)) continue;
          checked += 1;
          if (!meets(typo)) throw new Error(`${typo} -> ${word} (distance ${distance}) shares no deletion`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('symmetric deletion finds every word within the budget', () => {
    // A typo and its word share a deletion variant whenever they are within the typo's budget.
    const shares = (typo: string, word: string) => {
      const a = new Set([typo, ...deletions(typo, correctionBudget(typo))]);
      return [word, ...deletions(word, dictionaryDepth(word))].some((d) => a.has(d));
    };
    for (const [typo, word] of [['mecanik', 'mechanic'], ['recepcionist', 'receptionist'], ['nurce', 'nurse'], ['plumer', 'plumber'], ['eletrician', 'electrician']]) {
      expect([typo, word, shares(typo as string, word as string)]).toEqual([typo, word, true]);
    }
  });
});
