/**
 * Migration 0001: the reference store's first schema. Frozen in time: never edit a migration that has
 * shipped, and never import application code here; add a new numbered file instead.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,

  sql`CREATE TABLE scale (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, minimum REAL NOT NULL, maximum REAL NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE job_zone (
    zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL, education TEXT NOT NULL,
    job_training TEXT NOT NULL, examples TEXT NOT NULL, svp_range TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE occupation (
    code TEXT PRIMARY KEY, soc_code TEXT NOT NULL, major_group TEXT NOT NULL, title TEXT NOT NULL,
    description TEXT NOT NULL, job_zone INTEGER REFERENCES job_zone(zone), release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX occupation_by_soc_code ON occupation(soc_code, code)`,
  sql`CREATE INDEX occupation_by_job_zone ON occupation(job_zone, code)`,
  sql`CREATE INDEX occupation_by_major_group ON occupation(major_group, code)`,

  sql`CREATE TABLE alternate_title (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), title TEXT NOT NULL,
    short_title TEXT, sources TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX alternate_title_by_occupation ON alternate_title(occupation_code, id)`,

  sql`CREATE TABLE reported_title (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), title TEXT NOT NULL,
    shown_in_my_next_move INTEGER NOT NULL CHECK (shown_in_my_next_move IN (0, 1)), release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX reported_title_by_occupation ON reported_title(occupation_code, id)`,

  sql`CREATE TABLE task (
    task_id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), statement TEXT NOT NULL,
    task_type TEXT CHECK (task_type IN ('Core', 'Supplemental')), incumbents_responding INTEGER,
    date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX task_by_occupation ON task(occupation_code, task_id)`,

  sql`CREATE TABLE technology_skill (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), example TEXT NOT NULL,
    commodity_code INTEGER NOT NULL, commodity_title TEXT NOT NULL,
    hot INTEGER NOT NULL CHECK (hot IN (0, 1)), in_demand INTEGER NOT NULL CHECK (in_demand IN (0, 1)),
    release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX technology_skill_by_occupation ON technology_skill(occupation_code, id)`,

  sql`CREATE TABLE tool (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), example TEXT NOT NULL,
    commodity_code INTEGER NOT NULL, commodity_title TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX tool_by_occupation ON tool(occupation_code, id)`,

  sql`CREATE TABLE education_category (
    scale_id TEXT NOT NULL, category INTEGER NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL,
    description TEXT NOT NULL, release TEXT NOT NULL, PRIMARY KEY (scale_id, category)
  ) STRICT`,

  sql`CREATE TABLE education (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), element_id TEXT NOT NULL, scale_id TEXT NOT NULL,
    category INTEGER NOT NULL, percent REAL NOT NULL, sample_size INTEGER, date TEXT NOT NULL,
    domain_source TEXT NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, scale_id, category),
    FOREIGN KEY (scale_id, category) REFERENCES education_category(scale_id, category)
  ) STRICT`,

  sql`CREATE TABLE related_occupation (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), related_code TEXT NOT NULL REFERENCES occupation(code),
    tier TEXT NOT NULL, rank INTEGER NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, related_code)
  ) STRICT`,
  sql`CREATE INDEX related_occupation_by_rank ON related_occupation(occupation_code, rank)`,

  sql`CREATE TABLE element_rating (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), domain TEXT NOT NULL, element_id TEXT NOT NULL,
    element_name TEXT NOT NULL, scale_id TEXT NOT NULL, value REAL NOT NULL, sample_size INTEGER,
    standard_error REAL, lower_ci REAL, upper_ci REAL, recommend_suppress INTEGER, not_relevant INTEGER,
    date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, domain, element_id, scale_id)
  ) STRICT`,

  sql`CREATE TABLE source (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT, description TEXT, publisher TEXT, version TEXT,
    licence TEXT, url TEXT
  ) STRICT`,

  sql`CREATE TABLE framework (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), title TEXT NOT NULL, version TEXT NOT NULL,
    context TEXT NOT NULL, job_zone INTEGER NOT NULL, job_zone_name TEXT NOT NULL, file TEXT NOT NULL,
    page_publisher TEXT, page_copyright TEXT, page_sources_line TEXT, ai_usage_coverage_note TEXT,
    ai_usage_intro TEXT, durable_skills_intro TEXT, anchors_enrichment TEXT,
    published_anchor_count INTEGER NOT NULL,
    aei_task_observations INTEGER NOT NULL, aei_augment_share_percent REAL NOT NULL,
    aei_time_saved_percent REAL NOT NULL, aei_ai_autonomy REAL NOT NULL,
    safi_top_skill TEXT NOT NULL, safi_score REAL NOT NULL, safi_score_max REAL NOT NULL,
    safi_quadrant TEXT NOT NULL, safi_precision TEXT NOT NULL,
    wef_cluster TEXT NOT NULL, wef_cluster_id TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE framework_source (
    occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), source_id TEXT NOT NULL REFERENCES source(id),
    position INTEGER NOT NULL, PRIMARY KEY (occupation_code, source_id)
  ) STRICT`,

  sql`CREATE TABLE competency_level (
    occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), key TEXT NOT NULL, name TEXT NOT NULL,
    band TEXT NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (occupation_code, key)
  ) STRICT`,

  sql`CREATE TABLE competency_statement (
    id TEXT PRIMARY KEY, occupation_code TEXT NOT NULL, level_key TEXT NOT NULL, position INTEGER NOT NULL,
    subject TEXT NOT NULL, performance TEXT NOT NULL,
    FOREIGN KEY (occupation_code, level_key) REFERENCES competency_level(occupation_code, key)
  ) STRICT`,
  sql`CREATE INDEX competency_statement_by_level ON competency_statement(occupation_code, level_key, position)`,

  sql`CREATE TABLE ai_usage_statement (
    id TEXT PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), level_key TEXT NOT NULL,
    position INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX ai_usage_statement_by_occupation ON ai_usage_statement(occupation_code, level_key, position)`,

  sql`CREATE TABLE durable_domain (
    occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), key TEXT NOT NULL, name TEXT NOT NULL,
    rank INTEGER NOT NULL, published_statement_count INTEGER NOT NULL, PRIMARY KEY (occupation_code, key)
  ) STRICT`,

  sql`CREATE TABLE durable_statement (
    id TEXT PRIMARY KEY, occupation_code TEXT NOT NULL, domain_key TEXT NOT NULL, level_key TEXT NOT NULL,
    level_name TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
    FOREIGN KEY (occupation_code, domain_key) REFERENCES durable_domain(occupation_code, key)
  ) STRICT`,
  sql`CREATE INDEX durable_statement_by_domain ON durable_statement(occupation_code, domain_key, level_key, position)`,

  sql`CREATE TABLE citation (
    statement_id TEXT NOT NULL, position INTEGER NOT NULL,
    occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), source_id TEXT NOT NULL REFERENCES source(id),
    label TEXT NOT NULL, title TEXT NOT NULL, locator TEXT, PRIMARY KEY (statement_id, position)
  ) STRICT`,
  sql`CREATE INDEX citation_by_occupation ON citation(occupation_code)`,

  sql`CREATE TABLE framework_anchor (
    occupation_code TEXT NOT NULL REFERENCES framework(occupation_code), kind TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (occupation_code, kind, position)
  ) STRICT`,

  sql`CREATE TABLE data_quality_warning (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), path TEXT NOT NULL, message TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX data_quality_warning_by_occupation ON data_quality_warning(occupation_code)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
