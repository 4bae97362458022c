/** Checking an `OccupationFilter`, shared by `occupations` and `searchOccupations`. */
import type { OccupationFilter } from '../__generated__/resolvers-types';
import { badUserInput, quoted } from '../errors';
import type { OccupationPageQuery } from '../store/queries';

export type CheckedFilter = Pick<OccupationPageQuery, 'jobZone' | 'majorGroup' | 'hasFramework'>;

/** `meta` is the store's: its `job_zones` are the zones of the served release's Job Zone scale. */
export function checkOccupationFilter(filter: OccupationFilter | null | undefined, meta: ReadonlyMap<string, string>): CheckedFilter {
  const jobZone = filter?.jobZone ?? null;
  const zones = (meta.get('job_zones') ?? '').split(',').filter((z) => z !== '').map(Number);
  if (jobZone !== null && !zones.includes(jobZone)) {
    throw badUserInput('filter', `filter.jobZone must be one of the served release's job zones (${zones.join(', ')}); got ${jobZone}.`);
  }
  const majorGroup = filter?.majorGroup ?? null;
  if (majorGroup !== null && !/^\d{2}$/.test(majorGroup)) {
    throw badUserInput('filter', `filter.majorGroup must be two digits like 43; got ${quoted(majorGroup)}.`);
  }
  return { jobZone, majorGroup, hasFramework: filter?.hasFramework ?? null };
}
