/** Resolvers for the O*NET anchor types that hang off Occupation: row -> GraphQL shape, nothing more. */
import type { RelatednessTier, Resolvers } from '../__generated__/resolvers-types';
import { loadRequired } from '../loaders';
import type { TechnologySkillRow, ToolRow } from '../store/database';
import { outsideScale, type ScaleRange } from '../store/scales';
import { ids } from './ids';
import type { TechnologySkillShape } from './shapes';

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

const technologySkills = new WeakMap<TechnologySkillRow, TechnologySkillShape>();
const technologySkillLists = new WeakMap<readonly TechnologySkillRow[], readonly TechnologySkillShape[]>();

/**
 * A technology skill row as the schema serves it, every field a property: the rows a store holds for its life are
 * the same objects in every request, so each is shaped once, and a resolver call per field (under graphql-jit, its
 * resolve info and closures too) is saved on every request (docs/performance.md).
 */
export function technologySkillOf(row: TechnologySkillRow): TechnologySkillShape {
  let shape = technologySkills.get(row);
  if (shape === undefined) {
    shape = {
      id: ids.technologySkill(row.occupation_code, row.id),
      rowId: row.id,
      name: row.example,
      commodityCode: row.commodity_code,
      commodityTitle: row.commodity_title,
      hot: row.hot === 1,
      inDemand: row.in_demand === 1,
      release: row.release,
    };
    technologySkills.set(row, shape);
  }
  return shape;
}

/** An occupation's technology skills shaped, in their order; once per held list (the same array in every request). */
export function technologySkillsOf(rows: readonly TechnologySkillRow[]): readonly TechnologySkillShape[] {
  let shapes = technologySkillLists.get(rows);
  if (shapes === undefined) technologySkillLists.set(rows, (shapes = rows.map(technologySkillOf)));
  return shapes;
}

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
  // Job zones, alternate titles and tasks are read with their columns named as the schema's fields (queries.ts).
  AlternateTitle: {
    sources: (t) => t.sources.split(','),
  },
  ReportedTitle: {
    shownInMyNextMove: (t) => t.shown_in_my_next_move === 1,
  },
  Task: {
    id: (t) => String(t.task_id),
  },
  Tool: commodityExample,
  // element, importance and level are properties of the shape (ratingsOf): a resolver each would cost a call, and
  // under graphql-jit its resolve info and closures, for every rating of every list (docs/performance.md).
  ElementRating: {
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
    dataQualityWarning: (e) => outsideScale(e.percent, scaleOf(e)),
  },
  RelatedOccupation: {
    tier: (r) => RELATEDNESS_TIERS[r.tier] ?? unknownTier(r.tier),
    occupation: (r, _, { loaders }) => loadRequired(loaders.occupationByCode, r.related_code, 'related occupation'),
  },
};
