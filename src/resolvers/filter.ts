/** Checking an `OccupationFilter`, shared by `occupations` and `searchOccupations`. */
import type { OccupationFilter } from '../__generated__/resolvers-types';
import { badUserInput, quoted } from '../errors';
import type { OccupationPageQuery } from '../store/queries';

export type CheckedFilter = Pick<OccupationPageQuery, 'jobZone' | 'majorGroup' | 'hasFramework'>;

export function checkOccupationFilter(filter: OccupationFilter | null | undefined): CheckedFilter {
  const jobZone = filter?.jobZone ?? null;
  if (jobZone !== null && (jobZone < 1 || jobZone > 5)) {
    throw badUserInput('filter', `filter.jobZone must be 1 to 5; got ${jobZone}.`);
  }
  const majorGroup = filter?.majorGroup ?? null;
  if (majorGroup !== null && !/^\d{2}$/.test(majorGroup)) {
    throw badUserInput('filter', `filter.majorGroup must be two digits like 43; got ${quoted(majorGroup)}.`);
  }
  return { jobZone, majorGroup, hasFramework: filter?.hasFramework ?? null };
}
