/**
 * Small data/ directories for importer tests: the real files cut down to a few occupations (once for each data/),
 * copied fresh for each test, which may then break its copy on purpose.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataFileError } from '../../src/store/errors';
import type { FrameworkFile } from '../../src/store/framework-file';
import { buildStore } from '../../src/store/importer';
import { OEWS_FILE, PROJECTIONS_FILE } from '../../src/store/labor-market-files';
import { hashDataDir } from '../../src/store/input-hash';
import { dataDir, projectRoot } from './paths';
import { cutWorkbook } from './xlsx';

/**
 * Reference files, kept whole in a fixture. Every other O*NET file is keyed by occupation in its first column (Related
 * Occupations: in both of its first two), and keeps only the fixture's occupations.
 */
const REFERENCE_FILES = new Set([
  'Job Zone Reference.txt.gz',
  'Scales Reference.txt.gz',
  'Education, Training, and Experience Categories.txt.gz',
  'DWA Reference.txt.gz',
  'Content Model Reference.txt.gz',
  'Level Scale Anchors.txt.gz',
  'IWA Reference.txt.gz',
  'UNSPSC Reference.txt.gz',
]);

export const FIXTURE_OCCUPATIONS = ['43-6012.00', '23-2011.00', '43-6014.00', '15-1252.00'];

/** The 30.x files end lines with CRLF, the 29.0 dumps with LF; fixtures keep each file's own. */
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
const eols = new Map<string, string>();

export function readGzLines(path: string): string[] {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  eols.set(path, eolOf(text));
  return text.split(eolOf(text));
}

export function writeGzLines(path: string, lines: string[]): void {
  writeFileSync(path, gzipSync(Buffer.from(lines.join(eols.get(path) ?? '\r\n'))));
}

/**
 * Filtered copies of data/, one per set of occupations, shared by every test file of every run on the same data/
 * and the same version of this file and of xlsx.ts (a change to how fixtures are cut makes new ones):
 * var/test/fixtures/<data hash>-<this file's hash>-<set>. global-setup.ts passes the data hash and removes the rest.
 */
const templatesDir = join(projectRoot, 'var/test/fixtures');
const cutting = createHash('sha256').update(readFileSync(__filename)).update(readFileSync(join(__dirname, 'xlsx.ts'))).digest('hex').slice(0, 16);

export function removeStaleFixtureTemplates(inputHash: string): void {
  if (!existsSync(templatesDir)) return;
  const current = `${inputHash}-${cutting}-`;
  for (const name of readdirSync(templatesDir).filter((n) => !n.startsWith(current))) rmSync(join(templatesDir, name), { recursive: true, force: true });
}

function templateFor(occupations: readonly string[]): string {
  const inputHash = process.env.TEST_DATA_HASH ?? hashDataDir(dataDir);
  const set = createHash('sha256').update([...occupations].sort().join(',')).digest('hex').slice(0, 16);
  const template = join(templatesDir, `${inputHash}-${cutting}-${set}`);
  if (existsSync(template)) return template;
  // Cut in a folder of its own and renamed into place whole, so a file running at the same time never sees half of
  // it; when two cut the same set at once, the first rename wins and the other's copy goes.
  mkdirSync(templatesDir, { recursive: true });
  const building = filteredDataDir(occupations, mkdtempSync(join(templatesDir, 'cutting-')));
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/**
 * The AI exposure files cut to the given occupations, line by line (each of their rows is one line): the rows of their
 * codes or SOC codes, and the AEI penetrations of their task statements. Builds then read a few rows, not 40,000.
 */
function cutAiExposure(dir: string, keep: ReadonlySet<string>): void {
  const socCodes = new Set([...keep].map((code) => code.slice(0, 7)));
  const cut = (path: string, kept: (line: string, index: number) => boolean) => {
    const file = join(dir, 'ai-exposure', path);
    const [header = '', ...rows] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header, ...rows.filter((row, i) => row === '' || kept(row, i))].join('\n'));
  };
  const firstField = (line: string, delimiter: string) => line.slice(0, line.indexOf(delimiter));
  for (const path of ['aei-labor-market-impacts/job_exposure.csv', 'working-with-ai/soc_ai_applicability_scores.csv', 'working-with-ai/soc_metrics.csv']) {
    cut(path, (line) => socCodes.has(firstField(line, ',')));
  }
  cut('gpts-are-gpts/occ_level.csv', (line) => keep.has(firstField(line, ',')));
  cut('gpts-are-gpts/full_labelset.tsv', (line) => keep.has(line.split('\t')[1] ?? ''));
  const statements = new Set(
    readGzLines(join(dir, 'onet/30.2/Task Statements.txt.gz'))
      .slice(1)
      .map((row) => row.split('\t')[2]),
  );
  const penetration = parse(readFileSync(join(dir, 'ai-exposure/aei-labor-market-impacts/task_penetration.csv'), 'utf8'), { from_line: 2 }) as string[][];
  cut('aei-labor-market-impacts/task_penetration.csv', (_, i) => statements.has(penetration[i]?.[0]));
}

/** Copies data/ into `dir`, keeping only rows of the given occupations in every O*NET and AI exposure file. */
function filteredDataDir(occupations: readonly string[], dir: string): string {
  cpSync(dataDir, dir, { recursive: true });
  const keep = new Set(occupations);
  for (const release of ['30.1', '30.2', '29.0']) {
    const folder = join(dir, 'onet', release);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.gz') && !REFERENCE_FILES.has(n))) {
      const [header = '', ...rows] = readGzLines(join(folder, name));
      const kept = rows.filter((row) => {
        const [first = '', second = ''] = row.split('\t');
        return keep.has(first) && (name !== 'Related Occupations.txt.gz' || keep.has(second));
      });
      writeGzLines(join(folder, name), [header, ...kept, '']);
    }
  }
  cutLaborMarket(dir, occupations);
  cutAiExposure(dir, keep);
  return dir;
}

/**
 * The BLS workbooks cut to the SOC broad groups of the given occupations (every row of a group, so which row covers
 * which SOC code stays as published), their headers, titles and notes, and nothing else (tests/support/xlsx.ts):
 * reading the whole workbooks would cost every fixture build most of a second.
 */
function cutLaborMarket(dir: string, occupations: readonly string[]): void {
  const groups = new Set(occupations.map((code) => code.slice(0, 6)));
  const inGroups = (code: string | null) => code !== null && groups.has(code.slice(0, 6));
  cutWorkbook(join(dir, OEWS_FILE.path), {
    [OEWS_FILE.sheet]: (row) => row.number === 1 || inGroups(row.text('I')),
    [OEWS_FILE.notesSheet]: () => true,
  });
  let notes = false;
  cutWorkbook(join(dir, PROJECTIONS_FILE.path), {
    [PROJECTIONS_FILE.sheet]: (row) => {
      notes ||= row.text('A') === 'Footnotes:';
      return notes || row.number <= PROJECTIONS_FILE.headerRow || inGroups(row.text('B'));
    },
  });
}

/** A fresh temp copy of data/ cut down to the given occupations, which the caller may break on purpose and removes. */
export function makeFixtureDataDir(occupations: readonly string[] = FIXTURE_OCCUPATIONS): string {
  const dir = mkdtempSync(join(tmpdir(), 'skills-fixture-'));
  cpSync(templateFor(occupations), dir, { recursive: true });
  return dir;
}

/** Edits a framework file in place. */
export function editFramework(path: string, edit: (framework: FrameworkFile) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as FrameworkFile;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

/** Where importer tests build a fixture directory's store. */
export const storeIn = (dir: string): string => join(dir, 'out/store.sqlite');

/** Builds the store from a (broken on purpose) fixture directory and returns the DataFileError the build raised. */
export async function buildErrorOf(dataDir: string, storeFile = storeIn(dataDir)): Promise<DataFileError> {
  const error: unknown = await buildStore({ dataDir, storeFile }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DataFileError)) throw new Error(`expected a DataFileError, got ${String(error)}`);
  return error;
}
