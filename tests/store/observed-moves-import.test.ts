/** The importer on the observed-moves files: bad data stops the build naming the file, line and column. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError } from '../../src/store/errors';
import { OBSERVED_MOVES_SOURCE_ID, readObservedMovesFiles } from '../../src/store/observed-moves-files';
import { buildErrorOf, makeFixtureDataDir } from '../support/fixtures';

const EDGES = 'observed-moves/asec_to_bls_mobility_edgelist.csv';
const CODES = 'observed-moves/occ_names_bls_minor_major.csv';

let dataDir: string;
beforeAll(() => {
  dataDir = makeFixtureDataDir();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * Runs `edit` on one file's text, reads the files as the importer does (or, with `wholeBuild`, builds the store),
 * restores the file, and returns the DataFileError raised. One test goes through the whole build; the others read
 * the files alone, which is what the build calls, at a fraction of its cost.
 */
async function buildErrorAfter(file: string, edit: (text: string) => string, wholeBuild = false): Promise<DataFileError> {
  const path = join(dataDir, file);
  const original = readFileSync(path);
  const edited = edit(original.toString('utf8'));
  expect(edited).not.toBe(original.toString('utf8'));
  writeFileSync(path, edited);
  try {
    if (wholeBuild) return await buildErrorOf(dataDir);
    const error: unknown = (() => {
      try {
        readObservedMovesFiles(dataDir, new Set([OBSERVED_MOVES_SOURCE_ID]));
        return null;
      } catch (e) {
        return e;
      }
    })();
    if (!(error instanceof DataFileError)) throw new Error(`expected a DataFileError, got ${String(error)}`);
    return error;
  } finally {
    writeFileSync(path, original);
  }
}

/** Replaces the given 1-based line. */
const replaceLine = (lineNumber: number, replace: (line: string) => string) => (text: string) => {
  const lines = text.split('\n');
  lines[lineNumber - 1] = replace(lines[lineNumber - 1] ?? '');
  return lines.join('\n');
};

test('a malformed 2010 SOC code stops the build naming the file, line and column', async () => {
  const error = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace(/^11-1010,11-1020/, '11-1010,11-102')), true);
  expect(error.message).toBe(`data/${EDGES} line 3: column "OCC_target" is "11-102", expected a SOC code like 43-6012`);
});

test('a probability that is not one, or not a number, names the line and column', async () => {
  const above = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace(',0.0008762950197255361,', ',1.5,')));
  expect(above.message).toBe(`data/${EDGES} line 3: column "transition_prob_BLS_ASECnorm_corr" is "1.5", expected a probability above 0 and at most 1`);
  const text = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace(',0.0008762950197255361,', ',NaN,')));
  expect(text.message).toBe(`data/${EDGES} line 3: column "transition_prob_BLS_ASECnorm_corr" is "NaN", expected a number`);
});

test("a source's probabilities that do not sum to 1 name its lines", async () => {
  // 11-1010's rows are lines 2 to 61; its 0.199 into Legislators halved.
  const error = await buildErrorAfter(EDGES, replaceLine(4, (line) => line.replace(',0.19921582469321042,', ',0.09921582469321042,')));
  expect(error.location).toBe('lines 2-61');
  expect(error.message).toMatch(/^data\/observed-moves\/asec_to_bls_mobility_edgelist\.csv lines 2-61: column "transition_prob_BLS_ASECnorm_corr" sums to 0\.90\d+ for source 11-1010, expected 1 \(within 0\.005\)$/);
});

test('a move listed twice, a code the code list lacks, and a title that disagrees with it are refused', async () => {
  const twice = await buildErrorAfter(EDGES, replaceLine(5, (line) => line.replace(/^11-1010,11-2020,/, '11-1010,11-1020,').replace('Marketing and Sales Managers', 'General and Operations Managers')));
  expect(twice.message).toBe(`data/${EDGES} line 5: column "OCC_target" repeats the move 11-1010 -> 11-1020 of line 3`);
  const unlisted = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace(/^11-1010,11-1020/, '11-1010,11-1029')));
  expect(unlisted.message).toBe(`data/${EDGES} line 3: column "OCC_target" is "11-1029", which data/${CODES} does not list`);
  const retitled = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace('General and Operations Managers', 'General Managers')));
  expect(retitled.message).toBe(`data/${EDGES} line 3: column "OCC_TITLE_OCC" is "General Managers", but data/${CODES} titles 11-1020 "General and Operations Managers"`);
});

test("a source's employment that changes between its rows names the line", async () => {
  const error = await buildErrorAfter(EDGES, replaceLine(3, (line) => line.replace(',10047521.654876351,', ',10047521.0,')));
  expect(error.message).toBe(`data/${EDGES} line 3: column "EMPOCCLY_unadj_BLS" is "10047521.0", but line 2 gives 10047521.654876351 for the same source 11-1010`);
});

test('the source must be declared in data/sources.json', () => {
  expect(() => readObservedMovesFiles(dataDir, new Set())).toThrow(
    `data/sources.json: declares no source "${OBSERVED_MOVES_SOURCE_ID}", which data/${EDGES} is served under`,
  );
});

test('the code list: a repeated code and a renamed header are refused', async () => {
  const repeated = await buildErrorAfter(CODES, replaceLine(3, (line) => line.replace(',11-1020,General and Operations Managers,', ',11-1010,Chief Executives,')));
  expect(repeated.message).toBe(`data/${CODES} line 3: column "OCC_CODE" repeats 11-1010 of line 2`);
  const header = await buildErrorAfter(CODES, replaceLine(1, (line) => line.replace('OCC_TITLE,', 'TITLE,')));
  expect(header.message).toMatch(new RegExp(`^data/${CODES} line 1: header is \\[, OCC_CODE, TITLE, `));
});
