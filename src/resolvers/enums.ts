/**
 * What each GraphQL enum value stands for in the store: the one home of these pairs. Codegen types each of these
 * enums as the store's own type (`enumValues` in codegen.ts), and the resolver map hands these pairs to the schema,
 * so arguments arrive as store values and resolvers return store values unchanged. `Complete` makes leaving a
 * value out a type error.
 */
import type {
  AiMeasureResolvers,
  AutomationLabelResolvers,
  ExposureLabelResolvers,
  PublishedCodeKindResolvers,
  StatementMatchResolvers,
  InterestLevelResolvers,
  RiasecKeywordTypeResolvers,
  CareerDirectionResolvers,
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
  ReviewDecision: { ACCEPT: 'accepted', REJECT: 'rejected', REOPEN: 'pending' } satisfies Complete<ReviewDecisionResolvers>,
  AiMeasure: {
    AEI_OBSERVED_EXPOSURE: 'aei_observed_exposure',
    GPT4_ALPHA: 'gpt4_alpha',
    GPT4_BETA: 'gpt4_beta',
    GPT4_GAMMA: 'gpt4_gamma',
    HUMAN_ALPHA: 'human_alpha',
    HUMAN_BETA: 'human_beta',
    HUMAN_GAMMA: 'human_gamma',
    WWAI_APPLICABILITY: 'wwai_applicability',
    WWAI_APPLICABILITY_USER: 'wwai_applicability_user',
    WWAI_APPLICABILITY_AI: 'wwai_applicability_ai',
    WWAI_COVERAGE_USER: 'wwai_coverage_user',
    WWAI_COVERAGE_AI: 'wwai_coverage_ai',
    WWAI_COMPLETION_USER: 'wwai_completion_user',
    WWAI_COMPLETION_AI: 'wwai_completion_ai',
    WWAI_POSITIVE_FEEDBACK_USER: 'wwai_positive_feedback_user',
    WWAI_POSITIVE_FEEDBACK_AI: 'wwai_positive_feedback_ai',
    WWAI_IMPACT_SCOPE_USER: 'wwai_impact_scope_user',
    WWAI_IMPACT_SCOPE_AI: 'wwai_impact_scope_ai',
  } satisfies Complete<AiMeasureResolvers>,
  PublishedCodeKind: { ONET_SOC: 'onetSoc', SOC_2018: 'soc' } satisfies Complete<PublishedCodeKindResolvers>,
  StatementMatch: { EXACT: 'exact', NORMALIZED: 'normalized' } satisfies Complete<StatementMatchResolvers>,
  ExposureLabel: { E0: 'E0', E1: 'E1', E2: 'E2' } satisfies Complete<ExposureLabelResolvers>,
  AutomationLabel: { T0: 'T0', T1: 'T1', T2: 'T2', T3: 'T3', T4: 'T4' } satisfies Complete<AutomationLabelResolvers>,
};
