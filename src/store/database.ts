/**
 * The store's tables, typed as SQLite really returns them: 0/1 for booleans, TEXT for dates,
 * `T | null` for nullable columns. Kysely's `Database` interface; migrations/0013_store.ts creates these tables.
 */
import type { Generated, Selectable } from 'kysely';

/** Which O*NET release a row came from (`30.2`, `29.0`: data/onet/releases.json). Every O*NET-derived row records it. */
export type OnetRelease = string;

export interface MetaTable {
  key: string;
  value: string;
}

export interface OccupationTable {
  code: string;
  soc_code: string;
  major_group: string;
  title: string;
  description: string;
  job_zone: number | null;
  release: OnetRelease;
}

export interface ScaleTable {
  id: string;
  name: string;
  minimum: number;
  maximum: number;
  release: OnetRelease;
}

export interface JobZoneTable {
  zone: number;
  name: string;
  experience: string;
  education: string;
  job_training: string;
  examples: string;
  svp_range: string;
  release: OnetRelease;
}

export interface AlternateTitleTable {
  /** Row order in the O*NET file. */
  id: Generated<number>;
  occupation_code: string;
  title: string;
  short_title: string | null;
  /** O*NET's source codes as published, comma-separated, e.g. `04,06`. */
  sources: string;
  release: OnetRelease;
}

export interface ReportedTitleTable {
  /** Row order in the O*NET file. */
  id: Generated<number>;
  occupation_code: string;
  title: string;
  shown_in_my_next_move: 0 | 1;
  release: OnetRelease;
}

export type TaskType = 'Core' | 'Supplemental';
export type EmergingTaskCategory = 'New' | 'Revision';
/** An interest's `Interest Type` in the Interests files: the six RIASEC types or a basic interest. */
export type InterestLevel = 'General' | 'Basic';
/** A RIASEC keyword's `Keyword Type`. */
export type RiasecKeywordType = 'Action' | 'Object';
export type SkillLinkDomain = 'work_activity' | 'work_context';
export type ReleaseFileStatus = 'identical' | 'changed' | 'new' | 'dropped';
/** The scale ids of the Education, Training, and Experience distributions: RL, RW, PT and OJ. */
export type EducationScale = 'RL' | 'RW' | 'PT' | 'OJ';

export interface TaskTable {
  task_id: number;
  occupation_code: string;
  statement: string;
  /** Null where O*NET gives `n/a`. */
  task_type: TaskType | null;
  incumbents_responding: number | null;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

export interface TechnologySkillTable {
  /** Row order in the O*NET file. */
  id: Generated<number>;
  occupation_code: string;
  example: string;
  commodity_code: number;
  commodity_title: string;
  hot: 0 | 1;
  in_demand: 0 | 1;
  release: OnetRelease;
}

export interface ToolTable {
  /** Row order in the O*NET file. */
  id: Generated<number>;
  occupation_code: string;
  example: string;
  commodity_code: number;
  commodity_title: string;
  release: OnetRelease;
}

/** One category of the Education, Training, and Experience scales, with its label. */
export interface EducationCategoryTable {
  scale_id: string;
  category: number;
  element_id: string;
  element_name: string;
  description: string;
  release: OnetRelease;
}

export interface EducationTable {
  occupation_code: string;
  element_id: string;
  scale_id: string;
  category: number;
  /** Percent of respondents, 0–100. */
  percent: number;
  sample_size: number | null;
  /** O*NET's advice to suppress the percent for low precision; null where O*NET gives `n/a`. */
  recommend_suppress: 0 | 1 | null;
  /** The percent's standard error and 95% confidence bounds, in percent; null where O*NET gives `n/a`. */
  standard_error: number | null;
  lower_ci: number | null;
  upper_ci: number | null;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

export interface RelatedOccupationTable {
  occupation_code: string;
  related_code: string;
  tier: string;
  rank: number;
  release: OnetRelease;
}

/**
 * Which part of the O*NET content model a rating belongs to. `education`: the certification and apprenticeship
 * Importance rows of the Education, Training, and Experience file (its distributions are in `education`).
 */
export type ElementDomain = 'skill' | 'knowledge' | 'work_style' | 'interest' | 'work_value' | 'education';

/**
 * One rating of one element on one scale (Skills IM/LV, Work Styles WI/DR, Interests OI/IH, Work Values EX/VH,
 * certification and apprenticeship IM).
 */
export interface ElementRatingTable {
  occupation_code: string;
  domain: ElementDomain;
  element_id: string;
  element_name: string;
  scale_id: string;
  value: number;
  sample_size: number | null;
  standard_error: number | null;
  lower_ci: number | null;
  upper_ci: number | null;
  recommend_suppress: 0 | 1 | null;
  not_relevant: 0 | 1 | null;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

export interface SourceTable {
  id: string;
  name: string;
  short_name: string | null;
  description: string | null;
  publisher: string | null;
  version: string | null;
  licence: string | null;
  url: string | null;
}

export interface FrameworkTable {
  occupation_code: string;
  title: string;
  version: string;
  context: string;
  job_zone: number;
  job_zone_name: string;
  page_publisher: string | null;
  page_copyright: string | null;
  page_sources_line: string | null;
  ai_usage_coverage_note: string | null;
  ai_usage_intro: string | null;
  durable_skills_intro: string | null;
  anchors_enrichment: string | null;
  aei_task_observations: number;
  aei_augment_share_percent: number;
  aei_time_saved_percent: number;
  aei_ai_autonomy: number;
  safi_top_skill: string;
  safi_score: number;
  safi_score_max: number;
  safi_quadrant: string;
  safi_precision: string;
  wef_cluster: string;
  wef_cluster_id: string;
}

/** Which framework each statement id (competency, AI-usage or durable-skill) belongs to. */
export interface FrameworkStatementTable {
  id: string;
  occupation_code: string;
}

/** A framework's lists as the API serves them, one JSON document per framework (framework-document.ts). */
export interface FrameworkDocumentTable {
  occupation_code: string;
  document: string;
}

/** Which field of an occupation a search document's text comes from; also the FTS5 column that indexes it. */
export type SearchField = 'title' | 'alternate_title' | 'short_title' | 'reported_title' | 'description' | 'task' | 'technology';
export type TitleField = Extract<SearchField, 'title' | 'alternate_title' | 'short_title' | 'reported_title'>;
export type TextField = Exclude<SearchField, TitleField>;

/**
 * `search_title`: one row per title-like text. Contentless: the four indexed columns read back
 * as NULL; exactly one of them was written, the one `field` names, with the text's stems.
 */
export interface SearchTitleTable {
  title: string | null;
  alternate_title: string | null;
  short_title: string | null;
  reported_title: string | null;
  occupation_code: string;
  field: TitleField;
  /** The text as published, e.g. `Legal Administrative Assistant (Legal Admin Assistant)`. */
  text: string;
  /** The indexed stems, space-separated, in order. */
  terms: string;
  /**
   * How many O*NET sources attest the text: an alternate title's (and its short form's) Source(s) count, 5 for
   * the O*NET title itself, 1 for a reported title. Where several occupations share a title, it says whose it is.
   */
  source_count: number;
}

/** `search_text`: one row per description, task or technology name; contentless like `search_title`. */
export interface SearchTextTable {
  description: string | null;
  task: string | null;
  technology: string | null;
  occupation_code: string;
  field: TextField;
  text: string;
  terms: string;
}

/** Every word the search index holds, for weighting and typo correction. */
export interface SearchTermTable {
  term: string;
  stem: string;
  /** Title-kind documents (titles, alternate, short and reported titles) containing this exact word. */
  title_count: number;
  /** Title-kind documents containing this word's stem. */
  title_df: number;
  /** Documents of any field containing this word's stem. */
  doc_df: number;
}

/** A title word with one or two letters deleted, pointing back at the word (symmetric-delete spelling correction). */
export interface SearchTermVariantTable {
  variant: string;
  term: string;
}

/** One row of BLS's 2010 SOC -> 2018 SOC crosswalk. */
export interface SocCrosswalkTable {
  /** The row's line in data/crosswalks/bls-soc-2010-to-2018.tsv; also the served order. */
  line: number;
  soc2010_code: string;
  soc2010_title: string;
  soc2018_code: string;
  soc2018_title: string;
  source_id: string;
}

/** One row of O*NET's O*NET-SOC 2010 -> O*NET-SOC 2019 taxonomy crosswalk. */
export interface OnetSocCrosswalkTable {
  line: number;
  onet2010_code: string;
  onet2010_title: string;
  onet2019_code: string;
  onet2019_title: string;
  source_id: string;
}

/** One ESCO occupation of Nesta's ESCO -> O*NET-SOC 2010 crosswalk. */
export interface EscoCrosswalkTable {
  line: number;
  /** The ESCO concept URI, e.g. `http://data.europa.eu/esco/occupation/0264b794-3771-47aa-a675-78bf13b62ee7`. */
  uri: string;
  label: string;
  /** The ISCO-08 unit group, four digits, e.g. `3342`. */
  isco_code: string;
  onet2010_code: string;
  /** Nesta's (lower-case) title of the O*NET occupation. */
  onet2010_title: string;
  /** 0.5, 1 or 2 (highest). */
  confidence: number;
  semantic_similarity: number;
  source_id: string;
}

/** O*NET Emerging Tasks: new or revised tasks not yet in Task Statements. */
export interface EmergingTaskTable {
  /** Row order in the O*NET file. */
  id: Generated<number>;
  occupation_code: string;
  statement: string;
  category: EmergingTaskCategory;
  /** The task a revision replaces; null for new tasks. */
  original_task_id: number | null;
  original_task: string | null;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

/** An illustrative activity of a RIASEC or basic interest (Interests Illustrative Activities). */
export interface InterestActivityTable {
  id: Generated<number>;
  element_id: string;
  element_name: string;
  /** `General` (the six RIASEC types) or `Basic` (basic interests). */
  interest_type: InterestLevel;
  activity: string;
  release: OnetRelease;
}

/** An illustrative occupation of a RIASEC or basic interest (Interests Illustrative Occupations). */
export interface InterestOccupationTable {
  id: Generated<number>;
  element_id: string;
  element_name: string;
  interest_type: InterestLevel;
  occupation_code: string;
  release: OnetRelease;
}

/** A RIASEC keyword (RIASEC Keywords): an action or object word that signals the interest type. */
export interface RiasecKeywordTable {
  id: Generated<number>;
  element_id: string;
  element_name: string;
  keyword: string;
  /** `Action` or `Object`. */
  keyword_type: RiasecKeywordType;
  release: OnetRelease;
}

/** A skill linked to the work activity or work context it supports (Skills to Work Activities / Work Context). */
export interface SkillLinkTable {
  id: Generated<number>;
  skill_id: string;
  skill_name: string;
  target_domain: SkillLinkDomain;
  target_id: string;
  target_name: string;
  release: OnetRelease;
}

/** One change of value between two held releases (src/store/release-changes.ts). */
export interface ReleaseChangeTable {
  /** Feed order: file by file, then in the later release's row order (removals after, in the earlier's). */
  id: Generated<number>;
  from_release: string;
  to_release: string;
  /** Null for scale-level changes (Job Zone Reference, Level Scale Anchors, ...). */
  occupation_code: string | null;
  kind: string;
  /** The file, e.g. `Interests.txt`. */
  file: string;
  /** What changed, e.g. `Conventional (OI)` or the alternate title. */
  subject: string;
  before: string | null;
  after: string | null;
}

/** Per file and pair of releases: how many rows changed in value, and how many were only re-dated or re-sourced. */
export interface ReleaseFileSummaryTable {
  from_release: string;
  to_release: string;
  file: string;
  /** `identical` bytes, `changed`, `new` (only in the later release), `dropped` (only in the earlier). */
  status: ReleaseFileStatus;
  added: number;
  removed: number;
  /** Rows present in both whose values changed. */
  changed: number;
  /** Entries in the change feed for this file (a changed row may give several). */
  changes: number;
  /** Rows in both releases whose date, source or sample statistics changed (whether or not their value did). */
  restamped: number;
  /** Occupations with at least one such row. */
  restamped_occupations: number;
}

/** O*NET's detailed work activities (`DWA Reference`). */
export interface DwaTable {
  id: string;
  iwa_id: string;
  element_id: string;
  title: string;
  release: OnetRelease;
}

/** Which detailed work activities each task is an instance of (`Tasks to DWAs`). */
export interface TaskDwaTable {
  occupation_code: string;
  task_id: number;
  dwa_id: string;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

/** An element of the O*NET Content Model (Content Model Reference): skills, knowledge, work styles, GWAs, ... */
export interface ContentElementTable {
  /** The element id, e.g. `2.A.1.c`. */
  id: string;
  name: string;
  description: string;
  release: OnetRelease;
}

/** One point of a scale with a behavioural example (Level Scale Anchors). */
export interface LevelAnchorTable {
  element_id: string;
  scale_id: string;
  /** The point of the scale, in its unitless points (Level: 0 to 7). */
  value: number;
  description: string;
  release: OnetRelease;
}

/** An intermediate work activity (IWA Reference), between DWAs and their generalized work activity. */
export interface IwaTable {
  /** The IWA id, e.g. `4.A.3.b.6.I02`. */
  id: string;
  /** Its generalized work activity: a Content Model element (`4.A...`). */
  element_id: string;
  title: string;
  release: OnetRelease;
}

/** A UNSPSC commodity with its class, family and segment (UNSPSC Reference). Codes are 8-digit identifiers. */
export interface UnspscCommodityTable {
  commodity_code: number;
  commodity_title: string;
  class_code: number;
  class_title: string;
  family_code: number;
  family_title: string;
  segment_code: number;
  segment_title: string;
  release: OnetRelease;
}

/** When and by whom an occupation's job zone was assigned (Job Zones; the zone is `occupation.job_zone`). */
export interface JobZoneAssignmentTable {
  occupation_code: string;
  date: string;
  domain_source: string;
  release: OnetRelease;
}

/** An occupation's comparison card as JSON (src/store/careers.ts says what it holds). */
export interface CareerCardTable {
  occupation_code: string;
  card: string;
}

/** An occupation's similarity profile (src/careers/profile.ts), JSON, derived at build. */
export interface CareerProfileTable {
  occupation_code: string;
  profile: string;
}

/** One of an occupation's 50 most similar occupations, rank 1 the most similar. */
export interface CareerMoveTable {
  occupation_code: string;
  rank: number;
  move_code: string;
  similarity: number;
}

/** A wage basis and statistic of OEWS, as the store's column names spell them (`annual_median`). */
export type WageBasis = 'annual' | 'hourly';
export type WageStatistic = 'mean' | 'p10' | 'p25' | 'median' | 'p75' | 'p90';
export type WageColumn = `${WageBasis}_${WageStatistic}`;

/** Each wage: its value (null: not available) and whether it is top-coded (the value is a lower bound), 0/1. */
type WageColumns = { [C in WageColumn]: number | null } & { [C in `${WageColumn}_top_coded`]: 0 | 1 };

/** One OEWS May 2024 national estimate (data/labor-market/national_M2024_dl.xlsx), by the code it is published under. */
export interface OewsEstimateTable extends WageColumns {
  code: string;
  title: string;
  /** 1: the code is BLS's own for several 2018 SOC codes (labor_coverage names them). */
  aggregate: 0 | 1;
  /** The row in the workbook's sheet. */
  sheet_row: number;
  /** Persons; null where OEWS gives `**`. */
  employment: number | null;
  /** Percent. */
  employment_rse: number | null;
  /** OEWS's ANNUAL flag: only annual wages are released (the hourly ones are null). */
  annual_only: 0 | 1;
  /** OEWS's HOURLY flag: only hourly wages are released (the annual ones are null). */
  hourly_only: 0 | 1;
  /** The mean wage's relative standard error, percent. */
  mean_rse: number | null;
}

/** One BLS Employment Projections 2024–34 line item (data/labor-market/occupation.xlsx, Table 1.2); null is BLS's `—`. */
export interface EmploymentProjectionTable {
  code: string;
  title: string;
  aggregate: 0 | 1;
  sheet_row: number;
  /** Persons in the base year (the file's thousands times 1,000). */
  employment_base: number | null;
  /** Persons in the target year. */
  employment_target: number | null;
  /** Persons, target minus base as BLS publishes it. */
  change: number | null;
  change_percent: number | null;
  self_employed_percent: number | null;
  /** Persons a year, the annual average over the projection. */
  openings_per_year: number | null;
  typical_education: string | null;
  work_experience: string | null;
  on_the_job_training: string | null;
}

/** Which BLS row covers a 2018 SOC detailed code; `code` null where none does. */
export interface LaborCoverageTable {
  soc_code: string;
  code: string | null;
}

/** A unit of the CPS ASEC mobility network: a 2010 SOC code, or a split group of them (src/observed-moves/units.ts). */
export interface ObservedUnitTable {
  /** The lowest of its codes. */
  code: string;
  /** Its codes' titles, in code order, joined by "; ". */
  title: string;
  stay_probability: number;
  /** How many other units its workers moved into. */
  destinations: number;
  /** The weighted CPS employment of its codes, pooled over the survey years. */
  survey_employment: number;
  /** survey_employment × (1 − stay_probability). */
  weighted_movers: number;
  source_id: string;
}

/** One 2010 SOC code of the network and its unit. */
export interface ObservedUnitCodeTable {
  soc2010_code: string;
  unit_code: string;
  title: string;
}

/** One of a unit's moves into another unit, rank 1 the most probable. */
export interface ObservedMoveTable {
  unit_code: string;
  rank: number;
  to_unit: string;
  /** As published; into a split group, the sum over its codes. */
  probability: number;
}

export type ObservedUnitMatch = 'exact' | 'broad' | 'minor_group';

/** The unit an O*NET occupation was measured as, or why there is none (src/observed-moves/measure.ts). */
export interface ObservedOccupationTable {
  occupation_code: string;
  unit_code: string | null;
  unit_match: ObservedUnitMatch | null;
  /** The occupation's 2010 SOC predecessors, comma-separated, in crosswalk order. */
  soc2010_codes: string;
  unavailable_reason: string | null;
}

/** One of an occupation's 50 most likely moves (src/careers/likelihood.ts), rank 1 the most likely. */
export interface CareerLikelyMoveTable {
  occupation_code: string;
  rank: number;
  move_code: string;
  similarity: number;
  /** The likelihood score (a log-odds scale: only differences mean anything). */
  score: number;
}

/*
 * AI exposure (data/ai-exposure/, src/store/ai-exposure-files.ts): three public measures, occupation by occupation
 * and task by task.
 */

/** The occupation-level figures the three AI sources publish, each a column of one of their files. */
export type AiMeasureId =
  | 'aei_observed_exposure'
  | 'gpt4_alpha'
  | 'gpt4_beta'
  | 'gpt4_gamma'
  | 'human_alpha'
  | 'human_beta'
  | 'human_gamma'
  | 'wwai_applicability'
  | 'wwai_applicability_user'
  | 'wwai_applicability_ai'
  | 'wwai_coverage_user'
  | 'wwai_coverage_ai'
  | 'wwai_completion_user'
  | 'wwai_completion_ai'
  | 'wwai_positive_feedback_user'
  | 'wwai_positive_feedback_ai'
  | 'wwai_impact_scope_user'
  | 'wwai_impact_scope_ai';

/** GPTs are GPTs' exposure rubric: E0 none, E1 direct (an LLM alone), E2 with tools built on LLMs. */
export type ExposureLabel = 'E0' | 'E1' | 'E2';
/** GPTs are GPTs' automation rubric, T0 (none) to T4 (full). */
export type AutomationLabel = 'T0' | 'T1' | 'T2' | 'T3' | 'T4';
/** How an O*NET task statement's text matched an AEI statement: byte for byte, or once normalised. */
export type TextMatch = 'exact' | 'normalized';

/** One published occupation-level figure, under the code the source published it for. */
export interface AiMeasureTable {
  /** As published: a 2018 SOC code (`43-6012`) or an O*NET-SOC code (`43-6012.00`). */
  code: string;
  measure: AiMeasureId;
  value: number;
  /** The source's title for the code, as published. */
  title: string;
  source_id: string;
}

/** Why an occupation has no figure from a source (only occupations without one have a row). */
export interface AiCoverageGapTable {
  occupation_code: string;
  source_id: string;
  reason: string;
}

/** One row of the AEI's task_penetration.csv (a statement repeated with the same value is kept once). */
export interface AeiTaskPenetrationTable {
  /** The row's line in the file. */
  line: number;
  statement: string;
  penetration: number;
}

/** Which AEI statement an O*NET task's text matched. */
export interface TaskAeiMatchTable {
  task_id: number;
  line: number;
  match: TextMatch;
}

/** GPTs are GPTs' labels of one task, by O*NET task id, with the statement as it was labelled. */
export interface GptsTaskLabelTable {
  task_id: number;
  occupation_code: string;
  statement: string;
  human_exposure: ExposureLabel;
  gpt4_exposure: ExposureLabel;
  gpt4_automation: AutomationLabel;
}

export interface Database {
  meta: MetaTable;
  occupation: OccupationTable;
  scale: ScaleTable;
  job_zone: JobZoneTable;
  alternate_title: AlternateTitleTable;
  reported_title: ReportedTitleTable;
  task: TaskTable;
  technology_skill: TechnologySkillTable;
  tool: ToolTable;
  education_category: EducationCategoryTable;
  education: EducationTable;
  related_occupation: RelatedOccupationTable;
  element_rating: ElementRatingTable;
  source: SourceTable;
  framework: FrameworkTable;
  framework_statement: FrameworkStatementTable;
  framework_document: FrameworkDocumentTable;
  search_title: SearchTitleTable;
  search_text: SearchTextTable;
  search_term: SearchTermTable;
  search_term_variant: SearchTermVariantTable;
  emerging_task: EmergingTaskTable;
  interest_activity: InterestActivityTable;
  interest_occupation: InterestOccupationTable;
  riasec_keyword: RiasecKeywordTable;
  skill_link: SkillLinkTable;
  release_change: ReleaseChangeTable;
  release_file_summary: ReleaseFileSummaryTable;
  dwa: DwaTable;
  task_dwa: TaskDwaTable;
  career_profile: CareerProfileTable;
  career_card: CareerCardTable;
  career_move: CareerMoveTable;
  content_element: ContentElementTable;
  level_anchor: LevelAnchorTable;
  iwa: IwaTable;
  unspsc_commodity: UnspscCommodityTable;
  job_zone_assignment: JobZoneAssignmentTable;
  soc_crosswalk: SocCrosswalkTable;
  onet_soc_crosswalk: OnetSocCrosswalkTable;
  esco_crosswalk: EscoCrosswalkTable;
  career_likely_move: CareerLikelyMoveTable;
  observed_unit: ObservedUnitTable;
  observed_unit_code: ObservedUnitCodeTable;
  observed_move: ObservedMoveTable;
  observed_occupation: ObservedOccupationTable;
  oews_estimate: OewsEstimateTable;
  employment_projection: EmploymentProjectionTable;
  labor_coverage: LaborCoverageTable;
  ai_measure: AiMeasureTable;
  ai_coverage_gap: AiCoverageGapTable;
  aei_task_penetration: AeiTaskPenetrationTable;
  task_aei_match: TaskAeiMatchTable;
  gpts_task_label: GptsTaskLabelTable;
}

export type OccupationRow = Selectable<OccupationTable>;
export type JobZoneRow = Selectable<JobZoneTable>;
export type AlternateTitleRow = Selectable<AlternateTitleTable>;
export type ReportedTitleRow = Selectable<ReportedTitleTable>;
export type TaskRow = Selectable<TaskTable>;
export type TechnologySkillRow = Selectable<TechnologySkillTable>;
export type ToolRow = Selectable<ToolTable>;
export type EducationRow = Selectable<EducationTable>;
export type RelatedOccupationRow = Selectable<RelatedOccupationTable>;
export type SourceRow = Selectable<SourceTable>;
export type FrameworkRow = Selectable<FrameworkTable>;
export type FrameworkDocumentRow = Selectable<FrameworkDocumentTable>;
export type EmergingTaskRow = Selectable<EmergingTaskTable>;
export type InterestActivityRow = Selectable<InterestActivityTable>;
export type InterestOccupationRow = Selectable<InterestOccupationTable>;
export type RiasecKeywordRow = Selectable<RiasecKeywordTable>;
export type SkillLinkRow = Selectable<SkillLinkTable>;
export type ReleaseChangeRow = Selectable<ReleaseChangeTable>;
export type ReleaseFileSummaryRow = Selectable<ReleaseFileSummaryTable>;
export type DwaRow = Selectable<DwaTable>;
export type CareerMoveRow = Selectable<CareerMoveTable>;
export type SocCrosswalkRow = Selectable<SocCrosswalkTable>;
export type OnetSocCrosswalkRow = Selectable<OnetSocCrosswalkTable>;
export type EscoCrosswalkRow = Selectable<EscoCrosswalkTable>;
export type ObservedUnitRow = Selectable<ObservedUnitTable>;
export type ObservedUnitCodeRow = Selectable<ObservedUnitCodeTable>;
export type ObservedMoveRow = Selectable<ObservedMoveTable>;
export type ObservedOccupationRow = Selectable<ObservedOccupationTable>;
export type CareerLikelyMoveRow = Selectable<CareerLikelyMoveTable>;
export type ContentElementRow = Selectable<ContentElementTable>;
export type IwaRow = Selectable<IwaTable>;
export type UnspscCommodityRow = Selectable<UnspscCommodityTable>;
export type OewsEstimateRow = Selectable<OewsEstimateTable>;
export type EmploymentProjectionRow = Selectable<EmploymentProjectionTable>;
export type AiMeasureRow = Selectable<AiMeasureTable>;
export type AiCoverageGapRow = Selectable<AiCoverageGapTable>;
