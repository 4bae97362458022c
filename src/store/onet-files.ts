/**
 * The O*NET release files the product serves: which declared release each is read from (releases.ts), its
 * exact header, and how a row becomes a store row. The importer reads these in order (reference tables before
 * the rows that point at them).
 */
import type { Insertable } from 'kysely';
import {
  choice,
  ColumnDeclaration,
  ColumnReading,
  flag,
  integer,
  number,
  occupationCode,
  optionalChoice,
  optionalFlag,
  optionalInteger,
  optionalNumber,
  optionalText,
  readColumns,
  text,
} from './columns';
import type { Database, ElementDomain, OnetRelease } from './database';
import type { ReleaseRole } from './releases';
import type { FieldReader } from './tsv';

export interface OnetFileSpec<T extends keyof Database> {
  /** The file's name in its release's folder. */
  file: string;
  /** Read from the served release, or from the supplement (Skills and Knowledge); the row records its version. */
  release: ReleaseRole;
  table: T;
  /** The file's exact header. */
  columns: readonly string[];
  /** Turns one row into a store row, or null for rows the product deliberately does not serve. */
  toRow(read: FieldReader, release: OnetRelease): Insertable<Database[T]> | null;
}

/** `Job Zones.txt` is merged into `occupation`, so it is read on its own before the table files. */
export const jobZonesFile = {
  release: 'served',
  file: 'Job Zones.txt.gz',
  columns: ['O*NET-SOC Code', 'Job Zone', 'Date', 'Domain Source'],
} as const;

export const occupationDataFile = {
  release: 'served',
  file: 'Occupation Data.txt.gz',
  columns: ['O*NET-SOC Code', 'Title', 'Description'],
} as const;

/**
 * What each O*NET column holds and the store column it fills. O*NET gives a column the same name and meaning in
 * every file that has it, so one entry serves them all; a file spec names a column with its own reading only where
 * its table stores it differently, or not at all.
 */
const onetColumns = {
  'O*NET-SOC Code': occupationCode('occupation_code'),
  'Related O*NET-SOC Code': occupationCode('related_code'),
  'Element ID': text('element_id'),
  'Element Name': text('element_name'),
  'Scale ID': text('scale_id'),
  'Data Value': number('value'),
  'N': optionalInteger('sample_size'),
  'Standard Error': optionalNumber('standard_error'),
  'Lower CI Bound': optionalNumber('lower_ci'),
  'Upper CI Bound': optionalNumber('upper_ci'),
  'Recommend Suppress': optionalFlag('recommend_suppress'),
  'Not Relevant': optionalFlag('not_relevant'),
  'Date': text('date'),
  'Domain Source': text('domain_source'),
  'Alternate Title': text('title'),
  'Short Title': optionalText('short_title'),
  'Source(s)': text('sources'),
  'Reported Job Title': text('title'),
  'Shown in My Next Move': flag('shown_in_my_next_move'),
  'Task ID': integer('task_id'),
  'Task': text('statement'),
  'Task Type': optionalChoice('task_type', ['Core', 'Supplemental']),
  'Incumbents Responding': optionalInteger('incumbents_responding'),
  'Example': text('example'),
  'Commodity Code': integer('commodity_code'),
  'Commodity Title': text('commodity_title'),
  'Hot Technology': flag('hot'),
  'In Demand': flag('in_demand'),
  'Category': integer('category'),
  'Category Description': text('description'),
  'Relatedness Tier': text('tier'),
  'Index': integer('rank'),
  'IWA ID': text('iwa_id'),
  'DWA ID': text('dwa_id'),
  'DWA Title': text('title'),
  'Original Task ID': optionalInteger('original_task_id'),
  'Original Task': optionalText('original_task'),
  'Interest Type': choice('interest_type', ['General', 'Basic']),
  'Activity': text('activity'),
  'Keyword': text('keyword'),
  'Keyword Type': choice('keyword_type', ['Action', 'Object']),
  'Skills Element ID': text('skill_id'),
  'Skills Element Name': text('skill_name'),
  'Work Activities Element ID': text('target_id'),
  'Work Activities Element Name': text('target_name'),
  'Work Context Element ID': text('target_id'),
  'Work Context Element Name': text('target_name'),
  'Minimum': number('minimum'),
  'Maximum': number('maximum'),
  'Job Zone': integer('zone'),
  'Name': text('name'),
  'Experience': text('experience'),
  'Education': text('education'),
  'Job Training': text('job_training'),
  'Examples': text('examples'),
  'SVP Range': text('svp_range'),
  'Description': text('description'),
  'Anchor Value': number('value'),
  'Anchor Description': text('description'),
  'IWA Title': text('title'),
  'Class Code': integer('class_code'),
  'Class Title': text('class_title'),
  'Family Code': integer('family_code'),
  'Family Title': text('family_title'),
  'Segment Code': integer('segment_code'),
  'Segment Title': text('segment_title'),
} as const satisfies Record<string, ColumnReading>;

/** A header column: read as `onetColumns` says, or named with this file's own reading (null: not stored). */
type OnetColumn = keyof typeof onetColumns | readonly [column: string, stored: ColumnReading | null];

interface TableOptions<T extends keyof Database> {
  /** Where the file is read from; the served release unless said. */
  release?: ReleaseRole;
  /** Store columns with the same value in every row of the file. */
  fixed?: Partial<Insertable<Database[T]>>;
  /** False for rows the product deliberately does not serve. */
  serves?: (read: FieldReader) => boolean;
}

/** A file loaded into `table`: its header, and how each column is stored, in one declaration. */
function onetTable<T extends keyof Database>(table: T, file: string, header: readonly OnetColumn[], options: TableOptions<T> = {}): OnetFileSpec<T> {
  const columns: ColumnDeclaration = header.map((c) => (typeof c === 'string' ? [c, onetColumns[c]] : c));
  return {
    file,
    release: options.release ?? 'served',
    table,
    columns: columns.map(([column]) => column),
    toRow(read, release) {
      if (options.serves?.(read) === false) return null;
      // The declaration names store columns by name: a column the table lacks, or a NOT NULL one left out, fails the insert.
      const row: Record<string, unknown> = { ...readColumns(columns, read), ...options.fixed, release };
      return row as Insertable<Database[T]>;
    },
  };
}

/** A column the file has and the store does not keep: the header check still requires it. */
const notStored = (column: string) => [column, null] as const;

const simpleRatingColumns = ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Date', 'Domain Source'] as const;

/** Work Styles (30.x, scales WI and DR), Interests and Work Values publish a bare value per element and scale. */
const simpleRating = (file: string, domain: ElementDomain) => onetTable('element_rating', file, simpleRatingColumns, { fixed: { domain } });

/** The 29.x-format files (Skills, Knowledge) publish each rating with its statistics. */
const publishedRating = (file: string, domain: ElementDomain) =>
  onetTable(
    'element_rating',
    file,
    [
      'O*NET-SOC Code', notStored('Title'), 'Element ID', 'Element Name', 'Scale ID', notStored('Scale Name'), 'Data Value', 'N',
      'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Not Relevant', 'Date', 'Domain Source',
    ],
    { release: 'supplement', fixed: { domain } },
  );

const educationFile = 'Education, Training, and Experience.txt.gz';

/** The files loaded into their own tables, after `occupation` exists. */
export const tableFiles = [
  onetTable('alternate_title', 'Alternate Titles.txt.gz', ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)']),
  onetTable('reported_title', 'Sample of Reported Titles.txt.gz', ['O*NET-SOC Code', 'Reported Job Title', 'Shown in My Next Move']),
  onetTable('task', 'Task Statements.txt.gz', [
    'O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source',
  ]),
  onetTable('technology_skill', 'Technology Skills.txt.gz', [
    'O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand',
  ]),
  onetTable('tool', 'Tools Used.txt.gz', ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title']),
  onetTable('education_category', 'Education, Training, and Experience Categories.txt.gz', [
    'Element ID', 'Element Name', 'Scale ID', 'Category', 'Category Description',
  ]),
  onetTable(
    'education',
    educationFile,
    [
      'O*NET-SOC Code', 'Element ID', notStored('Element Name'), 'Scale ID', 'Category', ['Data Value', number('percent')], 'N',
      'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Date', 'Domain Source',
    ],
    // The categorical distributions (RL, RW, PT, OJ); the certification and apprenticeship rows (scale IM, category
    // n/a) are not distributions, and are read as the ratings they are (`modelFiles`).
    { serves: (read) => read.optionalText('Category') !== null },
  ),
  onetTable('related_occupation', 'Related Occupations.txt.gz', ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index']),
  onetTable('dwa', 'DWA Reference.txt.gz', ['Element ID', 'IWA ID', ['DWA ID', text('id')], 'DWA Title']),
  onetTable('task_dwa', 'Tasks to DWAs.txt.gz', ['O*NET-SOC Code', 'Task ID', 'DWA ID', 'Date', 'Domain Source']),
  simpleRating('Interests.txt.gz', 'interest'),
  simpleRating('Work Styles.txt.gz', 'work_style'),
  publishedRating('Skills.xlsx.tsv.gz', 'skill'),
  publishedRating('Knowledge.xlsx.tsv.gz', 'knowledge'),
];

export const scalesFile = onetTable('scale', 'Scales Reference.txt.gz', [
  ['Scale ID', text('id')], ['Scale Name', text('name')], 'Minimum', 'Maximum',
]);

export const jobZoneReferenceFile = onetTable('job_zone', 'Job Zone Reference.txt.gz', [
  'Job Zone', 'Name', 'Experience', 'Education', 'Job Training', 'Examples', 'SVP Range',
]);

/**
 * Files that add something for HR users beyond the occupation anchors: Work Values, Emerging Tasks, the RIASEC
 * reference material, and the skill links. Read after `tableFiles`, into their own tables.
 */
export const extraFiles = [
  simpleRating('Work Values.txt.gz', 'work_value'),
  onetTable('emerging_task', 'Emerging Tasks.txt.gz', [
    'O*NET-SOC Code', 'Task', ['Category', choice('category', ['New', 'Revision'])], 'Original Task ID', 'Original Task', 'Date', 'Domain Source',
  ]),
  onetTable('interest_activity', 'Interests Illustrative Activities.txt.gz', ['Element ID', 'Element Name', 'Interest Type', 'Activity']),
  onetTable('interest_occupation', 'Interests Illustrative Occupations.txt.gz', ['Element ID', 'Element Name', 'Interest Type', 'O*NET-SOC Code']),
  onetTable('riasec_keyword', 'RIASEC Keywords.txt.gz', ['Element ID', 'Element Name', 'Keyword', 'Keyword Type']),
  ...(['work_activity', 'work_context'] as const).map((target) => {
    const label = target === 'work_activity' ? 'Work Activities' : 'Work Context';
    return onetTable('skill_link', `Skills to ${label}.txt.gz`, ['Skills Element ID', 'Skills Element Name', `${label} Element ID`, `${label} Element Name`], {
      fixed: { target_domain: target },
    });
  }),
];

/** What each element of the Content Model is: read before the files that name its elements. */
export const contentModelFile = onetTable('content_element', 'Content Model Reference.txt.gz', [
  ['Element ID', text('id')], ['Element Name', text('name')], 'Description',
]);

/** The intermediate work activities between each DWA and its generalized work activity. */
export const iwaFile = onetTable('iwa', 'IWA Reference.txt.gz', ['Element ID', ['IWA ID', text('id')], 'IWA Title']);

/** Each UNSPSC commodity's class, family and segment. */
export const unspscFile = onetTable('unspsc_commodity', 'UNSPSC Reference.txt.gz', [
  'Commodity Code', 'Commodity Title', 'Class Code', 'Class Title', 'Family Code', 'Family Title', 'Segment Code', 'Segment Title',
]);

/**
 * The rest of the O*NET model (issue 25), read after `extraFiles`: the Content Model Reference first (the others name
 * its elements), the Level Scale Anchors, the IWA and UNSPSC references, each occupation's job zone date and source,
 * and the education file's certification and apprenticeship Importance rows (scale IM, category n/a), which are
 * ratings of an element and stored as such.
 */
export const modelFiles = [
  contentModelFile,
  onetTable('level_anchor', 'Level Scale Anchors.txt.gz', ['Element ID', notStored('Element Name'), 'Scale ID', 'Anchor Value', 'Anchor Description']),
  iwaFile,
  unspscFile,
  onetTable('job_zone_assignment', jobZonesFile.file, ['O*NET-SOC Code', notStored('Job Zone'), 'Date', 'Domain Source']),
  onetTable(
    'element_rating',
    educationFile,
    [
      'O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', notStored('Category'), 'Data Value', 'N', 'Standard Error',
      'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Date', 'Domain Source',
    ],
    { fixed: { domain: 'education' }, serves: (read) => read.optionalText('Category') === null },
  ),
];
