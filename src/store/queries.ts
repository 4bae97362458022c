/**
 * Every query the API runs against the reference store (the importer's writes and build-time reads are in
 * importer.ts and search-index.ts). Each batch function takes many keys and runs ONE `WHERE key IN (...)`
 * statement, so the number of statements an operation runs does not grow with the number of parents. The
 * releases' queries and the two search statements are at the end.
 */
import { Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type {
  ContentElementRow,
  Database,
  DwaRow,
  ElementDomain,
  FrameworkDocumentRow,
  InterestActivityRow,
  InterestOccupationRow,
  IwaRow,
  LevelAnchorTable,
  OccupationRow,
  ReleaseChangeRow,
  RiasecKeywordRow,
  SearchField,
  SourceRow,
  UnspscCommodityRow,
} from './database';

export type Db = Kysely<Database>;

/** An education category row as read for the schema, with its label from the categories reference and its scale's range. */
export type EducationLevelRow = Awaited<ReturnType<typeof educationByOccupation>>[number];

/** The columns of a row's scale that say whether its value lies on it (src/store/scales.ts). */
interface ScaleColumns {
  scale_name: string;
  minimum: number;
  maximum: number;
}

/** One rating joined with its scale's reference data: the columns `elementScoresByOccupation` selects. */
export type ElementScoreRow = Awaited<ReturnType<typeof elementScoresByOccupation>>[number];

/**
 * A number an occupation may have (a median wage, a projected change), to filter and order occupations by: SQL over
 * the `occupation` row being read, NULL where the occupation has none (src/store/labor-market-queries.ts has them).
 */
export interface OccupationFigure {
  value: RawBuilder<number | null>;
  /** 1 where `value` is only a lower bound (a top-coded wage), else 0; absent where the figure is always exact. */
  lowerBound?: RawBuilder<0 | 1>;
}

/**
 * Occupations whose figure surely lies in [min, max] (either may be null: no limit). One without the figure is left
 * out; a lower bound meets a `min` it reaches, and no `max`, since the true value may lie above any max.
 */
export interface FigureRange {
  figure: OccupationFigure;
  min: number | null;
  max: number | null;
}

export interface OccupationFilterQuery {
  jobZone: number | null;
  majorGroup: string | null;
  hasFramework: boolean | null;
  ranges: readonly FigureRange[];
}

export interface OccupationPageQuery extends OccupationFilterQuery {
  first: number;
  /** Return occupations with codes after this one. */
  afterCode: string | null;
}

/** Occupations matching an `OccupationFilter` (also the search's filter). */
export function filtered(db: Db, q: OccupationFilterQuery) {
  let query = db.selectFrom('occupation');
  if (q.jobZone !== null) query = query.where('job_zone', '=', q.jobZone);
  if (q.majorGroup !== null) query = query.where('major_group', '=', q.majorGroup);
  if (q.hasFramework !== null) {
    const withFramework = db.selectFrom('framework').select('occupation_code');
    query = query.where('code', q.hasFramework ? 'in' : 'not in', withFramework);
  }
  for (const { figure, min, max } of q.ranges) {
    query = query.where(sql<boolean>`${figure.value} IS NOT NULL`);
    if (min !== null) query = query.where(sql<boolean>`${figure.value} >= ${min}`);
    if (max !== null) query = query.where(sql<boolean>`${figure.value} <= ${max}`);
    if (max !== null && figure.lowerBound !== undefined) query = query.where(sql<boolean>`${figure.lowerBound} = 0`);
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
async function countFiltered(db: Db, q: OccupationFilterQuery): Promise<number> {
  const row = await filtered(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** An order of occupations by a figure: those without it last in either direction, ties in code order. */
export interface FigureOrder {
  figure: OccupationFigure;
  direction: 'asc' | 'desc';
}

export interface OrderedOccupationPageQuery extends OccupationFilterQuery {
  first: number;
  order: FigureOrder;
  /** The last occupation of the previous page, with its figure (null: it had none); null for the first page. */
  after: { value: number | null; code: string } | null;
}

/**
 * One page in figure order, as `occupationPage` in code order: the window count sees every filtered row, the outer
 * query only those after the cursor's (value, code) in the order (value, nulls last; code).
 */
export async function orderedOccupationPage(
  db: Db,
  q: OrderedOccupationPageQuery,
): Promise<{ rows: OccupationRow[]; figureOf: ReadonlyMap<string, number | null>; totalCount: number }> {
  const counted = filtered(db, q).selectAll().select([sql<number | null>`${q.order.figure.value}`.as('figure'), sql<number>`count(*) OVER ()`.as('total_count')]);
  const beyond = q.order.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  let page = db.selectFrom(counted.as('o')).selectAll();
  if (q.after !== null) {
    const { value, code } = q.after;
    page = page.where(
      value === null
        ? sql<boolean>`figure IS NULL AND code > ${code}`
        : sql<boolean>`figure IS NULL OR figure ${beyond} ${value} OR (figure = ${value} AND code > ${code})`,
    );
  }
  const rows = await page
    .orderBy(sql`figure IS NULL`)
    .orderBy('figure', q.order.direction)
    .orderBy('code')
    .limit(q.first + 1)
    .execute();
  const totalCount = rows[0]?.total_count ?? (q.after === null ? 0 : await countFiltered(db, q));
  return {
    rows: rows.map(({ total_count: _, figure: __, ...row }) => row),
    figureOf: new Map(rows.map((r) => [r.code, r.figure])),
    totalCount,
  };
}

export function occupationsByCode(db: Db, codes: readonly string[]) {
  return db.selectFrom('occupation').selectAll().where('code', 'in', codes).execute();
}

/** All occupations under the given 6-digit SOC codes, lowest O*NET-SOC code first. */
export function occupationsBySocCode(db: Db, socCodes: readonly string[]) {
  return db.selectFrom('occupation').selectAll().where('soc_code', 'in', socCodes).orderBy('code').execute();
}

/*
 * Job zones, alternate titles and tasks are read with the columns a resolver would only rename (`job_training` to
 * `jobTraining`) named in the select as the schema names them: SQLite names its result columns, so nothing runs per
 * row, and the schema's fields are plain properties, with no resolver call per field per row. kysely's
 * CamelCasePlugin would instead rename every key of every row in JavaScript, and can only make camelCase of a column
 * (`task_type` is served as `type`): docs/performance.md, "Renaming resolvers".
 */
const JOB_ZONE_FIELDS = ['zone', 'name', 'experience', 'education', 'job_training as jobTraining', 'examples', 'svp_range as svpRange', 'release'] as const;
const ALTERNATE_TITLE_FIELDS = ['id', 'occupation_code', 'title', 'short_title as shortTitle', 'sources', 'release'] as const;
const TASK_FIELDS = ['task_id', 'occupation_code', 'statement', 'task_type as type', 'incumbents_responding as incumbentsResponding', 'date', 'domain_source as domainSource', 'release'] as const;

export function jobZonesByZone(db: Db, zones: readonly number[]) {
  return db.selectFrom('job_zone').select(JOB_ZONE_FIELDS).where('zone', 'in', zones).execute();
}

export function alternateTitlesByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('alternate_title').select(ALTERNATE_TITLE_FIELDS).where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function reportedTitlesByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('reported_title').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function tasksByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('task').select(TASK_FIELDS).where('occupation_code', 'in', codes).orderBy('task_id').execute();
}

/** A job zone, an alternate title and a task as read for the schema (the mappers in codegen.ts). */
export type JobZoneFields = Awaited<ReturnType<typeof jobZonesByZone>>[number];
export type AlternateTitleFields = Awaited<ReturnType<typeof alternateTitlesByOccupation>>[number];
export type TaskFields = Awaited<ReturnType<typeof tasksByOccupation>>[number];

export function technologySkillsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('technology_skill').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

export function toolsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('tool').selectAll().where('occupation_code', 'in', codes).orderBy('id').execute();
}

/** An education row's columns, those a resolver would only rename named as the schema's fields (see JOB_ZONE_FIELDS). */
const EDUCATION_FIELDS = [
  'e.occupation_code', 'e.element_id', 'e.scale_id', 'e.category', 'e.percent', 'e.sample_size as sampleSize',
  'e.recommend_suppress', 'e.standard_error as standardError', 'e.lower_ci as lowerCiBound', 'e.upper_ci as upperCiBound',
  'e.date', 'e.domain_source as domainSource', 'e.release',
] as const;

/** The four Education, Training, and Experience distributions (RL, RW, PT, OJ), with category labels, by scale and category. */
export function educationByOccupation(db: Db, codes: readonly string[]) {
  return db
    .selectFrom('education as e')
    .innerJoin('education_category as c', (join) =>
      join.onRef('c.scale_id', '=', 'e.scale_id').onRef('c.category', '=', 'e.category'),
    )
    .innerJoin('scale as s', 's.id', 'e.scale_id')
    .select(EDUCATION_FIELDS)
    .select(['c.description as label', 's.name as scale_name', 's.minimum', 's.maximum'])
    .where('e.occupation_code', 'in', codes)
    .orderBy('e.scale_id')
    .orderBy('e.category')
    .execute();
}

export function relatedOccupationsByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('related_occupation').selectAll().where('occupation_code', 'in', codes).orderBy('rank').execute();
}

export function elementScoresByOccupation(db: Db, domain: ElementDomain, codes: readonly string[]) {
  return db
    .selectFrom('element_rating as r')
    .innerJoin('scale as s', 's.id', 'r.scale_id')
    .select([
      'r.occupation_code', 'r.element_id', 'r.element_name', 'r.scale_id', 's.name as scale_name', 's.minimum',
      's.maximum', 'r.value', 'r.recommend_suppress', 'r.not_relevant', 'r.date', 'r.domain_source', 'r.release',
      'r.sample_size', 'r.standard_error', 'r.lower_ci', 'r.upper_ci',
    ])
    .where('r.domain', '=', domain)
    .where('r.occupation_code', 'in', codes)
    .orderBy('r.element_id')
    .orderBy('r.scale_id')
    .execute();
}

/** A framework row's columns, the published page's named as the schema's fields (see JOB_ZONE_FIELDS). */
const FRAMEWORK_FIELDS = [
  'occupation_code', 'title', 'version', 'context', 'job_zone', 'job_zone_name',
  'page_publisher as publisher', 'page_copyright as copyright', 'page_sources_line as sourcesLine',
  'ai_usage_coverage_note as aiUsageCoverageNote', 'ai_usage_intro as aiUsageIntro', 'durable_skills_intro as durableSkillsIntro',
  'anchors_enrichment as anchorsEnrichment',
  'aei_task_observations', 'aei_augment_share_percent', 'aei_time_saved_percent', 'aei_ai_autonomy',
  'safi_top_skill', 'safi_score', 'safi_score_max', 'safi_quadrant', 'safi_precision', 'wef_cluster', 'wef_cluster_id',
] as const;

export function frameworksByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('framework').select(FRAMEWORK_FIELDS).where('occupation_code', 'in', codes).execute();
}

/** A framework as read for the schema: the mapper of Framework, EvidencePack and PublishedPage in codegen.ts. */
export type FrameworkFields = Awaited<ReturnType<typeof frameworksByOccupation>>[number];

/** Each framework's lists as served: one document each, built by the importer from the framework file. */
export function frameworkDocumentsByOccupation(db: Db, codes: readonly string[]): Promise<FrameworkDocumentRow[]> {
  return db.selectFrom('framework_document').selectAll().where('occupation_code', 'in', codes).execute();
}

/** Which framework each of these statement ids (competency, AI-usage or durable-skill) belongs to. */
export function frameworkStatementsById(db: Db, ids: readonly string[]): Promise<{ id: string; occupation_code: string }[]> {
  return db.selectFrom('framework_statement').selectAll().where('id', 'in', ids).execute();
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

/** Frameworks stored without their served document: a broken build, refused when the store is opened. */
export function frameworksWithoutDocument(db: Db): Promise<{ occupation_code: string }[]> {
  return db
    .selectFrom('framework')
    .select('occupation_code')
    .where('occupation_code', 'not in', db.selectFrom('framework_document').select('occupation_code'))
    .execute();
}

/*
 * Releases: the change feed between held releases, its per-file summary, the Job Zone scale,
 * Emerging Tasks, the RIASEC reference files and the skill links.
 */

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

/**
 * Every pair's per-file summary, in the order the importer compared them, the restamped counts named as the schema's
 * fields (see JOB_ZONE_FIELDS).
 */
export function releaseFileSummaries(db: Db) {
  return db
    .selectFrom('release_file_summary')
    .select([
      'from_release', 'to_release', 'file', 'status', 'added', 'removed', 'changed', 'changes',
      'restamped as redatedOrResourced', 'restamped_occupations as redatedOrResourcedOccupations',
    ])
    .orderBy(sql`rowid`)
    .execute();
}

/** A file's summary as read for the schema (the ReleaseFileChanges mapper in codegen.ts). */
export type ReleaseFileSummaryFields = Awaited<ReturnType<typeof releaseFileSummaries>>[number];

export function allJobZones(db: Db): Promise<JobZoneFields[]> {
  return db.selectFrom('job_zone').select(JOB_ZONE_FIELDS).orderBy('zone').execute();
}

/** An emerging task's columns, those a resolver would only rename named as the schema's fields (see JOB_ZONE_FIELDS). */
const EMERGING_TASK_FIELDS = [
  'id', 'occupation_code', 'statement', 'category', 'original_task_id', 'original_task as originalTask', 'date',
  'domain_source as domainSource', 'release',
] as const;

export function emergingTasksByOccupation(db: Db, codes: readonly string[]) {
  return db.selectFrom('emerging_task').select(EMERGING_TASK_FIELDS).where('occupation_code', 'in', codes).orderBy('id').execute();
}

/** An emerging task as read for the schema (its mapper in codegen.ts). */
export type EmergingTaskFields = Awaited<ReturnType<typeof emergingTasksByOccupation>>[number];

/** A RIASEC keyword as read for the schema, `keyword_type` named as its field (see JOB_ZONE_FIELDS; the mapper in codegen.ts). */
export type RiasecKeywordFields = Omit<RiasecKeywordRow, 'keyword_type'> & { keywordType: RiasecKeywordRow['keyword_type'] };

export interface InterestReference {
  activities: InterestActivityRow[];
  occupations: InterestOccupationRow[];
  keywords: RiasecKeywordFields[];
}

export async function interestReference(db: Db): Promise<InterestReference> {
  const [activities, occupations, keywords] = await Promise.all([
    db.selectFrom('interest_activity').selectAll().orderBy('id').execute(),
    db.selectFrom('interest_occupation').selectAll().orderBy('id').execute(),
    db
      .selectFrom('riasec_keyword')
      .select(['id', 'element_id', 'element_name', 'keyword', 'keyword_type as keywordType', 'release'])
      .orderBy('id')
      .execute(),
  ]);
  return { activities, occupations, keywords };
}

/** A skill link as read for the schema, `target_domain` named as its field `targetKind` (see JOB_ZONE_FIELDS; the mapper in codegen.ts). */
export type SkillLinkFields = Awaited<ReturnType<typeof skillLinks>>[number];

export function skillLinks(db: Db, skillId: string | null) {
  return db
    .selectFrom('skill_link')
    .select(['id', 'skill_id', 'skill_name', 'target_domain as targetKind', 'target_id', 'target_name', 'release'])
    .$if(skillId !== null, (b) => b.where('skill_id', '=', skillId as string))
    .orderBy('id')
    .execute();
}

/*
 * The rest of the O*NET model (schema/onet-model.graphql): Content Model elements, Level Scale Anchors, the work
 * activity links of each occupation's tasks and the IWAs above their DWAs, the UNSPSC hierarchy, job zone assignments.
 */

export function contentElementsById(db: Db, ids: readonly string[]): Promise<ContentElementRow[]> {
  return db.selectFrom('content_element').selectAll().where('id', 'in', ids).execute();
}

/** A Level Scale Anchor with its scale's range. */
export type LevelAnchorRow = Selectable<LevelAnchorTable> & ScaleColumns;

/** Each element's anchors, lowest point first. */
export function levelAnchorsByElement(db: Db, ids: readonly string[]): Promise<LevelAnchorRow[]> {
  return db
    .selectFrom('level_anchor as a')
    .innerJoin('scale as s', 's.id', 'a.scale_id')
    .selectAll('a')
    .select(['s.name as scale_name', 's.minimum', 's.maximum'])
    .where('a.element_id', 'in', ids)
    .orderBy('a.element_id')
    .orderBy('a.scale_id')
    .orderBy('a.value')
    .execute();
}

/** A detailed work activity a task of an occupation is linked to (Tasks to DWAs). */
export type WorkActivityLinkRow = DwaRow & { occupation_code: string; task_id: number };

/** Every task-to-DWA link of each occupation, with the DWA, by task id then DWA id. */
export function workActivityLinksByOccupation(db: Db, codes: readonly string[]): Promise<WorkActivityLinkRow[]> {
  return db
    .selectFrom('task_dwa as t')
    .innerJoin('dwa as d', 'd.id', 't.dwa_id')
    .selectAll('d')
    .select(['t.occupation_code', 't.task_id'])
    .where('t.occupation_code', 'in', codes)
    .orderBy('t.task_id')
    .orderBy('d.id')
    .execute();
}

export function iwasById(db: Db, ids: readonly string[]): Promise<IwaRow[]> {
  return db.selectFrom('iwa').selectAll().where('id', 'in', ids).execute();
}

export function unspscByCommodity(db: Db, codes: readonly number[]): Promise<UnspscCommodityRow[]> {
  return db.selectFrom('unspsc_commodity').selectAll().where('commodity_code', 'in', codes).execute();
}

/** An occupation's job zone assignment, with the zone (`occupation.job_zone`) and `domain_source` named as the schema's field. */
export type JobZoneAssignmentRow = Awaited<ReturnType<typeof jobZoneAssignmentsByOccupation>>[number];

export function jobZoneAssignmentsByOccupation(db: Db, codes: readonly string[]) {
  return db
    .selectFrom('job_zone_assignment as a')
    .innerJoin('occupation as o', 'o.code', 'a.occupation_code')
    .select(['a.occupation_code', 'a.date', 'a.domain_source as domainSource', 'a.release', 'o.job_zone'])
    .where('a.occupation_code', 'in', codes)
    .where('o.job_zone', 'is not', null)
    .$narrowType<{ job_zone: number }>()
    .execute();
}

/*
 * Search: the two statements a search runs, whatever the query. One looks up the query's words in the vocabulary
 * (and, for words no title uses, their typo corrections, splits and completions); one fetches the best-ranked
 * candidate documents with their texts. The MATCH expressions come from src/search/plan.ts, built only from quoted
 * stems.
 */

export interface SearchTermRow {
  term: string;
  stem: string;
  title_count: number;
  title_df: number;
  doc_df: number;
  /** `term`: asked for by name; `deletion`: shares the deletion variant `via`; `prefix`: begins with `via`. */
  kind: 'term' | 'deletion' | 'prefix';
  via: string | null;
}

export interface TermLookup {
  /** Words as typed, their parts, abbreviation expansions and adjacent joins: always looked up. */
  terms: readonly string[];
  /** [word, key]: the key (a deletion or a split part of the word) looked up as a word, when no title has the word. */
  guesses: readonly (readonly [string, string])[];
  /** [word, key]: title words sharing the deletion variant `key` (or the word itself), when no title has the word. */
  variants: readonly (readonly [string, string])[];
  /** Words whose most common title completions are looked up, when no title has the word. */
  prefixes: readonly string[];
}

/**
 * In one statement of constant text (the lists travel as JSON): the words the index holds among `terms`; and, only
 * for the query words no title uses, their guesses, the title words sharing a deletion variant with them, and the
 * `completions` most common title words each begins.
 */
export async function searchTerms(db: Db, lookup: TermLookup, completions: number): Promise<SearchTermRow[]> {
  // `expression` is one of the fixed SQL expressions below, never user text.
  const noTitleHas = (expression: string) => sql`NOT EXISTS (SELECT 1 FROM search_term k WHERE k.term = ${sql.raw(expression)} AND k.title_count > 0)`;
  const result = await sql<SearchTermRow>`
    SELECT term, stem, title_count, title_df, doc_df, 'term' AS kind, NULL AS via
      FROM search_term
      WHERE term IN (SELECT value FROM json_each(${JSON.stringify(lookup.terms)}))
    UNION ALL
    SELECT t.term, t.stem, t.title_count, t.title_df, t.doc_df, 'term', NULL
      FROM json_each(${JSON.stringify(lookup.guesses)}) q
      JOIN search_term t ON t.term = q.value ->> 1
      WHERE ${noTitleHas('q.value ->> 0')}
    UNION ALL
    SELECT t.term, t.stem, t.title_count, t.title_df, t.doc_df, 'deletion', v.variant
      FROM json_each(${JSON.stringify(lookup.variants)}) q
      JOIN search_term_variant v ON v.variant = q.value ->> 1
      JOIN search_term t ON t.term = v.term
      WHERE ${noTitleHas('q.value ->> 0')}
    UNION ALL
    SELECT term, stem, title_count, title_df, doc_df, 'prefix', via FROM (
      SELECT t.*, q.value AS via, row_number() OVER (PARTITION BY q.value ORDER BY t.title_count DESC, t.term) AS n
        FROM json_each(${JSON.stringify(lookup.prefixes)}) q
        -- A range on the primary key: prefix < term < prefix + U+FFFF.
        JOIN search_term t ON t.term > q.value AND t.term < q.value || char(65535)
        WHERE t.title_count > 0 AND ${noTitleHas('q.value')}
    )
    WHERE n <= ${completions}
  `.execute(db);
  return result.rows;
}

/** bm25 column weights, in table order: candidate order only; the ranker rescores. */
const TITLE_WEIGHTS = sql.raw('10.0, 9.0, 9.0, 7.0');
const TEXT_WEIGHTS = sql.raw('1.0, 1.5, 3.0');

export type SearchFilter = OccupationFilterQuery;

export interface SearchCandidateRow {
  occupation_code: string;
  field: SearchField;
  text: string;
  terms: string;
  /** How many O*NET sources attest the text (titles); 1 for descriptions, tasks and technology names. */
  source_count: number;
  /** bm25 with column weights within the document's own table: negative, lower is better. */
  bm25: number;
  /** Which table the document comes from, so bm25 is only compared within one. */
  table: 'title' | 'text';
}

export interface CandidateQuery {
  /** MATCH expression for `search_title`. */
  titles: string;
  /** MATCH expression for `search_text`, or null to leave it out. */
  texts: string | null;
  filter: SearchFilter;
  titleLimit: number;
  textLimit: number;
}

/**
 * The best documents of both tables for their MATCH expressions, by bm25 with column weights, in one statement.
 * Ranking reads only rowids and sizes; the stored columns are read for the winners alone.
 */
export function searchCandidates(db: Db, q: CandidateQuery): Promise<SearchCandidateRow[]> {
  const filtering = q.filter.jobZone !== null || q.filter.majorGroup !== null || q.filter.hasFramework !== null || q.filter.ranges.length > 0;
  /** One table's best `limit` documents: ranked on rowids and bm25 alone, then joined back for their columns. */
  const best = (table: 'search_title' | 'search_text', match: string, weights: RawBuilder<unknown>, limit: number) => {
    let ranked = db
      .selectFrom(table)
      .select([sql<number>`rowid`.as('id'), sql<number>`bm25(${sql.table(table)}, ${weights})`.as('bm25')])
      .where(sql<boolean>`${sql.table(table)} MATCH ${match}`);
    if (filtering) ranked = ranked.where('occupation_code', 'in', filtered(db, q.filter).select('code'));
    return db
      .selectFrom(ranked.orderBy('bm25').limit(limit).as('h'))
      .innerJoin(sql.table(table).as('s'), (join) => join.on(sql<boolean>`s.rowid = h.id`))
      .select([
        sql<string>`s.occupation_code`.as('occupation_code'),
        sql<SearchField>`s.field`.as('field'),
        sql<string>`s.text`.as('text'),
        sql<string>`s.terms`.as('terms'),
        'h.bm25',
      ]);
  };
  const titles = best('search_title', q.titles, TITLE_WEIGHTS, q.titleLimit).select([
    sql<number>`s.source_count`.as('source_count'),
    sql<'title' | 'text'>`'title'`.as('table'),
  ]);
  if (q.texts === null) return titles.execute();
  const texts = best('search_text', q.texts, TEXT_WEIGHTS, q.textLimit).select([sql<number>`1`.as('source_count'), sql<'title' | 'text'>`'text'`.as('table')]);
  return titles.unionAll(texts).execute();
}
