/**
 * The store side of career moves (src/careers/): reading the O*NET rows the similarity model needs, and the
 * queries that serve profiles, moves and detailed work activities. The importer calls `readCareerInput` after the
 * O*NET files are loaded; O*NET's Related Occupations are deliberately not read (they are the evaluation's answer key).
 */
import type { Insertable } from 'kysely';
import { buildProfiles, type CareerInput } from '../careers/profile';
import { rankMoves } from '../careers/similarity';
import type { CareerMoveRow, Database, DwaRow } from './database';
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

/** How many moves are stored per occupation: `careerMoves(first:)` serves at most this many. */
export const STORED_MOVES = 50;

/** Every occupation's profile and ranked moves, derived from the O*NET rows just loaded. */
export async function careerRows(db: Db) {
  const profiles = buildProfiles(await readCareerInput(db));
  return {
    profiles: profiles.map((p): Insertable<Database['career_profile']> => ({ occupation_code: p.code, profile: JSON.stringify(p) })),
    moves: rankMoves(profiles, STORED_MOVES).flatMap(({ code, moves }) =>
      moves.map((m, i): Insertable<Database['career_move']> => ({ occupation_code: code, rank: i + 1, move_code: m.code, similarity: m.similarity })),
    ),
  };
}

export function careerProfilesByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('career_profile').selectAll().where('occupation_code', 'in', codes).execute();
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

/** Each occupation's distinct detailed work activities, by DWA id. */
export function workActivitiesByOccupation(db: Db, codes: readonly string[]): Promise<(DwaRow & { occupation_code: string })[]> {
  return db
    .selectFrom('task_dwa as t')
    .innerJoin('dwa as d', 'd.id', 't.dwa_id')
    .selectAll('d')
    .select('t.occupation_code')
    .distinct()
    .where('t.occupation_code', 'in', codes)
    .orderBy('t.occupation_code')
    .orderBy('d.id')
    .execute();
}
