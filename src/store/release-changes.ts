/**
 * The change feed between held O*NET releases, computed at store build from the releases' own files (O*NET
 * publishes files, not a change log). For every pair of releases declared in data/onet/releases.json (earlier,
 * later) and every file both hold, rows are matched by their key: a row only in the later release is added, one
 * only in the earlier is removed, and one in both whose values differ is changed. Rows whose date, source or sample
 * statistics differ are only counted, per file (`restamped`, and the occupations they belong to), never listed.
 *
 * Kinds: a rule whose rows are one value each (a job zone, an interest score) gives one kind for every change
 * (`INTEREST`); any other gives `<KIND>_ADDED`, `_REMOVED` and `_CHANGED`. Scale-level files (references, anchors)
 * have no occupation column, so their changes have no occupation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import type { Database } from './database';
import { DataFileError } from './errors';
import { extraFiles, jobZoneReferenceFile, jobZonesFile, modelFiles, occupationDataFile, scalesFile, tableFiles } from './onet-files';
import { DeclaredRelease, ReleaseManifest, releaseFilePath } from './releases';
import { readDataFile, readTsv, TsvRow } from './tsv';

export interface ChangeRule {
  file: string;
  columns: readonly string[];
  /** The column holding the occupation's code; null for scale-level files. */
  occupation: string | null;
  /** Columns that identify a row across releases. */
  key: readonly string[];
  /** Columns whose difference is a change of value; every other non-key column only re-dates or re-sources. */
  values: readonly string[];
  /** What a change is about, e.g. the title, or `Conventional (OI)`. */
  subject(row: TsvRow): string;
  kind: string;
  /** True: one value per row, so one kind (`kind`) for every change. False: `_ADDED`, `_REMOVED`, `_CHANGED`. */
  valueKind: boolean;
  /** A changed row gives one change per changed value column (reference texts), not one for the row. */
  perColumn: boolean;
  /**
   * Compared only between releases that both hold the file: a pair where one lacks it says nothing about it (no
   * summary, no changes) rather than calling it new or dropped. For the files the product began holding with a later
   * release than the oldest it keeps (see `changeRules`).
   */
  onlyWhereBothHold: boolean;
}

const CODE = 'O*NET-SOC Code';

function columnsOf(file: string): readonly string[] {
  const spec = [jobZonesFile, occupationDataFile, scalesFile, jobZoneReferenceFile, ...tableFiles, ...extraFiles, ...modelFiles].find(
    (s) => s.file === file,
  );
  if (spec === undefined) throw new Error(`no served file ${file}`);
  return spec.columns;
}

type RuleOptions = Pick<ChangeRule, 'file' | 'kind' | 'key' | 'values' | 'subject'> &
  Partial<Pick<ChangeRule, 'columns' | 'occupation' | 'valueKind' | 'perColumn' | 'onlyWhereBothHold'>>;

function rule(options: RuleOptions): ChangeRule {
  const columns = options.columns ?? columnsOf(options.file);
  return {
    columns,
    occupation: columns.includes(CODE) ? CODE : null,
    valueKind: false,
    perColumn: false,
    onlyWhereBothHold: false,
    ...options,
  };
}

const element = (row: TsvRow) => `${row.get('Element Name')} (${row.get('Scale ID')})`;
const ratingKey = [CODE, 'Element ID', 'Scale ID'];

/** One rule per served file (Skills and Knowledge come from the supplement, outside the held releases). */
export const changeRules: readonly ChangeRule[] = [
  rule({ file: 'Occupation Data.txt.gz', kind: 'OCCUPATION', key: [CODE], values: ['Title', 'Description'], subject: (r) => r.get('Title') }),
  rule({ file: 'Job Zones.txt.gz', kind: 'JOB_ZONE', valueKind: true, key: [CODE], values: ['Job Zone'], subject: () => 'Job Zone' }),
  rule({
    file: 'Job Zone Reference.txt.gz',
    kind: 'JOB_ZONE_SCALE',
    perColumn: true,
    key: ['Job Zone'],
    values: ['Name', 'Experience', 'Education', 'Job Training', 'Examples', 'SVP Range'],
    subject: (r) => `Job Zone ${r.get('Job Zone')}`,
  }),
  rule({
    file: 'Level Scale Anchors.txt.gz',
    kind: 'LEVEL_SCALE_ANCHOR',
    key: ['Element ID', 'Scale ID', 'Anchor Description'],
    values: ['Anchor Value'],
    subject: (r) => `${element(r)}: ${r.get('Anchor Description')}`,
  }),
  rule({ file: 'Scales Reference.txt.gz', kind: 'SCALE', perColumn: true, key: ['Scale ID'], values: ['Scale Name', 'Minimum', 'Maximum'], subject: (r) => r.get('Scale ID') }),
  rule({
    file: 'Alternate Titles.txt.gz',
    kind: 'ALTERNATE_TITLE',
    key: [CODE, 'Alternate Title'],
    values: ['Short Title', 'Source(s)'],
    subject: (r) => r.get('Alternate Title'),
  }),
  rule({
    file: 'Sample of Reported Titles.txt.gz',
    kind: 'REPORTED_TITLE',
    key: [CODE, 'Reported Job Title'],
    values: ['Shown in My Next Move'],
    subject: (r) => r.get('Reported Job Title'),
  }),
  rule({ file: 'Task Statements.txt.gz', kind: 'TASK', key: ['Task ID'], values: [CODE, 'Task', 'Task Type'], subject: (r) => `Task ${r.get('Task ID')}` }),
  rule({
    file: 'Technology Skills.txt.gz',
    kind: 'TECHNOLOGY_SKILL',
    key: [CODE, 'Example', 'Commodity Code'],
    values: ['Hot Technology', 'In Demand'],
    subject: (r) => r.get('Example'),
  }),
  rule({ file: 'Tools Used.txt.gz', kind: 'TOOL', key: [CODE, 'Example', 'Commodity Code'], values: [], subject: (r) => r.get('Example') }),
  rule({
    file: 'Education, Training, and Experience Categories.txt.gz',
    kind: 'EDUCATION_CATEGORY',
    key: ['Element ID', 'Scale ID', 'Category'],
    values: ['Category Description'],
    subject: (r) => `${r.get('Element Name')} (${r.get('Scale ID')}) category ${r.get('Category')}`,
  }),
  rule({
    file: 'Education, Training, and Experience.txt.gz',
    kind: 'EDUCATION',
    valueKind: true,
    key: [CODE, 'Element ID', 'Scale ID', 'Category'],
    values: ['Data Value'],
    subject: (r) => `${element(r)} category ${r.get('Category')}`,
  }),
  rule({
    file: 'Related Occupations.txt.gz',
    kind: 'RELATED_OCCUPATION',
    key: [CODE, 'Related O*NET-SOC Code'],
    values: ['Relatedness Tier', 'Index'],
    subject: (r) => r.get('Related O*NET-SOC Code'),
  }),
  rule({ file: 'Interests.txt.gz', kind: 'INTEREST', valueKind: true, key: ratingKey, values: ['Data Value'], subject: element }),
  rule({ file: 'Work Styles.txt.gz', kind: 'WORK_STYLE', valueKind: true, key: ratingKey, values: ['Data Value'], subject: element }),
  rule({ file: 'Work Values.txt.gz', kind: 'WORK_VALUE', valueKind: true, key: ratingKey, values: ['Data Value'], subject: element }),
  rule({
    file: 'Emerging Tasks.txt.gz',
    kind: 'EMERGING_TASK',
    key: [CODE, 'Task'],
    values: ['Category', 'Original Task ID', 'Original Task'],
    subject: (r) => r.get('Task'),
  }),
  rule({
    file: 'Interests Illustrative Activities.txt.gz',
    kind: 'INTEREST_ACTIVITY',
    key: ['Element ID', 'Interest Type', 'Activity'],
    values: [],
    subject: (r) => `${r.get('Element Name')}: ${r.get('Activity')}`,
  }),
  rule({
    file: 'Interests Illustrative Occupations.txt.gz',
    kind: 'INTEREST_OCCUPATION',
    key: ['Element ID', 'Interest Type', CODE],
    values: [],
    subject: (r) => r.get('Element Name'),
  }),
  rule({
    file: 'RIASEC Keywords.txt.gz',
    kind: 'RIASEC_KEYWORD',
    key: ['Element ID', 'Keyword'],
    values: ['Keyword Type'],
    subject: (r) => `${r.get('Element Name')}: ${r.get('Keyword')}`,
  }),
  ...(['Work Activities', 'Work Context'] as const).map((label) =>
    rule({
      file: `Skills to ${label}.txt.gz`,
      kind: 'SKILL_LINK',
      key: ['Skills Element ID', `${label} Element ID`],
      values: [],
      subject: (r) => `${r.get('Skills Element Name')} -> ${r.get(`${label} Element Name`)} (${label})`,
    }),
  ),
  // How work nests and what elements and commodities are. The product holds these only from 30.2 on, where they are
  // the 30.1 files byte for byte (their sha256 in PROVENANCE.md; tests/release-changes.test.ts), so no 30.1 copy is
  // kept and 30.1 -> 30.2 says nothing of them; any two later releases that both hold them are compared.
  rule({
    file: 'Content Model Reference.txt.gz',
    kind: 'CONTENT_MODEL_ELEMENT',
    perColumn: true,
    onlyWhereBothHold: true,
    key: ['Element ID'],
    values: ['Element Name', 'Description'],
    subject: (r) => `${r.get('Element ID')} ${r.get('Element Name')}`,
  }),
  rule({
    file: 'IWA Reference.txt.gz',
    kind: 'IWA',
    perColumn: true,
    onlyWhereBothHold: true,
    key: ['IWA ID'],
    values: ['Element ID', 'IWA Title'],
    subject: (r) => `${r.get('IWA ID')} ${r.get('IWA Title')}`,
  }),
  rule({
    file: 'DWA Reference.txt.gz',
    kind: 'DWA',
    perColumn: true,
    onlyWhereBothHold: true,
    key: ['DWA ID'],
    values: ['Element ID', 'IWA ID', 'DWA Title'],
    subject: (r) => `${r.get('DWA ID')} ${r.get('DWA Title')}`,
  }),
  rule({
    file: 'Tasks to DWAs.txt.gz',
    kind: 'TASK_DWA',
    onlyWhereBothHold: true,
    key: [CODE, 'Task ID', 'DWA ID'],
    values: [],
    subject: (r) => `Task ${r.get('Task ID')} -> ${r.get('DWA ID')}`,
  }),
  rule({
    file: 'UNSPSC Reference.txt.gz',
    kind: 'UNSPSC_COMMODITY',
    perColumn: true,
    onlyWhereBothHold: true,
    key: ['Commodity Code'],
    values: ['Commodity Title', 'Class Code', 'Class Title', 'Family Code', 'Family Title', 'Segment Code', 'Segment Title'],
    subject: (r) => `${r.get('Commodity Code')} ${r.get('Commodity Title')}`,
  }),
];

/** Every kind the rules can give, in rule order: the `ReleaseChangeKind` enum must list exactly these. */
export function changeKinds(): string[] {
  const kinds = changeRules.flatMap((r) => {
    if (r.valueKind) return [r.kind];
    // A rule without value columns has rows that are there or not: nothing about one can change.
    return [`${r.kind}_ADDED`, `${r.kind}_REMOVED`, ...(r.values.length > 0 ? [`${r.kind}_CHANGED`] : [])];
  });
  return [...new Set(kinds)];
}

export interface ReleaseChanges {
  changes: Insertable<Database['release_change']>[];
  summaries: Insertable<Database['release_file_summary']>[];
}

function keyed(rows: TsvRow[], rule: ChangeRule, displayName: string): Map<string, TsvRow> {
  const map = new Map<string, TsvRow>();
  for (const row of rows) {
    const key = rule.key.map((c) => row.get(c)).join('\t');
    const earlier = map.get(key);
    if (earlier !== undefined) {
      throw new DataFileError(displayName, `line ${row.line}`, `repeats line ${earlier.line}'s ${rule.key.join(' + ')}, so changes cannot be matched`);
    }
    map.set(key, row);
  }
  return map;
}

/** A row's values as one string: the value itself, `Column: value; …` for several, the subject for none. */
function valueOf(row: TsvRow, rule: ChangeRule): string {
  if (rule.values.length === 0) return rule.subject(row);
  if (rule.values.length === 1) return row.get(rule.values[0] as string);
  return rule.values.map((c) => `${c}: ${row.get(c)}`).join('; ');
}

/** Both copies are gzipped the same way (data/onet/README.md), so equal content is usually equal bytes. */
function sameBytes(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

/** The changes of one file between two releases, appended to `out`. */
function diffFile(rule: ChangeRule, from: DeclaredRelease, to: DeclaredRelease, dataDir: string, out: ReleaseChanges): void {
  const fromPath = releaseFilePath(from, rule.file);
  const toPath = releaseFilePath(to, rule.file);
  const hasFrom = existsSync(join(dataDir, fromPath));
  const hasTo = existsSync(join(dataDir, toPath));
  if (!hasFrom && !hasTo) return;
  if ((!hasFrom || !hasTo) && rule.onlyWhereBothHold) return;
  const file = rule.file.replace(/\.gz$/, '');
  const summary: Insertable<Database['release_file_summary']> = {
    from_release: from.version, to_release: to.version, file, status: 'identical', added: 0, removed: 0, changed: 0, changes: 0, restamped: 0,
    restamped_occupations: 0,
  };
  out.summaries.push(summary);
  if (!hasFrom || !hasTo) {
    summary.status = hasTo ? 'new' : 'dropped';
    return;
  }
  if (sameBytes(join(dataDir, fromPath), join(dataDir, toPath))) return;
  if (readDataFile(join(dataDir, fromPath), `data/${fromPath}`) === readDataFile(join(dataDir, toPath), `data/${toPath}`)) return;
  summary.status = 'changed';
  const before = keyed(readTsv(join(dataDir, fromPath), `data/${fromPath}`, rule.columns), rule, `data/${fromPath}`);
  const after = keyed(readTsv(join(dataDir, toPath), `data/${toPath}`, rule.columns), rule, `data/${toPath}`);
  const others = rule.columns.filter((c) => !rule.key.includes(c) && !rule.values.includes(c));
  const push = (row: TsvRow, suffix: 'ADDED' | 'REMOVED' | 'CHANGED', subject: string, was: string | null, now: string | null) => {
    out.changes.push({
      from_release: from.version,
      to_release: to.version,
      occupation_code: rule.occupation === null ? null : row.get(rule.occupation),
      kind: rule.valueKind ? rule.kind : `${rule.kind}_${suffix}`,
      file,
      subject,
      before: was,
      after: now,
    });
    summary.changes += 1;
  };
  const restampedOccupations = new Set<string>();
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old === undefined) {
      summary.added += 1;
      push(row, 'ADDED', rule.subject(row), null, valueOf(row, rule));
      continue;
    }
    if (others.some((c) => old.get(c) !== row.get(c))) {
      summary.restamped += 1;
      if (rule.occupation !== null) restampedOccupations.add(row.get(rule.occupation));
    }
    const changedColumns = rule.values.filter((c) => old.get(c) !== row.get(c));
    if (changedColumns.length === 0) continue;
    summary.changed += 1;
    if (rule.perColumn) {
      for (const c of changedColumns) push(row, 'CHANGED', `${rule.subject(row)}: ${c}`, old.get(c), row.get(c));
    } else push(row, 'CHANGED', rule.subject(row), valueOf(old, rule), valueOf(row, rule));
  }
  for (const [key, row] of before) {
    if (after.has(key)) continue;
    summary.removed += 1;
    push(row, 'REMOVED', rule.subject(row), valueOf(row, rule), null);
  }
  summary.restamped_occupations = restampedOccupations.size;
}

/** The change feed from every held release to each later one. */
export function computeReleaseChanges(dataDir: string, manifest: ReleaseManifest): ReleaseChanges {
  const out: ReleaseChanges = { changes: [], summaries: [] };
  manifest.releases.forEach((from, i) => {
    for (const to of manifest.releases.slice(i + 1)) for (const rule of changeRules) diffFile(rule, from, to, dataDir, out);
  });
  return out;
}
