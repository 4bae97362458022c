/**
 * Releases are data: a new O*NET release is served, and compared with the held ones, by dropping its files into
 * data/onet/ and declaring it in data/onet/releases.json (and its source in data/sources.json), with no code.
 * A bad declaration fails the build with a message naming the file and what is wrong.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DataFileError } from '../../src/store/errors';
import { buildStore } from '../../src/store/importer';
import { buildErrorOf, makeFixtureDataDir, readGzLines, storeIn, writeGzLines } from '../support/fixtures';

let dataDir: string;
beforeEach(() => {
  dataDir = makeFixtureDataDir();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));


function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const path = join(dataDir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

function editLines(file: string, edit: (lines: string[]) => string[]): void {
  const path = join(dataDir, file);
  writeGzLines(path, edit(readGzLines(path)));
}

const buildError = (): Promise<DataFileError> => buildErrorOf(dataDir);

test('a release declared in data is served and compared with every held release', async () => {
  cpSync(join(dataDir, 'onet/30.2'), join(dataDir, 'onet/30.3'), { recursive: true });
  editLines('onet/30.3/Job Zones.txt.gz', (lines) => lines.map((l) => (l.startsWith('43-6012.00\t3\t') ? l.replace('\t3\t', '\t4\t') : l)));
  editLines('onet/30.3/Alternate Titles.txt.gz', (lines) => [...lines.slice(0, -1), '43-6012.00\tLegal Process Coordinator\tn/a\t10', '']);
  // The reference files 30.2 holds and 30.1 does not are compared from 30.2 on.
  editLines('onet/30.3/Content Model Reference.txt.gz', (lines) => lines.map((l) => (l.startsWith('2.A.1.c\t') ? `${l.replace(/\.$/, '')}, on paper or on screen.` : l)));
  editLines('onet/30.3/Tasks to DWAs.txt.gz', (lines) => lines.filter((l) => !l.startsWith('43-6012.00\t765\t')));
  editLines('onet/30.3/UNSPSC Reference.txt.gz', (lines) => lines.map((l) => l.replace(/\tSoftware\t/g, '\tComputer software\t')));
  editJson('onet/releases.json', (m) => {
    (m['releases'] as unknown[]).push({ version: '30.3', folder: '30.3', source: 'onet-30.3' });
    m['served'] = '30.3';
  });
  editJson('sources.json', (s) => {
    (s['sources'] as unknown[]).push({
      id: 'onet-30.3', name: 'O*NET 30.3 Database', shortName: 'O*NET 30.3', description: 'A test release.',
      publisher: 'USDOL/ETA', version: '30.3', licence: 'CC BY 4.0', url: null,
    });
  });

  await buildStore({ dataDir, storeFile: storeIn(dataDir) });
  const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
  try {
    const get = (sql: string) => db.prepare(sql).all();
    expect(get("SELECT release, job_zone FROM occupation WHERE code = '43-6012.00'")).toEqual([{ release: '30.3', job_zone: 4 }]);
    expect(get("SELECT value FROM meta WHERE key IN ('onet_release', 'onet_held_releases') ORDER BY key")).toEqual([
      { value: '30.1,30.2,30.3' },
      { value: '30.3' },
    ]);
    const changes = get("SELECT occupation_code, kind, subject, before, after FROM release_change WHERE from_release = '30.2' AND to_release = '30.3'");
    expect(changes.slice(0, 4)).toEqual([
      { occupation_code: '43-6012.00', kind: 'JOB_ZONE', subject: 'Job Zone', before: '3', after: '4' },
      { occupation_code: '43-6012.00', kind: 'ALTERNATE_TITLE_ADDED', subject: 'Legal Process Coordinator', before: null, after: 'Short Title: n/a; Source(s): 10' },
      {
        occupation_code: null, kind: 'CONTENT_MODEL_ELEMENT_CHANGED', subject: '2.A.1.c Writing: Description',
        before: 'Communicating effectively in writing as appropriate for the needs of the audience.',
        after: 'Communicating effectively in writing as appropriate for the needs of the audience, on paper or on screen.',
      },
      { occupation_code: '43-6012.00', kind: 'TASK_DWA_REMOVED', subject: 'Task 765 -> 4.A.4.a.3.I03.D11', before: 'Task 765 -> 4.A.4.a.3.I03.D11', after: null },
    ]);
    // Every commodity of the Software family: one change of its family title each.
    const software = changes.slice(4);
    expect(software.length).toBeGreaterThan(100);
    expect(software.every((c) => JSON.stringify(c).includes('"kind":"UNSPSC_COMMODITY_CHANGED"') && JSON.stringify(c).includes('Family Title'))).toBe(true);
    expect(software[0]).toMatchObject({ occupation_code: null, before: 'Software', after: 'Computer software' });
    // 30.1 holds none of these files: the pairs from 30.1 say nothing of them, neither changes nor a summary.
    const fromOldestFiles = get("SELECT DISTINCT file FROM release_change WHERE from_release = '30.1' UNION SELECT file FROM release_file_summary WHERE from_release = '30.1'");
    expect(fromOldestFiles.filter((f) => /Content Model|IWA|DWA|UNSPSC/.test(JSON.stringify(f)))).toEqual([]);
    // 30.1 -> 30.3 holds what 30.2 changed for these occupations as well as the new changes.
    const fromOldest = get("SELECT kind, before, after FROM release_change WHERE from_release = '30.1' AND to_release = '30.3' AND occupation_code = '43-6012.00' AND kind IN ('JOB_ZONE', 'INTEREST') ORDER BY id");
    expect(fromOldest).toContainEqual({ kind: 'JOB_ZONE', before: '3', after: '4' });
    expect(fromOldest).toContainEqual(expect.objectContaining({ kind: 'INTEREST', before: '6.61', after: '6.69' }));
  } finally {
    db.close();
  }
});

test('a served release that is not declared names the declared ones', async () => {
  editJson('onet/releases.json', (m) => {
    m['served'] = '31.0';
  });
  expect((await buildError()).message).toBe('data/onet/releases.json at $.served: must be one of the declared releases (30.1, 30.2); got "31.0"');
});

test('a declared release whose folder is missing, or whose source is not declared, fails the build', async () => {
  editJson('onet/releases.json', (m) => {
    (m['releases'] as unknown[]).push({ version: '30.3', folder: '30.3', source: 'onet-30.3' });
  });
  expect((await buildError()).message).toBe('data/onet/releases.json at $.releases[2].folder: folder data/onet/30.3 is missing');
  cpSync(join(dataDir, 'onet/30.2'), join(dataDir, 'onet/30.3'), { recursive: true });
  expect((await buildError()).message).toBe('data/onet/releases.json release 30.3: source "onet-30.3" is not declared in data/sources.json');
});

test('a file whose rows repeat a key cannot be compared, and says which lines', async () => {
  editLines('onet/30.2/Alternate Titles.txt.gz', (lines) => [...lines.slice(0, -1), lines[1]!, '']);
  const error = await buildError();
  expect(error.file).toBe('data/onet/30.2/Alternate Titles.txt.gz');
  expect(error.problem).toBe("repeats line 2's O*NET-SOC Code + Alternate Title, so changes cannot be matched");
});

test('a row whose key the store already holds is refused naming its file and line', async () => {
  const lines = readGzLines(join(dataDir, 'onet/30.2/Job Zones.txt.gz'));
  editLines('onet/30.2/Job Zones.txt.gz', (l) => [...l.slice(0, -1), l[1]!, '']);
  const error = await buildError();
  expect(error.message).toBe(
    `data/onet/30.2/Job Zones.txt.gz line ${lines.length}: repeats the key of an earlier row (UNIQUE constraint failed: job_zone_assignment.occupation_code)`,
  );
});
