/** The real store holds every row of the O*NET files it serves, each marked with its release. */
import SqliteDatabase from 'better-sqlite3';
import { join } from 'node:path';
import { readGzLines } from '../support/fixtures';
import { dataDir, testStoreFile } from '../support/paths';

const db = new SqliteDatabase(testStoreFile, { readonly: true });
afterAll(() => db.close());

const count = (sql: string) => db.prepare(sql).pluck().get() as number;
const dataRows = (file: string) => readGzLines(join(dataDir, 'onet', file)).filter((line) => line !== '').length - 1;

test.each([
  ['occupation', '30.2/Occupation Data.txt.gz', 1016],
  ['alternate_title', '30.2/Alternate Titles.txt.gz', 57543],
  ['reported_title', '30.2/Sample of Reported Titles.txt.gz', 7953],
  ['task', '30.2/Task Statements.txt.gz', 18796],
  ['technology_skill', '30.2/Technology Skills.txt.gz', 32773],
  ['tool', '30.2/Tools Used.txt.gz', 41662],
  ['related_occupation', '30.2/Related Occupations.txt.gz', 18460],
  ['job_zone', '30.2/Job Zone Reference.txt.gz', 4],
  ['emerging_task', '30.2/Emerging Tasks.txt.gz', 328],
  ['interest_activity', '30.2/Interests Illustrative Activities.txt.gz', 188],
  ['interest_occupation', '30.2/Interests Illustrative Occupations.txt.gz', 186],
  ['riasec_keyword', '30.2/RIASEC Keywords.txt.gz', 75],
  ['content_element', '30.2/Content Model Reference.txt.gz', 630],
  ['level_anchor', '30.2/Level Scale Anchors.txt.gz', 483],
  ['iwa', '30.2/IWA Reference.txt.gz', 332],
  ['unspsc_commodity', '30.2/UNSPSC Reference.txt.gz', 4264],
  ['job_zone_assignment', '30.2/Job Zones.txt.gz', 923],
  ['task_dwa', '30.2/Tasks to DWAs.txt.gz', 23850],
  ['dwa', '30.2/DWA Reference.txt.gz', 2087],
])('%s holds every row of %s (%i)', (table, file, published) => {
  expect(dataRows(file)).toBe(published);
  expect(count(`SELECT count(*) FROM ${table}`)).toBe(published);
});

/** The education file's certification and apprenticeship rows: Importance ratings, with no category. */
const educationImportanceRows = () =>
  readGzLines(join(dataDir, 'onet/30.2/Education, Training, and Experience.txt.gz'))
    .slice(1)
    .filter((line) => line !== '' && line.split('\t')[4] === 'n/a').length;

test('ratings: interests, work styles, work values and the education importance rows from 30.2, skills and knowledge from 29.0, all rows', () => {
  const byDomain = Object.fromEntries(
    (db.prepare('SELECT domain, release, count(*) n FROM element_rating GROUP BY domain, release').all() as { domain: string; release: string; n: number }[]).map(
      (r) => [r.domain, `${r.release}:${r.n}`],
    ),
  );
  expect(byDomain).toEqual({
    interest: `30.2:${dataRows('30.2/Interests.txt.gz')}`,
    work_style: `30.2:${dataRows('30.2/Work Styles.txt.gz')}`,
    work_value: `30.2:${dataRows('30.2/Work Values.txt.gz')}`,
    skill: '29.0:61530',
    knowledge: '29.0:58014',
    education: `30.2:${educationImportanceRows()}`,
  });
  expect(educationImportanceRows()).toBe(1127);
});

test('job zones: 923 occupations have one, the rest are null', () => {
  expect(count('SELECT count(*) FROM occupation WHERE job_zone IS NOT NULL')).toBe(dataRows('30.2/Job Zones.txt.gz'));
  expect(count("SELECT job_zone FROM occupation WHERE code = '43-6012.00'")).toBe(3);
});

test('education: the categorical distributions with labels (the IM rows are ratings, above)', () => {
  const categorical = readGzLines(join(dataDir, 'onet/30.2/Education, Training, and Experience.txt.gz'))
    .slice(1)
    .filter((line) => line !== '' && line.split('\t')[4] !== 'n/a').length;
  expect(count('SELECT count(*) FROM education')).toBe(categorical);
  expect(count("SELECT count(*) FROM education WHERE occupation_code = '43-6012.00' AND scale_id = 'RL'")).toBe(12);
});

test('every O*NET-derived row records its release', () => {
  const tables = [
    'occupation', 'alternate_title', 'reported_title', 'task', 'technology_skill', 'tool', 'education', 'related_occupation', 'job_zone',
    'scale', 'emerging_task', 'interest_activity', 'interest_occupation', 'riasec_keyword', 'skill_link', 'dwa', 'task_dwa',
    'content_element', 'level_anchor', 'iwa', 'unspsc_commodity', 'job_zone_assignment',
  ];
  for (const table of tables) {
    expect([table, count(`SELECT count(*) FROM ${table} WHERE release <> '30.2'`)]).toEqual([table, 0]);
  }
  expect(count("SELECT count(*) FROM element_rating WHERE release <> (CASE WHEN domain IN ('skill', 'knowledge') THEN '29.0' ELSE '30.2' END)")).toBe(0);
});

test('build metadata: schema version, input hash, releases, build time', () => {
  const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  expect(meta.schema_version).toMatch(/^\d{4}_/);
  expect(meta.input_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(meta.onet_release).toBe('30.2');
  expect(meta.onet_held_releases).toBe('30.1,30.2');
  expect(meta.onet_supplement_release).toBe('29.0');
  expect(Date.parse(meta.built_at ?? '')).not.toBeNaN();
});

test('foreign keys hold and every batched lookup key leads an index', () => {
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const leadingColumns = (table: string) =>
    (db.pragma(`index_list(${table})`) as { name: string }[]).map(
      (index) => (db.pragma(`index_info(${index.name})`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name,
    );
  for (const table of ['alternate_title', 'reported_title', 'task', 'technology_skill', 'tool', 'related_occupation', 'element_rating', 'education', 'task_dwa', 'job_zone_assignment']) {
    expect([table, leadingColumns(table)]).toEqual([table, expect.arrayContaining(['occupation_code'])]);
  }
  expect(leadingColumns('level_anchor')).toEqual(expect.arrayContaining(['element_id']));
  for (const table of ['content_element', 'iwa']) expect([table, leadingColumns(table)]).toEqual([table, expect.arrayContaining(['id'])]);
  expect(leadingColumns('unspsc_commodity')).toEqual([]); // INTEGER PRIMARY KEY: the rowid itself
  expect(leadingColumns('occupation')).toEqual(expect.arrayContaining(['soc_code', 'job_zone', 'major_group', 'code']));
});
