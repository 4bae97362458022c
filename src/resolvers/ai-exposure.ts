/**
 * AI exposure (schema/ai-exposure.graphql): an occupation's published figures, which sources cover it, its tasks
 * ranked by a task-level measure, what each task-level source says of a task, and the dataset's summary.
 */
import type { AiTaskMeasure, OccupationResolvers, OrderDirection, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired } from '../loaders';
import { isOnetSocCode } from '../occupation-code';
import { AI_MEASURES, AI_SOURCE_IDS, AI_SOURCES, sourceOfMeasure } from '../store/ai-exposure-files';
import type { AiExposureCounts } from '../store/ai-exposure';
import type { AiMeasureId } from '../store/database';
import type { TaskAiExposureRow } from '../store/ai-exposure-queries';
import type { TaskFields } from '../store/queries';
import { enumValues } from './enums';
import { pageOf } from './pagination';

/** `AiMeasure` order: by source, then as the source's files give the figures (AI_MEASURES's order, the enum's). */
const MEASURE_ORDER = new Map((Object.keys(AI_MEASURES) as AiMeasureId[]).map((id, i) => [id, i]));

/** Each measure's GraphQL name, for ids. */
const AI_MEASURE_NAMES = new Map(Object.entries(enumValues.AiMeasure).map(([name, id]) => [id, name]));

/** E1 above E2 above E0, as GPTs are GPTs' beta counts them. */
const EXPOSURE_RANK = { E0: 0, E1: 1, E2: 0.5 } as const;
const AUTOMATION_RANK = { T0: 0, T1: 1, T2: 2, T3: 3, T4: 4 } as const;

/** A task's value on a task-level measure; null where its source says nothing of the task. */
function taskValue(exposure: TaskAiExposureRow | undefined, by: AiTaskMeasure): number | null {
  if (exposure === undefined) return null;
  switch (by) {
    case 'AEI_PENETRATION':
      return exposure.penetration;
    case 'GPT4_EXPOSURE':
      return exposure.gpt4_exposure === null ? null : EXPOSURE_RANK[exposure.gpt4_exposure];
    case 'HUMAN_EXPOSURE':
      return exposure.human_exposure === null ? null : EXPOSURE_RANK[exposure.human_exposure];
    case 'GPT4_AUTOMATION':
      return exposure.gpt4_automation === null ? null : AUTOMATION_RANK[exposure.gpt4_automation];
  }
}

/** Tasks in `direction` of their values, those without one last either way, ties in task-id order. */
function rankTasks(tasks: readonly TaskFields[], valueOf: (task: TaskFields) => number | null, direction: OrderDirection): TaskFields[] {
  const values = new Map(tasks.map((t) => [t.task_id, valueOf(t)]));
  const sign = direction === 'DESC' ? -1 : 1;
  return [...tasks].sort((a, b) => {
    const x = values.get(a.task_id) ?? null;
    const y = values.get(b.task_id) ?? null;
    if (x === null || y === null) return x === y ? a.task_id - b.task_id : x === null ? 1 : -1;
    return sign * (x - y) || a.task_id - b.task_id;
  });
}

/** One task's row from its occupation's, which the loader reads in one statement for every task of a batch. */
async function exposureOf(task: TaskFields, { loaders }: Context): Promise<TaskAiExposureRow> {
  const row = (await loaders.aiTaskExposureByOccupation.load(task.occupation_code)).find((e) => e.task_id === task.task_id);
  if (row === undefined) throw new Error(`task ${task.task_id} of ${task.occupation_code} is missing from its own occupation's tasks`);
  return row;
}

const taskExposureId = (e: TaskAiExposureRow) => `${e.occupation_code}/tasks/${e.task_id}/ai-exposure`;

export const aiExposureOccupation: Pick<OccupationResolvers<Context>, 'aiExposure'> = {
  // Everything below reads by the occupation's code, through the loaders.
  aiExposure: (o) => o,
};

export const aiExposureResolvers: Resolvers = {
  AiExposure: {
    id: (o) => `${o.code}/ai-exposure`,
    measures: async (o, { measures }, { loaders }) => {
      const wanted = measures == null ? null : new Set(measures);
      const rows = await loaders.aiMeasuresByOccupation.load(o.code);
      return rows.filter((m) => wanted === null || wanted.has(m.measure)).sort((a, b) => (MEASURE_ORDER.get(a.measure) ?? 0) - (MEASURE_ORDER.get(b.measure) ?? 0));
    },
    measure: async (o, { measure }, { loaders }) => (await loaders.aiMeasuresByOccupation.load(o.code)).find((m) => m.measure === measure) ?? null,
    sources: async (o, _, { loaders }) => {
      const [measures, gaps] = await Promise.all([loaders.aiMeasuresByOccupation.load(o.code), loaders.aiCoverageGapsByOccupation.load(o.code)]);
      return AI_SOURCE_IDS.map((sourceId) => ({
        occupationCode: o.code,
        sourceId,
        publishedFor: measures.find((m) => m.source_id === sourceId)?.code ?? null,
        reason: gaps.find((g) => g.source_id === sourceId)?.reason ?? null,
      }));
    },
    rankedTasks: async (o, { by, direction, type, first, after }, { loaders }) => {
      const [tasks, exposures] = await Promise.all([loaders.tasksByOccupation.load(o.code), loaders.aiTaskExposureByOccupation.load(o.code)]);
      const byTask = new Map(exposures.map((e) => [e.task_id, e]));
      const wanted = type == null ? tasks : tasks.filter((t) => t.type === type);
      const order = direction ?? 'DESC';
      // The cursor's kind names the ranking, so a cursor from another ranking (or from `tasks`) is refused.
      return pageOf(rankTasks(wanted, (t) => taskValue(byTask.get(t.task_id), by), order), `task-by-${by}-${order}`, (t) => t.task_id, first, after);
    },
  },
  AiExposureMeasure: {
    id: (m) => `${m.occupation_code}/ai-exposure/${AI_MEASURE_NAMES.get(m.measure)}`,
    scale: (m) => AI_MEASURES[m.measure].scale,
    minimum: (m) => AI_MEASURES[m.measure].minimum,
    maximum: (m) => AI_MEASURES[m.measure].maximum,
    publishedFor: (m) => m.code,
    publishedForKind: (m) => (isOnetSocCode(m.code) ? 'onetSoc' : 'soc'),
    publishedTitle: (m) => m.title,
    source: (m, _, { loaders }) => loadRequired(loaders.sourceById, m.source_id, 'AI exposure source'),
  },
  AiSourceCoverage: {
    id: (c) => `${c.occupationCode}/ai-exposure/sources/${c.sourceId}`,
    source: (c, _, { loaders }) => loadRequired(loaders.sourceById, c.sourceId, 'AI exposure source'),
    covered: (c) => c.publishedFor !== null,
  },
  Task: {
    aiExposure: (t, _, context) => exposureOf(t, context),
  },
  TaskAiExposure: {
    id: taskExposureId,
    aeiPenetration: (e) =>
      e.penetration === null || e.match === null || e.aei_statement === null
        ? null
        : { exposureId: taskExposureId(e), value: e.penetration, match: e.match, statement: e.aei_statement },
    gptsLabels: (e) =>
      e.human_exposure === null || e.gpt4_exposure === null || e.gpt4_automation === null
        ? null
        : {
            exposureId: taskExposureId(e),
            humanExposure: e.human_exposure,
            gpt4Exposure: e.gpt4_exposure,
            gpt4Automation: e.gpt4_automation,
            labelledStatement: e.labelled_statement === e.statement ? null : e.labelled_statement,
          },
  },
  AeiTaskPenetration: {
    id: (p) => `${p.exposureId}/aei`,
    source: (_, __, { loaders }) => loadRequired(loaders.sourceById, AI_SOURCES.aei, 'AI exposure source'),
  },
  GptsTaskLabels: {
    id: (l) => `${l.exposureId}/gpts`,
    source: (_, __, { loaders }) => loadRequired(loaders.sourceById, AI_SOURCES.gpts, 'AI exposure source'),
  },
  Dataset: {
    aiExposure: (d) => {
      const counts = d.meta.get('ai_exposure_counts');
      if (counts === undefined) throw new Error('the store has no ai_exposure_counts: it was built by other code and needs rebuilding');
      return JSON.parse(counts) as AiExposureCounts;
    },
  },
  AiExposureSummary: {
    id: () => 'dataset/ai-exposure',
    sources: (c) => AI_SOURCE_IDS.map((sourceId) => ({ sourceId, occupationsCovered: c.occupationsCovered[sourceId] })),
    aeiPenetrationExact: (c) => c.aeiExact,
    aeiPenetrationNormalized: (c) => c.aeiNormalized,
    gptsLabelledOnOtherWording: (c) => c.gptsRelabelled,
  },
  AiSourceSummary: {
    id: (s) => `dataset/ai-exposure/${s.sourceId}`,
    source: (s, _, { loaders }) => loadRequired(loaders.sourceById, s.sourceId, 'AI exposure source'),
    measures: (s) => (Object.keys(AI_MEASURES) as AiMeasureId[]).filter((id) => sourceOfMeasure(id) === s.sourceId),
  },
};
