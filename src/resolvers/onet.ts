/** Resolvers for the O*NET anchor types that hang off Occupation: row -> GraphQL shape, nothing more. */
import type { RelatednessTier, Resolvers } from '../__generated__/resolvers-types';
import { loadRequired } from '../loaders';
import type { ToolRow } from '../store/database';
import { outsideScale, type ScaleRange } from '../store/scales';

/** O*NET's spelling of each relatedness tier (Related Occupations.txt), as the enum's values. */
const RELATEDNESS_TIERS: Record<string, RelatednessTier> = { 'Primary-Short': 'PRIMARY_SHORT', 'Primary-Long': 'PRIMARY_LONG', Supplemental: 'SUPPLEMENTAL' };

/** A 0/1 column O*NET leaves blank where it does not apply: blank stays null. */
function flag(value: 0 | 1 | null): boolean | null {
  return value === null ? null : value === 1;
}

/** A technology skill and a tool are both an example O*NET files under a UNSPSC commodity. */
const commodityExample = {
  name: (e: CommodityExample) => e.example,
  commodityCode: (e: CommodityExample) => e.commodity_code,
  commodityTitle: (e: CommodityExample) => e.commodity_title,
};
type CommodityExample = Pick<ToolRow, 'example' | 'commodity_code' | 'commodity_title'>;

/** A row's scale as its columns give it, for the scale check (src/store/scales.ts). */
export const scaleOf = (row: { scale_id: string; scale_name: string; minimum: number; maximum: number }): ScaleRange => ({
  id: row.scale_id,
  name: row.scale_name,
  minimum: row.minimum,
  maximum: row.maximum,
});

function unknownTier(tier: string): never {
  throw new Error(`related_occupation.tier ${JSON.stringify(tier)} is not one of O*NET's tiers; the store needs rebuilding from a checked file`);
}

export const onetResolvers: Resolvers = {
  JobZone: {
    jobTraining: (z) => z.job_training,
    svpRange: (z) => z.svp_range,
  },
  AlternateTitle: {
    shortTitle: (t) => t.short_title,
    sources: (t) => t.sources.split(','),
  },
  ReportedTitle: {
    shownInMyNextMove: (t) => t.shown_in_my_next_move === 1,
  },
  Task: {
    id: (t) => String(t.task_id),
    type: (t) => t.task_type,
    incumbentsResponding: (t) => t.incumbents_responding,
    domainSource: (t) => t.domain_source,
  },
  TechnologySkill: {
    ...commodityExample,
    hot: (s) => s.hot === 1,
    inDemand: (s) => s.in_demand === 1,
  },
  Tool: commodityExample,
  ElementRating: {
    element: (r) => ({ id: r.elementId, name: r.elementName }),
    importance: (r) => r.scores.find((s) => s.scale_id === 'IM')?.value ?? null,
    level: (r) => r.scores.find((s) => s.scale_id === 'LV')?.value ?? null,
    scores: (r) =>
      r.scores.map((s) => ({
        id: `${r.id}/${s.scale_id}`,
        scaleId: s.scale_id,
        scaleName: s.scale_name,
        minimum: s.minimum,
        maximum: s.maximum,
        value: s.value,
        recommendSuppress: flag(s.recommend_suppress),
        notRelevant: flag(s.not_relevant),
        sampleSize: s.sample_size,
        standardError: s.standard_error,
        lowerCiBound: s.lower_ci,
        upperCiBound: s.upper_ci,
        dataQualityWarning: outsideScale(s.value, scaleOf(s)),
      })),
  },
  EducationLevel: {
    recommendSuppress: (e) => flag(e.recommend_suppress),
    sampleSize: (e) => e.sample_size,
    standardError: (e) => e.standard_error,
    lowerCiBound: (e) => e.lower_ci,
    upperCiBound: (e) => e.upper_ci,
    domainSource: (e) => e.domain_source,
    dataQualityWarning: (e) => outsideScale(e.percent, scaleOf(e)),
  },
  RelatedOccupation: {
    tier: (r) => RELATEDNESS_TIERS[r.tier] ?? unknownTier(r.tier),
    occupation: (r, _, { loaders }) => loadRequired(loaders.occupationByCode, r.related_code, 'related occupation'),
  },
};
