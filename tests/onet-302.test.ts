/**
 * What the API serves from O*NET 30.2, compared with the 30.2 files read directly: every occupation's job zone and
 * interests, a sample of alternate titles, the Job Zone scale (and the schema's description of it), and the files
 * new to the product (Work Values, Emerging Tasks, the RIASEC reference files, the skill links).
 */
import { isObjectType } from 'graphql';
import { join } from 'node:path';
import { buildSchema } from '../src/schema';
import { readGzLines } from './support/fixtures';
import { dataDir } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

function rows(file: string): string[][] {
  return readGzLines(join(dataDir, 'onet/30.2', file))
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

interface ServedOccupation {
  code: string;
  release: string;
  jobZone: { zone: number; name: string } | null;
  interests: { release: string | null; items: { element: { id: string }; scores: { scaleId: string; value: number }[] }[] | null };
}

describe('every occupation', () => {
  let served: ServedOccupation[];
  beforeAll(async () => {
    served = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: { occupations: { edges: { node: ServedOccupation }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } = await t.run(
        `query($after: String) { occupations(first: 100, after: $after) {
          edges { node { code release jobZone { zone name } interests { release items { element { id } scores { scaleId value } } } } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      served.push(...page.data!.occupations.edges.map((e) => e.node));
      if (!page.data!.occupations.pageInfo.hasNextPage) break;
      after = page.data!.occupations.pageInfo.endCursor;
    }
  });

  test('comes from 30.2 and has the job zone, and its name, that the 30.2 files give it', () => {
    const names = new Map(rows('Job Zone Reference.txt.gz').map((f) => [Number(f[0]), f[1]]));
    const zones = new Map(rows('Job Zones.txt.gz').map((f) => [f[0], Number(f[1])]));
    expect(served).toHaveLength(rows('Occupation Data.txt.gz').length);
    expect(served.every((o) => o.release === '30.2')).toBe(true);
    const expected = served.map((o) => {
      const zone = zones.get(o.code);
      return { code: o.code, jobZone: zone === undefined ? null : { zone, name: names.get(zone) } };
    });
    expect(served.map((o) => ({ code: o.code, jobZone: o.jobZone }))).toEqual(expected);
    expect(new Set(served.flatMap((o) => (o.jobZone ? [o.jobZone.zone] : [])))).toEqual(new Set([2, 3, 4, 5]));
  });

  test('has exactly the interest values of the 30.2 file', () => {
    const fromFile = rows('Interests.txt.gz')
      .map((f) => `${f[0]} ${f[1]} ${f[3]} ${Number(f[4])}`)
      .sort();
    const fromApi = served
      .flatMap((o) => (o.interests.items ?? []).flatMap((i) => i.scores.map((s) => `${o.code} ${i.element.id} ${s.scaleId} ${s.value}`)))
      .sort();
    expect(fromApi).toEqual(fromFile);
    expect(served.filter((o) => o.interests.items !== null).every((o) => o.interests.release === '30.2')).toBe(true);
  });
});

test('alternate titles: a sample of 30.2 rows is served as published, and titles 30.2 removed are gone', async () => {
  const titles = rows('Alternate Titles.txt.gz');
  const sampleCodes = [...new Set(titles.filter((_, i) => i % 2500 === 0).map((f) => f[0]!)), '43-6012.00'];
  const current = new Set(titles.map((f) => `${f[0]} ${f[1]}`));
  const removed = new Set(
    readGzLines(join(dataDir, 'onet/30.1/Alternate Titles.txt.gz'))
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.split('\t'))
      .map((f) => `${f[0]} ${f[1]}`)
      .filter((key) => !current.has(key)),
  );
  expect(removed.size).toBe(25);
  for (const code of sampleCodes) {
    const result = await t.run<{ occupation: { alternateTitles: { edges: { node: { title: string; shortTitle: string | null; sources: string[] } }[] } } }>(
      `query($code: String!) { occupation(code: $code) { alternateTitles(first: 100) { edges { node { title shortTitle sources } } } } }`,
      { code },
    );
    const expected = titles
      .filter((f) => f[0] === code)
      .slice(0, 100)
      .map((f) => ({ title: f[1], shortTitle: f[2] === 'n/a' ? null : f[2], sources: f[3]!.split(',') }));
    const servedTitles = result.data!.occupation.alternateTitles.edges.map((e) => e.node);
    expect([code, servedTitles]).toEqual([code, expected]);
    expect(servedTitles.filter((s) => removed.has(`${code} ${s.title}`))).toEqual([]);
  }
  expect(sampleCodes.length).toBeGreaterThan(20);
});

describe('the Job Zone scale', () => {
  const reference = () => rows('Job Zone Reference.txt.gz').map((f) => ({ zone: Number(f[0]), name: f[1], svpRange: f[6] }));

  test('Query.jobZones serves the reference file: four zones, 2 being the merged 1-2', async () => {
    const result = await t.run<{ jobZones: { zone: number; name: string; svpRange: string; release: string }[] }>(
      '{ jobZones { zone name svpRange release } }',
    );
    expect(result.data!.jobZones).toEqual(reference().map((z) => ({ ...z, release: '30.2' })));
    expect(result.data!.jobZones[0]).toMatchObject({ zone: 2, name: 'Job Zone 1-2: Very Little to Some Preparation Needed' });
  });

  test('the schema describes exactly the zones and names of the reference file', () => {
    const jobZone = buildSchema().getType('JobZone');
    if (!isObjectType(jobZone)) throw new Error('JobZone is not an object type');
    const description = (jobZone.getFields().zone?.description ?? '').replace(/\s+/g, ' ');
    const described = [...description.matchAll(/(\d) `([^`]+)`/g)].map((m) => ({ zone: Number(m[1]), name: m[2] }));
    expect(described).toEqual(reference().map(({ zone, name }) => ({ zone, name })));
  });

  test('filter.jobZone takes the served zones and answers BAD_USER_INPUT naming them for any other', async () => {
    const result = await t.run<{ zone2: { totalCount: number } }>('{ zone2: occupations(filter: { jobZone: 2 }) { totalCount } }');
    expect(result.data!.zone2.totalCount).toBe(rows('Job Zones.txt.gz').filter((f) => f[1] === '2').length);
    for (const zone of [1, 6]) {
      const bad = await t.run(`{ occupations(filter: { jobZone: ${zone} }) { totalCount } }`);
      expect(bad.errors?.[0]).toMatchObject({
        message: `filter.jobZone must be one of the served release's job zones (2, 3, 4, 5); got ${zone}.`,
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' },
      });
    }
  });
});

describe('files new to the product', () => {
  test('work values: the 9 rows of 43-6012.00, with release and scale', async () => {
    const result = await t.run<{ occupation: { workValues: { release: string; items: { element: { id: string }; scores: { scaleId: string; value: number }[] }[] } } }>(
      '{ occupation(code: "43-6012.00") { workValues { release items { element { id } scores { scaleId value } } } } }',
    );
    const { workValues } = result.data!.occupation;
    expect(workValues.release).toBe('30.2');
    const fromFile = rows('Work Values.txt.gz').filter((f) => f[0] === '43-6012.00');
    expect(fromFile).toHaveLength(9);
    expect(workValues.items.flatMap((i) => i.scores.map((s) => `${i.element.id} ${s.scaleId} ${s.value}`)).sort()).toEqual(
      fromFile.map((f) => `${f[1]} ${f[3]} ${Number(f[4])}`).sort(),
    );
  });

  test('emerging tasks: an occupation with a revision serves its category and original task', async () => {
    const tasks = rows('Emerging Tasks.txt.gz');
    expect(tasks).toHaveLength(328);
    const code = tasks.find((f) => f[2] === 'Revision')![0]!;
    const result = await t.run<{ occupation: { emergingTasks: Record<string, unknown>[] } }>(
      `query($code: String!) { occupation(code: $code) { emergingTasks { statement category originalTaskId originalTask date domainSource release } } }`,
      { code },
    );
    expect(result.data!.occupation.emergingTasks).toEqual(
      tasks
        .filter((f) => f[0] === code)
        .map((f) => ({
          statement: f[1], category: f[2] === 'New' ? 'NEW' : 'REVISION', originalTaskId: f[3] === 'n/a' ? null : f[3],
          originalTask: f[4] === 'n/a' ? null : f[4], date: f[5], domainSource: f[6], release: '30.2',
        })),
    );
  });

  test('interest types: activities, occupations and keywords as the three reference files give them', async () => {
    const result = await t.run<{ interestTypes: { element: { id: string; name: string }; interestType: string; activities: string[]; occupations: { code: string }[]; keywords: { keyword: string; keywordType: string }[] }[] }>(
      '{ interestTypes { element { id name } interestType activities occupations { code } keywords { keyword keywordType } } }',
    );
    const types = result.data!.interestTypes;
    expect(types.filter((i) => i.interestType === 'General').map((i) => i.element.name)).toEqual([
      'Realistic', 'Investigative', 'Artistic', 'Social', 'Enterprising', 'Conventional',
    ]);
    const activities = rows('Interests Illustrative Activities.txt.gz');
    const occupations = rows('Interests Illustrative Occupations.txt.gz');
    const keywords = rows('RIASEC Keywords.txt.gz');
    expect(types.flatMap((i) => i.activities)).toHaveLength(activities.length);
    expect(types.flatMap((i) => i.occupations)).toHaveLength(occupations.length);
    const realistic = types.find((i) => i.element.id === '1.B.1.a')!;
    expect(realistic.activities).toEqual(activities.filter((f) => f[0] === '1.B.1.a').map((f) => f[3]));
    expect(realistic.occupations.map((o) => o.code)).toEqual(occupations.filter((f) => f[0] === '1.B.1.a').map((f) => f[3]));
    expect(realistic.keywords).toEqual(keywords.filter((f) => f[0] === '1.B.1.a').map((f) => ({ keyword: f[2], keywordType: f[3] })));
  });

  test('skill links: one skill\'s work activities and work contexts, and all of them', async () => {
    const result = await t.run<{ one: { target: { id: string }; targetKind: string; release: string }[]; all: { skill: { id: string } }[] }>(
      '{ one: skillLinks(skill: "2.A.1.b") { target { id } targetKind release } all: skillLinks { skill { id } } }',
    );
    const activities = rows('Skills to Work Activities.txt.gz');
    const contexts = rows('Skills to Work Context.txt.gz');
    expect(result.data!.all).toHaveLength(activities.length + contexts.length);
    expect(result.data!.one).toEqual([
      ...activities.filter((f) => f[0] === '2.A.1.b').map((f) => ({ target: { id: f[2] }, targetKind: 'WORK_ACTIVITY', release: '30.2' })),
      ...contexts.filter((f) => f[0] === '2.A.1.b').map((f) => ({ target: { id: f[2] }, targetKind: 'WORK_CONTEXT', release: '30.2' })),
    ]);
    expect(result.data!.one.some((l) => l.targetKind === 'WORK_CONTEXT')).toBe(true);
  });

  test('sources: the served release is credited with its version, the previous one is kept for the change feed', async () => {
    const result = await t.run<{ sources: { id: string; version: string | null }[] }>('{ sources { id version } }');
    expect(result.data!.sources).toEqual(
      expect.arrayContaining([{ id: 'onet-30.2-database', version: '30.2' }, { id: 'onet-30.1', version: '30.1' }, { id: 'onet-29.0', version: '29.0' }]),
    );
  });
});
