/** Resolvers for the O*NET anchor types that hang off Occupation: row -> GraphQL shape, nothing more. */
import type { RelatednessTier, Resolvers } from '../__generated__/resolvers-types';
import { loadRequired } from '../loaders';

/** O*NET's spelling of each relatedness tier (Related Occupations.txt), as the enum's values. */
const RELATEDNESS_TIERS: Record<string, RelatednessTier> = { 'Primary-Short': 'PRIMARY_SHORT', 'Primary-Long': 'PRIMARY_LONG', Supplemental: 'SUPPLEMENTAL' };

/** A 0/1 column O*NET leaves blank where it does not apply: blank stays null. */
function flag(value: 0 | 1 | null): boolean | null {
  return value === null ? null : value === 1;
}

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
    name: (s) => s.example,
    commodityCode: (s) => s.commodity_code,
    commodityTitle: (s) => s.commodity_title,
    hot: (s) => s.hot === 1,
    inDemand: (s) => s.in_demand === 1,
  },
  Tool: {
    name: (t) => t.example,
    commodityCode: (t) => t.commodity_code,
    commodityTitle: (t) => t.commodity_title,
  },
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
      })),
  },
  EducationLevel: {
    recommendSuppress: (e) => flag(e.recommend_suppress),
  },
  RelatedOccupation: {
    tier: (r) => RELATEDNESS_TIERS[r.tier] ?? unknownTier(r.tier),
    occupation: (r, _, { loaders }) => loadRequired(loaders.occupationByCode, r.related_code, 'related occupation'),
  },
};
