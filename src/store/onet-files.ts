/**
 * The O*NET release files the product serves: where each lives under data/, its exact header, and how a
 * row becomes a store row. The importer reads these in order (reference tables before the rows that point
 * at them).
 */
import type { Insertable } from 'kysely';
import type { Database, OnetRelease } from './database';
import { FieldReader } from './tsv';

export interface OnetFileSpec<T extends keyof Database> {
  /** Path below data/. */
  path: string;
  release: OnetRelease;
  table: T;
  columns: readonly string[];
  /** Turns one row into a store row, or null for rows the product deliberately does not serve. */
  toRow(read: FieldReader, release: OnetRelease): Insertable<Database[T]> | null;
}

const V30 = 'onet/30.1';
const V29 = 'onet/29.0';

function spec<T extends keyof Database>(s: OnetFileSpec<T>): OnetFileSpec<T> {
  return s;
}

/** `Job Zones.txt` is merged into `occupation`, so it is read on its own before the table files. */
export const jobZonesFile = {
  path: `${V30}/Job Zones.txt.gz`,
  columns: ['O*NET-SOC Code', 'Job Zone', 'Date', 'Domain Source'],
} as const;

export const occupationDataFile = {
  path: `${V30}/Occupation Data.txt.gz`,
  columns: ['O*NET-SOC Code', 'Title', 'Description'],
} as const;

const ratingColumns29 = [
  'O*NET-SOC Code', 'Title', 'Element ID', 'Element Name', 'Scale ID', 'Scale Name', 'Data Value', 'N',
  'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress', 'Not Relevant', 'Date',
  'Domain Source',
] as const;

function rating29(domain: 'skill' | 'knowledge') {
  return (read: FieldReader, release: OnetRelease): Insertable<Database['element_rating']> => ({
    occupation_code: read.occupationCode('O*NET-SOC Code'),
    domain,
    element_id: read.text('Element ID'),
    element_name: read.text('Element Name'),
    scale_id: read.text('Scale ID'),
    value: read.number('Data Value'),
    sample_size: read.optionalInteger('N'),
    standard_error: read.optionalNumber('Standard Error'),
    lower_ci: read.optionalNumber('Lower CI Bound'),
    upper_ci: read.optionalNumber('Upper CI Bound'),
    recommend_suppress: read.optionalFlag('Recommend Suppress'),
    not_relevant: read.optionalFlag('Not Relevant'),
    date: read.text('Date'),
    domain_source: read.text('Domain Source'),
    release,
  });
}

/** Work Styles (30.1 format, scales WI and DR) and Interests share a shape: a value per element and scale. */
function simpleRating(domain: 'work_style' | 'interest') {
  return (read: FieldReader, release: OnetRelease): Insertable<Database['element_rating']> => ({
    occupation_code: read.occupationCode('O*NET-SOC Code'),
    domain,
    element_id: read.text('Element ID'),
    element_name: read.text('Element Name'),
    scale_id: read.text('Scale ID'),
    value: read.number('Data Value'),
    sample_size: null,
    standard_error: null,
    lower_ci: null,
    upper_ci: null,
    recommend_suppress: null,
    not_relevant: null,
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
    path: `${V30}/Alternate Titles.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Sample of Reported Titles.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Task Statements.txt.gz`,
    release: '30.1',
    table: 'task',
    columns: ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
    toRow: (read, release) => ({
      task_id: read.integer('Task ID'),
      occupation_code: read.occupationCode('O*NET-SOC Code'),
      statement: read.text('Task'),
      task_type: read.optionalText('Task Type'),
      incumbents_responding: read.optionalInteger('Incumbents Responding'),
      date: read.text('Date'),
      domain_source: read.text('Domain Source'),
      release,
    }),
  }),
  spec({
    path: `${V30}/Technology Skills.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Tools Used.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Education, Training, and Experience Categories.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Education, Training, and Experience.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Related Occupations.txt.gz`,
    release: '30.1',
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
    path: `${V30}/Interests.txt.gz`,
    release: '30.1',
    table: 'element_rating',
    columns: simpleRatingColumns,
    toRow: simpleRating('interest'),
  }),
  spec({
    path: `${V30}/Work Styles.txt.gz`,
    release: '30.1',
    table: 'element_rating',
    columns: simpleRatingColumns,
    toRow: simpleRating('work_style'),
  }),
  spec({
    path: `${V29}/Skills.xlsx.tsv.gz`,
    release: '29.0',
    table: 'element_rating',
    columns: ratingColumns29,
    toRow: rating29('skill'),
  }),
  spec({
    path: `${V29}/Knowledge.xlsx.tsv.gz`,
    release: '29.0',
    table: 'element_rating',
    columns: ratingColumns29,
    toRow: rating29('knowledge'),
  }),
];

export const scalesFile = spec({
  path: `${V30}/Scales Reference.txt.gz`,
  release: '30.1',
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
  path: `${V30}/Job Zone Reference.txt.gz`,
  release: '30.1',
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
