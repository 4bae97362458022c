/**
 * Career moves and comparisons (schema/careers.graphql): unpack arguments, load the stored rows and profiles, and
 * let src/careers/ compute. Moves are ranked at store build; a comparison reads both occupations' stored profiles
 * and comparison cards (ratings, activities) through the loaders.
 */
import type {
  CareerMoveResolvers,
  OccupationComparisonResolvers,
  OccupationResolvers,
} from '../__generated__/resolvers-types';
import { DEFAULT_MIN_IMPORTANCE, direction, type DirectionFilter, type ElementGap, type ElementScore, elementGaps, explainFacets, type FacetExplanation, transferableElements, typicalCategory } from '../careers/compare';
import type { Facet } from '../careers/similarity';
import { compareProfiles } from '../careers/similarity';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { loadRequired, type Loaders } from '../loaders';
import type { OccupationRow, TechnologySkillRow } from '../store/database';
import { STORED_MOVES } from '../store/careers';
import { loadOccupation } from './codes';
import { ids } from './ids';
import { checkFirst } from './pagination';

/** A comparison from one occupation to another. */
export interface ComparisonShape {
  from: OccupationRow;
  to: OccupationRow;
}

/** A stored move from `from` to `to`; `other` says which end `CareerMove.occupation` is. */
export interface CareerMoveShape {
  from: string;
  to: string;
  similarity: number;
  other: 'from' | 'to';
}

/** Gaps with their ids: the comparison's id and the element's. */
const identifyGaps = (from: string, to: string, gaps: ElementGap[]) => gaps.map((g) => ({ ...g, id: `${ids.comparison(from, to)}/elements/${g.element.id}` }));

/** The facets with their ids: the comparison's id, `facets`, and each facet's name. */
function identifyFacets(c: ComparisonShape, facets: Record<Facet, FacetExplanation>) {
  const id = `${ids.comparison(c.from.code, c.to.code)}/facets`;
  const identified = {} as Record<Facet, FacetExplanation & { id: string }>;
  for (const [facet, explanation] of Object.entries(facets) as [Facet, FacetExplanation][]) identified[facet] = { ...explanation, id: `${id}/${facet}` };
  return { ...identified, id };
}

async function compared(c: ComparisonShape, loaders: Loaders) {
  const [from, to] = await Promise.all([
    loadRequired(loaders.careerCardByOccupation, c.from.code, 'career profile of occupation'),
    loadRequired(loaders.careerCardByOccupation, c.to.code, 'career profile of occupation'),
  ]);
  return { from: from.profile, to: to.profile, ...compareProfiles(from.profile, to.profile) };
}

function checkMinImportance(given: number | null | undefined): number {
  const value = given ?? DEFAULT_MIN_IMPORTANCE;
  if (!Number.isFinite(value) || value < 1 || value > 5) {
    throw badUserInput('minImportance', `Argument "minImportance" must be between 1 and 5 (O*NET Importance); got ${String(given)}.`);
  }
  return value;
}

/** Both occupations' scores in one domain, or null where either has none (the facet's reason says which). */
async function scorePair(loaders: Loaders, domain: 'skill' | 'knowledge', from: string, to: string) {
  const inDomain = async (code: string): Promise<ElementScore[]> =>
    (await loadRequired(loaders.careerCardByOccupation, code, 'career profile of occupation'))[domain === 'skill' ? 'skills' : 'knowledge'];
  const [a, b] = await Promise.all([inDomain(from), inDomain(to)]);
  return a.length === 0 || b.length === 0 ? null : { from: a, to: b };
}

/** The target's technology split by whether the origin lists the same name, each hot first, then by name. */
async function technologySplit(c: ComparisonShape, loaders: Loaders) {
  const [from, to] = await Promise.all([loaders.technologySkillsByOccupation.load(c.from.code), loaders.technologySkillsByOccupation.load(c.to.code)]);
  const known = new Set(from.map((t) => t.example));
  const order = (a: TechnologySkillRow, b: TechnologySkillRow) => b.hot - a.hot || (a.example < b.example ? -1 : a.example > b.example ? 1 : a.id - b.id);
  return {
    carriedOver: to.filter((t) => known.has(t.example)).sort(order),
    new: to.filter((t) => !known.has(t.example)).sort(order),
  };
}

async function activitySplit(c: ComparisonShape, loaders: Loaders) {
  const card = (code: string) => loadRequired(loaders.careerCardByOccupation, code, 'career profile of occupation');
  const [{ activities: from }, { activities: to }] = await Promise.all([card(c.from.code), card(c.to.code)]);
  const known = new Set(from.map((a) => a.id));
  return { carriedOver: to.filter((a) => known.has(a.id)), new: to.filter((a) => !known.has(a.id)) };
}

async function occupationPair(loaders: Loaders, from: string, to: string): Promise<ComparisonShape> {
  const [a, b] = await Promise.all([
    loadRequired(loaders.occupationByCode, from, 'career move occupation'),
    loadRequired(loaders.occupationByCode, to, 'career move occupation'),
  ]);
  return { from: a, to: b };
}

/** The moves going `wanted` way, first `first`; job zones come from one batched occupation load. */
async function selectMoves(moves: CareerMoveShape[], wanted: DirectionFilter | null | undefined, first: number | null | undefined, loaders: Loaders) {
  const size = checkFirst(first, STORED_MOVES, 10);
  if (wanted === null || wanted === undefined || wanted === 'any') return moves.slice(0, size);
  const pairs = await Promise.all(moves.map((m) => occupationPair(loaders, m.from, m.to)));
  return moves.filter((_, i) => direction((pairs[i] as ComparisonShape).from.job_zone, (pairs[i] as ComparisonShape).to.job_zone) === wanted).slice(0, size);
}

export const occupationCareerFields: Pick<OccupationResolvers<Context>, 'comparison' | 'careerMoves' | 'careerMovesInto'> = {
  comparison: async (o, { to }, { loaders }) => {
    const target = await loadOccupation(loaders, to, 'to');
    return target === null ? null : { from: o, to: target };
  },
  careerMoves: async (o, { first, direction: wanted }, { loaders }) => {
    const rows = await loaders.careerMovesByOccupation.load(o.code);
    const moves = rows.map((r): CareerMoveShape => ({ from: o.code, to: r.move_code, similarity: r.similarity, other: 'to' }));
    return selectMoves(moves, wanted, first, loaders);
  },
  careerMovesInto: async (o, { first, direction: wanted }, { loaders }) => {
    const rows = await loaders.careerMovesIntoOccupation.load(o.code);
    const moves = rows.map((r): CareerMoveShape => ({ from: r.occupation_code, to: o.code, similarity: r.similarity, other: 'from' }));
    return selectMoves(moves, wanted, first, loaders);
  },
};

export const CareerMove: CareerMoveResolvers<Context> = {
  occupation: (m, _, { loaders }) => loadRequired(loaders.occupationByCode, m[m.other], 'career move occupation'),
  similarity: (m) => m.similarity,
  direction: async (m, _, { loaders }) => {
    const { from, to } = await occupationPair(loaders, m.from, m.to);
    return direction(from.job_zone, to.job_zone);
  },
  skillGaps: async (m, _, { loaders }) => {
    const scores = await scorePair(loaders, 'skill', m.from, m.to);
    return scores === null ? null : identifyGaps(m.from, m.to, elementGaps(scores.from, scores.to).slice(0, 3));
  },
  comparison: (m, _, { loaders }) => occupationPair(loaders, m.from, m.to),
};

export const OccupationComparison: OccupationComparisonResolvers<Context> = {
  from: (c) => c.from,
  to: (c) => c.to,
  similarity: async (c, _, { loaders }) => (await compared(c, loaders)).similarity,
  facets: async (c, _, { loaders }) => {
    const { from, to, facets } = await compared(c, loaders);
    return identifyFacets(c, explainFacets(from, to, facets));
  },
  skillGaps: async (c, { minImportance }, { loaders }) => {
    const scores = await scorePair(loaders, 'skill', c.from.code, c.to.code);
    return scores === null ? null : identifyGaps(c.from.code, c.to.code, elementGaps(scores.from, scores.to, checkMinImportance(minImportance)));
  },
  knowledgeGaps: async (c, { minImportance }, { loaders }) => {
    const scores = await scorePair(loaders, 'knowledge', c.from.code, c.to.code);
    return scores === null ? null : identifyGaps(c.from.code, c.to.code, elementGaps(scores.from, scores.to, checkMinImportance(minImportance)));
  },
  transferableSkills: async (c, { minImportance }, { loaders }) => {
    const scores = await scorePair(loaders, 'skill', c.from.code, c.to.code);
    return scores === null ? null : identifyGaps(c.from.code, c.to.code, transferableElements(scores.from, scores.to, checkMinImportance(minImportance)));
  },
  carriedOverActivities: async (c, _, { loaders }) => (await activitySplit(c, loaders)).carriedOver,
  newActivities: async (c, _, { loaders }) => (await activitySplit(c, loaders)).new,
  carriedOverTechnology: async (c, _, { loaders }) => (await technologySplit(c, loaders)).carriedOver,
  newTechnology: async (c, _, { loaders }) => (await technologySplit(c, loaders)).new,
  jobZoneChange: async (c, _, { loaders }) => {
    const zone = (z: number | null) => (z === null ? null : loaders.jobZoneByZone.load(z));
    const [from, to] = await Promise.all([zone(c.from.job_zone), zone(c.to.job_zone)]);
    const { job_zone: a } = c.from;
    const { job_zone: b } = c.to;
    const id = `${ids.comparison(c.from.code, c.to.code)}/job-zone-change`;
    return { id, from, to, change: a === null || b === null ? null : b - a, direction: direction(a, b) };
  },
  educationChange: async (c, _, { loaders }) => {
    const [from, to] = await Promise.all([loaders.educationByOccupation.load(c.from.code), loaders.educationByOccupation.load(c.to.code)]);
    // The loader holds all four distributions; the change is in the required level of education.
    const requiredLevel = (rows: typeof from) => rows.filter((r) => r.scale_id === 'RL');
    const a = typicalCategory(requiredLevel(from));
    const b = typicalCategory(requiredLevel(to));
    const id = `${ids.comparison(c.from.code, c.to.code)}/education-change`;
    return { id, from: a, to: b, change: a === null || b === null ? null : b.category - a.category };
  },
};
