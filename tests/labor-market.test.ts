/**
 * Pay and demand through the API: the worked examples, aggregates and shared codes, what is missing and why,
 * `occupations` filtered and ordered by a figure (paged to the end in both directions), comparisons and career
 * moves, and SQL statements that do not grow with the number of occupations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const FIGURE = '{ value topCoded }';
const LABOR_MARKET = `laborMarket {
  id socCode socTitle aggregate aggregatedSocCodes sharedWith { code } unavailableReason
  employment { value relativeStandardError unavailableReason source { id version } }
  wages {
    annual { unit mean ${FIGURE} meanRelativeStandardError percentile10 ${FIGURE} percentile25 ${FIGURE} median ${FIGURE} percentile75 ${FIGURE} percentile90 ${FIGURE} }
    annualUnavailableReason
    hourly { unit median ${FIGURE} percentile90 ${FIGURE} }
    hourlyUnavailableReason
    source { id }
  }
  projection { baseYear targetYear employmentBase employmentTarget change changePercent openingsPerYear selfEmployedPercent typicalEducation workExperience onTheJobTraining unavailableReason source { id version } }
}`;

async function laborMarketOf(code: string) {
  const result = await t.run<{ occupation: { laborMarket: Record<string, unknown> } }>(`query($code: String!) { occupation(code: $code) { ${LABOR_MARKET} } }`, { code });
  expect(result.errors).toBeUndefined();
  return result.data!.occupation.laborMarket;
}

const exact = (value: number) => ({ value, topCoded: false });

describe('Occupation.laborMarket', () => {
  test('43-6012.00: the figures of SOC 43-6012, as the files have them', async () => {
    expect(await laborMarketOf('43-6012.00')).toEqual({
      id: '43-6012.00/labor-market',
      socCode: '43-6012',
      socTitle: 'Legal Secretaries and Administrative Assistants',
      aggregate: false,
      aggregatedSocCodes: [],
      sharedWith: [],
      unavailableReason: null,
      employment: { value: 154_540, relativeStandardError: 3, unavailableReason: null, source: { id: 'bls-oews-2024', version: 'May 2024' } },
      wages: {
        annual: {
          unit: 'USD per year',
          mean: exact(60_320),
          meanRelativeStandardError: 2.6,
          percentile10: exact(35_530),
          percentile25: exact(42_720),
          median: exact(54_140),
          percentile75: exact(72_090),
          percentile90: exact(87_660),
        },
        annualUnavailableReason: null,
        hourly: { unit: 'USD per hour', median: exact(26.03), percentile90: exact(42.15) },
        hourlyUnavailableReason: null,
        source: { id: 'bls-oews-2024' },
      },
      projection: {
        baseYear: 2024,
        targetYear: 2034,
        employmentBase: 156_300,
        employmentTarget: 147_300,
        change: -9_000,
        changePercent: -5.8,
        openingsPerYear: 19_600,
        selfEmployedPercent: 0.5,
        typicalEducation: 'High school diploma or equivalent',
        workExperience: 'None',
        onTheJobTraining: 'Moderate-term on-the-job training',
        unavailableReason: null,
        source: { id: 'bls-ep-2024-34', version: '2024–34' },
      },
    });
  });

  test('11-1011.00: top-coded percentiles are the bound with topCoded, and 11-1011.03 shares the figures', async () => {
    const chief = await laborMarketOf('11-1011.00');
    expect(chief).toMatchObject({
      socCode: '11-1011',
      sharedWith: [{ code: '11-1011.03' }],
      wages: {
        annual: { median: exact(206_420), percentile75: { value: 239_200, topCoded: true }, percentile90: { value: 239_200, topCoded: true } },
        hourly: { median: exact(99.24), percentile90: { value: 115, topCoded: true } },
      },
    });
    const { id: _, sharedWith: __, ...figures } = chief;
    const { id: ___, sharedWith, ...shared } = await laborMarketOf('11-1011.03');
    expect(sharedWith).toEqual([{ code: '11-1011.00' }]);
    expect(JSON.stringify(shared).replace(/11-1011\.03/g, '11-1011.00')).toBe(JSON.stringify(figures));
  });

  test('an aggregate names the SOC codes it covers, and every O*NET occupation under them shares it', async () => {
    expect(await laborMarketOf('21-1014.00')).toMatchObject({
      socCode: '21-1018',
      socTitle: 'Substance Abuse, Behavioral Disorder, and Mental Health Counselors',
      aggregate: true,
      aggregatedSocCodes: ['21-1011', '21-1014'],
      sharedWith: [{ code: '21-1011.00' }],
      employment: { value: 440_380 },
    });
    expect(await laborMarketOf('53-1043.00')).toMatchObject({
      socCode: '53-1047',
      aggregatedSocCodes: ['53-1042', '53-1043', '53-1044', '53-1049'],
      sharedWith: [{ code: '53-1042.00' }, { code: '53-1042.01' }, { code: '53-1044.00' }, { code: '53-1049.00' }],
    });
  });

  test('only annual or only hourly wages: the other basis is null with the reason', async () => {
    expect(await laborMarketOf('25-2021.00')).toMatchObject({
      wages: { annual: { median: exact(62_340) }, hourly: null, hourlyUnavailableReason: expect.stringContaining('releases only annual wages for 25-2021 (its ANNUAL flag)') },
    });
    expect(await laborMarketOf('27-2011.00')).toMatchObject({
      wages: { annual: null, annualUnavailableReason: expect.stringContaining('releases only hourly wages for 27-2011 (its HOURLY flag)'), hourly: { median: exact(23.33) } },
    });
  });

  test('no row: every figure null with its reason, never a neighbour\'s figures', async () => {
    const military = await laborMarketOf('55-1011.00');
    expect(military).toMatchObject({
      socCode: null,
      socTitle: null,
      aggregate: false,
      aggregatedSocCodes: [],
      sharedWith: [],
      unavailableReason: expect.stringContaining('neither publishes any figure in SOC major group 55'),
      employment: { value: null, unavailableReason: expect.stringContaining('no row covering SOC 55-1011') },
      wages: { annual: null, hourly: null },
      projection: { employmentBase: null, changePercent: null, unavailableReason: expect.stringContaining('BLS Employment Projections 2024–34 has no row covering SOC 55-1011') },
    });
    // OEWS does not publish fishing and hunting workers (mostly self-employed); EP does.
    expect(await laborMarketOf('45-3031.00')).toMatchObject({
      socCode: '45-3031',
      unavailableReason: null,
      employment: { value: null, unavailableReason: 'BLS OEWS May 2024 has no row covering SOC 45-3031, neither its own nor an aggregate\'s.' },
      wages: { annual: null, hourly: null },
      projection: { employmentBase: 21_900, changePercent: -4.6, selfEmployedPercent: 57.1, unavailableReason: null },
    });
  });
});

interface Node {
  code: string;
  laborMarket: { wages: { annual: { median: { value: number; topCoded: boolean } | null } | null }; employment: { value: number | null }; projection: { changePercent: number | null; openingsPerYear: number | null } };
}
interface Connection {
  totalCount: number;
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const page = (node: string) => `query($first: Int, $after: String, $filter: OccupationFilter, $orderBy: OccupationOrder) {
  occupations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { ${node} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** Pages with every figure the tests order and filter by; the orders and ranges are checked by code alone, against these. */
const PAGE = page('code laborMarket { wages { annual { median { value topCoded } } } employment { value } projection { changePercent openingsPerYear } }');
const CODES = page('code');

/** Every page of a query (of codes only, unless `query` says otherwise), following endCursor, with the statements each page ran. */
async function allPages(variables: Record<string, unknown>, first = 100, query = CODES) {
  const nodes: Node[] = [];
  const statements = new Set<number>();
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const result: { data?: { occupations: Connection } | null; errors?: unknown; sqlStatements: number } = await t.run<{ occupations: Connection }>(query, { ...variables, first, after });
    expect(result.errors).toBeUndefined();
    const page: Connection = result.data!.occupations;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    statements.add(result.sqlStatements);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, totalCount, statements };
}

const median = (n: Node) => n.laborMarket.wages.annual?.median?.value ?? null;

describe('occupations(filter:, orderBy:)', () => {
  let everyOne: Node[];
  let byCode: Map<string, Node>;
  beforeAll(async () => {
    everyOne = (await allPages({}, 100, PAGE)).nodes;
    byCode = new Map(everyOne.map((n) => [n.code, n]));
  });
  /** The occupations of a codes-only page with their figures. */
  const figures = (nodes: Node[]) => nodes.map((n) => byCode.get(n.code)!);

  /** The expected order: by value, nulls last either way, ties in code order. */
  function sorted(nodes: Node[], value: (n: Node) => number | null, direction: 'ASC' | 'DESC'): string[] {
    return [...nodes]
      .sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
        return (direction === 'ASC' ? x - y : y - x) || a.code.localeCompare(b.code);
      })
      .map((n) => n.code);
  }

  test.each([
    ['MEDIAN_ANNUAL_WAGE', median],
    ['EMPLOYMENT', (n: Node) => n.laborMarket.employment.value],
    ['OPENINGS_PER_YEAR', (n: Node) => n.laborMarket.projection.openingsPerYear],
    ['PROJECTED_CHANGE_PERCENT', (n: Node) => n.laborMarket.projection.changePercent],
  ] as const)('ordered by %s, both ways, paged by 100: every occupation once, nulls last, ties by code', async (field, value) => {
    for (const direction of ['DESC', 'ASC'] as const) {
      const { nodes, totalCount, statements } = await allPages({ orderBy: { field, direction } });
      expect(totalCount).toBe(1016);
      expect(nodes.map((n) => n.code)).toEqual(sorted(everyOne, value, direction));
      expect(value(byCode.get(nodes.at(-1)!.code)!)).toBeNull();
      // Every page, the first and those after a cursor, runs the same statements.
      expect(statements.size).toBe(1);
    }
  });

  test('top-coded medians order as their bound: first when highest first, just before the nulls when lowest first', async () => {
    const nodes = figures((await allPages({ orderBy: { field: 'MEDIAN_ANNUAL_WAGE', direction: 'DESC' } }, 30)).nodes);
    const topCoded = nodes.filter((n) => n.laborMarket.wages.annual?.median?.topCoded);
    expect(topCoded.length).toBe(23);
    expect(nodes.slice(0, 23)).toEqual(topCoded);
    const ascending = figures((await allPages({ orderBy: { field: 'MEDIAN_ANNUAL_WAGE', direction: 'ASC' } })).nodes);
    const withMedian = ascending.filter((n) => median(n) !== null);
    expect(withMedian.slice(-23).every((n) => n.laborMarket.wages.annual?.median?.topCoded)).toBe(true);
  });

  test('a median wage range keeps a top-coded median only where it surely lies in it', async () => {
    const codes = async (range: Record<string, number>) => (await allPages({ filter: { medianAnnualWage: range } })).nodes.map((n) => n.code);
    const where = (keep: (n: Node) => boolean) => everyOne.filter(keep).map((n) => n.code);
    const topCoded = (n: Node) => n.laborMarket.wages.annual?.median?.topCoded === true;
    expect(await codes({ min: 200_000 })).toEqual(where((n) => (median(n) ?? -1) >= 200_000));
    expect((await codes({ min: 200_000 })).length).toBeGreaterThan(23);
    // Above the bound nothing is sure: a top-coded median may or may not reach 250,000.
    expect(await codes({ min: 250_000 })).toEqual([]);
    // Any max leaves them out: their true value may lie above it.
    expect(await codes({ min: 200_000, max: 10_000_000 })).toEqual(where((n) => (median(n) ?? -1) >= 200_000 && !topCoded(n)));
    expect(await codes({ max: 30_000 })).toEqual(where((n) => median(n) !== null && median(n)! <= 30_000));
    // An open range keeps every occupation with a median, and none without.
    expect((await codes({})).length).toBe(991);
  });

  test('ranges combine with each other, the other conditions and an order; totalCount counts them all', async () => {
    const { nodes, totalCount } = await allPages(
      { filter: { majorGroup: '15', medianAnnualWage: { min: 100_000 }, projectedChangePercent: { min: 10, max: 50 } }, orderBy: { field: 'PROJECTED_CHANGE_PERCENT' } },
      7,
    );
    const expected = everyOne.filter((n) => n.code.startsWith('15-') && (median(n) ?? 0) >= 100_000 && (n.laborMarket.projection.changePercent ?? -1) >= 10 && n.laborMarket.projection.changePercent! <= 50);
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.code)).toEqual(sorted(expected, (n) => n.laborMarket.projection.changePercent, 'DESC'));
    expect(nodes.length).toBeGreaterThan(7);
  });

  test('searchOccupations takes the same ranges', async () => {
    const result = await t.run<{ searchOccupations: { occupation: Node }[] }>(
      `{ searchOccupations(query: "engineer", first: 50, filter: { medianAnnualWage: { min: 150000 } }) { occupation { code laborMarket { wages { annual { median { value topCoded } } } employment { value } projection { changePercent openingsPerYear } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const hits = result.data!.searchOccupations.map((h) => h.occupation);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(median(hit)).toBeGreaterThanOrEqual(150_000);
  });

  test('a cursor of another order, of code order or made up, and a range upside down are BAD_USER_INPUT', async () => {
    const first = await t.run<{ occupations: Connection }>(PAGE, { first: 1, orderBy: { field: 'EMPLOYMENT' } });
    const byEmployment = first.data!.occupations.pageInfo.endCursor;
    const byCode = (await t.run<{ occupations: Connection }>(PAGE, { first: 1 })).data!.occupations.pageInfo.endCursor;
    const forged = Buffer.from('occupation/employment/desc:{"not":"a pair"}').toString('base64url');
    for (const [after, orderBy] of [
      [byEmployment, { field: 'EMPLOYMENT', direction: 'ASC' }],
      [byEmployment, { field: 'MEDIAN_ANNUAL_WAGE' }],
      [byEmployment, null],
      [byCode, { field: 'EMPLOYMENT' }],
      [forged, { field: 'EMPLOYMENT' }],
    ] as const) {
      const result = await t.run(PAGE, { first: 1, after, orderBy });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    }
    const upsideDown = await t.run(PAGE, { first: 1, filter: { projectedChangePercent: { min: 5, max: -5 } } });
    expect(upsideDown.errors?.[0]).toMatchObject({
      message: 'filter.projectedChangePercent.min (5) must not be above its max (-5).',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' },
    });
  });
});

describe('comparisons and career moves', () => {
  const CHANGES = 'wageChange { id from { value topCoded } to { value topCoded } percent percentAtLeast percentAtMost unavailableReason } outlookChange { id from to unavailableReason }';
  async function changes(from: string, to: string) {
    const result = await t.run<{ occupation: { comparison: Record<string, Record<string, unknown>> } }>(`{ occupation(code: "${from}") { comparison(to: "${to}") { ${CHANGES} } } }`);
    expect(result.errors).toBeUndefined();
    return result.data!.occupation.comparison;
  }

  test('Legal Secretaries to Paralegals: pays 12.7% more, growing', async () => {
    expect(await changes('43-6012.00', '23-2011.00')).toEqual({
      wageChange: { id: '43-6012.00/comparison/23-2011.00/wage-change', from: exact(54_140), to: exact(61_010), percent: 12.7, percentAtLeast: null, percentAtMost: null, unavailableReason: null },
      outlookChange: { id: '43-6012.00/comparison/23-2011.00/outlook-change', from: -5.8, to: 0.2, unavailableReason: null },
    });
  });

  test('a top-coded median gives a bound on the percent, never an exact one', async () => {
    // Chief executives' median is exact; anesthesiologists' (29-1211) is top-coded.
    const up = (await changes('11-1011.00', '29-1211.00')).wageChange!;
    expect(up).toMatchObject({ from: exact(206_420), to: { value: 239_200, topCoded: true }, percent: null, percentAtMost: null, unavailableReason: expect.stringContaining('top-coded') });
    // (239,200 − 206,420) / 206,420 = 15.88%: at least 15.8, rounded down so the bound stays true.
    expect(up['percentAtLeast']).toBe(15.8);
    const down = (await changes('29-1211.00', '11-1011.00')).wageChange!;
    // (206,420 − 239,200) / 239,200 = −13.70%: at most −13.7, rounded up.
    expect(down).toMatchObject({ percent: null, percentAtLeast: null, percentAtMost: -13.7 });
    expect(await changes('29-1211.00', '29-1022.00')).toMatchObject({ wageChange: { percent: null, percentAtLeast: null, percentAtMost: null, unavailableReason: expect.stringContaining('Both medians are top-coded') } });
    expect(await changes('43-6012.00', '55-1011.00')).toMatchObject({
      wageChange: { to: null, percent: null, unavailableReason: 'BLS OEWS May 2024 gives no median annual wage for 55-1011.00 (Air Crew Officers).' },
      outlookChange: { from: -5.8, to: null, unavailableReason: 'BLS Employment Projections 2024–34 gives no projected change for 55-1011.00 (Air Crew Officers).' },
    });
  });

  test("each career move gives the target's median and projected change, as its comparison does", async () => {
    const result = await t.run<{ occupation: { careerMoves: { occupation: { code: string }; wageChange: { to: unknown; percent: number }; outlookChange: { to: number }; comparison: { wageChange: unknown; outlookChange: unknown } }[]; careerMovesInto: { occupation: { code: string }; wageChange: { to: unknown } }[] } }>(
      `{ occupation(code: "43-6012.00") {
          careerMoves(first: 5) { occupation { code } ${CHANGES} comparison { ${CHANGES} } }
          careerMovesInto(first: 5) { occupation { code } wageChange { from { value } to { value } } }
        } }`,
    );
    expect(result.errors).toBeUndefined();
    const { careerMoves, careerMovesInto } = result.data!.occupation;
    expect(careerMoves.find((m) => m.occupation.code === '23-2011.00')).toMatchObject({ wageChange: { to: exact(61_010), percent: 12.7 }, outlookChange: { to: 0.2 } });
    for (const move of careerMoves) {
      const { comparison, ...own } = move;
      expect({ wageChange: own.wageChange, outlookChange: own.outlookChange }).toEqual(comparison);
    }
    // Into Legal Secretaries: the target is Legal Secretaries itself.
    for (const move of careerMovesInto) expect(move.wageChange.to).toEqual({ value: 54_140 });
  });
});

describe('batching: statements do not grow with the number of occupations', () => {
  const FIELDS = `code laborMarket { socCode aggregate aggregatedSocCodes sharedWith { code title } unavailableReason employment { value source { id } } wages { annual { median { value } } source { name } } projection { changePercent source { id } } }
    careerMoves(first: 5) { wageChange { percent } outlookChange { to } }`;

  test('_entities with 1 and with 200 representations, and pages of 1 and 100 ordered by wage', async () => {
    const codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
    const entities = async (n: number) => {
      const result = await t.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { ${FIELDS} } } }`, {
        r: codes.filter((_, i) => i % 5 === 0).slice(0, n).map((code) => ({ __typename: 'Occupation', code })),
      });
      expect(result.errors).toBeUndefined();
      return result.sqlStatements;
    };
    const ordered = async (first: number) => {
      const result = await t.run(`{ occupations(first: ${first}, orderBy: { field: MEDIAN_ANNUAL_WAGE }) { edges { node { ${FIELDS} } } } }`);
      expect(result.errors).toBeUndefined();
      return result.sqlStatements;
    };
    const one = await entities(1);
    expect(await entities(200)).toBe(one);
    expect(await ordered(1)).toBe(await ordered(100));
    expect(one).toBeLessThan(15);
  });
});

describe("the README's Pay and demand section", () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

  test('its coverage table gives the counts the API serves', async () => {
    const result = await t.run<{ dataset: { laborMarketCoverage: Record<string, number> } }>(
      '{ dataset { laborMarketCoverage { withEmployment withAnnualWages withHourlyWages withMedianAnnualWage withProjection withNone } } }',
    );
    const section = /### Coverage\n\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    // Each row: | figure | source | count ... | why |; a row added for another figure is checked where it is served.
    const counts = new Map(section.split('\n').slice(2).map((row) => row.split('|').map((cell) => cell.trim())).map((cells) => [cells[1], Number(/^\d+/.exec(cells[3] ?? '')?.[0])]));
    const served = result.data!.dataset.laborMarketCoverage;
    expect({
      employment: counts.get('employment'),
      'annual wages': counts.get('annual wages'),
      'hourly wages': counts.get('hourly wages'),
      'median annual wage': counts.get('median annual wage'),
      projection: counts.get('projection'),
      'no figure at all': counts.get('no figure at all'),
    }).toEqual({
      employment: served['withEmployment'],
      'annual wages': served['withAnnualWages'],
      'hourly wages': served['withHourlyWages'],
      'median annual wage': served['withMedianAnnualWage'],
      projection: served['withProjection'],
      'no figure at all': served['withNone'],
    });
  });

  test('its two operations answer what the section says, within the production limits', async () => {
    const production = await startTestServer({ production: true });
    try {
      const operation = (name: string) => {
        const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((b) => b.startsWith(`query ${name} `));
        if (block === undefined) throw new Error(`README has no operation ${name}`);
        return block;
      };
      const figures = await production.run<{ legalSecretaries: { laborMarket: { projection: { openingsPerYear: number } } }; chiefExecutives: { laborMarket: { sharedWith: { code: string }[] } } }>(operation('PayAndDemand'));
      expect(figures.errors).toBeUndefined();
      expect(figures.data!.legalSecretaries.laborMarket.projection.openingsPerYear).toBe(19_600);
      expect(figures.data!.chiefExecutives.laborMarket.sharedWith.map((o) => o.code)).toEqual(['11-1011.03']);
      const choosing = await production.run<{ occupations: { totalCount: number; edges: { node: { code: string } }[] }; occupation: { comparison: { wageChange: { percent: number } } } }>(operation('ChoosingOccupations'));
      expect(choosing.errors).toBeUndefined();
      expect(choosing.data!.occupations.totalCount).toBe(25);
      expect(choosing.data!.occupations.edges.map((e) => e.node.code)).toEqual(['15-1252.00', '11-3031.00', '11-3031.01', '11-3031.03', '11-9111.00']);
      expect(choosing.data!.occupation.comparison.wageChange.percent).toBe(12.7);
    } finally {
      await production.stop();
    }
  });
});
