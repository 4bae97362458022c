/** Parent shapes for GraphQL types that are not one store row (see the mappers in codegen.ts). */
import type { InterestLevel, OnetRelease, RiasecKeywordRow } from '../store/database';
import type { Coverage, ElementScoreRow } from '../store/queries';

/**
 * One element's rating, with the fields the schema serves as plain properties: made once per list (ratingsOf), and
 * once for the life of the store where the list is held, so a request reads them without a resolver call each.
 */
export interface ElementRatingShape {
  /** `43-6012.00/skills/2.A.1.a` */
  id: string;
  element: { id: string; name: string };
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
  keywords: RiasecKeywordRow[];
  release: string;
}
