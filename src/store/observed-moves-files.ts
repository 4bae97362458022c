/**
 * The observed-moves files (data/observed-moves/, credited in its PROVENANCE.md): the CPS ASEC mobility edgelist
 * and its list of codes, read with csv-parse as published. Every value the product uses is checked, and so is what
 * the rows must say together (one title and one employment per code, no move listed twice, each source's
 * probabilities summing to 1), so a bad file stops the build naming the file, line and column.
 */
import { join } from 'node:path';
import type { ObservedEdge } from '../observed-moves/units';
import { CODE_FORMATS } from './crosswalk-files';
import { readDelimited } from './delimited';
import { DataFileError } from './errors';
import { FieldReader } from './tsv';

export const OBSERVED_MOVES_SOURCE_ID = 'del-rio-chanona-2021';

/** The attribution the files' provenance asks for wherever their figures are served (data/observed-moves/PROVENANCE.md). */
export const OBSERVED_MOVES_ATTRIBUTION =
  'Observed occupational mobility: del Rio-Chanona et al. (2021), from the CPS ASEC; CanadaLaborApplication repository, CC BY 4.0.';

const CSV = { delimiter: ',', quoted: true, headerLine: 1 };

export const edgelistFile = {
  path: 'observed-moves/asec_to_bls_mobility_edgelist.csv',
  columns: [
    'OCC_source', 'OCC_target', 'transition_prob_BLS_ASECnorm_corr', 'transition_prob_BLS_ASECnorm_in_corr', 'OCC_TITLE_OCC',
    'OCC_TITLE_OCCLY', 'EMPOCCLY_unadj_BLS', 'EMPOCC_unadj_BLS', 'TOT_EMP_OCC', 'A_MEAN_OCC', 'TOT_EMP_OCCLY',
  ],
} as const;

export const codesFile = {
  path: 'observed-moves/occ_names_bls_minor_major.csv',
  columns: [
    '', 'OCC_CODE', 'OCC_TITLE', 'TOT_EMP', 'A_MEAN', 'class_minor', 'class_major', 'OCC_CODE_minor', 'OCC_TITLE_minor',
    'TOT_EMP_minor', 'A_MEAN_minor', 'OCC_CODE_major', 'OCC_TITLE_major', 'TOT_EMP_major', 'A_MEAN_major',
  ],
} as const;

/** How far a source's probabilities may sum from 1: the file's own rounding leaves up to 0.0034. */
export const ROW_SUM_TOLERANCE = 0.005;

const PROBABILITY = 'transition_prob_BLS_ASECnorm_corr';

export interface ObservedMovesFiles {
  edges: ObservedEdge[];
  /** Every code's title, from the code list. */
  titles: Map<string, string>;
}

/** The code list: each 2010 SOC code once, with its title. */
function readCodes(dataDir: string): { titles: Map<string, string>; lines: Map<string, number> } {
  const displayName = `data/${codesFile.path}`;
  const titles = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const row of readDelimited(join(dataDir, codesFile.path), displayName, CSV, codesFile.columns)) {
    const read = new FieldReader(displayName, row);
    const code = read.matching('OCC_CODE', CODE_FORMATS.soc.pattern, CODE_FORMATS.soc.expected);
    if (lines.has(code)) throw new DataFileError(displayName, `line ${row.line}`, `column "OCC_CODE" repeats ${code} of line ${lines.get(code)}`);
    titles.set(code, read.text('OCC_TITLE'));
    lines.set(code, row.line);
  }
  return { titles, lines };
}

export function readObservedMovesFiles(dataDir: string, declaredSourceIds: ReadonlySet<string>): ObservedMovesFiles {
  const displayName = `data/${edgelistFile.path}`;
  if (!declaredSourceIds.has(OBSERVED_MOVES_SOURCE_ID)) {
    throw new DataFileError('data/sources.json', null, `declares no source "${OBSERVED_MOVES_SOURCE_ID}", which ${displayName} is served under`);
  }
  const codes = readCodes(dataDir);
  const fail = (line: number, column: string, problem: string): never => {
    throw new DataFileError(displayName, `line ${line}`, `column "${column}" ${problem}`);
  };
  const listed = (line: number, column: string, code: string) => {
    const title = codes.titles.get(code);
    if (title === undefined) fail(line, column, `is "${code}", which data/${codesFile.path} does not list`);
    return title as string;
  };

  const edges: ObservedEdge[] = [];
  const seen = new Map<string, number>();
  const firstRowOf = new Map<string, ObservedEdge & { title: string }>();
  const sums = new Map<string, { sum: number; first: number; last: number }>();
  for (const row of readDelimited(join(dataDir, edgelistFile.path), displayName, CSV, edgelistFile.columns)) {
    const read = new FieldReader(displayName, row);
    const source = read.matching('OCC_source', CODE_FORMATS.soc.pattern, CODE_FORMATS.soc.expected);
    const target = read.matching('OCC_target', CODE_FORMATS.soc.pattern, CODE_FORMATS.soc.expected);
    const probability = read.number(PROBABILITY);
    if (!(probability > 0 && probability <= 1)) fail(row.line, PROBABILITY, `is "${row.get(PROBABILITY)}", expected a probability above 0 and at most 1`);
    const sourceEmployment = read.number('EMPOCCLY_unadj_BLS');
    if (sourceEmployment < 0) fail(row.line, 'EMPOCCLY_unadj_BLS', `is "${row.get('EMPOCCLY_unadj_BLS')}", expected a weighted employment of 0 or more`);
    const sourceTitle = read.text('OCC_TITLE_OCCLY');
    if (sourceTitle !== listed(row.line, 'OCC_source', source)) fail(row.line, 'OCC_TITLE_OCCLY', `is "${sourceTitle}", but data/${codesFile.path} titles ${source} "${codes.titles.get(source)}"`);
    const targetTitle = read.text('OCC_TITLE_OCC');
    if (targetTitle !== listed(row.line, 'OCC_target', target)) fail(row.line, 'OCC_TITLE_OCC', `is "${targetTitle}", but data/${codesFile.path} titles ${target} "${codes.titles.get(target)}"`);

    const pair = `${source} -> ${target}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) fail(row.line, 'OCC_target', `repeats the move ${pair} of line ${earlier}`);
    seen.set(pair, row.line);
    const edge = { line: row.line, source, target, probability, sourceEmployment };
    const first = firstRowOf.get(source);
    if (first === undefined) firstRowOf.set(source, { ...edge, title: sourceTitle });
    else if (first.sourceEmployment !== sourceEmployment) {
      fail(row.line, 'EMPOCCLY_unadj_BLS', `is "${row.get('EMPOCCLY_unadj_BLS')}", but line ${first.line} gives ${first.sourceEmployment} for the same source ${source}`);
    }
    const sum = sums.get(source) ?? { sum: 0, first: row.line, last: row.line };
    sums.set(source, { sum: sum.sum + probability, first: sum.first, last: row.line });
    edges.push(edge);
  }

  for (const [source, { sum, first, last }] of sums) {
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new DataFileError(displayName, `lines ${first}-${last}`, `column "${PROBABILITY}" sums to ${sum} for source ${source}, expected 1 (within ${ROW_SUM_TOLERANCE})`);
    }
  }
  for (const [code, line] of codes.lines) {
    if (!sums.has(code)) throw new DataFileError(`data/${codesFile.path}`, `line ${line}`, `column "OCC_CODE" is "${code}", which is never a source in ${displayName}`);
  }
  return { edges, titles: codes.titles };
}
