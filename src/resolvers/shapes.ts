/** Parent shapes for GraphQL types that are not one store row (see the mappers in codegen.ts). */
import type { AiUsageStatementRow, DurableStatementRow } from '../store/database';
import type { Coverage, ElementScoreRow } from '../store/queries';

export interface ElementRatingShape {
  elementId: string;
  elementName: string;
  scores: ElementScoreRow[];
  date: string;
  domainSource: string;
  release: string;
}

export interface ElementRatingsShape {
  items: ElementRatingShape[] | null;
  unavailableReason: string | null;
  release: string | null;
}

export type CitedStatementShape = AiUsageStatementRow | DurableStatementRow;

export interface DurableLevelShape {
  key: 'EMERGING' | 'DEVELOPING' | 'APPLYING' | 'EXCEEDING';
  name: string;
  statements: DurableStatementRow[];
}

export interface DatasetShape {
  meta: ReadonlyMap<string, string>;
  coverage: Coverage;
}
