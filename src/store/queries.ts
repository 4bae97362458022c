/**
 * Every query the API runs. Each batch function takes many keys and runs ONE `WHERE key IN (...)` statement,
 * so the number of statements an operation runs does not grow with the number of parents.
 */
import { Kysely, sql } from 'kysely';
import type {
  AiUsageStatementRow,
  CitationRow,
  CompetencyLevelRow,
  CompetencyStatementRow,
  Database,
  DataQualityWarningRow,
  DurableDomainRow,
  DurableStatementRow,
  ElementDomain,
  EducationRow,
  FrameworkAnchorRow,
  FrameworkDocumentRow,
  FrameworkRow,
  OccupationRow,
  SourceRow,
} from './database';

export type Db = Kysely<Database>;

/** An education category row with its label from the categories reference. */
export type EducationLevelRow = EducationRow & { label: string };

/** One rating joined with its scale's reference data. */
export interface ElementScoreRow {
  occupation_code: string;
  element_id: string;
  element_name: string;
  scale_id: string;
  scale_name: string;
  minimum: number;
  maximum: number;
  value: number;
  recommend_suppress: 0 | 1 | null;
  not_relevant: 0 | 1 | null;
  date: string;
  domain_source: string;
  release: string;
}

export type FrameworkSourceRow = SourceRow & { occupation_code: string };

export interface OccupationPageQuery {
  first: number;
  /** Return occupations with codes after this one. */
  afterCode: string | null;
  jobZone: number | null;
  majorGroup: string | null;
  hasFramework: boolean | null;
}

/** Occupations matching an `OccupationFilter` (also the search's filter). */
export function filtered(db: Db, q: Omit<OccupationPageQuery, 'first' | 'afterCode'>) {
  let query = db.selectFrom('occupation');
  if (q.jobZone !== null) query = query.where('job_zone', '=', q.jobZone);
  if (q.majorGroup !== null) query = query.where('major_group', '=', q.majorGroup);
  if (q.hasFramework !== null) {
    const withFramework = db.selectFrom('framework').select('occupation_code');
    query = query.where('code', q.hasFramework ? 'in' : 'not in', withFramework);
  }
  return query;
}

/** One statement: the window count sees every filtered row, the outer query only the page after the cursor. */
export async function occupationPage(db: Db, q: OccupationPageQuery): Promise<{ rows: OccupationRow[]; totalCount: number }> {
  const counted = filtered(db, q).selectAll().select(sql<number>`count(*) OVER ()`.as('total_count'));
  let page = db.selectFrom(counted.as('o')).selectAll();
  if (q.afterCode !== null) page = page.where('code', '>', q.afterCode);
  // One row more than asked tells whether a next page exists.
  const rows = await page.orderBy('code').limit(q.first + 1).execute();
  const totalCount = rows[0]?.total_count ?? (q.afterCode === null ? 0 : await countFiltered(db, q));
  return { rows: rows.map(({ total_count: _, ...row }) => row), totalCount };
}

/** Only for a page past the end, where the windowed query has no row to carry the count. */
async function countFiltered(db: Db, q: OccupationPageQuery): Promise<number> {
  const row = await filtered(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export function occupationsByCode(db: Db, codes: readonly string[]) {
  return db.selectFrom('occupation').selectAll().where('code', 'in', codes).execute();
}

/** All occupations under the given 6-digit SOC codes, lowest O*NET-SOC code first. */
export function occupationsBySocCode(db: Db, socCodes: readonly string[]) {
  return db.selectFrom('occupation').selectAll().where('soc_code', 'in', socCodes).orderBy('code').execute();
}

export function jobZonesByZone(db: Db, zones: readonly number[]) {
  return db.selectFrom('job_zone').selectAll().where('zone', 'in', zones).execute();
}

export function alternateTitlesByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('alternate_title').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function reportedTitlesByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('reported_title').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function tasksByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('task').selectAll().where('occupation_code', 'in', codes).orderBy('task_id').execute();
}

export function technologySkillsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('technology_skill').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function toolsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('tool').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

/** The four Education, Training, and Experience distributions (RL, RW, PT, OJ), with category labels, by scale and category. */
export function educationByOccupation(db: Db, codes: readonly string[]): Promise<EducationLevelRow[]> {
  return db
    .selectFrom('education as e')
    .innerJoin('education_category as c', (join) =>
      join.onRef('c.scale_id', '=', 'e.scale_id').onRef('c.category', '=', 'e.category'),
    )
    .selectAll('e')
    .select('c.description as label')
    .where('e.occupation_code', 'in', codes)
    .orderBy('e.scale_id')
    .orderBy('e.category')
    .execute();
}

export function relatedOccupationsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('related_occupation').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

export function elementScoresByOccupation(db: Db, domain: ElementDomain, codes: readonly string[]): Promise<ElementScoreRow[]> {
  return db
    .selectFrom('element_rating as r')
    .innerJoin('scale as s', 's.id', 'r.scale_id')
    .select([
      'r.occupation_code', 'r.element_id', 'r.element_name', 'r.scale_id', 's.name as scale_name', 's.minimum',
      's.maximum', 'r.value', 'r.recommend_suppress', 'r.not_relevant', 'r.date', 'r.domain_source', 'r.release',
    ])
    .where('r.domain', '=', domain)
    .where('r.occupation_code', 'in', codes)
    .orderBy('r.element_id')
    .orderBy('r.scale_id')
    .execute();
}

export function frameworksByOccupation(db: Db, codes: readonly string[]): Promise<FrameworkRow[]> {
  return db.selectFrom('framework').selectAll().where('occupation_code', 'in', codes).execute();
}

export function competencyLevelsByOccupation(db: Db, codes: readonly string[]): Promise<CompetencyLevelRow[]> {
  return db.selectFrom('competency_level').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

export function competencyStatementsByOccupation(db: Db, codes: readonly string[]): Promise<CompetencyStatementRow[]> {
  return db
    .selectFrom('competency_statement')
    .selectAll()
    .where('occupation_code', 'in', codes)
    .orderBy('level_key')
    .orderBy('position')
    .execute();
}

export function aiUsageStatementsByOccupation(db: Db, codes: readonly string[]): Promise<AiUsageStatementRow[]> {
  return db.selectFrom('ai_usage_statement').selectAll().where('occupation_code', 'in', codes).orderBy('position').execute();
}

export function durableDomainsByOccupation(db: Db, codes: readonly string[]): Promise<DurableDomainRow[]> {
  return db.selectFrom('durable_domain').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

export function durableStatementsByOccupation(db: Db, codes: readonly string[]): Promise<DurableStatementRow[]> {
  return db.selectFrom('durable_statement').selectAll().where('occupation_code', 'in', codes).orderBy('position').execute();
}

export function citationsByOccupation(db: Db, codes: readonly string[]): Promise<CitationRow[]> {
  return db.selectFrom('citation').selectAll().where('occupation_code', 'in', codes).orderBy('position').execute();
}

export function anchorsByOccupation(db: Db, codes: readonly string[]): Promise<FrameworkAnchorRow[]> {
  return db.selectFrom('framework_anchor').selectAll().where('occupation_code', 'in', codes).orderBy('position').execute();
}

export function frameworkSourcesByOccupation(db: Db, codes: readonly string[]): Promise<FrameworkSourceRow[]> {
  return db
    .selectFrom('framework_source as fs')
    .innerJoin('source as s', 's.id', 'fs.source_id')
    .selectAll('s')
    .select('fs.occupation_code')
    .where('fs.occupation_code', 'in', codes)
    .orderBy('fs.position')
    .execute();
}

export function warningsByOccupation(db: Db, codes: readonly string[]): Promise<DataQualityWarningRow[]> {
  return db.selectFrom('data_quality_warning').selectAll().where('occupation_code', 'in', codes).execute();
}

/** Each framework's lists as served (migration 0003): one row each, the rows above shaped by the importer. */
export function frameworkDocumentsByOccupation(db: Db, codes: readonly string[]): Promise<FrameworkDocumentRow[]> {
  return db.selectFrom('framework_document').selectAll().where('occupation_code', 'in', codes).execute();
}

/** Which occupation each of these framework statement ids (competency, AI-usage or durable-skill) belongs to. */
export function statementOccupationsById(db: Db, ids: readonly string[]): Promise<{ id: string; occupation_code: string }[]> {
  return db
    .selectFrom('competency_statement')
    .select(['id', 'occupation_code'])
    .where('id', 'in', ids)
    .unionAll(db.selectFrom('ai_usage_statement').select(['id', 'occupation_code']).where('id', 'in', ids))
    .unionAll(db.selectFrom('durable_statement').select(['id', 'occupation_code']).where('id', 'in', ids))
    .execute();
}

export function sourcesById(db: Db, ids: readonly string[]): Promise<SourceRow[]> {
  return db.selectFrom('source').selectAll().where('id', 'in', ids).execute();
}

export function allSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('source').selectAll().orderBy('id').execute();
}

export async function readMeta(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('meta').selectAll().execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export interface Coverage {
  occupationCount: number;
  occupationsWithAnchors: number;
  occupationsWithFrameworks: number;
}

export async function coverage(db: Db): Promise<Coverage> {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*) FROM occupation)`.as('occupationCount'),
      sql<number>`(SELECT count(DISTINCT occupation_code) FROM task)`.as('occupationsWithAnchors'),
      sql<number>`(SELECT count(*) FROM framework)`.as('occupationsWithFrameworks'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
