/**
 * Checking filters: an `OccupationFilter` (shared by `occupations` and `searchOccupations`), an `OccupationOrder`, and
 * the UNSPSC filters of technology and tools. The figures a filter's ranges and an order read are the store's
 * (src/store/labor-market-queries.ts, ai-exposure-queries.ts); each GraphQL input names one here, so a new figure adds
 * its range and its order field in the two maps below. AI measures are named by the input (`aiMeasures`, `aiMeasure`),
 * so one entry serves them all.
 */
import type { FloatRange, OccupationFilter, OccupationOrder, OccupationOrderField } from '../__generated__/resolvers-types';
import { badUserInput, quoted } from '../errors';
import { aiMeasureFigure } from '../store/ai-exposure-queries';
import { LABOR_MARKET_FIGURES } from '../store/labor-market-queries';
import type { FigureOrder, FigureRange, OccupationFilterQuery, OccupationFigure } from '../store/queries';

export type CheckedFilter = OccupationFilterQuery;

/** A figure as an order names it: `key` tells cursors of one order from another's. */
interface NamedFigure {
  key: string;
  figure: OccupationFigure;
}

/** The filter's range inputs, each with the figure it bounds. */
const RANGES: { [F in keyof OccupationFilter]?: (filter: OccupationFilter) => NamedFigure } = {
  medianAnnualWage: () => LABOR_MARKET_FIGURES.medianAnnualWage,
  projectedChangePercent: () => LABOR_MARKET_FIGURES.projectedChangePercent,
};

/** Each order field's figure; a field that needs more than its name (a measure) reads it from the order. */
const ORDERS: Record<OccupationOrderField, (order: OccupationOrder) => NamedFigure> = {
  MEDIAN_ANNUAL_WAGE: () => LABOR_MARKET_FIGURES.medianAnnualWage,
  EMPLOYMENT: () => LABOR_MARKET_FIGURES.employment,
  OPENINGS_PER_YEAR: () => LABOR_MARKET_FIGURES.openingsPerYear,
  PROJECTED_CHANGE_PERCENT: () => LABOR_MARKET_FIGURES.projectedChangePercent,
  AI_MEASURE: ({ aiMeasure }) => {
    if (aiMeasure == null) throw badUserInput('orderBy', 'orderBy.aiMeasure must name the AI measure to order by when orderBy.field is AI_MEASURE.');
    return { key: `ai-measure/${aiMeasure}`, figure: aiMeasureFigure(aiMeasure) };
  },
};

function checkRange(name: string, range: FloatRange, figure: OccupationFigure): FigureRange {
  const min = range.min ?? null;
  const max = range.max ?? null;
  if (min !== null && max !== null && min > max) {
    throw badUserInput('filter', `filter.${name}.min (${min}) must not be above its max (${max}).`);
  }
  return { figure, min, max };
}

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
  const ranges: FigureRange[] = [];
  for (const [name, figureOf] of Object.entries(RANGES)) {
    const range = filter?.[name as keyof OccupationFilter] as FloatRange | null | undefined;
    if (range != null && figureOf !== undefined) ranges.push(checkRange(name, range, figureOf(filter!).figure));
  }
  (filter?.aiMeasures ?? []).forEach((range, i) => ranges.push(checkRange(`aiMeasures[${i}]`, range, aiMeasureFigure(range.measure))));
  return { jobZone, majorGroup, hasFramework: filter?.hasFramework ?? null, ranges };
}

/** The order and the cursor kind of its pages, or null for code order (no `orderBy`). */
export function checkOccupationOrder(order: OccupationOrder | null | undefined): { order: FigureOrder; cursorKind: string } | null {
  if (order == null) return null;
  if (order.aiMeasure != null && order.field !== 'AI_MEASURE') {
    throw badUserInput('orderBy', `orderBy.aiMeasure names a measure only with orderBy.field AI_MEASURE; got field ${order.field}.`);
  }
  const { key, figure } = ORDERS[order.field](order);
  const direction = order.direction === 'ASC' ? 'asc' : 'desc';
  return { order: { figure, direction }, cursorKind: `occupation/${key}/${direction}` };
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
