/**
 * Pay and demand (schema/labor-market.graphql): an occupation's BLS OEWS estimate and EP projection, loaded by its
 * SOC code (its own row or its aggregate's), shaped as served, with the reason wherever a figure is missing; the
 * wage and outlook change of a comparison or a career move; and the dataset's coverage counts.
 */
import type {
  CareerMoveResolvers,
  DatasetResolvers,
  EmploymentProjectionResolvers,
  EmploymentResolvers,
  LaborMarketResolvers,
  OccupationComparisonResolvers,
  OccupationResolvers,
  OutlookChange,
  WageChange,
  WageDistribution,
  WageFigure,
  WagesResolvers,
} from '../__generated__/resolvers-types';
import { type MedianWage, outlookChange, wageChange } from '../careers/pay-and-demand';
import type { Context } from '../context';
import { loadRequired, type Loaders } from '../loaders';
import type { EmploymentProjectionRow, OccupationRow, OewsEstimateRow, WageBasis, WageStatistic } from '../store/database';
import { LABOR_MARKET_SOURCE_IDS, OEWS_FILE, PROJECTIONS_FILE } from '../store/labor-market-files';
import { laborMarketCounts, type ForSocCode } from '../store/labor-market-queries';
import { type CareerMoveShape, type ComparisonShape, occupationPair } from './careers';
import { ids } from './ids';

type Estimate = ForSocCode<OewsEstimateRow>;
type Projection = ForSocCode<EmploymentProjectionRow>;

export interface LaborMarketShape {
  occupation: OccupationRow;
  estimate: Estimate | null;
  projection: Projection | null;
}

/** A part of the figures that names its source (resolved through the loaders). */
interface Sourced {
  id: string;
  sourceId: string;
}

export interface EmploymentShape extends Sourced {
  value: number | null;
  relativeStandardError: number | null;
  unavailableReason: string | null;
}

export interface WagesShape extends Sourced {
  annual: WageDistribution | null;
  annualUnavailableReason: string | null;
  hourly: WageDistribution | null;
  hourlyUnavailableReason: string | null;
}

export interface EmploymentProjectionShape extends Sourced {
  baseYear: number;
  targetYear: number;
  employmentBase: number | null;
  employmentTarget: number | null;
  change: number | null;
  changePercent: number | null;
  openingsPerYear: number | null;
  selfEmployedPercent: number | null;
  typicalEducation: string | null;
  workExperience: string | null;
  onTheJobTraining: string | null;
  unavailableReason: string | null;
}

const OEWS = `BLS OEWS ${OEWS_FILE.release}`;
const EP = `BLS Employment Projections ${PROJECTIONS_FILE.release}`;

/** Both of an occupation's BLS rows, by its SOC code, in one batched statement each. */
async function rowsOf(loaders: Loaders, occupation: OccupationRow): Promise<LaborMarketShape> {
  const [estimate, projection] = await Promise.all([loaders.oewsEstimateBySocCode.load(occupation.soc_code), loaders.projectionBySocCode.load(occupation.soc_code)]);
  return { occupation, estimate, projection };
}

/** Whether the file (by source id) has no row at all in the occupation's SOC major group (the importer records them). */
function absentFromGroup(sourceId: string, occupation: OccupationRow, meta: ReadonlyMap<string, string>): boolean {
  const absent = (JSON.parse(meta.get('labor_market_absent_major_groups') ?? '{}') as Record<string, string[]>)[sourceId] ?? [];
  return absent.includes(occupation.major_group);
}

/** Why a file has no row for the occupation: none covers its SOC code, and perhaps none covers its major group. */
function noRow(file: string, sourceId: string, occupation: OccupationRow, meta: ReadonlyMap<string, string>): string {
  const group = absentFromGroup(sourceId, occupation, meta) ? `; it publishes no figure for any occupation in SOC major group ${occupation.major_group}` : '';
  return `${file} has no row covering SOC ${occupation.soc_code}, neither its own nor an aggregate's${group}.`;
}

/** Why there is no figure at all: neither file covers the occupation. */
function noFigures(occupation: OccupationRow, meta: ReadonlyMap<string, string>): string {
  const group = LABOR_MARKET_SOURCE_IDS.every((id) => absentFromGroup(id, occupation, meta))
    ? `; neither publishes any figure in SOC major group ${occupation.major_group}`
    : '';
  return `No row of ${OEWS} or ${EP} covers SOC ${occupation.soc_code}, neither its own nor an aggregate's${group}. No figure of another code is served in their place.`;
}

function wageFigure(estimate: OewsEstimateRow, basis: WageBasis, statistic: WageStatistic): WageFigure | null {
  const value = estimate[`${basis}_${statistic}`];
  return value === null ? null : { value, topCoded: estimate[`${basis}_${statistic}_top_coded`] === 1 };
}

function distribution(id: string, estimate: OewsEstimateRow, basis: WageBasis): WageDistribution {
  const figure = (statistic: WageStatistic) => wageFigure(estimate, basis, statistic);
  return {
    id: `${id}/${basis}`,
    unit: basis === 'annual' ? 'USD per year' : 'USD per hour',
    mean: figure('mean'),
    meanRelativeStandardError: estimate.mean_rse,
    percentile10: figure('p10'),
    percentile25: figure('p25'),
    median: figure('median'),
    percentile75: figure('p75'),
    percentile90: figure('p90'),
  };
}

function wages(m: LaborMarketShape, meta: ReadonlyMap<string, string>): WagesShape {
  const id = `${ids.laborMarket(m.occupation.code)}/wages`;
  const { estimate } = m;
  if (estimate === null) {
    const reason = noRow(OEWS, OEWS_FILE.sourceId, m.occupation, meta);
    return { id, sourceId: OEWS_FILE.sourceId, annual: null, annualUnavailableReason: reason, hourly: null, hourlyUnavailableReason: reason };
  }
  const only = (basis: string, flag: string, paid: string) =>
    `${OEWS} releases only ${basis} wages for ${estimate.code} (its ${flag} flag): the occupation typically works fewer than 2,080 hours a year and is paid ${paid}.`;
  return {
    id,
    sourceId: OEWS_FILE.sourceId,
    annual: estimate.hourly_only === 1 ? null : distribution(id, estimate, 'annual'),
    annualUnavailableReason: estimate.hourly_only === 1 ? only('hourly', 'HOURLY', 'by the hour') : null,
    hourly: estimate.annual_only === 1 ? null : distribution(id, estimate, 'hourly'),
    hourlyUnavailableReason: estimate.annual_only === 1 ? only('annual', 'ANNUAL', 'by the year') : null,
  };
}

function employment(m: LaborMarketShape, meta: ReadonlyMap<string, string>): EmploymentShape {
  const { estimate } = m;
  const reason =
    estimate === null
      ? noRow(OEWS, OEWS_FILE.sourceId, m.occupation, meta)
      : estimate.employment === null
        ? `${OEWS} gives no employment estimate for ${estimate.code} ("**": not available).`
        : null;
  return {
    id: `${ids.laborMarket(m.occupation.code)}/employment`,
    sourceId: OEWS_FILE.sourceId,
    value: estimate?.employment ?? null,
    relativeStandardError: estimate?.employment_rse ?? null,
    unavailableReason: reason,
  };
}

function projection(m: LaborMarketShape, meta: ReadonlyMap<string, string>): EmploymentProjectionShape {
  const p = m.projection;
  return {
    id: `${ids.laborMarket(m.occupation.code)}/projection`,
    sourceId: PROJECTIONS_FILE.sourceId,
    baseYear: PROJECTIONS_FILE.baseYear,
    targetYear: PROJECTIONS_FILE.targetYear,
    employmentBase: p?.employment_base ?? null,
    employmentTarget: p?.employment_target ?? null,
    change: p?.change ?? null,
    changePercent: p?.change_percent ?? null,
    openingsPerYear: p?.openings_per_year ?? null,
    selfEmployedPercent: p?.self_employed_percent ?? null,
    typicalEducation: p?.typical_education ?? null,
    workExperience: p?.work_experience ?? null,
    onTheJobTraining: p?.on_the_job_training ?? null,
    unavailableReason: p === null ? noRow(EP, PROJECTIONS_FILE.sourceId, m.occupation, meta) : null,
  };
}

/** The code the figures are published under: both files use the same (the importer checks it). */
const codeOf = (m: LaborMarketShape) => m.estimate?.code ?? m.projection?.code ?? null;

const source = (s: Sourced, loaders: Loaders) => loadRequired(loaders.sourceById, s.sourceId, 'labor-market source');

export const occupationLaborMarket: Pick<OccupationResolvers<Context>, 'laborMarket'> = {
  laborMarket: (o, _, { loaders }) => rowsOf(loaders, o),
};

/** The median annual wage of an occupation's OEWS row, exact or top-coded; null where it has none. */
function medianAnnualWage(estimate: Estimate | null): MedianWage | null {
  return estimate === null ? null : wageFigure(estimate, 'annual', 'median');
}

/** The wage and outlook change between two occupations, from their BLS rows. */
async function changes(loaders: Loaders, from: OccupationRow, to: OccupationRow, id: string): Promise<{ wageChange: WageChange; outlookChange: OutlookChange }> {
  const [a, b] = await Promise.all([rowsOf(loaders, from), rowsOf(loaders, to)]);
  const [fromLabel, toLabel] = [`${from.code} (${from.title})`, `${to.code} (${to.title})`];
  const wage = wageChange(medianAnnualWage(a.estimate), medianAnnualWage(b.estimate), fromLabel, toLabel);
  return {
    wageChange: { id: `${id}/wage-change`, from: medianAnnualWage(a.estimate), to: medianAnnualWage(b.estimate), ...wage },
    outlookChange: { id: `${id}/outlook-change`, ...outlookChange(a.projection?.change_percent ?? null, b.projection?.change_percent ?? null, fromLabel, toLabel) },
  };
}

export const comparisonLaborMarket: Pick<OccupationComparisonResolvers<Context>, 'wageChange' | 'outlookChange'> = {
  wageChange: async (c: ComparisonShape, _, { loaders }) => (await changes(loaders, c.from, c.to, ids.comparison(c.from.code, c.to.code))).wageChange,
  outlookChange: async (c: ComparisonShape, _, { loaders }) => (await changes(loaders, c.from, c.to, ids.comparison(c.from.code, c.to.code))).outlookChange,
};

/** A move's changes, under the comparison's id (the move's `comparison` is the same pair). */
async function moveChanges(m: CareerMoveShape, loaders: Loaders) {
  const { from, to } = await occupationPair(loaders, m.from, m.to);
  return changes(loaders, from, to, ids.comparison(m.from, m.to));
}

export const careerMoveLaborMarket: Pick<CareerMoveResolvers<Context>, 'wageChange' | 'outlookChange'> = {
  wageChange: async (m, _, { loaders }) => (await moveChanges(m, loaders)).wageChange,
  outlookChange: async (m, _, { loaders }) => (await moveChanges(m, loaders)).outlookChange,
};

export const datasetLaborMarket: Pick<DatasetResolvers<Context>, 'laborMarketSources' | 'laborMarketCoverage'> = {
  laborMarketSources: (_, __, { loaders }) => Promise.all(LABOR_MARKET_SOURCE_IDS.map((id) => loadRequired(loaders.sourceById, id, 'labor-market source'))),
  laborMarketCoverage: async (_, __, { store }) => ({ id: 'dataset/labor-market-coverage', ...(await laborMarketCounts(store.db)) }),
};

export const laborMarketResolvers = {
  LaborMarket: {
    id: (m) => ids.laborMarket(m.occupation.code),
    socCode: (m) => codeOf(m),
    socTitle: (m) => m.estimate?.title ?? m.projection?.title ?? null,
    aggregate: (m) => (m.estimate ?? m.projection)?.aggregate === 1,
    aggregatedSocCodes: async (m, _, { loaders }) => {
      const code = codeOf(m);
      if (code === null || (m.estimate ?? m.projection)?.aggregate !== 1) return [];
      return (await loaders.socCodesByLaborCode.load(code)).map((r) => r.soc_code);
    },
    sharedWith: async (m, _, { loaders }) => {
      const code = codeOf(m);
      if (code === null) return [];
      const socCodes = (await loaders.socCodesByLaborCode.load(code)).map((r) => r.soc_code);
      const occupations = (await loaders.occupationsBySocCode.loadMany(socCodes)).flatMap((o) => (o instanceof Error ? [] : o));
      return occupations.filter((o) => o.code !== m.occupation.code).sort((a, b) => a.code.localeCompare(b.code));
    },
    unavailableReason: (m, _, { store }) => (m.estimate === null && m.projection === null ? noFigures(m.occupation, store.meta) : null),
    employment: (m, _, { store }) => employment(m, store.meta),
    wages: (m, _, { store }) => wages(m, store.meta),
    projection: (m, _, { store }) => projection(m, store.meta),
  } satisfies LaborMarketResolvers<Context>,
  Employment: { source: (e, _, { loaders }) => source(e, loaders) } satisfies EmploymentResolvers<Context>,
  Wages: { source: (w, _, { loaders }) => source(w, loaders) } satisfies WagesResolvers<Context>,
  EmploymentProjection: { source: (p, _, { loaders }) => source(p, loaders) } satisfies EmploymentProjectionResolvers<Context>,
};
