/**
 * The importer on the BLS workbooks (fixture copies cut to a few SOC broad groups): what it stores, what each
 * special value becomes, and the file, sheet, row and column of each kind of bad cell planted in a copy.
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { readCrosswalkFile, socCrosswalkFile } from '../../src/store/crosswalk-files';
import type { DataFileError } from '../../src/store/errors';
import type { DatasetSourcesFile } from '../../src/store/framework-file';
import { buildStore } from '../../src/store/importer';
import { OEWS_FILE, PROJECTIONS_FILE, readLaborMarket } from '../../src/store/labor-market-files';
import { buildErrorOf, makeFixtureDataDir, storeIn } from '../support/fixtures';
import { rewriteRows, setCells, type SheetRow } from '../support/xlsx';

let dataDir: string;
beforeAll(() => {
  dataDir = makeFixtureDataDir();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const OEWS = `data/${OEWS_FILE.path}`;
const EP = `data/${PROJECTIONS_FILE.path}`;

const read = () => {
  const { sources } = JSON.parse(readFileSync(join(dataDir, 'sources.json'), 'utf8')) as DatasetSourcesFile;
  const socCodes = new Set(readCrosswalkFile(dataDir, socCrosswalkFile, new Set([socCrosswalkFile.sourceId])).map((r) => r.soc2018_code));
  return readLaborMarket(dataDir, socCodes, sources);
};

/**
 * Edits the row of one code (OEWS `OCC_CODE` or EP matrix code) in a copy of its workbook, runs `then` on the copy,
 * and restores the workbook; `then` gets the edited row's number.
 */
async function withEdit<T>(file: 'oews' | 'ep', code: string, cells: Record<string, string | number>, then: (row: number) => Promise<T>): Promise<T> {
  const spec = file === 'oews' ? OEWS_FILE : PROJECTIONS_FILE;
  const path = join(dataDir, spec.path);
  const original = `${path}.original`;
  copyFileSync(path, original);
  let edited = 0;
  try {
    rewriteRows(path, spec.sheet, (row: SheetRow) => {
      if (row.text(file === 'oews' ? 'I' : 'B') !== code || edited !== 0) return row.xml;
      edited = row.number;
      return setCells(row, cells);
    });
    if (edited === 0) throw new Error(`no row of ${code} in the fixture's ${spec.path}`);
    return await then(edited);
  } finally {
    copyFileSync(original, path);
    rmSync(original);
  }
}

async function readErrorAfter(file: 'oews' | 'ep', code: string, cells: Record<string, string | number>): Promise<{ message: string; row: number }> {
  return withEdit(file, code, cells, async (row) => {
    const error = await read().then(
      () => null,
      (e: unknown) => e as DataFileError,
    );
    if (error === null) throw new Error('expected the read to fail');
    return { message: error.message, row };
  });
}

test('stores the rows of the fixture workbooks, their figures in persons and dollars, and which row covers each SOC code', async () => {
  await buildStore({ dataDir, storeFile: storeIn(dataDir) });
  const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
  const row = (sql: string) => db.prepare(sql).get() as Record<string, unknown>;
  // The spot values data/labor-market/PROVENANCE.md gives for 43-6012.
  expect(row("SELECT * FROM oews_estimate WHERE code = '43-6012'")).toMatchObject({
    title: 'Legal Secretaries and Administrative Assistants',
    aggregate: 0,
    employment: 154540,
    employment_rse: 3,
    annual_mean: 60320,
    annual_p10: 35530,
    annual_p25: 42720,
    annual_median: 54140,
    annual_median_top_coded: 0,
    annual_p75: 72090,
    annual_p90: 87660,
    hourly_median: 26.03,
    annual_only: 0,
    hourly_only: 0,
  });
  expect(row("SELECT * FROM employment_projection WHERE code = '43-6012'")).toMatchObject({
    title: 'Legal secretaries and administrative assistants',
    employment_base: 156300,
    employment_target: 147300,
    change: -9000,
    change_percent: -5.8,
    self_employed_percent: 0.5,
    openings_per_year: 19600,
    typical_education: 'High school diploma or equivalent',
    work_experience: 'None',
    on_the_job_training: 'Moderate-term on-the-job training',
  });
  expect(db.prepare("SELECT soc_code, code FROM labor_coverage WHERE soc_code IN ('43-6012', '23-2011', '11-1011') ORDER BY soc_code").all()).toEqual([
    // The fixture's workbooks hold only the broad groups of its occupations.
    { soc_code: '11-1011', code: null },
    { soc_code: '23-2011', code: '23-2011' },
    { soc_code: '43-6012', code: '43-6012' },
  ]);
  db.close();
});

describe('special values become what they mean, never a number', () => {
  test('`#` is the bound the notes give, top-coded; `*` and `**` are null', async () => {
    const rows = await withEdit('oews', '43-6012', { L: '**', M: '**', AB: '#', AD: '*', W: '#' }, read);
    const estimate = rows.estimates.find((e) => e.code === '43-6012')!;
    expect(rows.notes).toEqual({ annualTopCode: 239_200, hourlyTopCode: 115 });
    expect(estimate).toMatchObject({
      employment: null,
      employment_rse: null,
      annual_median: 239_200,
      annual_median_top_coded: 1,
      annual_p90: null,
      annual_p90_top_coded: 0,
      hourly_median: 115,
      hourly_median_top_coded: 1,
    });
  });

  test('an ANNUAL row with every hourly wage `*` stores no hourly wages; EP `—` is null', async () => {
    const hourly = { R: '*', U: '*', V: '*', W: '*', X: '*', Y: '*' };
    const rows = await withEdit('oews', '43-6012', { ...hourly, AE: 'TRUE' }, read);
    expect(rows.estimates.find((e) => e.code === '43-6012')).toMatchObject({ annual_only: 1, hourly_mean: null, hourly_p90: null, annual_mean: 60320 });
    const projected = await withEdit('ep', '43-6012', { K: '—', J: '—' }, read);
    expect(projected.projections.find((p) => p.code === '43-6012')).toMatchObject({ openings_per_year: null, self_employed_percent: null, employment_base: 156300 });
  });
});

describe('bad data stops the read, naming the file, sheet, row and column', () => {
  test('a malformed row: a code that is not a SOC code', async () => {
    const { message, row } = await readErrorAfter('oews', '43-6012', { I: '43-60l2' });
    expect(message).toBe(`${OEWS} sheet "national_M2024_dl" row ${row} column "OCC_CODE" (I): is "43-60l2", expected a SOC code like 43-6012`);
  });

  test('an unknown special value', async () => {
    const { message, row } = await readErrorAfter('oews', '43-6012', { AB: '~' });
    expect(message).toBe(
      `${OEWS} sheet "national_M2024_dl" row ${row} column "A_MEDIAN" (AB): is "~", not a number nor a special value the file defines (only "*", "#" in this column)`,
    );
  });

  test("a special value of another column: a wage's `#` in employment", async () => {
    const { message, row } = await readErrorAfter('oews', '43-6012', { L: '#' });
    expect(message).toBe(`${OEWS} sheet "national_M2024_dl" row ${row} column "TOT_EMP" (L): is "#", not a number nor a special value the file defines (only "**" in this column)`);
  });

  test('a number that does not parse', async () => {
    const { message, row } = await readErrorAfter('oews', '43-6012', { L: '154,540' });
    expect(message).toBe(`${OEWS} sheet "national_M2024_dl" row ${row} column "TOT_EMP" (L): is "154,540", which does not parse as a number (the file defines only "**" in this column)`);
  });

  test('a duplicate code among the detailed rows', async () => {
    const { message, row } = await readErrorAfter('oews', '43-6014', { I: '43-6012' });
    expect(message).toMatch(new RegExp(`^${OEWS} sheet "national_M2024_dl" row ${row} column "OCC_CODE" \\(I\\): repeats code 43-6012 of row \\d+$`));
  });

  test('hourly wages in a row whose ANNUAL flag says only annual wages are released', async () => {
    const { message, row } = await readErrorAfter('oews', '43-6012', { AE: 'TRUE' });
    expect(message).toBe(`${OEWS} sheet "national_M2024_dl" row ${row} column "H_MEAN" (R): is 29, but ANNUAL says only annual wages are released`);
  });

  test('EP: an unknown special value, a duplicate line item, a malformed code, thousands that are no whole number of persons', async () => {
    const sheet = `${EP} sheet "Table 1.2"`;
    const openings = await readErrorAfter('ep', '43-6012', { K: 'n/a' });
    expect(openings.message).toBe(
      `${sheet} row ${openings.row} column "Occupational openings, 2024–34 annual average" (K): is "n/a", not a number nor a special value the file defines (only "—" in this column)`,
    );
    const duplicate = await readErrorAfter('ep', '43-6014', { B: '43-6012' });
    expect(duplicate.message).toMatch(new RegExp(`^${sheet} row ${duplicate.row} column "2024 National Employment Matrix code" \\(B\\): repeats code 43-6012 of row \\d+$`));
    const code = await readErrorAfter('ep', '43-6012', { B: '436012' });
    expect(code.message).toBe(`${sheet} row ${code.row} column "2024 National Employment Matrix code" (B): is "436012", expected a SOC code like 43-6012`);
    const thousands = await readErrorAfter('ep', '43-6012', { D: 156.3004 });
    expect(thousands.message).toBe(`${sheet} row ${thousands.row} column "Employment, 2024" (D): is 156.3004 thousand, not a whole number of persons`);
  });

  test('the build stops on it too, and leaves no store behind', async () => {
    const storeFile = join(dataDir, 'broken/store.sqlite');
    const error = await withEdit('oews', '43-6012', { AB: '~' }, () => buildErrorOf(dataDir, storeFile));
    expect(error.message).toMatch(/^data\/labor-market\/national_M2024_dl\.xlsx sheet "national_M2024_dl" row \d+ column "A_MEDIAN" \(AB\): is "~"/);
    expect(existsSync(storeFile)).toBe(false);
  });
});
