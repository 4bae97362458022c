/** The importer on a small fixture set: what it builds, and a clear error for each kind of bad input. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { runBuildStore } from '../../src/build-store';
import { DataFileError } from '../../src/store/errors';
import { readFrameworkDocument } from '../../src/store/framework-document';
import { buildStore } from '../../src/store/importer';
import { buildErrorOf, editFramework, FIXTURE_OCCUPATIONS, makeFixtureDataDir, readGzLines, storeIn, writeGzLines } from '../support/fixtures';

const FRAMEWORK = 'frameworks/43-6012.00.json';
const TASKS = 'onet/30.2/Task Statements.txt.gz';

let dataDir: string;
beforeEach(() => {
  dataDir = makeFixtureDataDir();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));


const buildError = (): Promise<DataFileError> => buildErrorOf(dataDir);

test('builds the fixture set: the four occupations, their rows, the framework and its warnings', async () => {
  const lines: string[] = [];
  const report = await buildStore({ dataDir, storeFile: storeIn(dataDir), log: (l) => lines.push(l) });
  const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  expect(db.prepare('SELECT code FROM occupation ORDER BY code').pluck().all()).toEqual([...FIXTURE_OCCUPATIONS].sort());
  expect(count("SELECT count(*) n FROM alternate_title WHERE occupation_code = '43-6012.00'")).toBe(20);
  expect(count("SELECT count(*) n FROM task WHERE occupation_code = '43-6012.00'")).toBe(14);
  expect(count("SELECT count(*) n FROM technology_skill WHERE occupation_code = '43-6012.00'")).toBe(47);
  expect(count("SELECT count(*) n FROM tool WHERE occupation_code = '43-6012.00'")).toBe(16);
  expect(count("SELECT count(*) n FROM element_rating WHERE occupation_code = '43-6012.00' AND domain = 'skill'")).toBe(70);
  expect(count("SELECT count(*) n FROM element_rating WHERE release = '29.0' AND domain NOT IN ('skill', 'knowledge')")).toBe(0);
  expect(db.prepare("SELECT value FROM meta WHERE key = 'input_hash'").pluck().get()).toBe(report.inputHash);
  expect(report.warnings.map((w) => w.path)).toEqual([
    '$.durableSkills[0].publishedStatementCount',
    '$.durableSkills[1].publishedStatementCount',
    '$.durableSkills[4].publishedStatementCount',
    '$.durableSkills[7].publishedStatementCount',
  ]);
  // The served document: written as ASCII, it reads back with every citation pointing at a listed source row.
  const stored = db.prepare("SELECT document FROM framework_document WHERE occupation_code = '43-6012.00'").pluck().get() as string;
  expect(stored).toMatch(/^[\x20-\x7e]*$/);
  const document = readFrameworkDocument(stored);
  expect(document.levels.flatMap((l) => l.statements)).toHaveLength(40);
  expect(document.durableSkills.reduce((n, d) => n + d.listedStatementCount, 0)).toBe(88);
  const citation = document.aiUsage[0]!.statements[0]!.citations[0]!;
  expect(document.sources).toContain(citation.source);
  expect(JSON.stringify(document)).toContain('\u2014'); // the escapes read back as the characters (an em dash)
  // The statement index: every statement id of the framework, competency, AI-usage and durable-skill alike.
  const aiUsageStatements = document.aiUsage.reduce((n, l) => n + l.statements.length, 0);
  expect(aiUsageStatements).toBeGreaterThan(0);
  expect(count("SELECT count(*) n FROM framework_statement WHERE occupation_code = '43-6012.00'")).toBe(40 + aiUsageStatements + 88);
  db.close();
  // Progress: one line per step with its row count and elapsed time.
  expect(lines).toContainEqual(expect.stringMatching(/^\[build\] onet\/30\.2\/Task Statements\.txt\.gz: \d+ rows \(\d+\.\d\ds\)$/));
  expect(lines).toContainEqual(expect.stringContaining("Growth Mindset: the page's headline says 9 statements, but it lists 8"));
});

test('a stored document citing a source it does not list is refused, naming both', () => {
  const stored = JSON.stringify({
    occupationCode: '43-6012.00', levels: [], durableSkills: [], sources: [{ id: 'onet-30.1' }],
    aiUsage: [{ statements: [{ citations: [{ source: 'nowhere' }] }] }],
  });
  expect(() => readFrameworkDocument(stored)).toThrow('framework 43-6012.00 cites source nowhere, which it does not list');
});

test('a framework that fails its schema names the file and the JSON path', async () => {
  editFramework(join(dataDir, FRAMEWORK), (f) => {
    delete (f as Partial<typeof f>).version;
    f.levels[1]!.statements[2]!.subject = '';
  });
  const error = await buildError();
  expect(error.file).toBe(`data/${FRAMEWORK}`);
  expect(error.message).toContain('$ is missing required property "version"');
  expect(error.message).toContain('$.levels[1].statements[2].subject');
});

test('a framework whose SOC code is not in O*NET is refused at $.code', async () => {
  editFramework(join(dataDir, FRAMEWORK), (f) => (f.code = '99-9999.00'));
  renameSync(join(dataDir, FRAMEWORK), join(dataDir, 'frameworks/99-9999.00.json'));
  const error = await buildError();
  expect(error.message).toBe(
    `data/frameworks/99-9999.00.json at $.code: "99-9999.00" is not an O*NET-SOC code in the served O*NET release's Occupation Data`,
  );
});

test('a citation of an undeclared source names the citation', async () => {
  editFramework(join(dataDir, FRAMEWORK), (f) => (f.durableSkills[2]!.levels[0]!.statements[1]!.citations[0]!.source = 'made-up'));
  const error = await buildError();
  expect(error.location).toBe('at $.durableSkills[2].levels[0].statements[1].citations[0].source');
  expect(error.problem).toContain('cites source "made-up", which is not declared in $.sources');
});

test('a duplicate statement id names both places', async () => {
  editFramework(join(dataDir, FRAMEWORK), (f) => (f.aiUsage[1]!.statements[2]!.id = f.aiUsage[1]!.statements[0]!.id));
  const error = await buildError();
  expect(error.location).toBe('at $.aiUsage[1].statements[2].id');
  expect(error.problem).toBe(
    'duplicate statement id "43-6012.00/ai-usage/developing/01" (first used at data/frameworks/43-6012.00.json $.aiUsage[1].statements[0])',
  );
});

test('invalid JSON names the file and line', async () => {
  const path = join(dataDir, FRAMEWORK);
  writeFileSync(path, readFileSync(path, 'utf8').replace('"version": "v.26.05",', '"version": "v.26.05",,'));
  const error = await buildError();
  expect(error.file).toBe(`data/${FRAMEWORK}`);
  expect(error.location).toMatch(/^line \d+$/);
  expect(error.problem).toContain('is not valid JSON');
});

test('an O*NET file with a wrong header is refused at line 1', async () => {
  const path = join(dataDir, TASKS);
  const [header = '', ...rows] = readGzLines(path);
  writeGzLines(path, [header.replace('Task Type', 'Kind'), ...rows]);
  const error = await buildError();
  expect(error.message).toContain(`data/${TASKS} line 1: header is [O*NET-SOC Code, Task ID, Task, Kind,`);
});

test('an O*NET file with a short row names the line', async () => {
  const path = join(dataDir, TASKS);
  const lines = readGzLines(path);
  lines[2] = lines[2]!.split('\t').slice(0, 5).join('\t');
  writeGzLines(path, lines);
  const error = await buildError();
  expect(error.message).toBe(
    `data/${TASKS} line 3: has 5 fields, expected 7 (O*NET-SOC Code, Task ID, Task, Task Type, Incumbents Responding, Date, Domain Source)`,
  );
});

test('a bad value names the line and column', async () => {
  const path = join(dataDir, 'onet/30.2/Technology Skills.txt.gz');
  const lines = readGzLines(path);
  lines[1] = lines[1]!.replace(/\tY\t|\tN\t/, '\tmaybe\t');
  writeGzLines(path, lines);
  const error = await buildError();
  expect(error.message).toMatch(/line 2: column "Hot Technology" is "maybe", expected Y or N$/);
});

test('a missing file is named', async () => {
  rmSync(join(dataDir, 'onet/30.2/Tools Used.txt.gz'));
  const error = await buildError();
  expect(error.message).toBe('data/onet/30.2/Tools Used.txt.gz: file is missing');
});

test('a failed build leaves the existing store byte-for-byte untouched, and no temp file behind', async () => {
  const storeFile = storeIn(dataDir);
  await buildStore({ dataDir, storeFile });
  const before = createHash('sha256').update(readFileSync(storeFile)).digest('hex');
  rmSync(join(dataDir, 'onet/30.2/Work Styles.txt.gz'));
  await expect(buildStore({ dataDir, storeFile })).rejects.toThrow('Work Styles.txt.gz: file is missing');
  expect(createHash('sha256').update(readFileSync(storeFile)).digest('hex')).toBe(before);
  expect(readdirSync(join(dataDir, 'out'))).toEqual(['store.sqlite']);
});

test('a build killed mid-way leaves a temp file that the next build removes', async () => {
  const storeFile = storeIn(dataDir);
  await buildStore({ dataDir, storeFile });
  const deadPid = 2 ** 22 + 7; // above Linux's pid_max default, so no such process
  writeFileSync(`${storeFile}.building-${deadPid}`, 'half a store');
  await buildStore({ dataDir, storeFile });
  expect(readdirSync(join(dataDir, 'out'))).toEqual(['store.sqlite']);
});

test('the build command exits non-zero and prints the problem', async () => {
  rmSync(join(dataDir, TASKS));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBuildStore({ DATA_DIR: dataDir, STORE_FILE: storeIn(dataDir) }, (l) => out.push(l), (l) => err.push(l));
  expect(code).toBe(1);
  expect(err[0]).toBe(`[build] failed: data/${TASKS}: file is missing`);
  expect(existsSync(storeIn(dataDir))).toBe(false);
});
