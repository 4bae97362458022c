/**
 * The importer on the AI exposure files: what it stores from a fixture cut to four occupations, and the file, line and
 * column of every kind of bad data planted in a copy (malformed row, code of the wrong form, repeated code, number that
 * does not parse, value off its scale, unknown label, changed header, undeclared source).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DataFileError } from '../../src/store/errors';
import { buildStore } from '../../src/store/importer';
import { buildErrorOf, makeFixtureDataDir, storeIn } from '../support/fixtures';
import { AEI_JOBS, AEI_TASKS, GPTS_OCCUPATIONS, GPTS_TASKS, WWAI_METRICS, WWAI_SCORES } from '../support/ai-exposure-files';

let dataDir: string;
beforeAll(() => {
  dataDir = makeFixtureDataDir();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `edit` on one file's lines, builds, restores the file, and returns the DataFileError the build raised. */
async function buildErrorAfter(file: string, edit: (lines: string[]) => void): Promise<DataFileError> {
  const path = join(dataDir, file);
  const original = readFileSync(path);
  const lines = original.toString('utf8').split('\n');
  edit(lines);
  writeFileSync(path, lines.join('\n'));
  try {
    return await buildErrorOf(dataDir);
  } finally {
    writeFileSync(path, original);
  }
}

/** The 1-based line `line` of a file as an array of lines, changed by `change`. */
const at = (lines: string[], line: number, change: (text: string) => string) => {
  lines[line - 1] = change(lines[line - 1] ?? '');
};

test('the fixture builds: each source under its code, the tasks joined, nothing for what a file does not hold', async () => {
  await buildStore({ dataDir, storeFile: storeIn(dataDir) });
  const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
  const rows = (sql: string) => db.prepare(sql).all();
  expect(rows('SELECT source_id, count(*) n FROM ai_measure GROUP BY source_id ORDER BY source_id')).toEqual([
    { source_id: 'aei-labor-market-impacts', n: 4 },
    { source_id: 'gpts-are-gpts', n: 4 * 6 },
    { source_id: 'working-with-ai', n: 4 * 11 },
  ]);
  // The fixture's AEI file is cut to the four occupations' statements; each is stored once, at its line in the file.
  expect(rows("SELECT line, penetration FROM aei_task_penetration WHERE statement = 'Draft and type office memos.'")).toEqual([{ line: expect.any(Number), penetration: 0 }]);
  expect(rows("SELECT a.match FROM task_aei_match a JOIN task t USING (task_id) WHERE t.statement = 'Draft and type office memos.'")).toEqual([{ match: 'exact' }]);
  expect(rows('SELECT count(*) n FROM gpts_task_label WHERE task_id = 771')).toEqual([{ n: 1 }]);
  expect(rows('SELECT count(*) n FROM ai_coverage_gap')).toEqual([{ n: 0 }]);
  db.close();
});

test('a row with a field too many names the file and line', async () => {
  const error = await buildErrorAfter(AEI_JOBS, (lines) => at(lines, 2, (l) => `${l},0.5`));
  expect(error.message).toBe(`data/${AEI_JOBS} line 2: has 4 fields, expected 3 (occ_code, title, observed_exposure)`);
});

test('an unterminated quote names the file and where csv-parse stopped', async () => {
  const error = await buildErrorAfter(AEI_TASKS, (lines) => at(lines, 2, (l) => `"${l}`));
  expect(error.file).toBe(`data/${AEI_TASKS}`);
  expect(error.problem).toContain('is not valid delimited text');
});

test('a changed header is refused at line 1', async () => {
  const error = await buildErrorAfter(WWAI_METRICS, (lines) => at(lines, 1, (l) => l.replace('impact_scope_ai', 'scope_ai')));
  expect(error.message).toMatch(new RegExp(`^data/${WWAI_METRICS} line 1: header is \\[SOC Code, title, .*scope_ai.*\\], expected \\[SOC Code, title, `));
});

test('a code of the wrong form names the line and column', async () => {
  const error = await buildErrorAfter(AEI_JOBS, (lines) => at(lines, 2, (l) => l.replace(/^\d\d-\d{4}/, '43-60')));
  expect(error.message).toBe(`data/${AEI_JOBS} line 2: column "occ_code" is "43-60", expected a SOC code like 43-6012`);
  const onet = await buildErrorAfter(GPTS_OCCUPATIONS, (lines) => at(lines, 3, (l) => l.replace(/^(\d\d-\d{4})\.\d\d/, '$1')));
  expect(onet.message).toMatch(new RegExp(`^data/${GPTS_OCCUPATIONS} line 3: column "O\\*NET-SOC Code" is "\\d\\d-\\d{4}", expected an O\\*NET-SOC code like 43-6012.00$`));
});

test('a repeated code names both lines', async () => {
  const error = await buildErrorAfter(WWAI_SCORES, (lines) => lines.splice(3, 0, lines[1]!));
  expect(error.message).toMatch(new RegExp(`^data/${WWAI_SCORES} line 4: column "SOC Code" repeats \\d\\d-\\d{4}, already on line 2$`));
  const task = await buildErrorAfter(GPTS_TASKS, (lines) => lines.splice(5, 0, lines[2]!));
  expect(task.message).toMatch(new RegExp(`^data/${GPTS_TASKS} line 6: column "Task ID" repeats \\d+\\.0, already on line 3$`));
});

test('a number that does not parse names the line and column; an empty one is not read as 0', async () => {
  const error = await buildErrorAfter(GPTS_OCCUPATIONS, (lines) => at(lines, 2, (l) => l.replace(/,[^,]*$/, ',n/a')));
  expect(error.message).toBe(`data/${GPTS_OCCUPATIONS} line 2: column "human_rating_gamma" is "n/a", expected a number`);
  const empty = await buildErrorAfter(AEI_JOBS, (lines) => at(lines, 2, (l) => l.replace(/,[^,]*$/, ',')));
  expect(empty.message).toBe(`data/${AEI_JOBS} line 2: column "observed_exposure" is "", expected a number`);
});

test('a value off its scale names the line and column, and the scale', async () => {
  const error = await buildErrorAfter(WWAI_METRICS, (lines) => at(lines, 2, (l) => l.replace(/,[^,]*$/, ',1.5')));
  expect(error.message).toBe(`data/${WWAI_METRICS} line 2: column "ai_applicability_score_ai" is 1.5, outside its scale of 0 to 1`);
  const negative = await buildErrorAfter(AEI_TASKS, (lines) => at(lines, 2, (l) => l.replace(/,[^,]*$/, ',-0.1')));
  expect(negative.message).toBe(`data/${AEI_TASKS} line 2: column "penetration" is -0.1, outside its scale of 0 to 1`);
});

test('a quoted field spanning lines moves the line numbers of the rows after it, and the error names the right one', async () => {
  // Record 2 takes lines 2 and 3, so the file's third record is on line 4 (src/store/delimited.ts counts lines).
  const error = await buildErrorAfter(AEI_TASKS, (lines) => {
    lines[1] = '"A statement written over\ntwo lines.",0.5';
    at(lines, 3, (l) => l.replace(/,[^,]*$/, ',-0.1'));
  });
  expect(error.message).toBe(`data/${AEI_TASKS} line 4: column "penetration" is -0.1, outside its scale of 0 to 1`);
  const blank = await buildErrorAfter(AEI_TASKS, (lines) => lines.splice(2, 0, ''));
  expect(blank.message).toMatch(new RegExp(`^data/${AEI_TASKS} line 3: has 1 fields?, expected 2 \\(task, penetration\\)$`));
});

test('an unknown label names the line, column and the labels there are', async () => {
  const error = await buildErrorAfter(GPTS_TASKS, (lines) => at(lines, 2, (l) => l.replace(/\tT(\d)\t/, '\tT5\t')));
  expect(error.message).toBe(`data/${GPTS_TASKS} line 2: column "gpt4_automation" is "T5", expected one of T0, T1, T2, T3, T4`);
  const exposure = await buildErrorAfter(GPTS_TASKS, (lines) => at(lines, 2, (l) => l.replace(/(\t[^\t]*\t[^\t]*)\tE\d\t/, '$1\tE3\t')));
  expect(exposure.problem).toMatch(/^column "(human_exposure_agg|gpt4_exposure)" is "E3", expected one of E0, E1, E2$/);
});

test('a task statement repeated with another penetration names both lines; repeated with the same one, it is kept once', async () => {
  const conflicting = await buildErrorAfter(AEI_TASKS, (lines) => lines.splice(3, 0, lines[1]!.replace(/,[^,]*$/, ',0.5')));
  expect(conflicting.message).toMatch(new RegExp(`^data/${AEI_TASKS} line 4: column "task" repeats the statement of line 2 with penetration 0.5, where line 2 has `));

  const path = join(dataDir, AEI_TASKS);
  const original = readFileSync(path, 'utf8');
  const lines = original.split('\n');
  writeFileSync(path, [...lines.slice(0, 3), lines[1]!, ...lines.slice(3)].join('\n'));
  try {
    const report: string[] = [];
    await buildStore({ dataDir, storeFile: storeIn(dataDir), log: (l) => report.push(l) });
    const db = new SqliteDatabase(storeIn(dataDir), { readonly: true });
    const counts = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'ai_exposure_counts'").get() as { value: string }).value) as { aeiRepeatedRows: number };
    expect(counts.aeiRepeatedRows).toBe(1);
    expect(db.prepare('SELECT count(*) n FROM aei_task_penetration').get()).toEqual({ n: lines.filter((l) => l !== '').length - 1 });
    db.close();
  } finally {
    writeFileSync(path, original);
  }
});

test('a task id that is not a whole number names the line and column', async () => {
  const error = await buildErrorAfter(GPTS_TASKS, (lines) => at(lines, 2, (l) => l.replace(/\t(\d+)\.0\t/, '\t$1.5\t')));
  expect(error.message).toMatch(new RegExp(`^data/${GPTS_TASKS} line 2: column "Task ID" is "\\d+\\.5", expected an O\\*NET task id like 8823.0$`));
});

test('a source data/sources.json does not declare is named with the file served under it', async () => {
  const path = join(dataDir, 'sources.json');
  const original = readFileSync(path, 'utf8');
  const sources = JSON.parse(original) as { sources: { id: string }[] };
  sources.sources = sources.sources.filter((s) => s.id !== 'working-with-ai');
  writeFileSync(path, JSON.stringify(sources));
  try {
    const error = await buildErrorOf(dataDir);
    expect(error.message).toBe(`data/sources.json: declares no source "working-with-ai", which data/${WWAI_SCORES} is served under`);
  } finally {
    writeFileSync(path, original);
  }
});
