/**
 * The O*NET release files the product serves: which declared release each is read from (releases.ts), its
 * exact header, and how a row becomes a store row. The importer reads these in order (reference tables before
 * the rows that point at them).
 */
import type { Insertable } from 'kysely';
import type { Database, ElementDomain, OnetRelease } from './database';
import type { ReleaseRole } from './releases';
import { FieldReader } from './tsv';

export interface OnetFileSpec<T extends keyof Database> {
  /** The file's name in its release's folder. */
  file: string;
  /** Read from the served release, or from the supplement (Skills and Knowledge); the row records its version. */
  release: ReleaseRole;
  table: T;
  columns: readonly string[];
  /** Turns one row into a store row, or null for rows the product deliberately does not serve. */
  toRow(read: FieldReader, release: OnetRelease): Insertable<Database[T]> | null;
}

function spec<T extends keyof Database>(s: OnetFileSpec<T>): OnetFileSpec<T> {
  return s;
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

const ratingColumns29 = [
  'O*NET-SOC Code', 'Title', 'Element ID', 'Element Name', 'Scale ID', 'Scale Name', 'Data Value', 'N',
  'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Not Relevant', 'Date',
  'Domain Source',
] as const;

type RatingStatistics = Pick<
  Insertable<Database['element_rating']>,
  'sample_size' | 'standard_error' | 'lower_ci' | 'upper_ci' | 'recommend_suppress' | 'not_relevant'
>;

/** The statistics the 29.x-format files (Skills, Knowledge) publish with each rating. */
function publishedStatistics(read: FieldReader): RatingStatistics {
  return {
    sample_size: read.optionalInteger('N'),
    standard_error: read.optionalNumber('Standard Error'),
    lower_ci: read.optionalNumber('Lower CI Bound'),
    upper_ci: read.optionalNumber('Upper CI Bound'),
    recommend_suppress: read.optionalFlag('Recommend Suppress'),
    not_relevant: read.optionalFlag('Not Relevant'),
  };
}

/** Work Styles (30.x, scales WI and DR), Interests and Work Values publish a bare value per element and scale. */
function noStatistics(): RatingStatistics {
  return {
    sample_size: null,
    standard_error: null,
    lower_ci: null,
    upper_ci: null,
    recommend_suppress: null,
    not_relevant: null,
  };
}

/** A file of ratings: a value per occupation, element and scale, with or without its statistics. */
function rating(domain: ElementDomain, statistics: (read: FieldReader) => RatingStatistics) {
  return (read: FieldReader, release: OnetRelease): Insertable<Database['element_rating']> => ({
    occupation_code: read.occupationCode('O*NET-SOC Code'),
    domain,
    element_id: read.text('Element ID'),
    element_name: read.text('Element Name'),
    scale_id: read.text('Scale ID'),
    value: read.number('Data Value'),
    ...statistics(read),
    date: read.text('Date'),
    domain_source: read.text('Domain Source'),
    release,
  });
}

const simpleRatingColumns = [
  'O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Date', 'Domain Source',
] as const;

/** The files loaded into their own tables, after `occupation` exists. */
export const tableFiles = [
  spec({
    file: 'Alternate Titles.txt.gz',
    release: 'served',
    table: 'alternate_title',
    columns: ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      title: read.text('Alternate Title'),
      short_title: read.optionalText('Short Title'),
      sources: read.text('Source(s)'),
      release,
    }),
  }),
  spec({
    file: 'Sample of Reported Titles.txt.gz',
    release: 'served',
    table: 'reported_title',
    columns: ['O*NET-SOC Code', 'Reported Job Title', 'Shown in My Next Move'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      title: read.text('Reported Job Title'),
      shown_in_my_next_move: read.flag('Shown in My Next Move'),
      release,
    }),
  }),
  spec({
    file: 'Task Statements.txt.gz',
    release: 'served',
    table: 'task',
    columns: ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
    toRow: (read, release) => ({
      task_id: read.integer('Task ID'),
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      statement: read.text('Task'),
      task_type: read.optionalChoice('Task Type', ['Core', 'Supplemental'] as const),
      incumbents_responding: read.optionalInteger('Incumbents Responding'),
      date: read.text('Date'),
      domain_source: read.text('Domain Source'),
      release,
    }),
  }),
  spec({
    file: 'Technology Skills.txt.gz',
    release: 'served',
    table: 'technology_skill',
    columns: ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      example: read.text('Example'),
      commodity_code: read.integer('Commodity Code'),
      commodity_title: read.text('Commodity Title'),
      hot: read.flag('Hot Technology'),
      in_demand: read.flag('In Demand'),
      release,
    }),
  }),
  spec({
    file: 'Tools Used.txt.gz',
    release: 'served',
    table: 'tool',
    columns: ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      example: read.text('Example'),
      commodity_code: read.integer('Commodity Code'),
      commodity_title: read.text('Commodity Title'),
      release,
    }),
  }),
  spec({
    file: 'Education, Training, and Experience Categories.txt.gz',
    release: 'served',
    table: 'education_category',
    columns: ['Element ID', 'Element Name', 'Scale ID', 'Category', 'Category Description'],
    toRow: (read, release) => ({
      scale_id: read.text('Scale ID'),
      category: read.integer('Category'),
      element_id: read.text('Element ID'),
      element_name: read.text('Element Name'),
      description: read.text('Category Description'),
      release,
    }),
  }),
  spec({
    file: 'Education, Training, and Experience.txt.gz',
    release: 'served',
    table: 'education',
    columns: [
      'O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Category', 'Data Value', 'N', 'Standard Error',
      'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Date', 'Domain Source',
    ],
    // Only the categorical distributions (RL, RW, PT, OJ) are served; the certification and apprenticeship
    // importance rows (scale IM, category n/a) are not distributions and are left out on purpose.
    toRow: (read, release) =>
      read.optionalText('Category') === null
        ? null
        : {
            occupation_code: read.occupationCode('O*NET-SOC Code'),
            element_id: read.text('Element ID'),
            scale_id: read.text('Scale ID'),
            category: read.integer('Category'),
            percent: read.number('Data Value'),
            sample_size: read.optionalInteger('N'),
            recommend_suppress: read.optionalFlag('Recommend Suppress'),
            date: read.text('Date'),
            domain_source: read.text('Domain Source'),
            release,
          },
  }),
  spec({
    file: 'Related Occupations.txt.gz',
    release: 'served',
    table: 'related_occupation',
    columns: ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      related_code: read.occupationCode('Related O*NET-SOC Code'),
      tier: read.text('Relatedness Tier'),
      rank: read.integer('Index'),
      release,
    }),
  }),
  spec({
    file: 'DWA Reference.txt.gz',
    release: 'served',
    table: 'dwa',
    columns: ['Element ID', 'IWA ID', 'DWA ID', 'DWA Title'],
    toRow: (read, release) => ({
      id: read.text('DWA ID'),
      iwa_id: read.text('IWA ID'),
      element_id: read.text('Element ID'),
      title: read.text('DWA Title'),
      release,
    }),
  }),
  spec({
    file: 'Tasks to DWAs.txt.gz',
    release: 'served',
    table: 'task_dwa',
    columns: ['O*NET-SOC Code', 'Task ID', 'DWA ID', 'Date', 'Domain Source'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      task_id: read.integer('Task ID'),
      dwa_id: read.text('DWA ID'),
      date: read.text('Date'),
      domain_source: read.text('Domain Source'),
      release,
    }),
  }),
  spec({
    file: 'Interests.txt.gz',
    release: 'served',
    table: 'element_rating',
    columns: simpleRatingColumns,
    toRow: rating('interest', noStatistics),
  }),
  spec({
    file: 'Work Styles.txt.gz',
    release: 'served',
    table: 'element_rating',
    columns: simpleRatingColumns,
    toRow: rating('work_style', noStatistics),
  }),
  spec({
    file: 'Skills.xlsx.tsv.gz',
    release: 'supplement',
    table: 'element_rating',
    columns: ratingColumns29,
    toRow: rating('skill', publishedStatistics),
  }),
  spec({
    file: 'Knowledge.xlsx.tsv.gz',
    release: 'supplement',
    table: 'element_rating',
    columns: ratingColumns29,
    toRow: rating('knowledge', publishedStatistics),
  }),
];

export const scalesFile = spec({
  file: 'Scales Reference.txt.gz',
  release: 'served',
  table: 'scale',
  columns: ['Scale ID', 'Scale Name', 'Minimum', 'Maximum'],
  toRow: (read, release) => ({
    id: read.text('Scale ID'),
    name: read.text('Scale Name'),
    minimum: read.number('Minimum'),
    maximum: read.number('Maximum'),
    release,
  }),
});

export const jobZoneReferenceFile = spec({
  file: 'Job Zone Reference.txt.gz',
  release: 'served',
  table: 'job_zone',
  columns: ['Job Zone', 'Name', 'Experience', 'Education', 'Job Training', 'Examples', 'SVP Range'],
  toRow: (read, release) => ({
    zone: read.integer('Job Zone'),
    name: read.text('Name'),
    experience: read.text('Experience'),
    education: read.text('Education'),
    job_training: read.text('Job Training'),
    examples: read.text('Examples'),
    svp_range: read.text('SVP Range'),
    release,
  }),
});

/**
 * Files that add something for HR users beyond the occupation anchors: Work Values, Emerging Tasks, the RIASEC
 * reference material, and the skill links. Read after `tableFiles`, into their own tables.
 */
export const extraFiles = [
  spec({
    file: 'Work Values.txt.gz',
    release: 'served',
    table: 'element_rating',
    columns: simpleRatingColumns,
    toRow: rating('work_value', noStatistics),
  }),
  spec({
    file: 'Emerging Tasks.txt.gz',
    release: 'served',
    table: 'emerging_task',
    columns: ['O*NET-SOC Code', 'Task', 'Category', 'Original Task ID', 'Original Task', 'Date', 'Domain Source'],
    toRow: (read, release) => ({
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      statement: read.text('Task'),
      category: read.choice('Category', ['New', 'Revision'] as const),
      original_task_id: read.optionalInteger('Original Task ID'),
      original_task: read.optionalText('Original Task'),
      date: read.text('Date'),
      domain_source: read.text('Domain Source'),
      release,
    }),
  }),
  spec({
    file: 'Interests Illustrative Activities.txt.gz',
    release: 'served',
    table: 'interest_activity',
    columns: ['Element ID', 'Element Name', 'Interest Type', 'Activity'],
    toRow: (read, release) => ({
      element_id: read.text('Element ID'),
      element_name: read.text('Element Name'),
      interest_type: read.choice('Interest Type', ['General', 'Basic'] as const),
      activity: read.text('Activity'),
      release,
    }),
  }),
  spec({
    file: 'Interests Illustrative Occupations.txt.gz',
    release: 'served',
    table: 'interest_occupation',
    columns: ['Element ID', 'Element Name', 'Interest Type', 'O*NET-SOC Code'],
    toRow: (read, release) => ({
      element_id: read.text('Element ID'),
      element_name: read.text('Element Name'),
      interest_type: read.choice('Interest Type', ['General', 'Basic'] as const),
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      release,
    }),
  }),
  spec({
    file: 'RIASEC Keywords.txt.gz',
    release: 'served',
    table: 'riasec_keyword',
    columns: ['Element ID', 'Element Name', 'Keyword', 'Keyword Type'],
    toRow: (read, release) => ({
      element_id: read.text('Element ID'),
      element_name: read.text('Element Name'),
      keyword: read.text('Keyword'),
      keyword_type: read.choice('Keyword Type', ['Action', 'Object'] as const),
      release,
    }),
  }),
  ...(['work_activity', 'work_context'] as const).map((target) => {
    const label = target === 'work_activity' ? 'Work Activities' : 'Work Context';
    return spec({
      file: `Skills to ${label}.txt.gz`,
      release: 'served',
      table: 'skill_link',
      columns: ['Skills Element ID', 'Skills Element Name', `${label} Element ID`, `${label} Element Name`],
      toRow: (read, release) => ({
        skill_id: read.text('Skills Element ID'),
        skill_name: read.text('Skills Element Name'),
        target_domain: target,
        target_id: read.text(`${label} Element ID`),
        target_name: read.text(`${label} Element Name`),
        release,
      }),
    });
  }),
];
