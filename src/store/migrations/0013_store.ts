/**
 * The reference store's whole schema, in one migration. The store is never migrated in place: every build
 * creates a fresh file and runs this, and a server refuses (production) or rebuilds (development) a store whose
 * `meta.schema_version` is not this file's name. So to change the schema, edit the tables here and rename the
 * file to the next number (and its key in index.ts): stores built by older code then carry an older version.
 * Never import application code here. The row types are in src/store/database.ts.
 */
import { Kysely, sql } from 'kysely';

const statements = [
  // The build's own facts: schema and search-index versions, the hash of data/ it was built from, releases.
  sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,

  // O*NET's reference scales: rating scales and the Job Zones an occupation is placed in.
  sql`CREATE TABLE scale (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, minimum REAL NOT NULL, maximum REAL NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE job_zone (
    zone INTEGER PRIMARY KEY, name TEXT NOT NULL, experience TEXT NOT NULL, education TEXT NOT NULL,
    job_training TEXT NOT NULL, examples TEXT NOT NULL, svp_range TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  // Occupations and their titles: O*NET's title, alternate titles (with short forms) and titles incumbents reported.
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

  // An occupation's O*NET lists: tasks (and Emerging Tasks, new or revised ones not yet in Task Statements),
  // detailed work activities and which tasks they describe, technology skills, tools.
  sql`CREATE TABLE task (
    task_id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), statement TEXT NOT NULL,
    task_type TEXT CHECK (task_type IN ('Core', 'Supplemental')), incumbents_responding INTEGER,
    date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX task_by_occupation ON task(occupation_code, task_id)`,

  sql`CREATE TABLE emerging_task (
    id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES occupation(code), statement TEXT NOT NULL,
    category TEXT NOT NULL, original_task_id INTEGER, original_task TEXT, date TEXT NOT NULL,
    domain_source TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX emerging_task_by_occupation ON emerging_task(occupation_code, id)`,

  sql`CREATE TABLE dwa (
    id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, element_id TEXT NOT NULL, title TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE task_dwa (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), task_id INTEGER NOT NULL REFERENCES task(task_id),
    dwa_id TEXT NOT NULL REFERENCES dwa(id), date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, task_id, dwa_id)
  ) STRICT`,

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

  // O*NET ratings (skills, knowledge, work styles, interests, work values), one row per element and scale, and the
  // related occupations O*NET lists for each occupation.
  sql`CREATE TABLE element_rating (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), domain TEXT NOT NULL, element_id TEXT NOT NULL,
    element_name TEXT NOT NULL, scale_id TEXT NOT NULL, value REAL NOT NULL, sample_size INTEGER,
    standard_error REAL, lower_ci REAL, upper_ci REAL, recommend_suppress INTEGER, not_relevant INTEGER,
    date TEXT NOT NULL, domain_source TEXT NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, domain, element_id, scale_id)
  ) STRICT`,

  sql`CREATE TABLE related_occupation (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), related_code TEXT NOT NULL REFERENCES occupation(code),
    tier TEXT NOT NULL, rank INTEGER NOT NULL, release TEXT NOT NULL,
    PRIMARY KEY (occupation_code, related_code)
  ) STRICT`,
  sql`CREATE INDEX related_occupation_by_rank ON related_occupation(occupation_code, rank)`,

  // O*NET reference material: the RIASEC interests' illustrative activities, occupations and keywords, and the
  // Skills-to-Work-Activities and Skills-to-Work-Context links.
  sql`CREATE TABLE interest_activity (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, interest_type TEXT NOT NULL,
    activity TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE interest_occupation (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, interest_type TEXT NOT NULL,
    occupation_code TEXT NOT NULL REFERENCES occupation(code), release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE riasec_keyword (
    id INTEGER PRIMARY KEY, element_id TEXT NOT NULL, element_name TEXT NOT NULL, keyword TEXT NOT NULL,
    keyword_type TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE skill_link (
    id INTEGER PRIMARY KEY, skill_id TEXT NOT NULL, skill_name TEXT NOT NULL,
    target_domain TEXT NOT NULL CHECK (target_domain IN ('work_activity', 'work_context')),
    target_id TEXT NOT NULL, target_name TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX skill_link_by_skill ON skill_link(skill_id, id)`,

  // Education, Training, and Experience: each scale's categories, and each occupation's percent per category with its
  // statistics. `recommend_suppress` is O*NET's Recommend Suppress flag (0/1, NULL where O*NET gives `n/a`); it and the
  // statistics come after `release` because they were added in that order, and the column order is kept. The file's
  // certification and apprenticeship rows (scale IM) are ratings, in `element_rating` (domain `education`).
  sql`CREATE TABLE education_category (
    scale_id TEXT NOT NULL, category INTEGER NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL,
    description TEXT NOT NULL, release TEXT NOT NULL, PRIMARY KEY (scale_id, category)
  ) STRICT`,

  sql`CREATE TABLE education (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), element_id TEXT NOT NULL, scale_id TEXT NOT NULL,
    category INTEGER NOT NULL, percent REAL NOT NULL, sample_size INTEGER, date TEXT NOT NULL,
    domain_source TEXT NOT NULL, release TEXT NOT NULL, recommend_suppress INTEGER,
    standard_error REAL, lower_ci REAL, upper_ci REAL,
    PRIMARY KEY (occupation_code, scale_id, category),
    FOREIGN KEY (scale_id, category) REFERENCES education_category(scale_id, category)
  ) STRICT`,

  // The rest of the O*NET model (issue 25): what each element is (Content Model Reference), what a level looks like
  // (Level Scale Anchors), the intermediate work activities between a DWA and its generalized work activity, a
  // Content Model element (IWA Reference), the UNSPSC hierarchy above each commodity (UNSPSC Reference), and each
  // occupation's job zone date and source (Job Zones; the zone itself is `occupation.job_zone`). The importer checks
  // that every element, IWA and commodity the other tables name is here (src/store/model-checks.ts).
  sql`CREATE TABLE content_element (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE level_anchor (
    element_id TEXT NOT NULL REFERENCES content_element(id), scale_id TEXT NOT NULL REFERENCES scale(id),
    value REAL NOT NULL, description TEXT NOT NULL, release TEXT NOT NULL, PRIMARY KEY (element_id, scale_id, value)
  ) STRICT, WITHOUT ROWID`,
  sql`CREATE TABLE iwa (
    id TEXT PRIMARY KEY, element_id TEXT NOT NULL REFERENCES content_element(id), title TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE unspsc_commodity (
    commodity_code INTEGER PRIMARY KEY, commodity_title TEXT NOT NULL, class_code INTEGER NOT NULL,
    class_title TEXT NOT NULL, family_code INTEGER NOT NULL, family_title TEXT NOT NULL, segment_code INTEGER NOT NULL,
    segment_title TEXT NOT NULL, release TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE job_zone_assignment (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), date TEXT NOT NULL, domain_source TEXT NOT NULL,
    release TEXT NOT NULL
  ) STRICT`,

  // The change feed between held O*NET releases (src/store/release-changes.ts): each change, and a summary per file.
  sql`CREATE TABLE release_change (
    id INTEGER PRIMARY KEY, from_release TEXT NOT NULL, to_release TEXT NOT NULL, occupation_code TEXT,
    kind TEXT NOT NULL, file TEXT NOT NULL, subject TEXT NOT NULL, before TEXT, after TEXT
  ) STRICT`,
  sql`CREATE INDEX release_change_by_releases ON release_change(from_release, to_release, id)`,
  sql`CREATE INDEX release_change_by_occupation ON release_change(occupation_code, from_release, to_release, id)`,

  sql`CREATE TABLE release_file_summary (
    from_release TEXT NOT NULL, to_release TEXT NOT NULL, file TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('identical', 'changed', 'new', 'dropped')),
    added INTEGER NOT NULL, removed INTEGER NOT NULL, changed INTEGER NOT NULL, changes INTEGER NOT NULL,
    restamped INTEGER NOT NULL, restamped_occupations INTEGER NOT NULL,
    PRIMARY KEY (from_release, to_release, file)
  ) STRICT`,

  // The sources frameworks and crosswalks cite, and the frameworks. A framework is stored once: the row holds
  // what queries ask for, its lists live only in the served document (src/store/framework-document.ts) built
  // straight from the validated framework file, and `framework_statement` says which framework each statement
  // id belongs to (the corrections check a STATEMENT target by it; ids are unique across all frameworks).
  sql`CREATE TABLE source (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, short_name TEXT, description TEXT, publisher TEXT, version TEXT,
    licence TEXT, url TEXT
  ) STRICT`,

  sql`CREATE TABLE framework (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), title TEXT NOT NULL, version TEXT NOT NULL,
    context TEXT NOT NULL, job_zone INTEGER NOT NULL, job_zone_name TEXT NOT NULL,
    page_publisher TEXT, page_copyright TEXT, page_sources_line TEXT, ai_usage_coverage_note TEXT,
    ai_usage_intro TEXT, durable_skills_intro TEXT, anchors_enrichment TEXT,
    aei_task_observations INTEGER NOT NULL, aei_augment_share_percent REAL NOT NULL,
    aei_time_saved_percent REAL NOT NULL, aei_ai_autonomy REAL NOT NULL,
    safi_top_skill TEXT NOT NULL, safi_score REAL NOT NULL, safi_score_max REAL NOT NULL,
    safi_quadrant TEXT NOT NULL, safi_precision TEXT NOT NULL,
    wef_cluster TEXT NOT NULL, wef_cluster_id TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE framework_document (
    occupation_code TEXT PRIMARY KEY REFERENCES framework(occupation_code), document TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE framework_statement (
    id TEXT PRIMARY KEY, occupation_code TEXT NOT NULL REFERENCES framework(occupation_code)
  ) STRICT, WITHOUT ROWID`,

  // Job-title search (src/search/). Two FTS5 tables, one row per searchable text, the text's stems in the column
  // named after its field, so bm25 column weights can rank one field over another:
  // - `search_title`: the O*NET title, alternate titles and their short forms, reported titles. Short texts,
  //   where any one word of a query may match.
  // - `search_text`: descriptions, tasks and technology names. Long or repetitive texts, searched only for all
  //   the words of a query. Apart, their posting lists never slow the title search down (FTS5 column filters do
  //   not shorten a term's posting list).
  // Both are contentless (the indexed stems are not stored twice) but keep their UNINDEXED columns
  // (`contentless_unindexed`): whose text it is, which field, the text as published, its stems, and (titles) how
  // many O*NET sources attest it. The importer writes stems itself, so the tokenizer only splits on spaces.
  // `search_term` holds every indexed word with its stem and how common it is, for weighting and typo
  // correction; `search_term_variant` the words left after deleting one or two letters of each title word, so a
  // typo is found by an index lookup (symmetric-delete spelling correction) instead of a scan.
  sql`CREATE VIRTUAL TABLE search_title USING fts5(
    title, alternate_title, short_title, reported_title,
    occupation_code UNINDEXED, field UNINDEXED, text UNINDEXED, terms UNINDEXED, source_count UNINDEXED,
    content = '', contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full
  )`,

  sql`CREATE VIRTUAL TABLE search_text USING fts5(
    description, task, technology,
    occupation_code UNINDEXED, field UNINDEXED, text UNINDEXED, terms UNINDEXED,
    content = '', contentless_unindexed = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full
  )`,

  sql`CREATE TABLE search_term (
    term TEXT PRIMARY KEY, stem TEXT NOT NULL, title_count INTEGER NOT NULL, title_df INTEGER NOT NULL,
    doc_df INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID`,

  sql`CREATE TABLE search_term_variant (
    variant TEXT NOT NULL, term TEXT NOT NULL REFERENCES search_term(term), PRIMARY KEY (variant, term)
  ) STRICT, WITHOUT ROWID`,

  // Career moves and comparisons (src/careers/, src/store/careers.ts), derived from the O*NET rows in the same
  // build: each occupation's similarity profile and comparison card (JSON documents), and its most similar
  // occupations, ranked once so that requests read them instead of comparing every pair.
  sql`CREATE TABLE career_profile (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), profile TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE career_card (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), card TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE career_move (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), rank INTEGER NOT NULL,
    move_code TEXT NOT NULL REFERENCES occupation(code), similarity REAL NOT NULL,
    PRIMARY KEY (occupation_code, rank)
  ) STRICT`,
  sql`CREATE INDEX career_move_by_move ON career_move(move_code, similarity)`,

  // The crosswalks from other classifications (data/crosswalks/, src/store/crosswalk-files.ts), one table per
  // file, each row keeping its line in the file and the id of the source that published it. Indexed both ways,
  // because `translateCode` reads old code -> new code and `Occupation.crosswalks` reads new -> old.
  sql`CREATE TABLE soc_crosswalk (
    line INTEGER PRIMARY KEY, soc2010_code TEXT NOT NULL, soc2010_title TEXT NOT NULL, soc2018_code TEXT NOT NULL,
    soc2018_title TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES source(id), UNIQUE (soc2010_code, soc2018_code)
  ) STRICT`,
  sql`CREATE INDEX soc_crosswalk_by_2018 ON soc_crosswalk(soc2018_code, line)`,

  sql`CREATE TABLE onet_soc_crosswalk (
    line INTEGER PRIMARY KEY, onet2010_code TEXT NOT NULL, onet2010_title TEXT NOT NULL, onet2019_code TEXT NOT NULL,
    onet2019_title TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES source(id), UNIQUE (onet2010_code, onet2019_code)
  ) STRICT`,
  sql`CREATE INDEX onet_soc_crosswalk_by_2019 ON onet_soc_crosswalk(onet2019_code, line)`,

  sql`CREATE TABLE esco_crosswalk (
    line INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, label TEXT NOT NULL, isco_code TEXT NOT NULL,
    onet2010_code TEXT NOT NULL, onet2010_title TEXT NOT NULL, confidence REAL NOT NULL,
    semantic_similarity REAL NOT NULL, source_id TEXT NOT NULL REFERENCES source(id)
  ) STRICT`,
  sql`CREATE INDEX esco_crosswalk_by_isco ON esco_crosswalk(isco_code, line)`,
  sql`CREATE INDEX esco_crosswalk_by_onet2010 ON esco_crosswalk(onet2010_code, line)`,

  // Pay and demand (issue 22; data/labor-market/, src/store/labor-market-files.ts). One row per BLS row, keyed by
  // the code BLS publishes it under: a 2018 SOC detailed code, or a code of BLS's own for an aggregate of several
  // (`aggregate` 1). `sheet_row` is the row in the workbook. A wage is its value and whether it is top-coded (OEWS
  // `#`: the value is the lower bound the file states); NULL is OEWS `*` (not available) or an only-annual or
  // only-hourly row's other basis; employment NULL is OEWS `**`. Projections are in persons (the file is in
  // thousands); NULL is EP's `—` (not available).
  sql`CREATE TABLE oews_estimate (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, aggregate INTEGER NOT NULL CHECK (aggregate IN (0, 1)),
    sheet_row INTEGER NOT NULL, employment INTEGER, employment_rse REAL,
    annual_only INTEGER NOT NULL CHECK (annual_only IN (0, 1)), hourly_only INTEGER NOT NULL CHECK (hourly_only IN (0, 1)),
    mean_rse REAL,
    annual_mean REAL, annual_mean_top_coded INTEGER NOT NULL, annual_p10 REAL, annual_p10_top_coded INTEGER NOT NULL,
    annual_p25 REAL, annual_p25_top_coded INTEGER NOT NULL, annual_median REAL, annual_median_top_coded INTEGER NOT NULL,
    annual_p75 REAL, annual_p75_top_coded INTEGER NOT NULL, annual_p90 REAL, annual_p90_top_coded INTEGER NOT NULL,
    hourly_mean REAL, hourly_mean_top_coded INTEGER NOT NULL, hourly_p10 REAL, hourly_p10_top_coded INTEGER NOT NULL,
    hourly_p25 REAL, hourly_p25_top_coded INTEGER NOT NULL, hourly_median REAL, hourly_median_top_coded INTEGER NOT NULL,
    hourly_p75 REAL, hourly_p75_top_coded INTEGER NOT NULL, hourly_p90 REAL, hourly_p90_top_coded INTEGER NOT NULL
  ) STRICT`,

  sql`CREATE TABLE employment_projection (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, aggregate INTEGER NOT NULL CHECK (aggregate IN (0, 1)),
    sheet_row INTEGER NOT NULL, employment_base INTEGER, employment_target INTEGER, change INTEGER, change_percent REAL,
    self_employed_percent REAL, openings_per_year INTEGER, typical_education TEXT, work_experience TEXT,
    on_the_job_training TEXT
  ) STRICT`,

  // Which BLS row covers each 2018 SOC detailed code (the BLS SOC crosswalk's): its own, an aggregate's, or none
  // (NULL). Both files publish under the same codes; the importer checks it.
  sql`CREATE TABLE labor_coverage (soc_code TEXT PRIMARY KEY, code TEXT) STRICT, WITHOUT ROWID`,
  sql`CREATE INDEX labor_coverage_by_code ON labor_coverage(code, soc_code)`,

  // Observed moves (data/observed-moves/, src/observed-moves/, src/store/observed-moves.ts): the CPS ASEC mobility
  // network's units (a 2010 SOC code, or a split group of codes whose flows the survey divided among them), each
  // unit's code(s), its moves into other units most probable first, and the unit each O*NET occupation was measured
  // as (or why none). Built from the files as read; the similarity and likelihood rankings never read these tables.
  sql`CREATE TABLE observed_unit (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, stay_probability REAL NOT NULL, destinations INTEGER NOT NULL,
    survey_employment REAL NOT NULL, weighted_movers REAL NOT NULL, source_id TEXT NOT NULL REFERENCES source(id)
  ) STRICT`,

  sql`CREATE TABLE observed_unit_code (
    soc2010_code TEXT PRIMARY KEY, unit_code TEXT NOT NULL REFERENCES observed_unit(code), title TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX observed_unit_code_by_unit ON observed_unit_code(unit_code, soc2010_code)`,

  sql`CREATE TABLE observed_move (
    unit_code TEXT NOT NULL REFERENCES observed_unit(code), rank INTEGER NOT NULL,
    to_unit TEXT NOT NULL REFERENCES observed_unit(code), probability REAL NOT NULL, PRIMARY KEY (unit_code, rank)
  ) STRICT`,

  sql`CREATE TABLE observed_occupation (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), unit_code TEXT REFERENCES observed_unit(code),
    unit_match TEXT CHECK (unit_match IN ('exact', 'broad', 'minor_group')), soc2010_codes TEXT NOT NULL,
    unavailable_reason TEXT,
    CHECK ((unit_code IS NULL) = (unit_match IS NULL) AND (unit_code IS NULL) = (unavailable_reason IS NOT NULL))
  ) STRICT`,
  sql`CREATE INDEX observed_occupation_by_unit ON observed_occupation(unit_code, occupation_code)`,

  // The LIKELIHOOD ranking of career moves (src/careers/likelihood.ts): each occupation's 50 most likely moves, ranked
  // at build over every other occupation by similarity, destination size and job zone (never the observed moves), with
  // the similarity and score, so that requests read them as they read `career_move`.
  sql`CREATE TABLE career_likely_move (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), rank INTEGER NOT NULL,
    move_code TEXT NOT NULL REFERENCES occupation(code), similarity REAL NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (occupation_code, rank)
  ) STRICT`,
  sql`CREATE INDEX career_likely_move_by_move ON career_likely_move(move_code, score)`,

  // AI exposure (data/ai-exposure/, src/store/ai-exposure-files.ts and ai-exposure.ts): three public measures.
  // - `ai_measure`: one row per published occupation-level figure, under the code the source published it for (a
  //   2018 SOC code `43-6012` or an O*NET-SOC code `43-6012.00`), so a SOC code's figure is stored once however
  //   many O*NET occupations share it; an occupation reads the rows of its own code and of its SOC code.
  // - `ai_coverage_gap`: for each occupation and source without a figure, why (worked out at build).
  // - `aei_task_penetration`: the AEI's penetration per task statement, as published (keyed by its line; its
  //   repeated statements, which repeat with the same value, are kept once); `task_aei_match`: which of them each
  //   O*NET task statement's text matches, exactly or once normalised.
  // - `gpts_task_label`: the GPTs-are-GPTs labels per O*NET task id, with the statement as it was labelled.
  sql`CREATE TABLE ai_measure (
    code TEXT NOT NULL, measure TEXT NOT NULL, value REAL NOT NULL, title TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES source(id), PRIMARY KEY (code, measure)
  ) STRICT, WITHOUT ROWID`,

  sql`CREATE TABLE ai_coverage_gap (
    occupation_code TEXT NOT NULL REFERENCES occupation(code), source_id TEXT NOT NULL REFERENCES source(id),
    reason TEXT NOT NULL, PRIMARY KEY (occupation_code, source_id)
  ) STRICT, WITHOUT ROWID`,

  sql`CREATE TABLE aei_task_penetration (
    line INTEGER PRIMARY KEY, statement TEXT NOT NULL, penetration REAL NOT NULL
  ) STRICT`,

  sql`CREATE TABLE task_aei_match (
    task_id INTEGER PRIMARY KEY REFERENCES task(task_id), line INTEGER NOT NULL REFERENCES aei_task_penetration(line),
    match TEXT NOT NULL CHECK (match IN ('exact', 'normalized'))
  ) STRICT`,

  sql`CREATE TABLE gpts_task_label (
    task_id INTEGER PRIMARY KEY, occupation_code TEXT NOT NULL, statement TEXT NOT NULL,
    human_exposure TEXT NOT NULL CHECK (human_exposure IN ('E0', 'E1', 'E2')),
    gpt4_exposure TEXT NOT NULL CHECK (gpt4_exposure IN ('E0', 'E1', 'E2')),
    gpt4_automation TEXT NOT NULL CHECK (gpt4_automation IN ('T0', 'T1', 'T2', 'T3', 'T4'))
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
