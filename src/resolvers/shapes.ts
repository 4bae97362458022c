/** Parent shapes for GraphQL types that are not one store row (see the mappers in codegen.ts). */
import type { AiSourceId } from '../store/ai-exposure-files';
import type { AutomationLabel, ExposureLabel, InterestLevel, OnetRelease, TextMatch } from '../store/database';
import type { Coverage, ElementScoreRow, LevelAnchorRow, RiasecKeywordFields, WorkActivityLinkRow } from '../store/queries';

/** A Content Model element as the file that names it gives it; its description and anchors are loaded by id. */
export interface ElementShape {
  id: string;
  name: string;
}

/**
 * One element's rating, with the fields the schema serves as plain properties: made once per list (ratingsOf), and
 * once for the life of the store where the list is held, so a request reads them without a resolver call each.
 */
export interface ElementRatingShape {
  /** `43-6012.00/skills/2.A.1.a` */
  id: string;
  element: ElementShape;
  /** The IM score, or null. */
  importance: number | null;
  /** The LV score, or null. */
  level: number | null;
  scores: ElementScoreRow[];
  date: string;
  domainSource: string;
  release: string;
}

/**
 * A technology skill with the fields the schema serves as plain properties, made once per store row
 * (technologySkillOf in onet.ts), which lasts as long as the row is held.
 */
export interface TechnologySkillShape {
  /** `43-6012.00/technology-skills/4410` */
  id: string;
  /** The row's id (its order in the O*NET file): what cursors hold. */
  rowId: number;
  name: string;
  commodityCode: number;
  commodityTitle: string;
  hot: boolean;
  inDemand: boolean;
  release: OnetRelease;
}

export interface ElementRatingsShape {
  /** `43-6012.00/skills` */
  id: string;
  items: ElementRatingShape[] | null;
  unavailableReason: string | null;
  release: string | null;
}

export interface DatasetShape {
  meta: ReadonlyMap<string, string>;
  coverage: Coverage;
}

/** A RIASEC type or basic interest with its illustrations, gathered from three O*NET reference files. */
export interface InterestTypeShape {
  elementId: string;
  elementName: string;
  interestType: InterestLevel;
  activities: string[];
  occupationCodes: string[];
  keywords: RiasecKeywordFields[];
  release: string;
}

/** Whether one AI exposure source covers an occupation: the code its figures are for, or why it has none. */
export interface AiSourceCoverageShape {
  occupationCode: string;
  sourceId: AiSourceId;
  /** Null where the source has no figure for the occupation. */
  publishedFor: string | null;
  /** Null where it has. */
  reason: string | null;
}

/** One AI exposure source's reach, from the counts the store recorded at build. */
export interface AiSourceSummaryShape {
  sourceId: AiSourceId;
  occupationsCovered: number;
}

/** The AEI's penetration of a task statement, where one joined. */
export interface AeiTaskPenetrationShape {
  /** The task's `TaskAiExposure.id`. */
  exposureId: string;
  value: number;
  match: TextMatch;
  statement: string;
}

/** GPTs are GPTs' labels of a task, where it labelled one. */
export interface GptsTaskLabelsShape {
  /** The task's `TaskAiExposure.id`. */
  exposureId: string;
  humanExposure: ExposureLabel;
  gpt4Exposure: ExposureLabel;
  gpt4Automation: AutomationLabel;
  /** Null where the labelled statement is the task's statement today. */
  labelledStatement: string | null;
}

/** Where a rating's level falls among its element's anchors. */
export interface AnchoredLevelShape {
  /** `43-6012.00/skills/2.A.1.c/level-anchors` */
  id: string;
  level: number;
  lower: LevelAnchorRow | null;
  upper: LevelAnchorRow | null;
}

/** An occupation's work activities as its tasks reach them (src/resolvers/work-activities.ts builds it). */
export interface OccupationWorkActivitiesShape {
  code: string;
  generalized: GeneralizedWorkActivityShape[];
}

/** What every level of the tree holds: its id, the occupation, and the ids of the tasks reaching it, in order. */
interface WorkActivityNode {
  /** `43-6012.00/work-activities/4.A.3.b.6` */
  id: string;
  occupationCode: string;
  taskIds: number[];
}

export interface GeneralizedWorkActivityShape extends WorkActivityNode {
  elementId: string;
  intermediate: IntermediateWorkActivityShape[];
}

export interface IntermediateWorkActivityShape extends WorkActivityNode {
  iwaId: string;
  detailed: DetailedWorkActivityShape[];
}

export interface DetailedWorkActivityShape extends WorkActivityNode {
  /** The DWA, as the first link to it gives it. */
  dwa: WorkActivityLinkRow;
}

/** A UNSPSC class, family or segment. */
export interface UnspscCategoryShape {
  code: number;
  title: string;
}
