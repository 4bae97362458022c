/**
 * The O*NET files that add something for HR users beyond the occupation anchors (schema/onet-reference.graphql):
 * the Job Zone scale, Work Values, Emerging Tasks, the RIASEC reference files and the skill links.
 */
import type { OccupationResolvers, QueryResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired } from '../loaders';
import type { InterestLevel } from '../store/database';
import { allJobZones, interestReference, skillLinks } from '../store/queries';
import { ids } from './ids';
import { ratingsOf } from './occupation';
import type { InterestTypeShape } from './shapes';

export const referenceQuery: QueryResolvers = {
  jobZones: (_, __, { store }) => allJobZones(store.db),
  interestTypes: async (_, __, { store }) => {
    const { activities, occupations, keywords } = await interestReference(store.db);
    const types = new Map<string, InterestTypeShape>();
    const typeOf = (row: { element_id: string; element_name: string; interest_type: InterestLevel; release: string }) => {
      let type = types.get(row.element_id);
      if (type === undefined) {
        type = {
          elementId: row.element_id, elementName: row.element_name, interestType: row.interest_type,
          activities: [], occupationCodes: [], keywords: [], release: row.release,
        };
        types.set(row.element_id, type);
      }
      return type;
    };
    for (const a of activities) typeOf(a).activities.push(a.activity);
    for (const o of occupations) typeOf(o).occupationCodes.push(o.occupation_code);
    for (const k of keywords) typeOf({ ...k, interest_type: 'General' }).keywords.push(k);
    return [...types.values()];
  },
  skillLinks: (_, { skill }, { store }) => skillLinks(store.db, skill ?? null),
};

export const referenceOccupation: Pick<OccupationResolvers<Context>, 'workValues' | 'emergingTasks'> = {
  workValues: async (o, _, { loaders }) =>
    ratingsOf(ids.elementRatings(o.code, 'work-values'), await loaders.workValueScoresByOccupation.load(o.code), `O*NET ${o.release} has no Work Values for this occupation`),
  emergingTasks: (o, _, { loaders }) => loaders.emergingTasksByOccupation.load(o.code),
};

export const referenceResolvers: Resolvers = {
  EmergingTask: {
    originalTaskId: (t) => (t.original_task_id === null ? null : String(t.original_task_id)),
  },
  InterestType: {
    element: (t) => ({ id: t.elementId, name: t.elementName }),
    occupations: (t, _, { loaders }) =>
      Promise.all(t.occupationCodes.map((code) => loadRequired(loaders.occupationByCode, code, 'illustrative occupation'))),
  },
  SkillLink: {
    skill: (l) => ({ id: l.skill_id, name: l.skill_name }),
    target: (l) => ({ id: l.target_id, name: l.target_name }),
  },
};
