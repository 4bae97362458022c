/** The subgraph through executeOperation: anchors, pagination, error codes, and the batching proof. */
import { join } from 'node:path';
import { readGzLines } from './support/fixtures';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';
import { dataDir } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** Rows for one occupation in a shipped O*NET file, counted straight from the file. */
function rowsFor(file: string, code: string, where: (fields: string[]) => boolean = () => true): number {
  return readGzLines(join(dataDir, 'onet', file))
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((fields) => fields[0] === code && where(fields)).length;
}

describe('O*NET anchors of 43-6012.00 match the O*NET files', () => {
  const ANCHORS = /* GraphQL */ `
    {
      occupation(code: "43-6012.00") {
        socCode majorGroup description
        jobZone { zone name release }
        alternateTitles(first: 100) { totalCount edges { node { title shortTitle } } }
        reportedTitles { title shownInMyNextMove }
        tasks(first: 100) { totalCount edges { node { id type statement } } }
        coreTasks: tasks(type: CORE) { totalCount }
        technologySkills(first: 100) { totalCount edges { node { name hot inDemand commodityTitle } } }
        hot: technologySkills(hotOnly: true) { totalCount }
        tools(first: 100) { totalCount }
        skills { release unavailableReason items { element { id name } importance level release } }
        knowledge { release items { element { name } } }
        abilities { items { element { name } } unavailableReason release }
        workStyles { release items { element { name } scores { scaleId value } release } }
        interests { release items { element { name } } }
        education { category label percent release }
        relatedOccupations { tier rank occupation { code title } }
      }
    }
  `;
  interface Anchors {
    occupation: {
      socCode: string;
      majorGroup: string;
      jobZone: { zone: number; name: string; release: string };
      alternateTitles: { totalCount: number; edges: { node: { title: string; shortTitle: string | null } }[] };
      reportedTitles: { title: string; shownInMyNextMove: boolean }[];
      tasks: { totalCount: number; edges: { node: { id: string; type: string | null; statement: string } }[] };
      coreTasks: { totalCount: number };
      technologySkills: { totalCount: number; edges: { node: { name: string; hot: boolean; inDemand: boolean } }[] };
      hot: { totalCount: number };
      tools: { totalCount: number };
      skills: { release: string; items: { element: { id: string; name: string }; importance: number; level: number; release: string }[] };
      knowledge: { release: string; items: unknown[] };
      abilities: { items: null; unavailableReason: string; release: null };
      workStyles: { release: string; items: { element: { name: string }; scores: { scaleId: string; value: number }[] }[] };
      interests: { release: string; items: { element: { name: string } }[] };
      education: { category: number; label: string; percent: number }[];
      relatedOccupations: { tier: string; rank: number; occupation: { code: string; title: string } }[];
    };
  }
  let o: Anchors['occupation'];
  beforeAll(async () => {
    const result = await t.run<Anchors>(ANCHORS);
    expect(result.errors).toBeUndefined();
    o = result.data!.occupation;
  });
  const code = '43-6012.00';

  test('titles', () => {
    expect(o.socCode).toBe('43-6012');
    expect(o.majorGroup).toBe('43');
    expect(o.alternateTitles.totalCount).toBe(rowsFor('30.2/Alternate Titles.txt.gz', code));
    expect(o.alternateTitles.edges).toHaveLength(20);
    expect(o.alternateTitles.edges).toContainEqual({ node: { title: 'Legal Administrative Assistant (Legal Admin Assistant)', shortTitle: 'Legal Admin Assistant' } });
    expect(o.reportedTitles).toHaveLength(rowsFor('30.2/Sample of Reported Titles.txt.gz', code));
    expect(o.reportedTitles.filter((r) => r.shownInMyNextMove)).toHaveLength(
      rowsFor('30.2/Sample of Reported Titles.txt.gz', code, (f) => f[2] === 'Y'),
    );
  });

  test('tasks, technology and tools', () => {
    expect(o.tasks.totalCount).toBe(14);
    expect(o.tasks.totalCount).toBe(rowsFor('30.2/Task Statements.txt.gz', code));
    expect(o.coreTasks.totalCount).toBe(rowsFor('30.2/Task Statements.txt.gz', code, (f) => f[3] === 'Core'));
    expect(o.tasks.edges.map((e) => e.node.statement)).toContain('Receive and place telephone calls.');
    expect(o.technologySkills.totalCount).toBe(47);
    expect(o.hot.totalCount).toBe(rowsFor('30.2/Technology Skills.txt.gz', code, (f) => f[4] === 'Y'));
    expect(o.technologySkills.edges.find((e) => e.node.name === 'Microsoft Word')?.node).toMatchObject({ hot: true });
    expect(o.tools.totalCount).toBe(rowsFor('30.2/Tools Used.txt.gz', code));
  });

  test('ratings carry their release; abilities are null with the reason', () => {
    expect(o.skills.release).toBe('29.0');
    expect(o.skills.items).toHaveLength(rowsFor('29.0/Skills.xlsx.tsv.gz', code) / 2);
    expect(o.skills.items[0]).toEqual({ element: { id: '2.A.1.a', name: 'Reading Comprehension' }, importance: 4, level: 4, release: '29.0' });
    expect(o.knowledge.items).toHaveLength(rowsFor('29.0/Knowledge.xlsx.tsv.gz', code) / 2);
    expect(o.abilities).toEqual({ items: null, release: null, unavailableReason: expect.stringContaining('could not be obtained') });
    expect(o.workStyles.release).toBe('30.2');
    expect(o.interests.release).toBe('30.2');
    expect(o.workStyles.items).toHaveLength(rowsFor('30.2/Work Styles.txt.gz', code) / 2);
    expect(o.workStyles.items[0]!.element.name).toBe('Attention to Detail');
    expect(o.workStyles.items[0]!.scores.map((s) => s.scaleId)).toEqual(['DR', 'WI']);
    expect(o.interests.items).toHaveLength(rowsFor('30.2/Interests.txt.gz', code));
    expect(o.interests.items[0]!.element.name).toBe('Conventional');
  });

  test('job zone, education and related occupations', () => {
    expect(o.jobZone).toEqual({ zone: 3, name: 'Job Zone Three: Medium Preparation Needed', release: '30.2' });
    expect(o.education).toHaveLength(12);
    expect(o.education[4]).toMatchObject({ category: 5, percent: 48.14 });
    expect(o.relatedOccupations).toHaveLength(rowsFor('30.2/Related Occupations.txt.gz', code));
    expect(o.relatedOccupations[0]).toEqual({
      tier: 'PRIMARY_SHORT',
      rank: 1,
      occupation: { code: '23-2011.00', title: 'Paralegals and Legal Assistants' },
    });
  });

  test('an occupation O*NET 29.0 did not rate says so instead of inventing ratings', async () => {
    const unrated = await t.store.db
      .selectFrom('occupation')
      .select('code')
      .where('code', 'not in', t.store.db.selectFrom('element_rating').select('occupation_code').where('domain', '=', 'skill'))
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const result = await t.run<{ occupation: { skills: { items: null; unavailableReason: string } } }>(
      `{ occupation(code: "${unrated.code}") { skills { items { importance } unavailableReason } } }`,
    );
    expect(result.data?.occupation.skills).toEqual({
      items: null,
      unavailableReason: 'O*NET 29.0 has no Skills ratings for this occupation, and no O*NET 30.x file for it could be obtained',
    });
  });
});

describe('pagination', () => {
  test('cursors walk all 1,016 occupations exactly once, in code order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: Awaited<ReturnType<typeof t.run<{ occupations: { totalCount: number; edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>>> =
        await t.run('query($after: String) { occupations(first: 100, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }', { after });
      const { totalCount, edges, pageInfo } = result.data!.occupations;
      expect(totalCount).toBe(1016);
      seen.push(...edges.map((e) => e.node.code));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toHaveLength(1016);
    expect(new Set(seen).size).toBe(1016);
    expect(seen).toEqual([...seen].sort());
  });

  test('filters: job zone, SOC major group, framework', async () => {
    const result = await t.run<Record<string, { totalCount: number; edges: { node: { code: string; jobZone: { zone: number } | null } }[] }>>(`{
      zone3: occupations(first: 100, filter: { jobZone: 3 }) { totalCount edges { node { code jobZone { zone } } } }
      office: occupations(first: 5, filter: { majorGroup: "43" }) { totalCount edges { node { code jobZone { zone } } } }
      framed: occupations(filter: { hasFramework: true }) { totalCount edges { node { code jobZone { zone } } } }
      unframed: occupations(first: 1, filter: { hasFramework: false, majorGroup: "43" }) { totalCount edges { node { code jobZone { zone } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    const zone3 = await t.store.db.selectFrom('occupation').select((eb) => eb.fn.countAll<number>().as('n')).where('job_zone', '=', 3).executeTakeFirstOrThrow();
    expect(data.zone3!.totalCount).toBe(zone3.n);
    expect(data.zone3!.edges.every((e) => e.node.jobZone?.zone === 3)).toBe(true);
    expect(data.office!.edges.every((e) => e.node.code.startsWith('43-'))).toBe(true);
    expect(data.framed!.edges.map((e) => e.node.code)).toEqual(['43-6012.00']);
    expect(data.unframed!.totalCount).toBe(data.office!.totalCount - 1);
  });

  test('a page past the end is empty but still counts', async () => {
    const first = await t.run<{ occupations: { pageInfo: { endCursor: string } } }>('{ occupations(first: 100, filter: { majorGroup: "43" }) { pageInfo { endCursor } } }');
    const after = first.data!.occupations.pageInfo.endCursor;
    const result = await t.run<{ occupations: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($after: String) { occupations(first: 5, after: $after, filter: { majorGroup: "43" }) { totalCount edges { cursor } pageInfo { hasNextPage } } }',
      { after },
    );
    expect(result.data!.occupations.edges).toEqual([]);
    expect(result.data!.occupations.pageInfo.hasNextPage).toBe(false);
    expect(result.data!.occupations.totalCount).toBeGreaterThan(50);
  });

  test('nested connections page through all alternate titles', async () => {
    const titles: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: Awaited<ReturnType<typeof t.run<{ occupation: { alternateTitles: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>>> =
        await t.run('query($after: String) { occupation(code: "43-6012.00") { alternateTitles(first: 7, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } } }', { after });
      const page = result.data!.occupation.alternateTitles;
      titles.push(...page.edges.map((e) => e.node.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(titles).toHaveLength(20);
    expect(new Set(titles).size).toBe(20);
  });
});

describe('errors', () => {
  test.each(['43-6012.0', '436012', 'legal secretary', "43-6012.00' OR 1=1 --", ''])('a malformed code %p is BAD_USER_INPUT naming the argument', async (code) => {
    const result = await t.run('query($code: String!) { occupation(code: $code) { title } }', { code });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'code' });
    expect(result.errors?.[0]?.message).toContain('must be an O*NET-SOC code like 43-6012.00 or a 2018 SOC code like 43-6012');
  });

  test('a well-formed unknown code resolves to null', async () => {
    const result = await t.run('{ a: occupation(code: "99-9999.00") { title } b: occupation(code: "99-9999") { title } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });

  test.each([-1, 101, 100000])('first: %p is refused with a clear message', async (first) => {
    const result = await t.run('query($first: Int) { occupations(first: $first) { totalCount } }', { first });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    expect(result.errors?.[0]?.message).toBe(`Argument "first" must be between 0 and 100; got ${first}.`);
  });

  test('nested first is capped too, and a foreign cursor is refused', async () => {
    const result = await t.run('{ occupation(code: "43-6012.00") { tasks(first: 1000) { totalCount } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const cursor = await t.run('{ occupations(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  test('internal errors leak no SQL or stack trace in production', async () => {
    const production = await startTestServer({ production: true });
    await production.store.close();
    const result = await production.run('{ occupation(code: "43-6012.00") { title } }');
    await production.server.stop();
    expect(result.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['occupation'] }]);
    expect(JSON.stringify(result)).not.toMatch(/select|sqlite|at .*\.js/i);
  });
});

describe('batching: SQL statements do not grow with the number of parents', () => {
  const NESTED = /* GraphQL */ `
    code socCode title description majorGroup hasFramework
    jobZone { zone name }
    framework {
      version
      levels { key statements { id subject citations { label source { id name } } } }
      aiUsage { key statements { title citations { locator source { id licence } } } }
      evidence { aei { taskObservations } safi { score } wef { id } }
      durableSkills { name listedStatementCount levels { key statements { title citations { source { id } } } } }
      anchors { publishedCount skills tasks relatedTitles }
      sources { id version } dataQualityWarnings { message } page { publisher }
    }
    alternateTitles(first: 3) { totalCount edges { node { title shortTitle } } }
    reportedTitles { title }
    tasks(first: 3) { totalCount edges { node { statement type aiExposure { aeiPenetration { value match source { id } } gptsLabels { gpt4Exposure labelledStatement source { id } } } } } }
    aiExposure {
      measures { measure value publishedFor source { id version licence } }
      gpt4Beta: measure(measure: GPT4_BETA) { value }
      sources { covered reason source { id } }
      rankedTasks(by: AEI_PENETRATION, first: 5) { totalCount edges { node { id statement aiExposure { aeiPenetration { value } gptsLabels { gpt4Automation } } } } }
    }
    technologySkills(first: 3) { totalCount edges { node { name hot } } }
    tools(first: 3) { totalCount edges { node { name } } }
    skills { items { element { name } importance level scores { scaleName } } }
    knowledge { items { element { name } importance } }
    abilities { unavailableReason }
    workStyles { items { element { name } } }
    interests { items { element { name } } }
    education { label percent }
    relatedOccupations { tier occupation { code title jobZone { zone } framework { version } } }
    laborMarket { socCode aggregatedSocCodes sharedWith { code title } employment { value source { id } } wages { annual { median { value topCoded } } } projection { changePercent } }
    # The rest of the O*NET model (schema/onet-model.graphql): descriptions, anchors, work activities, UNSPSC, statistics.
    jobZoneAssignment { date domainSource jobZone { zone name } }
    modelTasks: tasks(first: 3) { edges { node { workActivities { title intermediate { title generalized { name description anchors { value } } } } } } }
    workActivities {
      ratings { unavailableReason }
      generalized { activity { name description anchors { value } } tasks { id } intermediate {
        activity { title generalized { name } } tasks { statement } detailed { activity { title intermediate { title } } tasks { id } }
      } }
    }
    modelTechnology: technologySkills(first: 3) { edges { node { commodityClass { title } commodityFamily { code } commoditySegment { title } } } }
    software: technologySkills(first: 3, family: 43230000, hotOnly: true) { totalCount edges { node { name } } }
    officeTools: tools(first: 3, segment: 44000000) { totalCount edges { node { name commodityFamily { title } } } }
    modelSkills: skills { items {
      element { description anchors { value description } } levelAnchors { level lower { value } upper { description } }
      scores { sampleSize standardError lowerCiBound upperCiBound dataQualityWarning }
    } }
    workValues { items { element { description } scores { value dataQualityWarning } } }
    certificationAndApprenticeship { items { element { name description } importance scores { sampleSize lowerCiBound } } }
    modelEducation: education(distribution: ON_THE_JOB_TRAINING) { sampleSize standardError lowerCiBound upperCiBound domainSource dataQualityWarning }
  `;

  /** Pages that start at 43-6012.00, so every run includes the one occupation with a framework. */
  const AFTER_43_6011 = Buffer.from('occupation:43-6011.00').toString('base64url');

  async function statementsFor(first: number) {
    const result = await t.run<{ occupations: { edges: { node: { code: string } }[] } }>(
      `query($first: Int, $after: String) { occupations(first: $first, after: $after) { totalCount edges { node { ${NESTED} } } } }`,
      { first, after: AFTER_43_6011 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupations.edges).toHaveLength(first);
    expect(result.data!.occupations.edges[0]!.node.code).toBe('43-6012.00');
    return result.sqlStatements;
  }

  test('occupations(first: 100) runs as many statements as first: 1, and as _entities with 100 representations', async () => {
    const one = await statementsFor(1);
    const hundred = await statementsFor(100);
    const codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').limit(100).offset(400).execute()).map((r) => r.code);
    codes[0] = '43-6012.00'; // include the framework
    const entities = await t.run<{ _entities: ({ code: string } | null)[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { ${NESTED} } } }`,
      { representations: codes.map((code) => ({ __typename: 'Occupation', code })) },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities.map((e) => e?.code)).toEqual(codes);
    expect(hundred).toBe(one);
    expect(entities.sqlStatements).toBe(one);
    // One statement per relation, not per parent: well under the 100 parents (32 with every field of the selection:
    // 18 before pay and demand and the rest of the O*NET model, which add one per loader they read).
    expect(one).toBeLessThan(40);
  });

  test('the whole framework is three statements: the occupation, its framework row and the stored document of its lists', async () => {
    const result = await t.run(FULL_FRAMEWORK_QUERY, { code: '43-6012.00' });
    expect(result.errors).toBeUndefined();
    expect(result.sqlStatements).toBe(3);
  });

  test("a framework's title, evidence and page come from its row, without reading its document", async () => {
    const result = await t.run(
      `query($code: String!) { occupation(code: $code) { framework { title version jobZone { zone } evidence { wef { id } } page { publisher } } } }`,
      { code: '43-6012.00' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.sqlStatements).toBe(2);
  });

  test('_entities by socCode resolves to the canonical occupation, batched', async () => {
    const result = await t.run<{ _entities: ({ code: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { code title } } }',
      { r: [{ __typename: 'Occupation', socCode: '43-6012' }, { __typename: 'Occupation', socCode: '11-1011' }, { __typename: 'Occupation', socCode: '99-9999' }] },
    );
    expect(result.data!._entities).toEqual([
      { code: '43-6012.00', title: 'Legal Secretaries and Administrative Assistants' },
      { code: '11-1011.00', title: 'Chief Executives' },
      null,
    ]);
    expect(result.sqlStatements).toBe(1);
  });

  test('Source is an entity too', async () => {
    const result = await t.run<{ _entities: ({ id: string; licence: string | null } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Source { id licence } } }',
      { r: [{ __typename: 'Source', id: 'onet-30.1' }, { __typename: 'Source', id: 'aei' }] },
    );
    expect(result.data!._entities).toEqual([{ id: 'onet-30.1', licence: 'CC BY 4.0' }, { id: 'aei', licence: null }]);
  });
});

test('dataset: releases, build time and coverage', async () => {
  const result = await t.run<{ dataset: Record<string, unknown> }>('{ dataset { releases { id version licence } builtAt schemaVersion occupationCount occupationsWithAnchors occupationsWithFrameworks attribution } }');
  expect(result.data!.dataset).toMatchObject({
    releases: [
      { id: 'onet-30.2-database', version: '30.2', licence: 'CC BY 4.0' },
      { id: 'onet-29.0', version: '29.0', licence: 'CC BY 4.0' },
    ],
    occupationCount: 1016,
    occupationsWithAnchors: 923,
    occupationsWithFrameworks: 1,
    attribution: expect.stringMatching(/^O\*NET 30\.2 Database .*used under the CC BY 4\.0 license\. Skills and Knowledge ratings: O\*NET 29\.0 Database/),
  });
});
