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
import { DEFAULT_MIN_IMPORTANCE, direction, type DirectionFilter, elementGaps, explainFacets, type Split, splitActivities, splitTechnology, transferableElements, typicalCategory } from '../careers/compare';
import { type CareerRanking, type LikelihoodTerms, likelihoodTerms, type MoveFacts, moveFacts } from '../careers/likelihood';
import { compareProfiles } from '../careers/similarity';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { loadRequired, type Loaders } from '../loaders';
import type { DwaRow, OccupationRow, TechnologySkillRow } from '../store/database';
import { type CareerCard, FALLBACK_EMPLOYMENT_KEY, STORED_MOVES } from '../store/careers';
import { loadOccupation } from './codes';
import { enumValues } from './enums';
import { ids } from './ids';
import { checkFirst } from './pagination';

/**
 * A comparison from one occupation to another. What several of its fields read (both cards, the similarity, the
 * splits) is worked out by the first field that needs it and kept here for the others: the shape lives as long as
 * one comparison in one request.
 */
export interface ComparisonShape {
  from: OccupationRow;
  to: OccupationRow;
  cards?: Promise<[CareerCard, CareerCard]>;
  compared?: Promise<ReturnType<typeof compareProfiles>>;
  activities?: Promise<Split<DwaRow>>;
  technology?: Promise<Split<TechnologySkillRow>>;
}

/** A stored move from `from` to `to`; `other` says which end `CareerMove.occupation` is. */
export interface CareerMoveShape {
  from: string;
  to: string;
  similarity: number;
  other: 'from' | 'to';
}

const card = (loaders: Loaders, code: string) => loadRequired(loaders.careerCardByOccupation, code, 'career profile of occupation');

function cardPair(loaders: Loaders, from: string, to: string): Promise<[CareerCard, CareerCard]> {
  return Promise.all([card(loaders, from), card(loaders, to)]);
}

/** Each of these is worked out once per comparison, by the first field that needs it (see ComparisonShape). */
function cards(c: ComparisonShape, loaders: Loaders) {
  return (c.cards ??= cardPair(loaders, c.from.code, c.to.code));
}

function compared(c: ComparisonShape, loaders: Loaders) {
  return (c.compared ??= cards(c, loaders).then(([from, to]) => compareProfiles(from.profile, to.profile)));
}

/** The target's activities split by whether the origin has the same one. */
function activities(c: ComparisonShape, loaders: Loaders) {
  return (c.activities ??= cards(c, loaders).then(([from, to]) => splitActivities(from.activities, to.activities)));
}

/** The target's technology split by whether the origin lists the same name, each hot first, then by name. */
function technology(c: ComparisonShape, loaders: Loaders) {
  const list = (code: string) => loaders.technologySkillsByOccupation.load(code);
  return (c.technology ??= Promise.all([list(c.from.code), list(c.to.code)]).then(([from, to]) => splitTechnology(from, to)));
}

function checkMinImportance(given: number | null | undefined): number {
  const value = given ?? DEFAULT_MIN_IMPORTANCE;
  if (!Number.isFinite(value) || value < 1 || value > 5) {
    throw badUserInput('minImportance', `Argument "minImportance" must be between 1 and 5 (O*NET Importance); got ${String(given)}.`);
  }
  return value;
}

/** Each gap's id: the comparison's id, `elements`, and the element's id. */
const gapIds = (from: string, to: string) => `${ids.comparison(from, to)}/elements/`;

/** Both occupations' scores in one domain, or null where either has none (the facet's reason says which). */
function scorePair([from, to]: [CareerCard, CareerCard], domain: 'skills' | 'knowledge') {
  return from[domain].length === 0 || to[domain].length === 0 ? null : { from: from[domain], to: to[domain] };
}

/** The gaps (or the transferable elements) of a comparison in one domain, or null where either has no ratings. */
async function comparisonGaps(c: ComparisonShape, loaders: Loaders, domain: 'skills' | 'knowledge', minImportance: number | null | undefined, transferable = false) {
  const scores = scorePair(await cards(c, loaders), domain);
  if (scores === null) return null;
  const atLeast = checkMinImportance(minImportance);
  const prefix = gapIds(c.from.code, c.to.code);
  return transferable ? transferableElements(scores.from, scores.to, atLeast, prefix) : elementGaps(scores.from, scores.to, atLeast, prefix);
}

export async function occupationPair(loaders: Loaders, from: string, to: string): Promise<ComparisonShape> {
  const [a, b] = await Promise.all([
    loadRequired(loaders.occupationByCode, from, 'career move occupation'),
    loadRequired(loaders.occupationByCode, to, 'career move occupation'),
  ]);
  return { from: a, to: b };
}

/**
 * The moves going `wanted` way, first `first`, each made from its stored row by `shape` (only those kept, where no
 * direction is wanted); job zones come from one batched occupation load.
 */
async function selectMoves<R>(rows: readonly R[], shape: (row: R) => CareerMoveShape, wanted: DirectionFilter | null | undefined, first: number | null | undefined, loaders: Loaders) {
  const size = checkFirst(first, STORED_MOVES, 10);
  if (wanted === null || wanted === undefined || wanted === 'any') return rows.slice(0, size).map(shape);
  const moves = rows.map(shape);
  const pairs = await Promise.all(moves.map((m) => occupationPair(loaders, m.from, m.to)));
  return moves.filter((_, i) => direction((pairs[i] as ComparisonShape).from.job_zone, (pairs[i] as ComparisonShape).to.job_zone) === wanted).slice(0, size);
}

/** The stored moves of `code` in one ranking, and the moves into it. */
function storedMoves(loaders: Loaders, code: string, rank: CareerRanking | null | undefined) {
  return rank === 'likelihood' ? loaders.careerLikelyMovesByOccupation.load(code) : loaders.careerMovesByOccupation.load(code);
}
function storedMovesInto(loaders: Loaders, code: string, rank: CareerRanking | null | undefined) {
  return rank === 'likelihood' ? loaders.careerLikelyMovesIntoOccupation.load(code) : loaders.careerMovesIntoOccupation.load(code);
}

export const occupationCareerFields: Pick<OccupationResolvers<Context>, 'comparison' | 'careerMoves' | 'careerMovesInto'> = {
  comparison: async (o, { to }, { loaders }) => {
    const target = await loadOccupation(loaders, to, 'to');
    return target === null ? null : { from: o, to: target };
  },
  careerMoves: async (o, { first, direction: wanted, rank }, { loaders }) => {
    const rows = await storedMoves(loaders, o.code, rank);
    return selectMoves(rows, (r): CareerMoveShape => ({ from: o.code, to: r.move_code, similarity: r.similarity, other: 'to' }), wanted, first, loaders);
  },
  careerMovesInto: async (o, { first, direction: wanted, rank }, { loaders }) => {
    const rows = await storedMovesInto(loaders, o.code, rank);
    return selectMoves(rows, (r): CareerMoveShape => ({ from: r.occupation_code, to: o.code, similarity: r.similarity, other: 'from' }), wanted, first, loaders);
  },
};

/** A move's likelihood terms, with the id of the comparison they belong to. */
export type MoveLikelihoodShape = LikelihoodTerms & { id: string };

/**
 * What the likelihood knows of an occupation besides its profile: its job zone and OEWS employment, as the importer
 * read them when it ranked the moves (src/store/careers.ts `readMoveFacts`).
 */
async function factsOf(loaders: Loaders, o: OccupationRow): Promise<MoveFacts> {
  return moveFacts(o, (await loaders.oewsEstimateBySocCode.load(o.soc_code))?.employment ?? null);
}

/** The likelihood terms of the move from `from` to `to` with this similarity: the numbers the importer ranked by. */
async function likelihoodOf(loaders: Loaders, from: OccupationRow, to: OccupationRow, similarity: number, store: Context['store']): Promise<MoveLikelihoodShape> {
  const [a, b] = await Promise.all([factsOf(loaders, from), factsOf(loaders, to)]);
  const fallback = Number(store.meta.get(FALLBACK_EMPLOYMENT_KEY));
  return { ...likelihoodTerms(similarity, a, b, fallback), id: `${ids.comparison(from.code, to.code)}/likelihood` };
}

export const CareerMove: CareerMoveResolvers<Context> = {
  occupation: (m, _, { loaders }) => loadRequired(loaders.occupationByCode, m[m.other], 'career move occupation'),
  direction: async (m, _, { loaders }) => {
    const { from, to } = await occupationPair(loaders, m.from, m.to);
    return direction(from.job_zone, to.job_zone);
  },
  skillGaps: async (m, _, { loaders }) => {
    const scores = scorePair(await cardPair(loaders, m.from, m.to), 'skills');
    return scores === null ? null : elementGaps(scores.from, scores.to, DEFAULT_MIN_IMPORTANCE, gapIds(m.from, m.to), 3);
  },
  comparison: (m, _, { loaders }) => occupationPair(loaders, m.from, m.to),
  likelihood: async (m, _, { loaders, store }) => {
    const { from, to } = await occupationPair(loaders, m.from, m.to);
    return likelihoodOf(loaders, from, to, m.similarity, store);
  },
};

export const OccupationComparison: OccupationComparisonResolvers<Context> = {
  similarity: async (c, _, { loaders }) => (await compared(c, loaders)).similarity,
  facets: async (c, _, { loaders }) => {
    const [[from, to], { facets }] = await Promise.all([cards(c, loaders), compared(c, loaders)]);
    return explainFacets(from.profile, to.profile, facets, `${ids.comparison(c.from.code, c.to.code)}/facets`);
  },
  skillGaps: (c, { minImportance }, { loaders }) => comparisonGaps(c, loaders, 'skills', minImportance),
  knowledgeGaps: (c, { minImportance }, { loaders }) => comparisonGaps(c, loaders, 'knowledge', minImportance),
  transferableSkills: (c, { minImportance }, { loaders }) => comparisonGaps(c, loaders, 'skills', minImportance, true),
  carriedOverActivities: async (c, _, { loaders }) => (await activities(c, loaders)).carriedOver,
  newActivities: async (c, _, { loaders }) => (await activities(c, loaders)).new,
  carriedOverTechnology: async (c, _, { loaders }) => (await technology(c, loaders)).carriedOver,
  newTechnology: async (c, _, { loaders }) => (await technology(c, loaders)).new,
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
    const requiredLevel = (rows: typeof from) => rows.filter((r) => r.scale_id === enumValues.EducationDistribution.REQUIRED_LEVEL_OF_EDUCATION);
    const a = typicalCategory(requiredLevel(from));
    const b = typicalCategory(requiredLevel(to));
    const id = `${ids.comparison(c.from.code, c.to.code)}/education-change`;
    return { id, from: a, to: b, change: a === null || b === null ? null : b.category - a.category };
  },
  likelihood: async (c, _, { loaders, store }) => likelihoodOf(loaders, c.from, c.to, (await compared(c, loaders)).similarity, store),
};
