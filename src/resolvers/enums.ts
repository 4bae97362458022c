/**
 * What each GraphQL enum value stands for in the store: the one home of these pairs. Codegen types each of these
 * enums as the store's own type (`enumValues` in codegen.ts), and the resolver map hands these pairs to the schema,
 * so arguments arrive as store values and resolvers return store values unchanged. `Complete` makes leaving a
 * value out a type error.
 */
import type {
  InterestLevelResolvers,
  RiasecKeywordTypeResolvers,
  CareerDirectionResolvers,
  CareerMoveRankResolvers,
  ObservedUnitMatchResolvers,
  EducationDistributionResolvers,
  EmergingTaskCategoryResolvers,
  ReleaseFileStatusResolvers,
  SkillLinkTargetResolvers,
  CorrectionStatusResolvers,
  CorrectionTargetKindResolvers,
  ReviewDecisionResolvers,
  SearchFieldResolvers,
  TaskTypeResolvers,
} from '../__generated__/resolvers-types';

type Complete<T> = { [K in keyof T]-?: NonNullable<T[K]> };

export const enumValues = {
  TaskType: { CORE: 'Core', SUPPLEMENTAL: 'Supplemental' } satisfies Complete<TaskTypeResolvers>,
  EmergingTaskCategory: { NEW: 'New', REVISION: 'Revision' } satisfies Complete<EmergingTaskCategoryResolvers>,
  SkillLinkTarget: { WORK_ACTIVITY: 'work_activity', WORK_CONTEXT: 'work_context' } satisfies Complete<SkillLinkTargetResolvers>,
  EducationDistribution: {
    REQUIRED_LEVEL_OF_EDUCATION: 'RL',
    RELATED_WORK_EXPERIENCE: 'RW',
    ON_SITE_OR_IN_PLANT_TRAINING: 'PT',
    ON_THE_JOB_TRAINING: 'OJ',
  } satisfies Complete<EducationDistributionResolvers>,
  ReleaseFileStatus: { IDENTICAL: 'identical', CHANGED: 'changed', NEW: 'new', DROPPED: 'dropped' } satisfies Complete<ReleaseFileStatusResolvers>,
  InterestLevel: { General: 'General', Basic: 'Basic' } satisfies Complete<InterestLevelResolvers>,
  RiasecKeywordType: { Action: 'Action', Object: 'Object' } satisfies Complete<RiasecKeywordTypeResolvers>,
  SearchField: {
    TITLE: 'title',
    ALTERNATE_TITLE: 'alternate_title',
    SHORT_TITLE: 'short_title',
    REPORTED_TITLE: 'reported_title',
    DESCRIPTION: 'description',
    TASK: 'task',
    TECHNOLOGY: 'technology',
  } satisfies Complete<SearchFieldResolvers>,
  CorrectionTargetKind: { STATEMENT: 'statement', ANCHOR: 'anchor', FIELD: 'field' } satisfies Complete<CorrectionTargetKindResolvers>,
  CorrectionStatus: { PENDING: 'pending', ACCEPTED: 'accepted', REJECTED: 'rejected' } satisfies Complete<CorrectionStatusResolvers>,
  CareerDirection: { ANY: 'any', ADVANCE: 'advance', LATERAL: 'lateral', STEP_DOWN: 'step_down' } satisfies Complete<CareerDirectionResolvers>,
  CareerMoveRank: { SIMILARITY: 'similarity', LIKELIHOOD: 'likelihood' } satisfies Complete<CareerMoveRankResolvers>,
  ObservedUnitMatch: { EXACT_CODE: 'exact', BROAD_CODE: 'broad', MINOR_GROUP: 'minor_group' } satisfies Complete<ObservedUnitMatchResolvers>,
  ReviewDecision: { ACCEPT: 'accepted', REJECT: 'rejected', REOPEN: 'pending' } satisfies Complete<ReviewDecisionResolvers>,
};
