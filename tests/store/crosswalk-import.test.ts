/** The importer on the crosswalk files: what it stores, and the file and line of a malformed row. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DataFileError } from '../../src/store/errors';
import { buildStore } from '../../src/store/importer';
import { buildErrorOf, makeFixtureDataDir } from '../support/fixtures';

const BLS = 'crosswalks/bls-soc-2010-to-2018.tsv';
const ONET = 'crosswalks/onet-soc-2010-to-2019.semicolon.csv';
const NESTA = 'crosswalks/esco-onet-nesta-nov2020.csv';

let dataDir: string;
beforeAll(() => {
  dataDir = makeFixtureDataDir();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const storeFile = () => join(dataDir, 'out/store.sqlite');

/** Runs `edit` on one file's text, builds, restores the file, and returns the DataFileError the build raised. */
async function buildErrorAfter(file: string, edit: (text: string) => string): Promise<DataFileError> {
  const path = join(dataDir, file);
  const original = readFileSync(path);
  writeFileSync(path, edit(original.toString('utf8')));
  try {
    return await buildErrorOf(dataDir, storeFile());
  } finally {
    writeFileSync(path, original);
  }
}

/** Replaces the given 1-based line of a text, keeping its line endings. */
const replaceLine = (lineNumber: number, replace: (line: string) => string) => (text: string) => {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  lines[lineNumber - 1] = replace(lines[lineNumber - 1] ?? '');
  return lines.join(eol);
};

test('stores every row of the three crosswalks under its source, with its line in the file', async () => {
  await buildStore({ dataDir, storeFile: storeFile() });
  const db = new SqliteDatabase(storeFile(), { readonly: true });
  const rows = (sql: string) => db.prepare(sql).all();
  expect(rows('SELECT source_id, count(*) n FROM soc_crosswalk GROUP BY source_id')).toEqual([{ source_id: 'bls-soc-2010-2018', n: 900 }]);
  expect(rows('SELECT source_id, count(*) n FROM onet_soc_crosswalk GROUP BY source_id')).toEqual([{ source_id: 'onet-soc-2010-2019', n: 1164 }]);
  expect(rows('SELECT source_id, count(*) n FROM esco_crosswalk GROUP BY source_id')).toEqual([{ source_id: 'nesta-esco-onet-2020', n: 1680 }]);
  // The BLS file's header is on line 5, so its first row is line 6; the BOM'd O*NET file's first row is line 2.
  expect(rows('SELECT line, soc2010_code, soc2018_code FROM soc_crosswalk ORDER BY line LIMIT 1')).toEqual([
    { line: 6, soc2010_code: '11-1011', soc2018_code: '11-1011' },
  ]);
  expect(rows("SELECT line, onet2019_title FROM onet_soc_crosswalk WHERE onet2010_code = '11-1011.00'")).toEqual([
    { line: 2, onet2019_title: 'Chief Executives' },
  ]);
  // A quoted CSV field holding commas stays one field.
  expect(rows("SELECT label, isco_code, onet2010_code, confidence FROM esco_crosswalk WHERE uri LIKE '%0264b794-3771-47aa-a675-78bf13b62ee7'")).toEqual([
    { label: 'legal administrative assistant', isco_code: '3342', onet2010_code: '43-6012.00', confidence: 2 },
  ]);
  db.close();
});

test('a malformed 2010 SOC code in the BLS file names the file, line and expected format', async () => {
  const error = await buildErrorAfter(BLS, replaceLine(7, (line) => line.replace(/^11-1021/, '11-102')));
  expect(error.message).toBe(`data/${BLS} line 7: column "2010 SOC Code" is "11-102", expected a SOC code like 43-6012`);
});

test('a row of the O*NET taxonomy crosswalk missing a field names its line', async () => {
  const error = await buildErrorAfter(ONET, replaceLine(3, (line) => line.split(';').slice(0, 3).join(';')));
  expect(error.message).toBe(
    `data/${ONET} line 3: has 3 fields, expected 4 (soc2010_code, soc2010_title, soc2019_code, soc2019_title)`,
  );
});

test("a confidence outside Nesta's three levels names the line and column", async () => {
  const error = await buildErrorAfter(NESTA, replaceLine(2, (line) => line.replace(',1.0,http', ',3.0,http')));
  expect(error.message).toBe(`data/${NESTA} line 2: column "confidence" is "3.0", expected a confidence of 0.5, 1.0 or 2.0`);
});

test('an unclosed quote in the Nesta file names the line where parsing failed', async () => {
  const error = await buildErrorAfter(NESTA, replaceLine(4, (line) => line.replace("['assembly member']", '"[assembly member]')));
  expect(error.location).toMatch(/^line \d+$/);
  expect(error.message).toContain(`data/${NESTA} line`);
  expect(error.message).toContain('is not valid delimited text');
});

test('a renamed header column is refused at the header line', async () => {
  const error = await buildErrorAfter(BLS, replaceLine(5, (line) => line.replace('2018 SOC Title', '2018 Title')));
  expect(error.message).toBe(
    `data/${BLS} line 5: header is [2010 SOC Code, 2010 SOC Title, 2018 SOC Code, 2018 Title], ` +
      'expected [2010 SOC Code, 2010 SOC Title, 2018 SOC Code, 2018 SOC Title]',
  );
});
