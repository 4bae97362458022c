/** Checking filters: an `OccupationFilter`, shared by `occupations` and `searchOccupations`, and the UNSPSC filters of technology and tools. */
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

/** A UNSPSC segment and family to keep, each null for any. */
export interface UnspscFilter {
  segment: number | null;
  family: number | null;
}

/**
 * `segment` and `family` as UNSPSC writes them, 8 digits: a segment ends in 000000 (`43000000`), a family in 0000 but
 * not 000000 (`43230000`). Null where neither is given.
 */
export function checkUnspscFilter(segment: number | null | undefined, family: number | null | undefined): UnspscFilter | null {
  const eightDigits = (code: number) => Number.isInteger(code) && code >= 10_000_000 && code <= 99_999_999;
  if (segment != null && !(eightDigits(segment) && segment % 1_000_000 === 0)) {
    throw badUserInput('segment', `Argument "segment" must be an 8-digit UNSPSC segment code ending in 000000, e.g. 43000000; got ${segment}.`);
  }
  if (family != null && !(eightDigits(family) && family % 10_000 === 0 && family % 1_000_000 !== 0)) {
    throw badUserInput('family', `Argument "family" must be an 8-digit UNSPSC family code ending in 0000 (not 000000), e.g. 43230000; got ${family}.`);
  }
  return segment == null && family == null ? null : { segment: segment ?? null, family: family ?? null };
}
