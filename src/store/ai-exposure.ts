/**
 * The AI exposure rows the importer writes, from the files as read (ai-exposure-files.ts) and the O*NET occupations
 * and tasks of the same build: the published figures as they are, why an occupation has none from a source, and the
 * two task-level joins, whose counts the build reports.
 *
 * - AEI penetration joins a task by its statement's text: exactly, else once both texts are normalised
 *   (`normalizeStatement`: Unicode NFKC, lower case, punctuation removed, whitespace collapsed), counted apart. A
 *   normalised text shared by AEI statements of different penetrations joins nothing.
 * - GPTs are GPTs' labels join by task id; the label's occupation must be the task's (a task id is O*NET's, unique
 *   to one occupation), else it joins nothing and is counted.
 */
import type { Insertable } from 'kysely';
import {
  AI_SOURCE_IDS,
  AI_SOURCES,
  AiSourceId,
  aiMeasureFiles,
  readAeiTaskPenetration,
  readAiMeasureFile,
  readGptsTaskLabels,
} from './ai-exposure-files';
import type { AeiTaskPenetrationTable, AiCoverageGapTable, AiMeasureTable, GptsTaskLabelTable, TaskAeiMatchTable } from './database';

/** How the reasons name each source, mid-sentence. */
const SOURCE_NAMES: Record<AiSourceId, string> = {
  [AI_SOURCES.aei]: 'the Anthropic Economic Index (labor market impacts)',
  [AI_SOURCES.gpts]: 'GPTs are GPTs',
  [AI_SOURCES.wwai]: 'Working with AI',
};

/** Where the reasons say the missing figure would have been. */
const SOURCE_FILES: Record<AiSourceId, string> = {
  [AI_SOURCES.aei]: 'job_exposure.csv',
  [AI_SOURCES.gpts]: 'occ_level.csv',
  [AI_SOURCES.wwai]: 'soc_ai_applicability_scores.csv and soc_metrics.csv',
};

export function normalizeStatement(statement: string): string {
  return statement.normalize('NFKC').toLowerCase().replace(/\p{P}/gu, '').replace(/\s+/g, ' ').trim();
}

export interface AiExposureInput {
  occupations: readonly { code: string; soc_code: string }[];
  tasks: readonly { task_id: number; occupation_code: string; statement: string }[];
  /** The served O*NET release, for the reasons. */
  release: string;
}

/** What the build reports and the store records (`meta.ai_exposure_counts`). */
export interface AiExposureCounts {
  /** Per source: how many occupations have at least one of its figures. */
  occupationsCovered: Record<AiSourceId, number>;
  /** Published codes that are no served occupation's code or SOC code, per source (stored, never served). */
  unmatchedCodes: Record<AiSourceId, number>;
  tasks: number;
  aeiExact: number;
  aeiNormalized: number;
  /** Normalised texts shared by AEI statements of different penetrations (joined to nothing). */
  aeiAmbiguous: number;
  aeiRepeatedRows: number;
  gptsLabelled: number;
  /** Of those, tasks whose statement today differs from the labelled one. */
  gptsRelabelled: number;
  /** Labels whose task id is today another occupation's task (joined to nothing). */
  gptsOtherOccupation: number;
}

export interface AiExposureRows {
  measures: Insertable<AiMeasureTable>[];
  gaps: Insertable<AiCoverageGapTable>[];
  penetration: Insertable<AeiTaskPenetrationTable>[];
  matches: Insertable<TaskAeiMatchTable>[];
  labels: Insertable<GptsTaskLabelTable>[];
  counts: AiExposureCounts;
}

const perSource = <T>(value: (source: AiSourceId) => T): Record<AiSourceId, T> => ({
  [AI_SOURCES.aei]: value(AI_SOURCES.aei),
  [AI_SOURCES.gpts]: value(AI_SOURCES.gpts),
  [AI_SOURCES.wwai]: value(AI_SOURCES.wwai),
});

export function aiExposureRows(dataDir: string, input: AiExposureInput): AiExposureRows {
  // Each source's published codes, with their titles.
  const codesOf = perSource(() => new Map<string, string>());
  const measures = aiMeasureFiles.flatMap((file) => {
    const rows = readAiMeasureFile(dataDir, file);
    for (const row of rows) codesOf[file.sourceId].set(row.code, row.title);
    return rows;
  });
  const servedCodes = new Set(input.occupations.flatMap((o) => [o.code, o.soc_code]));
  const coverage = coverageGaps(input, codesOf, servedCodes);
  const penetration = readAeiTaskPenetration(dataDir);
  const aei = penetrationMatches(penetration.rows, input.tasks);
  const labels = readGptsTaskLabels(dataDir);

  return {
    measures,
    gaps: coverage.gaps,
    penetration: penetration.rows,
    matches: aei.matches,
    labels,
    counts: {
      occupationsCovered: coverage.covered,
      unmatchedCodes: perSource((s) => [...codesOf[s].keys()].filter((code) => !servedCodes.has(code)).length),
      tasks: input.tasks.length,
      aeiExact: aei.matches.filter((m) => m.match === 'exact').length,
      aeiNormalized: aei.matches.filter((m) => m.match === 'normalized').length,
      aeiAmbiguous: aei.ambiguous,
      aeiRepeatedRows: penetration.repeated,
      ...labelCounts(labels, input.tasks),
    },
  };
}

/** For every occupation and source: covered (a figure for its code or SOC code), or a gap with its reason. */
function coverageGaps(input: AiExposureInput, codesOf: Record<AiSourceId, ReadonlyMap<string, string>>, servedCodes: ReadonlySet<string>) {
  const withTasks = new Set(input.tasks.map((t) => t.occupation_code));
  const gaps: Insertable<AiCoverageGapTable>[] = [];
  const covered = perSource(() => 0);
  for (const o of input.occupations) {
    for (const source of AI_SOURCE_IDS) {
      const codes = codesOf[source];
      if (codes.has(o.code) || codes.has(o.soc_code)) covered[source] += 1;
      else gaps.push({ occupation_code: o.code, source_id: source, reason: gapReason(source, o, codes, withTasks, servedCodes, input.release) });
    }
  }
  return { gaps, covered };
}

/** The AEI statement each task's text matches: exactly, else once normalised where that is not ambiguous. */
function penetrationMatches(rows: readonly Insertable<AeiTaskPenetrationTable>[], tasks: AiExposureInput['tasks']) {
  const exact = new Map(rows.map((row) => [row.statement, row]));
  // null: a normalised text shared by statements of different penetrations.
  const normalized = new Map<string, Insertable<AeiTaskPenetrationTable> | null>();
  for (const row of rows) {
    const key = normalizeStatement(row.statement);
    const earlier = normalized.get(key);
    if (earlier === undefined) normalized.set(key, row);
    else if (earlier !== null && earlier.penetration !== row.penetration) normalized.set(key, null);
  }
  const matches: Insertable<TaskAeiMatchTable>[] = [];
  let ambiguous = 0;
  for (const task of tasks) {
    const same = exact.get(task.statement);
    if (same !== undefined) {
      matches.push({ task_id: task.task_id, line: same.line, match: 'exact' });
      continue;
    }
    const alike = normalized.get(normalizeStatement(task.statement));
    if (alike === null) ambiguous += 1;
    else if (alike !== undefined) matches.push({ task_id: task.task_id, line: alike.line, match: 'normalized' });
  }
  return { matches, ambiguous };
}

/** How the labels join today's tasks by id (the query that serves them joins them the same way). */
function labelCounts(labels: readonly Insertable<GptsTaskLabelTable>[], tasks: AiExposureInput['tasks']) {
  const labelOf = new Map(labels.map((l) => [l.task_id, l]));
  const counts = { gptsLabelled: 0, gptsRelabelled: 0, gptsOtherOccupation: 0 };
  for (const task of tasks) {
    const label = labelOf.get(task.task_id);
    if (label === undefined) continue;
    if (label.occupation_code !== task.occupation_code) counts.gptsOtherOccupation += 1;
    else {
      counts.gptsLabelled += 1;
      if (label.statement !== task.statement) counts.gptsRelabelled += 1;
    }
  }
  return counts;
}

/**
 * Why a source has no figure for an occupation, from what the files and O*NET show: the occupation has no O*NET tasks
 * (every source scores occupations from their tasks), or the source published only a code that covers more than this
 * occupation, or nothing at all for its code.
 */
function gapReason(
  source: AiSourceId,
  occupation: { code: string; soc_code: string },
  codes: ReadonlyMap<string, string>,
  withTasks: ReadonlySet<string>,
  servedCodes: ReadonlySet<string>,
  release: string,
): string {
  const name = SOURCE_NAMES[source];
  const code = source === AI_SOURCES.gpts ? `O*NET-SOC ${occupation.code}` : `SOC ${occupation.soc_code}`;
  const none = `${name.charAt(0).toUpperCase()}${name.slice(1)} publishes no figure for ${code}`;
  if (!withTasks.has(occupation.code)) {
    const military = occupation.code.startsWith('55-') ? ', a military occupation' : '';
    return `${none}: O*NET ${release} has no task statements for ${occupation.code}${military}, and ${name} scores occupations from their O*NET tasks.`;
  }
  const broadGroup = occupation.soc_code.slice(0, 6);
  const wider = [...codes].filter(([published]) => published.startsWith(broadGroup) && !servedCodes.has(published));
  if (wider.length > 0) {
    const named = wider.map(([published, title]) => `${published} (${title})`).join(', ');
    return (
      `${none}. It publishes ${named}, a code no O*NET ${release} occupation has, in the same SOC broad group (${broadGroup}0): ` +
      "that figure covers more than this occupation and is not served as this occupation's own."
    );
  }
  return `${none}: ${SOURCE_FILES[source]} has no row for it, and the source does not say why.`;
}
