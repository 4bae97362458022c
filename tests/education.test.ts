/**
 * Occupation.education: all four Education, Training, and Experience distributions, each compared with the O*NET
 * file read directly (whichever release the importer's file spec points at), Recommend Suppress included.
 */
import { join } from 'node:path';
import { tableFiles } from '../src/store/onet-files';
import { readReleaseManifest, releaseFilePath, releaseOf } from '../src/store/releases';
import { readGzLines } from './support/fixtures';
import { dataDir } from './support/paths';
import { startTestServer, TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const educationSpec = tableFiles.find((f) => f.table === 'education');
const categoriesSpec = tableFiles.find((f) => f.table === 'education_category');
if (!educationSpec || !categoriesSpec) throw new Error('no education file specs');

const manifest = readReleaseManifest(dataDir);

/** A spec's file's rows, from the release the spec reads, as objects keyed by its header. */
function rowsOf(spec: { release: 'served' | 'supplement'; file: string }): Record<string, string>[] {
  const path = releaseFilePath(releaseOf(manifest, spec.release), spec.file);
  const [header = '', ...lines] = readGzLines(join(dataDir, path)).filter((l) => l !== '');
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])));
}
const education = rowsOf(educationSpec);
const labels = new Map(rowsOf(categoriesSpec).map((r) => [`${r['Scale ID']}:${r['Category']}`, r['Category Description']]));

const DISTRIBUTIONS: [string, string][] = [
  ['REQUIRED_LEVEL_OF_EDUCATION', 'RL'],
  ['RELATED_WORK_EXPERIENCE', 'RW'],
  ['ON_SITE_OR_IN_PLANT_TRAINING', 'PT'],
  ['ON_THE_JOB_TRAINING', 'OJ'],
];

const QUERY = `query ($code: String!) { occupation(code: $code) {
  rl: education(distribution: REQUIRED_LEVEL_OF_EDUCATION) { ...level }
  rw: education(distribution: RELATED_WORK_EXPERIENCE) { ...level }
  pt: education(distribution: ON_SITE_OR_IN_PLANT_TRAINING) { ...level }
  oj: education(distribution: ON_THE_JOB_TRAINING) { ...level }
  byDefault: education { ...level }
} }
fragment level on EducationLevel { category label percent recommendSuppress }`;

type Level = { category: number; label: string; percent: number; recommendSuppress: boolean | null };

/** 47-2022.00 has the most RL rows O*NET marks suppress = Y; the others are spread over the file. */
test.each(['43-6012.00', '47-2022.00', '27-3043.00', '15-1252.00', '29-1141.00'])('%s: the four distributions match the file', async (code) => {
  const result = await t.run<{ occupation: Record<string, Level[]> }>(QUERY, { code });
  expect(result.errors).toBeUndefined();
  const served = result.data?.occupation ?? {};
  for (const [name, scale] of DISTRIBUTIONS) {
    const expected = education
      .filter((r) => r['O*NET-SOC Code'] === code && r['Scale ID'] === scale)
      .sort((a, b) => Number(a['Category']) - Number(b['Category']))
      .map((r) => ({
        category: Number(r['Category']),
        label: labels.get(`${scale}:${r['Category']}`),
        percent: Number(r['Data Value']),
        recommendSuppress: r['Recommend Suppress'] === 'Y' ? true : r['Recommend Suppress'] === 'N' ? false : null,
      }));
    expect(expected.length).toBeGreaterThan(0);
    expect({ name, levels: served[scale.toLowerCase()] }).toEqual({ name, levels: expected });
  }
  expect(served['byDefault']).toEqual(served['rl']);
});

test('the suppress flags O*NET sets are served: 47-2022.00 has required-level rows marked Y', async () => {
  const result = await t.run<{ occupation: { education: Level[] } }>(`{ occupation(code: "47-2022.00") { education { recommendSuppress } } }`);
  const flags = result.data?.occupation.education.map((l) => l.recommendSuppress) ?? [];
  const inFile = education.filter((r) => r['O*NET-SOC Code'] === '47-2022.00' && r['Scale ID'] === 'RL' && r['Recommend Suppress'] === 'Y');
  expect(inFile.length).toBeGreaterThan(0);
  expect(flags.filter((f) => f === true)).toHaveLength(inFile.length);
});

test('the store keeps every Recommend Suppress flag of the file, per distribution', async () => {
  const stored = await t.store.db
    .selectFrom('education')
    .select(['scale_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('recommend_suppress', '=', 1)
    .groupBy('scale_id')
    .orderBy('scale_id')
    .execute();
  const inFile = new Map<string, number>();
  for (const r of education) {
    if (r['Recommend Suppress'] === 'Y' && r['Category'] !== 'n/a') inFile.set(r['Scale ID'] ?? '', (inFile.get(r['Scale ID'] ?? '') ?? 0) + 1);
  }
  expect(stored.map((r) => [r.scale_id, r.n])).toEqual([...inFile].sort(([a], [b]) => a.localeCompare(b)));
  expect(stored.map((r) => r.scale_id)).toEqual(['OJ', 'PT', 'RL', 'RW']);
});
