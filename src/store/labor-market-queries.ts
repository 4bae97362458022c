/**
 * The queries of pay and demand (BLS OEWS and Employment Projections, src/store/labor-market-files.ts): an
 * occupation's figures by its SOC code, what else shares them, the coverage counts, and the figures `occupations`
 * filters and orders by. Each batch function runs one `WHERE key IN (...)` statement.
 */
import { sql } from 'kysely';
import type { EmploymentProjectionRow, OewsEstimateRow } from './database';
import type { Db, OccupationFigure } from './queries';

/** A row of a BLS file with the SOC code it was asked for (several SOC codes share an aggregate's row). */
export type ForSocCode<R> = R & { soc_code: string };

/** Each SOC code's OEWS estimate: its own, or its aggregate's; SOC codes no row covers have none. */
export function oewsEstimatesBySocCode(db: Db, socCodes: readonly string[]): Promise<ForSocCode<OewsEstimateRow>[]> {
  return db
    .selectFrom('labor_coverage as c')
    .innerJoin('oews_estimate as e', 'e.code', 'c.code')
    .selectAll('e')
    .select('c.soc_code')
    .where('c.soc_code', 'in', socCodes)
    .execute();
}

/** Each SOC code's EP projection: its own, or its aggregate's. */
export function projectionsBySocCode(db: Db, socCodes: readonly string[]): Promise<ForSocCode<EmploymentProjectionRow>[]> {
  return db
    .selectFrom('labor_coverage as c')
    .innerJoin('employment_projection as p', 'p.code', 'c.code')
    .selectAll('p')
    .select('c.soc_code')
    .where('c.soc_code', 'in', socCodes)
    .execute();
}

/** The SOC codes each BLS code covers (one for a SOC code's own row, several for an aggregate), in code order. */
export function socCodesByLaborCode(db: Db, codes: readonly string[]): Promise<{ code: string; soc_code: string }[]> {
  return db
    .selectFrom('labor_coverage')
    .select(['soc_code', sql<string>`code`.as('code')])
    .where('code', 'in', codes)
    .orderBy('soc_code')
    .execute();
}

export interface LaborMarketCounts {
  withEmployment: number;
  withAnnualWages: number;
  withHourlyWages: number;
  withMedianAnnualWage: number;
  withProjection: number;
  withNone: number;
}

/** How many occupations have each figure, in one statement. */
export async function laborMarketCounts(db: Db): Promise<LaborMarketCounts> {
  const result = await sql<LaborMarketCounts>`
    SELECT
      count(e.employment) AS withEmployment,
      count(CASE WHEN e.code IS NOT NULL AND e.hourly_only = 0 THEN 1 END) AS withAnnualWages,
      count(CASE WHEN e.code IS NOT NULL AND e.annual_only = 0 THEN 1 END) AS withHourlyWages,
      count(e.annual_median) AS withMedianAnnualWage,
      count(p.code) AS withProjection,
      count(CASE WHEN e.code IS NULL AND p.code IS NULL THEN 1 END) AS withNone
    FROM occupation o
    LEFT JOIN labor_coverage c ON c.soc_code = o.soc_code
    LEFT JOIN oews_estimate e ON e.code = c.code
    LEFT JOIN employment_projection p ON p.code = c.code
  `.execute(db);
  return result.rows[0]!;
}

/** A figure of the occupation's OEWS estimate or EP projection, as SQL over the `occupation` row being filtered. */
function figureOf(table: 'oews_estimate' | 'employment_projection', column: string, topCoded?: string): OccupationFigure {
  const of = (c: string) => sql<never>`(SELECT f.${sql.ref(c)} FROM labor_coverage c JOIN ${sql.table(table)} f ON f.code = c.code WHERE c.soc_code = occupation.soc_code)`;
  return { value: of(column), ...(topCoded !== undefined && { lowerBound: of(topCoded) }) };
}

/** The labor-market figures `occupations` filters and orders by, each under the key its cursors carry. */
export const LABOR_MARKET_FIGURES = {
  medianAnnualWage: { key: 'median-annual-wage', figure: figureOf('oews_estimate', 'annual_median', 'annual_median_top_coded') },
  employment: { key: 'employment', figure: figureOf('oews_estimate', 'employment') },
  openingsPerYear: { key: 'openings-per-year', figure: figureOf('employment_projection', 'openings_per_year') },
  projectedChangePercent: { key: 'projected-change-percent', figure: figureOf('employment_projection', 'change_percent') },
} satisfies Record<string, { key: string; figure: OccupationFigure }>;
