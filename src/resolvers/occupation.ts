/** Occupation: the entity by either key, its O*NET lists (paged where long) and ratings, and its framework. */
import type { OccupationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { Loaders } from '../loaders';
import type { ElementScoreRow } from '../store/queries';
import { notFound, quoted } from '../errors';
import { occupationCareerFields } from './careers';
import { loadOccupation } from './codes';
import { enumValues } from './enums';
import { checkUnspscFilter, type UnspscFilter } from './filter';
import { ids } from './ids';
import { pageOf } from './pagination';
import type { ElementRatingShape, ElementRatingsShape } from './shapes';

/** The scale an element list is sorted by, highest first: Importance, Work Styles Impact, or Interests. */
const PRIMARY_SCALES = ['IM', 'WI', 'OI'];

function primaryScore(rating: ElementRatingShape): number {
  return rating.scores.find((s) => PRIMARY_SCALES.includes(s.scale_id))?.value ?? Number.NEGATIVE_INFINITY;
}

/**
 * Ratings already grouped, per list of scores: the rows a store holds for its life (src/store/held-rows.ts) are the
 * same array in every request (always the same occupation's same list, so the same `id`), so they are grouped once;
 * a request's own rows are let go with it.
 */
const grouped = new WeakMap<ElementScoreRow[], ElementRatingsShape>();

function heldRatingsOf(id: string, scores: ElementScoreRow[], unavailableReason: string): ElementRatingsShape {
  // No scores: nothing to group, and the reason may name the release of the occupation asking.
  if (scores.length === 0) return ratingsOf(id, scores, unavailableReason);
  let ratings = grouped.get(scores);
  if (ratings === undefined) grouped.set(scores, (ratings = ratingsOf(id, scores, unavailableReason)));
  return ratings;
}

/** Groups one occupation's scale scores into one rating per element, or says why there are none; `id` names the list. */
export function ratingsOf(id: string, scores: ElementScoreRow[], unavailableReason: string): ElementRatingsShape {
  if (scores.length === 0) return { id, items: null, unavailableReason, release: null };
  const byElement = new Map<string, ElementRatingShape>();
  for (const score of scores) {
    const rating = byElement.get(score.element_id);
    if (rating) rating.scores.push(score);
    else {
      byElement.set(score.element_id, {
        id: `${id}/${score.element_id}`,
        elementId: score.element_id,
        elementName: score.element_name,
        scores: [score],
        date: score.date,
        domainSource: score.domain_source,
        release: score.release,
      });
    }
  }
  const items = [...byElement.values()].sort(
    (a, b) => primaryScore(b) - primaryScore(a) || a.elementId.localeCompare(b.elementId),
  );
  return { id, items, unavailableReason: null, release: scores[0]?.release ?? null };
}

const NO_30X = 'no O*NET 30.x file for it could be obtained';

/** The rows whose UNSPSC commodity lies in the filter's segment and family (all of them without a filter). */
async function inUnspsc<R extends { commodity_code: number }>(rows: R[], filter: UnspscFilter | null, loaders: Loaders): Promise<R[]> {
  if (filter === null) return rows;
  const hierarchy = await loaders.unspscByCommodity.loadMany([...new Set(rows.map((r) => r.commodity_code))]);
  const wanted = new Set<number>();
  for (const u of hierarchy) {
    if (u instanceof Error) throw u;
    if (u !== null && (filter.segment === null || u.segment_code === filter.segment) && (filter.family === null || u.family_code === filter.family)) {
      wanted.add(u.commodity_code);
    }
  }
  return rows.filter((r) => wanted.has(r.commodity_code));
}

export const Occupation: OccupationResolvers<Context> = {
  // A router sends `{ code }` or `{ socCode }`; either may hold either format, so both go through one parser.
  // An unknown code is an error naming it, not a bare null: through a router, a null entity surfaces only as
  // "Cannot return null for non-nullable field Occupation.title" (docs/supergraph.md).
  __resolveReference: async (reference, { loaders }) => {
    const [field, value] = 'code' in reference ? ['code', reference.code] : ['socCode', reference.socCode];
    const occupation = await loadOccupation(loaders, value, field);
    if (occupation === null) {
      throw notFound(
        `No occupation has ${field} ${quoted(value)}: the O*NET-SOC taxonomy served here has no such code. Check codes when they are ` +
          'stored (query occupation(code:)), or make the field that points at Occupation nullable (docs/supergraph.md).',
      );
    }
    return occupation;
  },
  socCode: (o) => o.soc_code,
  majorGroup: (o) => o.major_group,
  jobZone: (o, _, { loaders }) => (o.job_zone === null ? null : loaders.jobZoneByZone.load(o.job_zone)),
  framework: (o, _, { loaders }) => loaders.frameworkByOccupation.load(o.code),
  hasFramework: async (o, _, { loaders }) => (await loaders.frameworkByOccupation.load(o.code)) !== null,
  alternateTitles: async (o, { first, after }, { loaders }) =>
    pageOf(await loaders.alternateTitlesByOccupation.load(o.code), 'alternateTitle', (t) => t.id, first, after),
  reportedTitles: (o, _, { loaders }) => loaders.reportedTitlesByOccupation.load(o.code),
  tasks: async (o, { first, after, type }, { loaders }) => {
    const tasks = await loaders.tasksByOccupation.load(o.code);
    const wanted = type == null ? tasks : tasks.filter((t) => t.task_type === type);
    return pageOf(wanted, 'task', (t) => t.task_id, first, after);
  },
  technologySkills: async (o, { first, after, hotOnly, segment, family }, { loaders }) => {
    const unspsc = checkUnspscFilter(segment, family);
    const skills = await loaders.technologySkillsByOccupation.load(o.code);
    const wanted = await inUnspsc(hotOnly ? skills.filter((s) => s.hot === 1) : skills, unspsc, loaders);
    return pageOf(wanted, 'technologySkill', (s) => s.id, first, after);
  },
  tools: async (o, { first, after, segment, family }, { loaders }) => {
    const unspsc = checkUnspscFilter(segment, family);
    return pageOf(await inUnspsc(await loaders.toolsByOccupation.load(o.code), unspsc, loaders), 'tool', (t) => t.id, first, after);
  },
  skills: async (o, _, { loaders }) =>
    heldRatingsOf(ids.elementRatings(o.code, 'skills'), await loaders.skillScoresByOccupation.load(o.code), `O*NET 29.0 has no Skills ratings for this occupation, and ${NO_30X}`),
  knowledge: async (o, _, { loaders }) =>
    heldRatingsOf(
      ids.elementRatings(o.code, 'knowledge'),
      await loaders.knowledgeScoresByOccupation.load(o.code),
      `O*NET 29.0 has no Knowledge ratings for this occupation, and ${NO_30X}`,
    ),
  abilities: (o) => ({
    id: ids.elementRatings(o.code, 'abilities'),
    items: null,
    unavailableReason: 'O*NET Abilities ratings could not be obtained in any release; none are served rather than invented',
    release: null,
  }),
  workStyles: async (o, _, { loaders }) =>
    heldRatingsOf(ids.elementRatings(o.code, 'work-styles'), await loaders.workStyleScoresByOccupation.load(o.code), `O*NET ${o.release} has no Work Styles ratings for this occupation`),
  interests: async (o, _, { loaders }) =>
    heldRatingsOf(ids.elementRatings(o.code, 'interests'), await loaders.interestScoresByOccupation.load(o.code), `O*NET ${o.release} has no Interests ratings for this occupation`),
  // `distribution` arrives as its scale id (src/resolvers/enums.ts), the required level of education by default.
  education: async (o, { distribution }, { loaders }) =>
    (await loaders.educationByOccupation.load(o.code)).filter((row) => row.scale_id === (distribution ?? enumValues.EducationDistribution.REQUIRED_LEVEL_OF_EDUCATION)),
  relatedOccupations: (o, _, { loaders }) => loaders.relatedOccupationsByOccupation.load(o.code),
  ...occupationCareerFields,
};
