/**
 * Small data/ directories for importer tests: the real files cut down to a few occupations (once per test file),
 * copied fresh for each test, which may then break its copy on purpose.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataFileError } from '../../src/store/errors';
import type { FrameworkFile } from '../../src/store/framework-file';
import { buildStore } from '../../src/store/importer';
import { dataDir } from './paths';

/** Files keyed by occupation in their first column (Related Occupations: in both of its first two). */
const REFERENCE_FILES = new Set([
  'Job Zone Reference.txt.gz',
  'Scales Reference.txt.gz',
  'Education, Training, and Experience Categories.txt.gz',
  'DWA Reference.txt.gz',
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

/** Filtered copies of data/, made once per test file (per worker process) for each set of occupations. */
const templates = new Map<string, string>();
process.on('exit', () => {
  for (const dir of templates.values()) rmSync(dir, { recursive: true, force: true });
});

/** Copies data/ to a temp dir, keeping only rows of the given occupations in every O*NET file. */
function filteredDataDir(occupations: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'skills-fixture-template-'));
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
  return dir;
}

/**
 * A fresh temp copy of data/ cut down to the given occupations, which the caller may break on purpose and
 * removes. The cutting is done once per set of occupations in each test file; each call copies its result.
 */
export function makeFixtureDataDir(occupations: readonly string[] = FIXTURE_OCCUPATIONS): string {
  const key = [...occupations].sort().join(',');
  let template = templates.get(key);
  if (template === undefined) templates.set(key, (template = filteredDataDir(occupations)));
  const dir = mkdtempSync(join(tmpdir(), 'skills-fixture-'));
  cpSync(template, dir, { recursive: true });
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
