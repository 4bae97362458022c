/**
 * Queries for what migration 0004 added: the change feed between held releases, its per-file summary, the Job
 * Zone scale, Emerging Tasks, the RIASEC reference files and the skill links. Batch functions run one statement
 * per batch, like those in queries.ts.
 */
import { sql } from 'kysely';
import type {
  EmergingTaskRow,
  InterestActivityRow,
  InterestOccupationRow,
  JobZoneRow,
  ReleaseChangeRow,
  ReleaseFileSummaryRow,
  RiasecKeywordRow,
  SkillLinkRow,
} from './database';
import type { Db } from './queries';

export interface ReleaseChangePageQuery {
  from: string;
  to: string;
  first: number;
  /** The id of the last change on the previous page; null for the first page. */
  afterId: number | null;
}

/** One page of the feed (one row more than asked, to tell whether another page follows) and the total. */
export async function releaseChangePage(db: Db, q: ReleaseChangePageQuery): Promise<{ rows: ReleaseChangeRow[]; totalCount: number }> {
  const pair = db.selectFrom('release_change').where('from_release', '=', q.from).where('to_release', '=', q.to);
  const [rows, total] = await Promise.all([
    pair
      .selectAll()
      .$if(q.afterId !== null, (b) => b.where('id', '>', q.afterId as number))
      .orderBy('id')
      .limit(q.first + 1)
      .execute(),
    pair.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, totalCount: Number(total.n) };
}

/** Changes of many occupations between one pair of releases, in feed order. */
export function releaseChangesByOccupation(db: Db, from: string, to: string, codes: readonly string[]): Promise<ReleaseChangeRow[]> {
  return db
    .selectFrom('release_change')
    .selectAll()
    .where('from_release', '=', from)
    .where('to_release', '=', to)
    .where('occupation_code', 'in', codes)
    .orderBy('id')
    .execute();
}

/** Every pair's per-file summary, in the order the importer compared them. */
export function releaseFileSummaries(db: Db): Promise<ReleaseFileSummaryRow[]> {
  return db.selectFrom('release_file_summary').selectAll().orderBy(sql`rowid`).execute();
}

export function allJobZones(db: Db): Promise<JobZoneRow[]> {
  return db.selectFrom('job_zone').selectAll().orderBy('zone').execute();
}

export function emergingTasksByOccupation(db: Db, codes: readonly string[]): Promise<EmergingTaskRow[]> {
  return db.selectFrom('emerging_task').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export interface InterestReference {
  activities: InterestActivityRow[];
  occupations: InterestOccupationRow[];
  keywords: RiasecKeywordRow[];
}

export async function interestReference(db: Db): Promise<InterestReference> {
  const [activities, occupations, keywords] = await Promise.all([
    db.selectFrom('interest_activity').selectAll().orderBy('id').execute(),
    db.selectFrom('interest_occupation').selectAll().orderBy('id').execute(),
    db.selectFrom('riasec_keyword').selectAll().orderBy('id').execute(),
  ]);
  return { activities, occupations, keywords };
}

export function skillLinks(db: Db, skillId: string | null): Promise<SkillLinkRow[]> {
  return db
    .selectFrom('skill_link')
    .selectAll()
    .$if(skillId !== null, (b) => b.where('skill_id', '=', skillId as string))
    .orderBy('id')
    .execute();
}
