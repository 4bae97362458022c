/**
 * The rest of the O*NET model (schema/onet-model.graphql): what an element is and what its levels look like, where a
 * rating's level falls among its anchors, how work activities nest (a task's DWAs, the IWA and GWA above each, an
 * occupation's tree), the UNSPSC hierarchy of technology and tools, the certification and apprenticeship ratings and
 * the job zone assignment. Row -> GraphQL shape, through the loaders.
 */
import type { OccupationResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired, type Loaders } from '../loaders';
import type { ToolRow } from '../store/database';
import type { LevelAnchorRow, TaskFields } from '../store/queries';
import { outsideScale } from '../store/scales';
import { ids } from './ids';
import { scaleOf } from './onet';
import { ratingsOf } from './occupation';
import type { AnchoredLevelShape, ElementShape, TechnologySkillShape } from './shapes';
import { linksOfTask, workActivityTree } from './work-activities';

const element = async (loaders: Loaders, id: string, what: string): Promise<ElementShape> => {
  const row = await loadRequired(loaders.contentElementById, id, what);
  return { id: row.id, name: row.name };
};

/**
 * The anchors at or below and at or above `level`, from one scale's anchors in value order: an anchor equal to the
 * level is both; below the lowest anchor there is no lower one, above the highest no upper one.
 */
function anchorsAround(level: number, anchors: readonly LevelAnchorRow[]): Pick<AnchoredLevelShape, 'lower' | 'upper'> {
  let lower: LevelAnchorRow | null = null;
  let upper: LevelAnchorRow | null = null;
  for (const anchor of anchors) {
    if (anchor.value <= level) lower = anchor;
    if (anchor.value >= level && upper === null) upper = anchor;
  }
  return { lower, upper };
}

/**
 * The UNSPSC class, family and segment of a technology skill or a tool, through its commodity code (a tool is its
 * row, a technology skill its shape: technologySkillOf in onet.ts).
 */
function unspscHierarchy<P>(commodityCodeOf: (parent: P) => number) {
  const commodityOf = (parent: P, loaders: Loaders) => loadRequired(loaders.unspscByCommodity, commodityCodeOf(parent), 'UNSPSC commodity');
  return {
    commodityClass: async (parent: P, _: unknown, { loaders }: Context) => {
      const u = await commodityOf(parent, loaders);
      return { code: u.class_code, title: u.class_title };
    },
    commodityFamily: async (parent: P, _: unknown, { loaders }: Context) => {
      const u = await commodityOf(parent, loaders);
      return { code: u.family_code, title: u.family_title };
    },
    commoditySegment: async (parent: P, _: unknown, { loaders }: Context) => {
      const u = await commodityOf(parent, loaders);
      return { code: u.segment_code, title: u.segment_title };
    },
  };
}

/** Each occupation's tasks by id, worked out once per list of tasks (a held list lives as long as the store). */
const tasksById = new WeakMap<readonly TaskFields[], Map<number, TaskFields>>();

/** A work-activity node's tasks, in its order, from its occupation's tasks. */
async function tasksOf(loaders: Loaders, node: { occupationCode: string; taskIds: readonly number[] }): Promise<TaskFields[]> {
  const tasks = await loaders.tasksByOccupation.load(node.occupationCode);
  let byId = tasksById.get(tasks);
  if (byId === undefined) tasksById.set(tasks, (byId = new Map(tasks.map((t) => [t.task_id, t]))));
  const known = byId;
  return node.taskIds.map((id) => known.get(id) ?? missingTask(node.occupationCode, id));
}

function missingTask(code: string, id: number): never {
  throw new Error(`task ${id}, linked to a work activity of ${code}, is not among its tasks in the store`);
}

const WORK_ACTIVITIES_UNAVAILABLE =
  'O*NET Work Activities ratings (Importance and Level) could not be obtained in any release; none are served rather than ' +
  'inferred. The work activities listed are links from the occupation\'s tasks (Tasks to DWAs), not ratings';

export const modelOccupation: Pick<OccupationResolvers<Context>, 'workActivities' | 'certificationAndApprenticeship' | 'jobZoneAssignment'> = {
  workActivities: async (o, _, { loaders }) => workActivityTree(o.code, await loaders.workActivityLinksByOccupation.load(o.code)),
  certificationAndApprenticeship: async (o, _, { loaders }) =>
    ratingsOf(
      ids.elementRatings(o.code, 'certification-and-apprenticeship'),
      await loaders.certificationScoresByOccupation.load(o.code),
      `O*NET ${o.release}'s Education, Training, and Experience file rates no certification or apprenticeship for this occupation`,
    ),
  jobZoneAssignment: (o, _, { loaders }) => loaders.jobZoneAssignmentByOccupation.load(o.code),
};

export const modelResolvers: Resolvers = {
  Element: {
    description: async (e, _, { loaders }) => (await loadRequired(loaders.contentElementById, e.id, 'content model element')).description,
    anchors: (e, _, { loaders }) => loaders.levelAnchorsByElement.load(e.id),
  },
  LevelAnchor: {
    scaleId: (a) => a.scale_id,
    dataQualityWarning: (a) => outsideScale(a.value, scaleOf(a)),
  },
  ElementRating: {
    levelAnchors: async (r, _, { loaders }) => {
      const level = r.scores.find((s) => s.scale_id === 'LV');
      if (level === undefined) return null;
      const anchors = (await loaders.levelAnchorsByElement.load(r.element.id)).filter((a) => a.scale_id === 'LV');
      if (anchors.length === 0) return null;
      return { id: `${r.id}/level-anchors`, level: level.value, ...anchorsAround(level.value, anchors) };
    },
  },
  Task: {
    workActivities: async (t, _, { loaders }) => linksOfTask(await loaders.workActivityLinksByOccupation.load(t.occupation_code), t.task_id),
  },
  WorkActivity: {
    intermediate: (d, _, { loaders }) => loadRequired(loaders.intermediateWorkActivityById, d.iwa_id, 'intermediate work activity'),
  },
  IntermediateWorkActivity: {
    generalized: (i, _, { loaders }) => element(loaders, i.element_id, 'generalized work activity'),
  },
  OccupationWorkActivities: {
    ratings: (w) => ({ id: `${w.code}/work-activities/ratings`, items: null, unavailableReason: WORK_ACTIVITIES_UNAVAILABLE, release: null }),
  },
  OccupationGeneralizedWorkActivity: {
    activity: (g, _, { loaders }) => element(loaders, g.elementId, 'generalized work activity'),
    tasks: (g, _, { loaders }) => tasksOf(loaders, g),
  },
  OccupationIntermediateWorkActivity: {
    activity: (i, _, { loaders }) => loadRequired(loaders.intermediateWorkActivityById, i.iwaId, 'intermediate work activity'),
    tasks: (i, _, { loaders }) => tasksOf(loaders, i),
  },
  OccupationDetailedWorkActivity: {
    activity: (d) => d.dwa,
    tasks: (d, _, { loaders }) => tasksOf(loaders, d),
  },
  JobZoneAssignment: {
    jobZone: (a, _, { loaders }) => loadRequired(loaders.jobZoneByZone, a.job_zone, 'job zone'),
  },
  TechnologySkill: unspscHierarchy((s: TechnologySkillShape) => s.commodityCode),
  Tool: unspscHierarchy((t: ToolRow) => t.commodity_code),
};
