/**
 * The importer and the rest of the O*NET model (issue 25), on the fixture set: a value off its scale is stored as the
 * file has it with a data-quality warning naming the file and line (and served with it); an element, IWA, commodity or
 * scale that a reference file lacks fails the build naming both files.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { buildStore } from '../../src/store/importer';
import { buildErrorOf, makeFixtureDataDir, readGzLines, storeIn, writeGzLines } from '../support/fixtures';
import { startTestServer } from '../support/server';

let dataDir: string;
beforeEach(() => {
  dataDir = makeFixtureDataDir();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const file = (name: string) => join(dataDir, 'onet/30.2', name);

/** Rewrites a fixture file's lines; `edit` gets them without the header and trailing empty line. */
function editRows(name: string, edit: (rows: string[]) => string[]): void {
  const [header = '', ...rows] = readGzLines(file(name)).filter((line) => line !== '');
  writeGzLines(file(name), [header, ...edit(rows), '']);
}

test('a value off its scale is stored and served as the file has it, with a warning naming the file and line', async () => {
  // Legal Secretaries' first work-value high-point, made 0.00 on the 1-6 scale as 35-3023.00's third is in 30.2.
  let line = 0;
  editRows('Work Values.txt.gz', (rows) =>
    rows.map((row, i) => {
      if (!row.startsWith('43-6012.00\t1.B.2.g\t')) return row;
      line = i + 2;
      return row.replace(/\tVH\t[\d.]+\t/, '\tVH\t0.00\t');
    }),
  );
  expect(line).toBeGreaterThan(1);
  const lines: string[] = [];
  const report = await buildStore({ dataDir, storeFile: storeIn(dataDir), log: (l) => lines.push(l) });
  const message = '43-6012.00 1.B.2.g First Work Value High-Point (VH): 0 is outside the Work Value High-Point scale (VH, 1 to 6); served as the file has it, not corrected';
  expect(report.warnings).toContainEqual({ occupationCode: '43-6012.00', file: 'data/onet/30.2/Work Values.txt.gz', path: `line ${line}`, message });
  expect(lines).toContain(`[build] data-quality warning: data/onet/30.2/Work Values.txt.gz line ${line}: ${message}`);
  const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
  expect(db.prepare("SELECT value FROM element_rating WHERE occupation_code = '43-6012.00' AND element_id = '1.B.2.g'").pluck().get()).toBe(0);
  db.close();
  const t = await startTestServer({ storeFile: storeIn(dataDir) });
  try {
    const result = await t.run<{ occupation: { workValues: { items: { element: { id: string }; scores: { value: number; dataQualityWarning: string | null }[] }[] } } }>(
      '{ occupation(code: "43-6012.00") { workValues { items { element { id } scores { value dataQualityWarning } } } } }',
    );
    const items = result.data!.occupation.workValues.items;
    expect(items.find((i) => i.element.id === '1.B.2.g')!.scores).toEqual([
      { value: 0, dataQualityWarning: '0 is outside the Work Value High-Point scale (VH, 1 to 6); served as the file has it, not corrected' },
    ]);
    expect(items.filter((i) => i.scores.some((s) => s.dataQualityWarning !== null))).toHaveLength(1);
  } finally {
    await t.stop();
  }
});

test('an element the Content Model Reference lacks fails the build, naming the file that names it', async () => {
  const workStyle = readGzLines(file('Work Styles.txt.gz'))[1]!.split('\t')[1]!;
  editRows('Content Model Reference.txt.gz', (rows) => rows.filter((row) => !row.startsWith(`${workStyle}\t`)));
  const error = await buildErrorOf(dataDir);
  expect(error.message).toBe(
    `data/onet/30.2/Content Model Reference.txt.gz: has no element ${workStyle}, which a ratings file (Skills, Knowledge, Work Styles, Interests, Work Values, Education, Training, and Experience) names`,
  );
});

test('an anchor of an element the Content Model Reference lacks is refused at its line', async () => {
  editRows('Content Model Reference.txt.gz', (rows) => rows.filter((row) => !row.startsWith('1.A.1.a.1\t')));
  const anchorLine = readGzLines(file('Level Scale Anchors.txt.gz')).findIndex((row) => row.startsWith('1.A.1.a.1\t')) + 1;
  const error = await buildErrorOf(dataDir);
  expect(error.message).toBe(
    `data/onet/30.2/Level Scale Anchors.txt.gz line ${anchorLine}: names something its reference file does not have (FOREIGN KEY constraint failed)`,
  );
});

test("a DWA whose IWA the IWA Reference lacks, or puts under another generalized work activity, fails the build", async () => {
  editRows('IWA Reference.txt.gz', (rows) => rows.filter((row) => !row.includes('\t4.A.1.a.1.I01\t')));
  expect((await buildErrorOf(dataDir)).message).toBe(
    'data/onet/30.2/IWA Reference.txt.gz: has no IWA 4.A.1.a.1.I01, which DWA Reference names for 4.A.1.a.1.I01.D01',
  );
  rmSync(dataDir, { recursive: true, force: true });
  dataDir = makeFixtureDataDir();
  editRows('IWA Reference.txt.gz', (rows) => rows.map((row) => row.replace(/^4\.A\.1\.a\.1\t4\.A\.1\.a\.1\.I01\t/, '4.A.1.a.2\t4.A.1.a.1.I01\t')));
  expect((await buildErrorOf(dataDir)).message).toBe(
    'data/onet/30.2/IWA Reference.txt.gz: puts IWA 4.A.1.a.1.I01 under 4.A.1.a.2, but DWA Reference puts its DWA 4.A.1.a.1.I01.D01 under 4.A.1.a.1',
  );
});

test('a commodity the UNSPSC Reference lacks fails the build, naming the file that lists it', async () => {
  const commodity = readGzLines(file('Tools Used.txt.gz'))[1]!.split('\t')[2]!;
  editRows('UNSPSC Reference.txt.gz', (rows) => rows.filter((row) => !row.startsWith(`${commodity}\t`)));
  const error = await buildErrorOf(dataDir);
  expect(error.message).toMatch(new RegExp(`^data/onet/30\\.2/UNSPSC Reference\\.txt\\.gz: has no commodity \\d+, which (Technology Skills|Tools Used) lists$`));
  expect(error.message).toContain(commodity);
});

test('a rating on a scale the Scales Reference lacks is refused at its line', async () => {
  editRows('Work Values.txt.gz', (rows) => rows.map((row, i) => (i === 0 ? row.replace(/\tEX\t/, '\tXX\t') : row)));
  const error = await buildErrorOf(dataDir);
  expect(error.message).toBe('data/onet/30.2/Work Values.txt.gz line 2: scale XX is not in the O*NET Scales Reference');
});
