/**
 * The AI exposure files the product serves (data/ai-exposure/, credited in its PROVENANCE.md): where each lives, its
 * format and exact header, the source it is served under, and what each published figure means. The readers check
 * every value as they read it, so a malformed row, a code of the wrong form, a repeated code, a number that does not
 * parse or one outside its scale stops the build with the file, line and column.
 */
import type { Insertable } from 'kysely';
import { join } from 'node:path';
import { CODE_FORMATS } from './crosswalk-files';
import type { AeiTaskPenetrationTable, AiMeasureId, AiMeasureTable, AutomationLabel, ExposureLabel, GptsTaskLabelTable } from './database';
import { DelimitedFormat, readDelimited } from './delimited';
import { DataFileError } from './errors';
import { FieldReader, TsvRow } from './tsv';

/** The three sources, by their ids in data/sources.json. */
export const AI_SOURCES = {
  aei: 'aei-labor-market-impacts',
  gpts: 'gpts-are-gpts',
  wwai: 'working-with-ai',
} as const;

export type AiSourceId = (typeof AI_SOURCES)[keyof typeof AI_SOURCES];
export const AI_SOURCE_IDS: readonly AiSourceId[] = Object.values(AI_SOURCES);

/** The credit each source's licence asks for wherever its figures are served (data/ai-exposure/PROVENANCE.md). */
export const AI_ATTRIBUTION =
  'AI exposure: Anthropic Economic Index, labor market impacts (Anthropic), CC BY. ' +
  'GPTs are GPTs: Eloundou, Manning, Mishkin and Rock (Science, 2024); data © 2024 OpenAI, MIT. ' +
  'Working with AI: Tomlinson, Jaffe, Wang, Counts and Suri (Microsoft Research, 2025), CC BY 4.0.';

/** Which code a source publishes its occupation-level figures for. */
export type PublishedCodeKind = 'soc' | 'onetSoc';

/** What a published figure is: the file column it comes from (`aiMeasureFiles` says which file), its scale and what the scale means. */
export interface AiMeasureDefinition {
  /** The file column, as published. */
  column: string;
  minimum: number;
  maximum: number;
  /** What a value means, for the people reading it. */
  scale: string;
}

const share = { minimum: 0, maximum: 1 };
const gptsShare = (rater: string, labels: string) =>
  `${rater}: the occupation's share of tasks labelled ${labels}, from 0 to 1, a mean over its O*NET tasks with core tasks ` +
  'counted twice and supplemental ones once (E1: an LLM alone could cut the time the task takes by half or more; E2: ' +
  'it could with software built on an LLM).';
/** One of Working with AI's parts: what its column measures, counted over one side of the conversations. */
const wwaiPart = (column: string, measured: string, side: 'user' | 'ai'): AiMeasureDefinition => ({
  column,
  ...share,
  scale: `${measured} Counted over ${side === 'user' ? 'the work activities people asked Bing Copilot to help with (user goals)' : 'the work activities Bing Copilot itself performed (AI actions)'}.`,
});
const APPLICABILITY =
  "Applicability from 0 to 1: the importance- and relevance-weighted mean, over the occupation's work activities with more than 0.05% of conversations, of completion × impact scope.";
const COVERAGE = "Coverage from 0 to 1: the importance- and relevance-weighted share of the occupation's work activities with more than 0.05% of conversations.";
const COMPLETION = "Completion from 0 to 1: the weighted share of conversations on the occupation's work activities in which a classifier found that the AI completed the user's goal.";
const POSITIVE_FEEDBACK = "Positive feedback from 0 to 1: of the thumbs reactions to conversations on the occupation's work activities, the weighted share that were thumbs up.";
const IMPACT_SCOPE = "Impact scope from 0 to 1: the weighted share of conversations on the occupation's work activities whose classified scope of impact is moderate or higher.";

/** Every occupation-level figure the three sources publish: the one home of what each means. */
export const AI_MEASURES: Record<AiMeasureId, AiMeasureDefinition> = {
  aei_observed_exposure: {
    column: 'observed_exposure', ...share,
    scale:
      "Observed exposure, from 0 to 1: how much of the occupation's task work the Anthropic Economic Index's labor " +
      'market impacts study (March 2026) finds covered by observed Claude usage, weighted and thresholded as that ' +
      'study describes. 0 is a measured value (no such usage observed), not missing data.',
  },
  gpt4_alpha: { column: 'dv_rating_alpha', ...share, scale: gptsShare('Alpha as GPT-4 rated the tasks', 'E1') },
  gpt4_beta: { column: 'dv_rating_beta', ...share, scale: gptsShare('Beta as GPT-4 rated the tasks', 'E1, plus half of those labelled E2') },
  gpt4_gamma: { column: 'dv_rating_gamma', ...share, scale: gptsShare('Gamma as GPT-4 rated the tasks', 'E1 or E2') },
  human_alpha: { column: 'human_rating_alpha', ...share, scale: gptsShare("Alpha as the study's human annotators rated the tasks", 'E1') },
  human_beta: { column: 'human_rating_beta', ...share, scale: gptsShare("Beta as the study's human annotators rated the tasks", 'E1, plus half of those labelled E2') },
  human_gamma: { column: 'human_rating_gamma', ...share, scale: gptsShare("Gamma as the study's human annotators rated the tasks", 'E1 or E2') },
  wwai_applicability: {
    column: 'ai_applicability_score', ...share,
    scale:
      'AI applicability score, from 0 to 1: the mean of the user-goal and AI-action applicability scores (the two ' +
      '`WWAI_APPLICABILITY_*` measures), from Bing Copilot conversations (US, January to September 2024) mapped to ' +
      "the occupation's O*NET intermediate work activities. Not a measure of AI replacing the job (the authors' README).",
  },
  wwai_applicability_user: wwaiPart('ai_applicability_score_user', APPLICABILITY, 'user'),
  wwai_applicability_ai: wwaiPart('ai_applicability_score_ai', APPLICABILITY, 'ai'),
  wwai_coverage_user: wwaiPart('coverage_user', COVERAGE, 'user'),
  wwai_coverage_ai: wwaiPart('coverage_ai', COVERAGE, 'ai'),
  wwai_completion_user: wwaiPart('completion_user', COMPLETION, 'user'),
  wwai_completion_ai: wwaiPart('completion_ai', COMPLETION, 'ai'),
  wwai_positive_feedback_user: wwaiPart('feedback_positive_fraction_user', POSITIVE_FEEDBACK, 'user'),
  wwai_positive_feedback_ai: wwaiPart('feedback_positive_fraction_ai', POSITIVE_FEEDBACK, 'ai'),
  wwai_impact_scope_user: wwaiPart('impact_scope_user', IMPACT_SCOPE, 'user'),
  wwai_impact_scope_ai: wwaiPart('impact_scope_ai', IMPACT_SCOPE, 'ai'),
};

/** A file of occupation-level figures: one row per published code, one column per figure. */
export interface AiMeasureFileSpec {
  /** Path below data/. */
  path: string;
  format: DelimitedFormat;
  sourceId: AiSourceId;
  /** The file's exact header. */
  header: readonly string[];
  codeColumn: string;
  codeKind: PublishedCodeKind;
  titleColumn: string;
  /** The figures it holds, each read from the column `AI_MEASURES` names. */
  measures: readonly AiMeasureId[];
}

const csv: DelimitedFormat = { delimiter: ',', quoted: true, headerLine: 1 };

export const aiMeasureFiles: readonly AiMeasureFileSpec[] = [
  {
    path: 'ai-exposure/aei-labor-market-impacts/job_exposure.csv',
    format: csv,
    sourceId: AI_SOURCES.aei,
    header: ['occ_code', 'title', 'observed_exposure'],
    codeColumn: 'occ_code',
    codeKind: 'soc',
    titleColumn: 'title',
    measures: ['aei_observed_exposure'],
  },
  {
    path: 'ai-exposure/gpts-are-gpts/occ_level.csv',
    format: csv,
    sourceId: AI_SOURCES.gpts,
    header: ['O*NET-SOC Code', 'Title', 'dv_rating_alpha', 'dv_rating_beta', 'dv_rating_gamma', 'human_rating_alpha', 'human_rating_beta', 'human_rating_gamma'],
    codeColumn: 'O*NET-SOC Code',
    codeKind: 'onetSoc',
    titleColumn: 'Title',
    measures: ['gpt4_alpha', 'gpt4_beta', 'gpt4_gamma', 'human_alpha', 'human_beta', 'human_gamma'],
  },
  {
    path: 'ai-exposure/working-with-ai/soc_ai_applicability_scores.csv',
    format: csv,
    sourceId: AI_SOURCES.wwai,
    header: ['SOC Code', 'title', 'ai_applicability_score'],
    codeColumn: 'SOC Code',
    codeKind: 'soc',
    titleColumn: 'title',
    measures: ['wwai_applicability'],
  },
  {
    path: 'ai-exposure/working-with-ai/soc_metrics.csv',
    format: csv,
    sourceId: AI_SOURCES.wwai,
    header: [
      'SOC Code', 'title', 'coverage_user', 'coverage_ai', 'completion_user', 'completion_ai', 'feedback_positive_fraction_user',
      'feedback_positive_fraction_ai', 'impact_scope_user', 'impact_scope_ai', 'ai_applicability_score_user', 'ai_applicability_score_ai',
    ],
    codeColumn: 'SOC Code',
    codeKind: 'soc',
    titleColumn: 'title',
    measures: [
      'wwai_coverage_user', 'wwai_coverage_ai', 'wwai_completion_user', 'wwai_completion_ai', 'wwai_positive_feedback_user',
      'wwai_positive_feedback_ai', 'wwai_impact_scope_user', 'wwai_impact_scope_ai', 'wwai_applicability_user', 'wwai_applicability_ai',
    ],
  },
];

export const aeiTaskPenetrationFile = {
  path: 'ai-exposure/aei-labor-market-impacts/task_penetration.csv',
  format: csv,
  sourceId: AI_SOURCES.aei,
  header: ['task', 'penetration'],
} as const;

export const gptsTaskLabelFile = {
  path: 'ai-exposure/gpts-are-gpts/full_labelset.tsv',
  // pandas' to_csv with a tab: a field holding a double quote is quoted, its quotes doubled.
  format: { delimiter: '\t', quoted: true, headerLine: 1 },
  sourceId: AI_SOURCES.gpts,
  header: [
    '', 'O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Title', 'human_exposure_agg', 'gpt4_exposure', 'gpt4_exposure_alt_rubric',
    'gpt_3_relevant', 'gpt4_automation', 'alpha', 'beta', 'gamma', 'automation', 'human_labels',
  ],
} as const;

/** The source that publishes a measure: the source of the file it is in. */
export function sourceOfMeasure(measure: AiMeasureId): AiSourceId {
  const file = aiMeasureFiles.find((f) => f.measures.includes(measure));
  if (file === undefined) throw new Error(`no AI exposure file holds measure ${measure}`);
  return file.sourceId;
}

/** Every AI exposure file the importer reads, for checking that each source is declared. */
export const aiExposureFiles: readonly { path: string; sourceId: AiSourceId }[] = [...aiMeasureFiles, aeiTaskPenetrationFile, gptsTaskLabelFile];

const EXPOSURE_LABELS: readonly ExposureLabel[] = ['E0', 'E1', 'E2'];
const AUTOMATION_LABELS: readonly AutomationLabel[] = ['T0', 'T1', 'T2', 'T3', 'T4'];
/** `8823.0`: how pandas wrote the file's task ids (floats). */
const TASK_ID = { pattern: /^[1-9]\d*\.0$/, expected: 'an O*NET task id like 8823.0' };

function readRows(dataDir: string, file: { path: string; format: DelimitedFormat; header: readonly string[] }): { displayName: string; rows: TsvRow[] } {
  const displayName = `data/${file.path}`;
  return { displayName, rows: readDelimited(join(dataDir, file.path), displayName, file.format, file.header) };
}

/** Fails on a key a file has already given, naming both lines. */
function once<K>(seen: Map<K, number>, key: K, displayName: string, row: TsvRow, column: string, shown: string): void {
  const first = seen.get(key);
  if (first !== undefined) throw new DataFileError(displayName, `line ${row.line}`, `column "${column}" repeats ${shown}, already on line ${first}`);
  seen.set(key, row.line);
}

/** One file's figures, one store row per code and figure. */
export function readAiMeasureFile(dataDir: string, file: AiMeasureFileSpec): Insertable<AiMeasureTable>[] {
  const { displayName, rows } = readRows(dataDir, file);
  const format = CODE_FORMATS[file.codeKind];
  const seen = new Map<string, number>();
  return rows.flatMap((row) => {
    const read = new FieldReader(displayName, row);
    const code = read.matching(file.codeColumn, format.pattern, format.expected);
    once(seen, code, displayName, row, file.codeColumn, code);
    const title = read.text(file.titleColumn);
    return file.measures.map((measure) => {
      const { column, minimum, maximum } = AI_MEASURES[measure];
      return { code, measure, value: read.numberBetween(column, minimum, maximum), title, source_id: file.sourceId };
    });
  });
}

export interface PenetrationRows {
  /** One row per distinct statement, at its first line. */
  rows: Insertable<AeiTaskPenetrationTable>[];
  /** Rows that repeat an earlier statement with the same penetration, left out. */
  repeated: number;
}

/** The AEI's penetration per task statement. A statement may repeat only with the same value. */
export function readAeiTaskPenetration(dataDir: string): PenetrationRows {
  const { displayName, rows } = readRows(dataDir, aeiTaskPenetrationFile);
  const byStatement = new Map<string, Insertable<AeiTaskPenetrationTable>>();
  let repeated = 0;
  for (const row of rows) {
    const read = new FieldReader(displayName, row);
    const statement = read.text('task');
    const penetration = read.numberBetween('penetration', 0, 1);
    const first = byStatement.get(statement);
    if (first === undefined) byStatement.set(statement, { line: row.line, statement, penetration });
    else if (first.penetration === penetration) repeated += 1;
    else {
      throw new DataFileError(
        displayName,
        `line ${row.line}`,
        `column "task" repeats the statement of line ${first.line} with penetration ${penetration}, where line ${first.line} has ${first.penetration}`,
      );
    }
  }
  return { rows: [...byStatement.values()], repeated };
}

/** GPTs are GPTs' labels, one per O*NET task id. */
export function readGptsTaskLabels(dataDir: string): Insertable<GptsTaskLabelTable>[] {
  const { displayName, rows } = readRows(dataDir, gptsTaskLabelFile);
  const seen = new Map<number, number>();
  return rows.map((row) => {
    const read = new FieldReader(displayName, row);
    const taskId = Number(read.matching('Task ID', TASK_ID.pattern, TASK_ID.expected).slice(0, -2));
    once(seen, taskId, displayName, row, 'Task ID', read.text('Task ID'));
    return {
      task_id: taskId,
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      statement: read.text('Task'),
      human_exposure: read.choice('human_exposure_agg', EXPOSURE_LABELS),
      gpt4_exposure: read.choice('gpt4_exposure', EXPOSURE_LABELS),
      gpt4_automation: read.choice('gpt4_automation', AUTOMATION_LABELS),
    };
  });
}
