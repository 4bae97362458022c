/**
 * Which O*NET occupation a 6-digit SOC key means when no `.00` occupation exists under it. O*NET 30.1 has a `.00`
 * for every SOC code, so this builds a fixture store without some of them.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildStore } from '../../src/store/importer';
import { FIXTURE_OCCUPATIONS, makeFixtureDataDir } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

let dataDir: string;
let t: TestServer;

beforeAll(async () => {
  // 11-1011.00 and 11-3051.00 are left out; 11-3051.03 comes before 11-3051.01 on purpose.
  dataDir = makeFixtureDataDir([...FIXTURE_OCCUPATIONS, '11-1011.03', '11-3051.03', '11-3051.01']);
  const storeFile = join(dataDir, 'out/store.sqlite');
  await buildStore({ dataDir, storeFile });
  t = await startTestServer({ storeFile });
});

afterAll(async () => {
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a SOC key without a .00 occupation resolves to the lowest O*NET-SOC code under it, in one statement', async () => {
  const result = await t.run<{ _entities: ({ code: string; title: string } | null)[] }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { code title } } }',
    {
      r: [
        { __typename: 'Occupation', socCode: '11-3051' },
        { __typename: 'Occupation', socCode: '11-1011' },
        { __typename: 'Occupation', socCode: '43-6012' },
        { __typename: 'Occupation', socCode: '11-3051' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities.map((e) => e?.code)).toEqual(['11-3051.01', '11-1011.03', '43-6012.00', '11-3051.01']);
  expect(result.data!._entities[1]!.title).toBe('Chief Sustainability Officers');
  expect(result.sqlStatements).toBe(1);
});

test('Query.occupation follows the same rule', async () => {
  const result = await t.run<{ occupation: { code: string } | null }>('{ occupation(code: "11-3051") { code } }');
  expect(result.data!.occupation).toEqual({ code: '11-3051.01' });
});
