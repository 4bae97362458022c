/** Parent shapes for GraphQL types that are not one store row (see the mappers in codegen.ts). */
import type { InterestLevel, RiasecKeywordRow } from '../store/database';
import type { Coverage, ElementScoreRow } from '../store/queries';

export interface ElementRatingShape {
  /** `43-6012.00/skills/2.A.1.a` */
  id: string;
  elementId: string;
  elementName: string;
  scores: ElementScoreRow[];
  date: string;
  domainSource: string;
  release: string;
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
