/**
 * The importer: turns data/ into one SQLite store file. It builds into a temporary file inside one
 * transaction and renames it over the old store only when everything validated, so a failed build leaves
 * the existing store byte-for-byte untouched.
 */
import SqliteDatabase from 'better-sqlite3';
import { Insertable, Kysely, Migrator, SqliteDialect } from 'kysely';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { aiExposureFiles } from './ai-exposure-files';
import { aiExposureRows } from './ai-exposure';
import { careerRows, careerCardRows, FALLBACK_EMPLOYMENT_KEY } from './careers';
import { crosswalkFiles, onetSocCrosswalkFile, readCrosswalkFile, socCrosswalkFile } from './crosswalk-files';
import type { Database } from './database';
import { DataFileError, requireDeclaredSource } from './errors';
import { buildFrameworkDocument, sourceRow, statementIds, writeFrameworkDocument } from './framework-document';
import type { DatasetSourcesFile, FrameworkFile, SourceEntry } from './framework-file';
import {
  checkFrameworkReferences,
  compileFrameworkSchema,
  DataQualityWarning,
  findDataQualityWarnings,
  parseJsonFile,
} from './framework-validation';
import { hashDataDir } from './input-hash';
import { readLaborMarket } from './labor-market-files';
import { latestSchemaVersion, migrationProvider } from './migrations';
import { readObservedMovesFiles } from './observed-moves-files';
import { observedMoveRows } from './observed-moves';
import { findModelProblem } from './model-checks';
import {
  contentModelFile,
  extraFiles,
  iwaFile,
  jobZoneReferenceFile,
  jobZonesFile,
  modelFiles,
  occupationDataFile,
  OnetFileSpec,
  scalesFile,
  tableFiles,
  unspscFile,
} from './onet-files';
import { computeReleaseChanges } from './release-changes';
import { ReleaseManifest, ReleaseRole, readReleaseManifest, releaseFilePath, releaseOf } from './releases';
import { outsideScale, type ScaleRange } from './scales';
import { SEARCH_INDEX_VERSION, searchIndexRows } from '../search/index-documents';
import { optimizeSearchIndex, readSearchIndexSource } from './search-index';
import { FieldReader, readTsv } from './tsv';

export interface BuildOptions {
  dataDir: string;
  storeFile: string;
  /** Progress lines; defaults to silence. */
  log?: (line: string) => void;
}

export interface BuildReport {
  storeFile: string;
  inputHash: string;
  warnings: DataQualityWarning[];
  elapsedMs: number;
}

type Sqlite = SqliteDatabase.Database;

/** What a refused row did, by SQLite's constraint error code. */
const CONSTRAINTS: Record<string, string> = {
  SQLITE_CONSTRAINT_PRIMARYKEY: 'repeats the key of an earlier row',
  SQLITE_CONSTRAINT_UNIQUE: 'repeats the key of an earlier row',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'names something its reference file does not have',
};

/** Where the rows read from an O*NET file came from (the file, each row's line), so a row the store refuses is named. */
const sourceOf = new WeakMap<readonly object[], { file: string; lines: number[] }>();

/** Inserts many rows through one prepared statement whose SQL kysely compiled from the first row. */
function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  sqlite: Sqlite,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  // Every row comes from the same mapper, so all rows share the first row's keys and key order.
  const compiled = db
    .insertInto(table)
    .values(first as never)
    .compile();
  const statement = sqlite.prepare(compiled.sql);
  rows.forEach((row, i) => {
    const record = row as Record<string, unknown>;
    try {
      statement.run(columns.map((column) => record[column]));
    } catch (error) {
      // A row the store's constraints refuse (a key given twice, a reference to nothing): name its file and line.
      const source = sourceOf.get(rows);
      const code = (error as { code?: unknown }).code;
      if (source === undefined || typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT_')) throw error;
      throw new DataFileError(source.file, `line ${source.lines[i]}`, `${CONSTRAINTS[code] ?? 'breaks a rule of the store'} (${(error as Error).message})`);
    }
  });
}

function occupationKeys(row: object): string[] {
  const record = row as Record<string, unknown>;
  return ['occupation_code', 'related_code'].flatMap((key) =>
    typeof record[key] === 'string' ? [record[key] as string] : [],
  );
}

/** What rows are checked against, once the reference tables they point at are read. */
interface RowChecks {
  /** Every row's occupation must be one of these. */
  occupationCodes: ReadonlySet<string>;
  /** Every row's scale must be one of these; a value off its scale is a data-quality warning, added to `warnings`. */
  scales: ReadonlyMap<string, ScaleRange>;
  warnings: DataQualityWarning[];
}

/** Where a row's value is off its scale, what the row is: its occupation, element, scale and category, as it names them. */
function subjectOf(record: Record<string, unknown>): string {
  const category = record['category'];
  const parts = [record['occupation_code'], record['element_id'], record['element_name'], `(${String(record['scale_id'])})`, typeof category === 'number' ? `category ${category}` : null];
  return parts.filter((part): part is string => typeof part === 'string').join(' ');
}

function readOnetFile<T extends keyof Database>(
  dataDir: string,
  manifest: ReleaseManifest,
  spec: OnetFileSpec<T>,
  checks: RowChecks | null,
): Insertable<Database[T]>[] {
  const release = releaseOf(manifest, spec.release);
  const path = releaseFilePath(release, spec.file);
  const displayName = `data/${path}`;
  const rows: Insertable<Database[T]>[] = [];
  const lines: number[] = [];
  for (const tsvRow of readTsv(join(dataDir, path), displayName, spec.columns)) {
    const row = spec.toRow(new FieldReader(displayName, tsvRow), release.version);
    if (row === null) continue;
    if (checks !== null) {
      for (const code of occupationKeys(row)) {
        if (!checks.occupationCodes.has(code)) {
          throw new DataFileError(displayName, `line ${tsvRow.line}`, `occupation ${code} is not in the O*NET Occupation Data`);
        }
      }
      const record = row as Record<string, unknown>;
      if (typeof record['scale_id'] === 'string') {
        const scale = checks.scales.get(record['scale_id']);
        if (scale === undefined) throw new DataFileError(displayName, `line ${tsvRow.line}`, `scale ${record['scale_id']} is not in the O*NET Scales Reference`);
        // Ratings and anchors hold their value in `value`, the education distributions theirs in `percent`.
        const value = record['value'] ?? record['percent'];
        const warning = typeof value === 'number' ? outsideScale(value, scale) : null;
        if (warning !== null) {
          const code = typeof record['occupation_code'] === 'string' ? record['occupation_code'] : '';
          checks.warnings.push({ occupationCode: code, file: displayName, path: `line ${tsvRow.line}`, message: `${subjectOf(record)}: ${warning}` });
        }
      }
    }
    rows.push(row);
    lines.push(tsvRow.line);
  }
  sourceOf.set(rows, { file: displayName, lines });
  return rows;
}

/** The framework's row: what is served without its lists (title, version, job zone, evidence, page). */
function frameworkRow(framework: FrameworkFile): Insertable<Database['framework']> {
  const { aei, safi, wef } = framework.evidence;
  return {
    occupation_code: framework.code,
    title: framework.title,
    version: framework.version,
    context: framework.context,
    job_zone: framework.jobZone.zone,
    job_zone_name: framework.jobZone.name,
    page_publisher: framework.page.publisher,
    page_copyright: framework.page.copyright,
    page_sources_line: framework.page.sourcesLine,
    ai_usage_coverage_note: framework.page.aiUsageCoverageNote,
    ai_usage_intro: framework.page.aiUsageIntro,
    durable_skills_intro: framework.page.durableSkillsIntro,
    anchors_enrichment: framework.page.anchorsEnrichment,
    aei_task_observations: aei.taskObservations,
    aei_augment_share_percent: aei.augmentSharePercent,
    aei_time_saved_percent: aei.timeSavedPercent,
    aei_ai_autonomy: aei.aiAutonomy,
    safi_top_skill: safi.topSkill,
    safi_score: safi.score,
    safi_score_max: safi.scoreMax,
    safi_quadrant: safi.quadrant,
    safi_precision: safi.precision,
    wef_cluster: wef.cluster,
    wef_cluster_id: wef.clusterId,
  };
}

/** One source id may be declared by several files; every declaration must say the same thing. */
function mergeSources(declared: { file: string; path: string; source: SourceEntry }[]): SourceEntry[] {
  const byId = new Map<string, { file: string; source: SourceEntry }>();
  for (const { file, path, source } of declared) {
    const earlier = byId.get(source.id);
    if (earlier === undefined) byId.set(source.id, { file, source });
    else if (JSON.stringify(earlier.source) !== JSON.stringify(source)) {
      throw new DataFileError(file, `at ${path}`, `source "${source.id}" differs from its declaration in ${earlier.file}`);
    }
  }
  return [...byId.values()].map((v) => v.source);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A build killed mid-way leaves its temp file; remove those whose process is gone (and our own old one). */
function removeAbandonedBuilds(storeFile: string): void {
  const prefix = `${basename(storeFile)}.building-`;
  for (const name of readdirSync(dirname(storeFile))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !isRunning(pid)) rmSync(join(dirname(storeFile), name), { force: true });
  }
}

export async function buildStore(options: BuildOptions): Promise<BuildReport> {
  const { dataDir, storeFile } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)}s`;

  if (!existsSync(dataDir)) throw new DataFileError(dataDir, null, 'data directory is missing');
  const inputHash = hashDataDir(dataDir);
  const manifest = readReleaseManifest(dataDir);
  const served = manifest.served;
  mkdirSync(dirname(storeFile), { recursive: true });
  removeAbandonedBuilds(storeFile);
  const tempFile = `${storeFile}.building-${process.pid}`;

  const sqlite = new SqliteDatabase(tempFile);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let renamed = false;
  try {
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = ON');
    const migration = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (migration.error) throw migration.error;
    log(`[build] schema ${latestSchemaVersion} created (${elapsed()})`);

    sqlite.exec('BEGIN');
    const step = <T extends keyof Database>(label: string, table: T, rows: readonly Insertable<Database[T]>[]) => {
      insertRows(db, sqlite, table, rows);
      log(`[build] ${label}: ${rows.length} rows (${elapsed()})`);
    };

    const pathOf = (spec: { release: ReleaseRole; file: string }) => releaseFilePath(releaseOf(manifest, spec.release), spec.file);
    const scales = readOnetFile(dataDir, manifest, scalesFile, null);
    step(pathOf(scalesFile), 'scale', scales);
    const jobZones = readOnetFile(dataDir, manifest, jobZoneReferenceFile, null);
    step(pathOf(jobZoneReferenceFile), 'job_zone', jobZones);
    const jobZoneByCode = new Map<string, number>();
    const jobZonesPath = pathOf(jobZonesFile);
    const jobZonesName = `data/${jobZonesPath}`;
    for (const row of readTsv(join(dataDir, jobZonesPath), jobZonesName, jobZonesFile.columns)) {
      const read = new FieldReader(jobZonesName, row);
      jobZoneByCode.set(read.occupationCode('O*NET-SOC Code'), read.integer('Job Zone'));
    }
    const occupationPath = pathOf(occupationDataFile);
    const occupationName = `data/${occupationPath}`;
    const occupations = readTsv(join(dataDir, occupationPath), occupationName, occupationDataFile.columns).map(
      (row): Insertable<Database['occupation']> => {
        const read = new FieldReader(occupationName, row);
        const code = read.occupationCode('O*NET-SOC Code');
        return {
          code,
          soc_code: code.slice(0, 7),
          major_group: code.slice(0, 2),
          title: read.text('Title'),
          description: read.text('Description'),
          job_zone: jobZoneByCode.get(code) ?? null,
          release: served.version,
        };
      },
    );
    const occupationCodes = new Set(occupations.map((o) => o.code));
    for (const code of jobZoneByCode.keys()) {
      if (!occupationCodes.has(code)) throw new DataFileError(jobZonesName, null, `occupation ${code} is not in the O*NET Occupation Data`);
    }
    step(`${occupationPath} + ${jobZonesPath}`, 'occupation', occupations);

    const checks: RowChecks = { occupationCodes, scales: new Map(scales.map((scale) => [scale.id, scale])), warnings: [] };
    // The task statements as read, which the AI exposure joins below read too.
    let tasks: readonly Insertable<Database['task']>[] = [];
    for (const spec of [...tableFiles, ...extraFiles, ...modelFiles]) {
      const warned = checks.warnings.length;
      const rows = readOnetFile(dataDir, manifest, spec, checks);
      if (spec.table === 'task') tasks = rows as Insertable<Database['task']>[];
      step(pathOf(spec), spec.table, rows as never);
      for (const w of checks.warnings.slice(warned)) log(`[build] data-quality warning: ${w.file} ${w.path}: ${w.message}`);
    }
    const fileOf = (spec: { release: ReleaseRole; file: string }) => `data/${pathOf(spec)}`;
    const modelProblem = await findModelProblem(db, { contentModel: fileOf(contentModelFile), iwa: fileOf(iwaFile), unspsc: fileOf(unspscFile) });
    if (modelProblem !== null) throw new DataFileError(modelProblem.file, null, modelProblem.problem);
    // AI exposure (data/ai-exposure/, src/store/ai-exposure.ts), read and checked here so that bad data stops the build
    // early; written after the sources its rows refer to.
    const ai = aiExposureRows(dataDir, { occupations, tasks, release: served.version });
    log(`[build] AI exposure files read and checked (${elapsed()})`);

    // The change feed between the held releases (src/store/release-changes.ts).
    const releaseChanges = computeReleaseChanges(dataDir, manifest);
    step('release changes', 'release_change', releaseChanges.changes);
    step('release change summary', 'release_file_summary', releaseChanges.summaries);


    // Job-title search over the O*NET rows just loaded (src/search/index-documents.ts).
    const search = searchIndexRows(await readSearchIndexSource(db));
    step('search index: titles, alternate, short and reported titles', 'search_title', search.titles);
    step('search index: descriptions, tasks, technology names', 'search_text', search.texts);
    step('search vocabulary', 'search_term', search.terms);
    step('search spelling variants', 'search_term_variant', search.variants);
    await optimizeSearchIndex(db);

    // Frameworks: validate every file completely before anything of it is written.
    const schemaName = 'data/frameworks/framework.schema.json';
    const validate = compileFrameworkSchema(parseJsonFile(join(dataDir, 'frameworks/framework.schema.json'), schemaName), schemaName);
    const frameworkFiles = readdirSync(join(dataDir, 'frameworks'))
      .filter((name) => name.endsWith('.json') && name !== 'framework.schema.json')
      .sort();
    const statementIdsSeen = new Map<string, string>();
    const datasetSourcesName = 'data/sources.json';
    const datasetSources = parseJsonFile(join(dataDir, 'sources.json'), datasetSourcesName) as DatasetSourcesFile;
    const declaredSources = datasetSources.sources.map((source, i) => ({ file: datasetSourcesName, path: `$.sources[${i}]`, source }));
    const frameworks: { framework: FrameworkFile; file: string; warnings: DataQualityWarning[] }[] = [];
    for (const name of frameworkFiles) {
      const file = `frameworks/${name}`;
      const displayName = `data/${file}`;
      const framework = validate(parseJsonFile(join(dataDir, file), displayName), displayName);
      checkFrameworkReferences(framework, displayName, basename(name, '.json'), occupationCodes, statementIdsSeen);
      const occupation = occupations.find((o) => o.code === framework.code);
      const warnings = findDataQualityWarnings(framework, displayName, { title: occupation?.title ?? '', jobZone: occupation?.job_zone ?? null });
      framework.sources.forEach((source, i) => declaredSources.push({ file: displayName, path: `$.sources[${i}]`, source }));
      frameworks.push({ framework, file, warnings });
    }
    const sources = mergeSources(declaredSources);
    for (const release of [...manifest.releases, manifest.supplement]) {
      const source = sources.find((s) => s.id === release.source);
      if (source?.version !== release.version) {
        throw new DataFileError(
          'data/onet/releases.json',
          `release ${release.version}`,
          source === undefined ? `source "${release.source}" is not declared in data/sources.json` : `source "${release.source}" has version ${source.version}`,
        );
      }
    }
    step('sources', 'source', sources.map(sourceRow));
    const sourceIds = new Set(sources.map((s) => s.id));
    for (const file of crosswalkFiles) step(file.path, file.table, readCrosswalkFile(dataDir, file, sourceIds) as never);

    // Pay and demand (src/store/labor-market-files.ts). The 2018 SOC detailed codes, which tell BLS's aggregates
    // from its SOC rows, are the BLS SOC crosswalk's (read again: a few milliseconds).
    const socCodes = new Set(readCrosswalkFile(dataDir, socCrosswalkFile, sourceIds).map((row) => row.soc2018_code));
    const laborMarket = await readLaborMarket(dataDir, socCodes, sources);
    step('labor-market/national_M2024_dl.xlsx', 'oews_estimate', laborMarket.estimates);
    step('labor-market/occupation.xlsx', 'employment_projection', laborMarket.projections);
    step('labor-market coverage of the 2018 SOC codes', 'labor_coverage', laborMarket.coverage);

    // Career moves over the O*NET rows and the BLS employment just loaded (src/careers/, src/store/careers.ts).
    const careers = await careerRows(db);
    step('career profiles', 'career_profile', careers.profiles);
    step('career comparison cards', 'career_card', await careerCardRows(db));
    step('career moves', 'career_move', careers.moves);
    step('career moves by likelihood', 'career_likely_move', careers.likelyMoves);

    // Observed moves (src/store/observed-moves.ts): the survey's units and moves, and the unit each occupation was
    // measured as, reached through the two crosswalks as read.
    const observed = observedMoveRows({
      files: readObservedMovesFiles(dataDir, sourceIds),
      occupations: occupations.map((o) => o.code),
      taxonomy: readCrosswalkFile(dataDir, onetSocCrosswalkFile, sourceIds),
      soc: readCrosswalkFile(dataDir, socCrosswalkFile, sourceIds),
    });
    step('observed-moves units', 'observed_unit', observed.units);
    step('observed-moves unit codes', 'observed_unit_code', observed.codes);
    step('observed moves', 'observed_move', observed.moves);
    step('observed-moves occupations', 'observed_occupation', observed.occupations);

    // AI exposure: the published figures, why an occupation lacks a source's, and the task-level joins.
    for (const file of aiExposureFiles) requireDeclaredSource(file.sourceId, `data/${file.path}`, sourceIds);
    step('AI exposure: published figures', 'ai_measure', ai.measures);
    step('AI exposure: occupations without a source\'s figures, and why', 'ai_coverage_gap', ai.gaps);
    step('AI exposure: AEI task penetration', 'aei_task_penetration', ai.penetration);
    step(
      `AI exposure: tasks joined to AEI penetration by text (${ai.counts.aeiExact} exactly, ${ai.counts.aeiNormalized} normalised, of ${ai.counts.tasks})`,
      'task_aei_match',
      ai.matches,
    );
    step(`AI exposure: GPTs are GPTs task labels (${ai.counts.gptsLabelled} of ${ai.counts.tasks} tasks labelled)`, 'gpts_task_label', ai.labels);
    for (const { framework, file, warnings } of frameworks) {
      const document = buildFrameworkDocument(framework, warnings);
      const statements = statementIds(document);
      insertRows(db, sqlite, 'framework', [frameworkRow(framework)]);
      insertRows(db, sqlite, 'framework_statement', statements.map((id) => ({ id, occupation_code: framework.code })));
      insertRows(db, sqlite, 'framework_document', [{ occupation_code: framework.code, document: writeFrameworkDocument(document) }]);
      log(`[build] ${file}: ${statements.length} statements, stored with its served document (${elapsed()})`);
      for (const w of warnings) log(`[build] data-quality warning: ${w.file} ${w.path}: ${w.message}`);
    }

    const builtAt = new Date().toISOString();
    insertRows(db, sqlite, 'meta', [
      { key: 'schema_version', value: latestSchemaVersion },
      { key: 'built_at', value: builtAt },
      { key: 'input_hash', value: inputHash },
      { key: 'onet_release', value: served.version },
      { key: 'onet_supplement_release', value: manifest.supplement.version },
      // The zones the served release's scale has, for checking `filter.jobZone` without a query.
      { key: 'job_zones', value: jobZones.map((z) => z.zone).sort((a, b) => a - b).join(',') },
      { key: 'onet_held_releases', value: manifest.releases.map((r) => r.version).join(',') },
      { key: 'onet_release_sources', value: JSON.stringify(Object.fromEntries([...manifest.releases, manifest.supplement].map((r) => [r.version, r.source]))) },
      { key: 'search_title_documents', value: String(search.titleDocuments) },
      { key: 'search_index_version', value: SEARCH_INDEX_VERSION },
      { key: FALLBACK_EMPLOYMENT_KEY, value: String(careers.fallbackEmployment) },
      // By source id, the SOC major groups where the file has no row at all, for saying why figures are missing.
      { key: 'labor_market_absent_major_groups', value: JSON.stringify(laborMarket.absentMajorGroups) },
      { key: 'ai_exposure_counts', value: JSON.stringify(ai.counts) },
    ]);

    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`store build produced ${broken.length} dangling references: ${JSON.stringify(broken.slice(0, 3))}`);
    sqlite.exec('COMMIT');
    sqlite.exec('ANALYZE');
    sqlite.pragma('journal_mode = DELETE');
    await db.destroy();

    const fd = openSync(tempFile, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tempFile, storeFile);
    renamed = true;
    log(`[build] store written to ${storeFile} (${elapsed()})`);
    return { storeFile, inputHash, warnings: [...checks.warnings, ...frameworks.flatMap((f) => f.warnings)], elapsedMs: performance.now() - started };
  } finally {
    if (!renamed) {
      if (sqlite.open) sqlite.close();
      rmSync(tempFile, { force: true });
    }
  }
}
