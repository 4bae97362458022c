/**
 * The store side of career moves (src/careers/): reading the O*NET rows the similarity model needs, and the
 * queries that serve profiles, moves and detailed work activities. The importer calls `readCareerInput` after the
 * O*NET files are loaded; O*NET's Related Occupations are deliberately not read (they are the evaluation's answer key).
 */
import type { Insertable } from 'kysely';
import { type MoveFacts, moveFacts, rankCareerMoves } from '../careers/likelihood';
import { buildProfiles, type CareerInput } from '../careers/profile';
import type { CareerProfile } from '../careers/similarity';
import type { CareerLikelyMoveRow, CareerMoveRow, Database, DwaRow } from './database';
import { oewsEstimatesBySocCode } from './labor-market-queries';
import type { Db } from './queries';

export async function readCareerInput(db: Db): Promise<CareerInput> {
  const [occupations, ratings, workActivities, technologies, tasks, alternateTitles] = await Promise.all([
    db.selectFrom('occupation').select(['code', 'title', 'job_zone as jobZone']).orderBy('code').execute(),
    db
      .selectFrom('element_rating')
      .select(['occupation_code as occupationCode', 'domain', 'element_id as elementId', 'scale_id as scaleId', 'value'])
      // The scales the profiles use (profile.ts): Importance, Level, Work Styles Impact, Occupational Interest.
      .where('scale_id', 'in', ['IM', 'LV', 'WI', 'OI'])
      .orderBy('occupation_code')
      .orderBy('domain')
      .orderBy('element_id')
      .orderBy('scale_id')
      .execute(),
    db.selectFrom('task_dwa').select(['occupation_code as occupationCode', 'dwa_id as dwaId']).orderBy('occupation_code').orderBy('dwa_id').execute(),
    db.selectFrom('technology_skill').select(['occupation_code as occupationCode', 'example as name']).orderBy('id').execute(),
    db.selectFrom('task').select(['occupation_code as occupationCode', 'statement']).orderBy('task_id').execute(),
    db.selectFrom('alternate_title').select(['occupation_code as occupationCode', 'title']).orderBy('id').execute(),
  ]);
  return { occupations, ratings, workActivities, technologies, tasks, alternateTitles };
}

/**
 * What the likelihood ranking knows of each occupation besides its profile (src/careers/likelihood.ts), in the order
 * of `codes`: its job zone and its employment.
 */
export async function readMoveFacts(db: Db, codes: readonly string[]): Promise<MoveFacts[]> {
  const occupations = await db.selectFrom('occupation').select(['code', 'soc_code', 'job_zone']).execute();
  const estimates = await oewsEstimatesBySocCode(db, [...new Set(occupations.map((o) => o.soc_code))]);
  const employment = new Map(estimates.map((e) => [e.soc_code, e.employment]));
  const byCode = new Map(occupations.map((o) => [o.code, moveFacts(o, employment.get(o.soc_code) ?? null)]));
  return codes.map((code) => byCode.get(code) ?? { jobZone: null, employment: null });
}

/** How many moves are stored per occupation: `careerMoves(first:)` serves at most this many. */
export const STORED_MOVES = 50;

/** The store's `meta` key of the employment that stands in for destinations without one (src/careers/likelihood.ts). */
export const FALLBACK_EMPLOYMENT_KEY = 'likelihood_fallback_employment';

/** Every occupation's profile and its moves ranked both ways, derived from the O*NET rows and OEWS employment just loaded. */
export async function careerRows(db: Db) {
  const profiles = buildProfiles(await readCareerInput(db));
  const { ranked, fallbackEmployment } = rankCareerMoves(profiles, await readMoveFacts(db, profiles.map((p) => p.code)), STORED_MOVES);
  return {
    profiles: profiles.map((p): Insertable<Database['career_profile']> => ({ occupation_code: p.code, profile: JSON.stringify(p) })),
    moves: ranked.flatMap(({ code, bySimilarity }) =>
      bySimilarity.map((m, i): Insertable<Database['career_move']> => ({ occupation_code: code, rank: i + 1, move_code: m.code, similarity: m.similarity })),
    ),
    likelyMoves: ranked.flatMap(({ code, byLikelihood }) =>
      byLikelihood.map((m, i): Insertable<Database['career_likely_move']> => ({ occupation_code: code, rank: i + 1, move_code: m.code, similarity: m.similarity, score: m.score })),
    ),
    fallbackEmployment,
  };
}

/**
 * An occupation's comparison card as stored (JSON): its skill and knowledge ratings as [element id, element name,
 * Importance, Level] (null where that scale is not rated), by element id, and its distinct detailed work
 * activities as [DWA id, IWA id, element id, title, release] (a dwa row), by id.
 */
interface StoredCard {
  skills: [string, string, number | null, number | null][];
  knowledge: [string, string, number | null, number | null][];
  activities: [string, string, string, string, DwaRow['release']][];
}

/** One element's rating on one scale as a card holds it (the fields of an element score row a comparison needs). */
export interface ElementScore {
  element_id: string;
  element_name: string;
  scale_id: string;
  value: number;
}

/** What a comparison reads of one occupation: its profile, its ratings as element score rows, its activities. */
export interface CareerCard {
  code: string;
  profile: CareerProfile;
  skills: ElementScore[];
  knowledge: ElementScore[];
  activities: DwaRow[];
}

/** Every occupation's comparison card, from the O*NET rows just loaded. */
export async function careerCardRows(db: Db): Promise<Insertable<Database['career_card']>[]> {
  const [occupations, ratings, activities] = await Promise.all([
    db.selectFrom('occupation').select('code').orderBy('code').execute(),
    db
      .selectFrom('element_rating')
      .select(['occupation_code', 'domain', 'element_id', 'element_name', 'scale_id', 'value'])
      .where('domain', 'in', ['skill', 'knowledge'])
      .where('scale_id', 'in', ['IM', 'LV'])
      .orderBy('occupation_code')
      .orderBy('domain')
      .orderBy('element_id')
      .orderBy('scale_id')
      .execute(),
    workActivitiesByOccupation(db),
  ]);
  const cards = new Map(occupations.map(({ code }): [string, StoredCard] => [code, { skills: [], knowledge: [], activities: [] }]));
  for (const r of ratings) {
    const list = (cards.get(r.occupation_code) as StoredCard)[r.domain === 'skill' ? 'skills' : 'knowledge'];
    let last = list.at(-1);
    if (last === undefined || last[0] !== r.element_id) list.push((last = [r.element_id, r.element_name, null, null]));
    last[r.scale_id === 'IM' ? 2 : 3] = r.value;
  }
  for (const a of activities) (cards.get(a.occupation_code) as StoredCard).activities.push([a.id, a.iwa_id, a.element_id, a.title, a.release]);
  return [...cards].map(([code, card]) => ({ occupation_code: code, card: JSON.stringify(card) }));
}

/** Both halves of each occupation's comparison card, in one statement. */
export async function careerCardsByOccupation(db: Db, codes: readonly string[]): Promise<CareerCard[]> {
  const rows = await db
    .selectFrom('career_profile as p')
    .innerJoin('career_card as c', 'c.occupation_code', 'p.occupation_code')
    .select(['p.occupation_code', 'p.profile', 'c.card'])
    .where('p.occupation_code', 'in', codes)
    .execute();
  return rows.map((row) => {
    const card = JSON.parse(row.card) as StoredCard;
    const scores = (elements: StoredCard['skills']) =>
      elements.flatMap(([id, name, importance, level]) => {
        const rows: ElementScore[] = [];
        if (importance !== null) rows.push({ element_id: id, element_name: name, scale_id: 'IM', value: importance });
        if (level !== null) rows.push({ element_id: id, element_name: name, scale_id: 'LV', value: level });
        return rows;
      });
    return {
      code: row.occupation_code,
      profile: JSON.parse(row.profile) as CareerProfile,
      skills: scores(card.skills),
      knowledge: scores(card.knowledge),
      activities: card.activities.map(([id, iwa_id, element_id, title, release]) => ({ id, iwa_id, element_id, title, release })),
    };
  });
}

/** Each occupation's ranked moves, most similar first. */
export function careerMovesByOccupation(db: Db, codes: readonly string[]): Promise<CareerMoveRow[]> {
  return db.selectFrom('career_move').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

/** The moves that lead into each occupation: the occupations that rank it among their 50 most similar. */
export function careerMovesIntoOccupation(db: Db, codes: readonly string[]): Promise<CareerMoveRow[]> {
  return db
    .selectFrom('career_move')
    .selectAll()
    .where('move_code', 'in', codes)
    .orderBy('similarity', 'desc')
    .orderBy('occupation_code')
    .execute();
}

/** Every occupation's distinct detailed work activities, by DWA id. */
function workActivitiesByOccupation(db: Db) {
  return db
    .selectFrom('task_dwa as t')
    .innerJoin('dwa as d', 'd.id', 't.dwa_id')
    .selectAll('d')
    .select('t.occupation_code')
    .distinct()
    .orderBy('t.occupation_code')
    .orderBy('d.id')
    .execute();
}

/** Each occupation's most likely moves, most likely first. */
export function careerLikelyMovesByOccupation(db: Db, codes: readonly string[]): Promise<CareerLikelyMoveRow[]> {
  return db.selectFrom('career_likely_move').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

/** The occupations that count each occupation among their 50 most likely moves, most likely first. */
export function careerLikelyMovesIntoOccupation(db: Db, codes: readonly string[]): Promise<CareerLikelyMoveRow[]> {
  return db
    .selectFrom('career_likely_move')
    .selectAll()
    .where('move_code', 'in', codes)
    .orderBy('score', 'desc')
    .orderBy('occupation_code')
    .execute();
}
