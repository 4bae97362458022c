/**
 * The BLS labor-market workbooks (data/labor-market/, credited in its PROVENANCE.md), read as published through
 * an xlsx reader: OEWS May 2024 national estimates and Employment Projections 2024–34 Table 1.2. Each sheet's
 * header must be exactly the expected columns; what a special value means (`*`, `**`, `#` and its bounds, `—`) is
 * read from the workbook's own notes, and any other text in a numeric cell stops the build naming the file, sheet,
 * row and column. A special value is stored as what it means (NULL, or a top-coded bound), never as a number.
 *
 * Which row covers which 2018 SOC detailed code: its own, where the file has one; else the file's aggregate in the
 * same SOC broad group. OEWS's Field Descriptions say that a `detailed` row whose code is not a SOC detailed code is
 * "either a standard SOC broad occupation or an OEWS-specific combination of detailed occupations"; in both cases
 * its codes are the broad group's detailed codes that have no row of their own. A broad group with two such
 * aggregates, or an aggregate that would cover nothing, stops the build, as it could not be told apart.
 */
import type { Insertable } from 'kysely';
import { join } from 'node:path';
import type { Database, WageBasis, WageColumn, WageStatistic } from './database';
import { DataFileError } from './errors';
import type { SourceEntry } from './framework-file';
import { type Cell, type CellReader, cellError, readXlsxSheets, type SheetPlace, SheetTable } from './xlsx';

/** A 2018 SOC code, detailed or BLS's own: two digits, a hyphen, four digits. */
const SOC_CODE = { pattern: /^\d{2}-\d{4}$/, expected: 'a SOC code like 43-6012' };

export const OEWS_FILE = {
  path: 'labor-market/national_M2024_dl.xlsx',
  sheet: 'national_M2024_dl',
  notesSheet: 'Field Descriptions',
  sourceId: 'bls-oews-2024',
  release: 'May 2024',
  columns: [
    'AREA', 'AREA_TITLE', 'AREA_TYPE', 'PRIM_STATE', 'NAICS', 'NAICS_TITLE', 'I_GROUP', 'OWN_CODE', 'OCC_CODE',
    'OCC_TITLE', 'O_GROUP', 'TOT_EMP', 'EMP_PRSE', 'JOBS_1000', 'LOC_QUOTIENT', 'PCT_TOTAL', 'PCT_RPT', 'H_MEAN',
    'A_MEAN', 'MEAN_PRSE', 'H_PCT10', 'H_PCT25', 'H_MEDIAN', 'H_PCT75', 'H_PCT90', 'A_PCT10', 'A_PCT25', 'A_MEDIAN',
    'A_PCT75', 'A_PCT90', 'ANNUAL', 'HOURLY',
  ],
} as const;

export const PROJECTIONS_FILE = {
  path: 'labor-market/occupation.xlsx',
  sheet: 'Table 1.2',
  sourceId: 'bls-ep-2024-34',
  release: '2024–34',
  baseYear: 2024,
  targetYear: 2034,
  /** Row 1: the table's title, which states the unit of its employment columns. */
  title: 'Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)',
  headerRow: 2,
  columns: [
    '2024 National Employment Matrix title', '2024 National Employment Matrix code', 'Occupation type',
    'Employment, 2024', 'Employment, 2034', 'Employment distribution, percent, 2024',
    'Employment distribution, percent, 2034', 'Employment change, numeric, 2024–34', 'Employment change, percent, 2024–34',
    'Percent self employed, 2024', 'Occupational openings, 2024–34 annual average', 'Median annual wage, dollars, 2024[1]',
    'Typical education needed for entry', 'Work experience in a related occupation',
    'Typical on-the-job training needed to attain competency in the occupation',
    'Related Occupational Outlook Handbook (OOH) content xlsx',
  ],
} as const;

/** The attribution data/labor-market/PROVENANCE.md asks for wherever the figures are served. */
export const LABOR_MARKET_ATTRIBUTION =
  'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024. ' +
  'U.S. Bureau of Labor Statistics, Employment Projections 2024–34.';

export const LABOR_MARKET_SOURCE_IDS = [OEWS_FILE.sourceId, PROJECTIONS_FILE.sourceId];

/** OEWS's wage columns by basis and statistic. */
const WAGE_CELLS: Record<WageBasis, Record<WageStatistic, string>> = {
  annual: { mean: 'A_MEAN', p10: 'A_PCT10', p25: 'A_PCT25', median: 'A_MEDIAN', p75: 'A_PCT75', p90: 'A_PCT90' },
  hourly: { mean: 'H_MEAN', p10: 'H_PCT10', p25: 'H_PCT25', median: 'H_MEDIAN', p75: 'H_PCT75', p90: 'H_PCT90' },
};

/** What the OEWS notes define: the special values and the bounds behind `#`. */
export interface OewsNotes {
  /** `#` in an annual wage: at least this many dollars a year. */
  annualTopCode: number;
  /** `#` in an hourly wage: at least this many dollars an hour. */
  hourlyTopCode: number;
}

export interface LaborMarketRows {
  estimates: Insertable<Database['oews_estimate']>[];
  projections: Insertable<Database['employment_projection']>[];
  coverage: Insertable<Database['labor_coverage']>[];
  notes: OewsNotes;
  /** SOC major groups (of the SOC codes given) in which each file has no row at all, by source id. */
  absentMajorGroups: Record<string, string[]>;
}

const displayName = (path: string) => `data/${path}`;

function checkSourceVersion(sources: readonly SourceEntry[], id: string, release: string, file: string): void {
  const source = sources.find((s) => s.id === id);
  if (source?.version !== release) {
    const problem = source === undefined ? `declares no source "${id}", which ${file} is served under` : `source "${id}" has version ${source.version}, but ${file} is ${release}`;
    throw new DataFileError('data/sources.json', null, problem);
  }
}

/** The special values OEWS's Field Descriptions define, with the bounds of `#`; the notes must define all three. */
export function readOewsNotes(place: SheetPlace, rows: Cell[][]): OewsNotes {
  const title = rows[0]?.[0];
  if (title !== `${OEWS_FILE.release} OEWS Estimates`) {
    throw cellError(place, 1, null, null, `is titled ${JSON.stringify(title)}, expected "${OEWS_FILE.release} OEWS Estimates"`);
  }
  // Prose, so surrounding spaces (the `#` note has a trailing one) do not count.
  const notes = rows.map((row) => row[0]).filter((cell): cell is string => typeof cell === 'string').map((note) => note.trim());
  const find = (marker: string, pattern: RegExp) => {
    const match = notes.map((note) => pattern.exec(note)).find((m) => m !== null);
    if (match === undefined) throw new DataFileError(place.file, `sheet "${place.sheet}"`, `no longer defines the special value "${marker}" as ${pattern.source}`);
    return match;
  };
  find('*', /^\*\s+= indicates that a wage estimate is not available$/);
  find('**', /^\*\*\s+= indicates that an employment estimate is not available$/);
  const topCode = find('#', /^#\s+= indicates a wage equal to or greater than \$(\d+\.\d\d) per hour or \$(\d{1,3}(?:,\d{3})*) per year$/);
  return { hourlyTopCode: Number(topCode[1]), annualTopCode: Number((topCode[2] ?? '').replace(/,/g, '')) };
}

/** Text cells that must be empty or `TRUE` (OEWS's ANNUAL and HOURLY flags). */
function flag(row: CellReader, column: string): 0 | 1 {
  const value = row.cell(column);
  if (value === null || value === '') return 0;
  if (value === 'TRUE' || value === true) return 1;
  return row.fail(column, `is ${JSON.stringify(value)}, expected TRUE or empty`);
}

function nonNegative(row: CellReader, column: string, value: number | null): number | null {
  if (value !== null && value < 0) row.fail(column, `is ${value}, expected a figure of 0 or more`);
  return value;
}

function readEstimate(row: CellReader, notes: OewsNotes): Omit<Insertable<Database['oews_estimate']>, 'aggregate'> & { group: string } {
  row.matching('AREA', /^99$/, 'the national area 99 (this is the national file)');
  row.matching('I_GROUP', /^cross-industry$/, 'cross-industry (this is the cross-industry file)');
  const employment = row.measured('TOT_EMP', ['**']);
  if (typeof employment === 'number' && !Number.isInteger(employment)) row.fail('TOT_EMP', `is ${employment}, expected a whole number of persons`);
  const employmentRse = row.measured('EMP_PRSE', ['**']);
  const meanRse = row.measured('MEAN_PRSE', ['*']);
  const annualOnly = flag(row, 'ANNUAL');
  const hourlyOnly = flag(row, 'HOURLY');
  if (annualOnly === 1 && hourlyOnly === 1) row.fail('HOURLY', 'is TRUE, but so is ANNUAL: a row releases only one of them');
  const wages: Record<string, number | null | 0 | 1> = {};
  for (const basis of ['annual', 'hourly'] as const) {
    const withheld = basis === 'annual' ? hourlyOnly === 1 : annualOnly === 1;
    for (const [statistic, column] of Object.entries(WAGE_CELLS[basis])) {
      const value = row.measured(column, ['*', '#']);
      // The flags say the other basis is not released: its cells must say "not available".
      if (withheld && value !== '*') row.fail(column, `is ${JSON.stringify(value)}, but ${basis === 'annual' ? 'HOURLY' : 'ANNUAL'} says only ${basis === 'annual' ? 'hourly' : 'annual'} wages are released`);
      const name = `${basis}_${statistic}` as WageColumn;
      const bound = basis === 'annual' ? notes.annualTopCode : notes.hourlyTopCode;
      wages[name] = value === '#' ? bound : value === '*' ? null : nonNegative(row, column, value);
      wages[`${name}_top_coded`] = value === '#' ? 1 : 0;
    }
  }
  return {
    code: row.matching('OCC_CODE', SOC_CODE.pattern, SOC_CODE.expected),
    title: row.text('OCC_TITLE'),
    group: row.matching('O_GROUP', /^(total|major|minor|broad|detailed)$/, 'one of total, major, minor, broad, detailed'),
    sheet_row: row.rowNumber,
    employment: employment === '**' ? null : nonNegative(row, 'TOT_EMP', employment),
    employment_rse: employmentRse === '**' ? null : nonNegative(row, 'EMP_PRSE', employmentRse),
    annual_only: annualOnly,
    hourly_only: hourlyOnly,
    mean_rse: meanRse === '*' ? null : nonNegative(row, 'MEAN_PRSE', meanRse),
    ...(wages as Record<WageColumn, number | null> & Record<`${WageColumn}_top_coded`, 0 | 1>),
  };
}

/** A count the file gives in thousands, as persons: one decimal of a thousand is a whole number of persons. */
function persons(row: CellReader, column: string, thousands: number | '—'): number | null {
  if (thousands === '—') return null;
  const count = Math.round(thousands * 1000);
  if (Math.abs(count - thousands * 1000) > 1e-6) row.fail(column, `is ${thousands} thousand, not a whole number of persons`);
  return count;
}

function readProjection(row: CellReader): Omit<Insertable<Database['employment_projection']>, 'aggregate'> & { type: string } {
  const [, , , base, target, , , change, changePercent, selfEmployed, openings, , education, experience, training] = PROJECTIONS_FILE.columns;
  const figure = (column: string) => row.measured(column, ['—']);
  const percent = (column: string) => {
    const value = figure(column);
    return value === '—' ? null : value;
  };
  const words = (column: string) => {
    const value = row.text(column);
    return value === '—' ? null : value;
  };
  return {
    // The title is indented by its level in the matrix; the indent is layout, not part of the title.
    title: row.text(PROJECTIONS_FILE.columns[0]).trim(),
    code: row.matching(PROJECTIONS_FILE.columns[1], SOC_CODE.pattern, SOC_CODE.expected),
    type: row.matching(PROJECTIONS_FILE.columns[2], /^(Line item|Summary)$/, 'Line item or Summary'),
    sheet_row: row.rowNumber,
    employment_base: nonNegative(row, base, persons(row, base, figure(base))),
    employment_target: nonNegative(row, target, persons(row, target, figure(target))),
    change: persons(row, change, figure(change)),
    change_percent: percent(changePercent),
    self_employed_percent: nonNegative(row, selfEmployed, percent(selfEmployed)),
    openings_per_year: nonNegative(row, openings, persons(row, openings, figure(openings))),
    typical_education: words(education),
    work_experience: words(experience),
    on_the_job_training: words(training),
  };
}

/** Each code's first row, failing on a second row of the same code (among the rows that are served). */
function uniqueByCode<R extends { code: string; sheet_row: number }>(place: SheetPlace, rows: R[], codeColumn: string, columnIndex: number): Map<string, R> {
  const byCode = new Map<string, R>();
  for (const row of rows) {
    const earlier = byCode.get(row.code);
    if (earlier !== undefined) throw cellError(place, row.sheet_row, codeColumn, columnIndex, `repeats code ${row.code} of row ${earlier.sheet_row}`);
    byCode.set(row.code, row);
  }
  return byCode;
}

/**
 * For each SOC code, the file's row that covers it (see the top of this file), and whether each row is an
 * aggregate; a broad group with two aggregates, or an aggregate covering nothing, stops the build.
 */
function coverageOf(place: SheetPlace, codeColumn: string, columnIndex: number, rows: ReadonlyMap<string, { sheet_row: number }>, socCodes: ReadonlySet<string>): Map<string, string> {
  const broad = (code: string) => code.slice(0, 6);
  const aggregateByBroad = new Map<string, string>();
  for (const [code, row] of rows) {
    if (socCodes.has(code)) continue;
    const other = aggregateByBroad.get(broad(code));
    if (other !== undefined) throw cellError(place, row.sheet_row, codeColumn, columnIndex, `${code} and ${other} are both aggregates in SOC broad group ${broad(code)}x: which SOC codes each covers cannot be told`);
    aggregateByBroad.set(broad(code), code);
  }
  const covering = new Map<string, string>();
  for (const soc of socCodes) {
    const code = rows.has(soc) ? soc : aggregateByBroad.get(broad(soc));
    if (code !== undefined) covering.set(soc, code);
  }
  const covered = new Set(covering.values());
  for (const [code, row] of rows) {
    if (!covered.has(code)) {
      throw cellError(place, row.sheet_row, codeColumn, columnIndex, `${code} is not a 2018 SOC detailed code, and every SOC code of its broad group has a row of its own: what it aggregates cannot be told`);
    }
  }
  return covering;
}

function absentMajorGroups(rows: ReadonlyMap<string, unknown>, socCodes: ReadonlySet<string>): string[] {
  const present = new Set([...rows.keys()].map((code) => code.slice(0, 2)));
  return [...new Set([...socCodes].map((code) => code.slice(0, 2)))].filter((group) => !present.has(group)).sort();
}

async function readOews(dataDir: string, socCodes: ReadonlySet<string>) {
  const file = displayName(OEWS_FILE.path);
  const sheets = await readXlsxSheets(join(dataDir, OEWS_FILE.path), file, [OEWS_FILE.sheet, OEWS_FILE.notesSheet]);
  const notes = readOewsNotes({ file, sheet: OEWS_FILE.notesSheet }, sheets.get(OEWS_FILE.notesSheet)!);
  const place = { file, sheet: OEWS_FILE.sheet };
  const table = new SheetTable(place, sheets.get(OEWS_FILE.sheet)!, 1, OEWS_FILE.columns);
  const rows = [];
  for (let n = 2; n <= table.lastRow; n++) {
    const row = table.row(n)!;
    if (row.empty) throw cellError(place, n, null, null, 'is empty, within the table');
    rows.push(readEstimate(row, notes));
  }
  const codeColumn = OEWS_FILE.columns.indexOf('OCC_CODE');
  // Broad occupations OEWS no longer splits appear twice, as `broad` and as `detailed`: the detailed rows are served.
  const detailed = uniqueByCode(place, rows.filter((r) => r.group === 'detailed'), 'OCC_CODE', codeColumn);
  return { notes, detailed, coverage: coverageOf(place, 'OCC_CODE', codeColumn, detailed, socCodes) };
}

async function readProjections(dataDir: string, socCodes: ReadonlySet<string>) {
  const file = displayName(PROJECTIONS_FILE.path);
  const place = { file, sheet: PROJECTIONS_FILE.sheet };
  const sheet = (await readXlsxSheets(join(dataDir, PROJECTIONS_FILE.path), file, [PROJECTIONS_FILE.sheet])).get(PROJECTIONS_FILE.sheet)!;
  if (sheet[0]?.[0] !== PROJECTIONS_FILE.title) {
    throw cellError(place, 1, null, null, `is titled ${JSON.stringify(sheet[0]?.[0] ?? null)}, expected ${JSON.stringify(PROJECTIONS_FILE.title)}`);
  }
  const table = new SheetTable(place, sheet, PROJECTIONS_FILE.headerRow, PROJECTIONS_FILE.columns);
  // The table's rows run to its footnotes, which must say what `—` stands for.
  const footnotes = sheet.findIndex((cells) => cells[0] === 'Footnotes:') + 1;
  if (footnotes === 0) throw new DataFileError(file, `sheet "${place.sheet}"`, 'has no "Footnotes:" row after its table');
  if (!sheet.slice(footnotes).some((cells) => cells[0] === 'Note: Data is unavailable for values denoted with a "—".')) {
    throw new DataFileError(file, `sheet "${place.sheet}"`, 'no longer notes that "—" denotes data that is unavailable');
  }
  const rows = [];
  for (let n = PROJECTIONS_FILE.headerRow + 1; n < footnotes; n++) {
    const row = table.row(n)!;
    if (row.empty) throw cellError(place, n, null, null, 'is empty, within the table');
    rows.push(readProjection(row));
  }
  const codeColumn = PROJECTIONS_FILE.columns[1];
  const lineItems = uniqueByCode(place, rows.filter((r) => r.type === 'Line item'), codeColumn, 1);
  return { lineItems, coverage: coverageOf(place, codeColumn, 1, lineItems, socCodes) };
}

/**
 * Reads both workbooks into store rows. `socCodes`: the 2018 SOC detailed codes (the BLS SOC crosswalk's), which
 * tell a file's aggregates from its SOC rows; `sources`: data/sources.json's, which must declare both files'
 * sources at their releases.
 */
export async function readLaborMarket(dataDir: string, socCodes: ReadonlySet<string>, sources: readonly SourceEntry[]): Promise<LaborMarketRows> {
  checkSourceVersion(sources, OEWS_FILE.sourceId, OEWS_FILE.release, displayName(OEWS_FILE.path));
  checkSourceVersion(sources, PROJECTIONS_FILE.sourceId, PROJECTIONS_FILE.release, displayName(PROJECTIONS_FILE.path));
  const oews = await readOews(dataDir, socCodes);
  const projections = await readProjections(dataDir, socCodes);
  const aggregate = (code: string): 0 | 1 => (socCodes.has(code) ? 0 : 1);
  const coverage = [...socCodes].sort().map((soc) => {
    const [a, b] = [oews.coverage.get(soc), projections.coverage.get(soc)];
    if (a !== undefined && b !== undefined && a !== b) {
      throw new DataFileError(displayName(PROJECTIONS_FILE.path), `sheet "${PROJECTIONS_FILE.sheet}"`, `covers SOC ${soc} with ${b}, but OEWS covers it with ${a}: the two files must publish under the same codes`);
    }
    return { soc_code: soc, code: a ?? b ?? null };
  });
  return {
    estimates: [...oews.detailed.values()].map(({ group: _, ...row }) => ({ ...row, aggregate: aggregate(row.code) })),
    projections: [...projections.lineItems.values()].map(({ type: _, ...row }) => ({ ...row, aggregate: aggregate(row.code) })),
    coverage,
    notes: oews.notes,
    absentMajorGroups: {
      [OEWS_FILE.sourceId]: absentMajorGroups(oews.detailed, socCodes),
      [PROJECTIONS_FILE.sourceId]: absentMajorGroups(projections.lineItems, socCodes),
    },
  };
}
