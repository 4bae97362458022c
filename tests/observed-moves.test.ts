/**
 * Occupation.observedMoves on the real store, checked against the CPS ASEC edgelist read directly from
 * data/observed-moves/ (csv-parse here, not the importer) for a sample of units: a broad-code unit (Legal
 * Secretaries), a split group (Chief Executives; Legislators), a thin unit, an exact-code unit; the occupations the
 * survey does not cover; the source and attribution; and a constant number of statements for any number of entities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataDir } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

// ---- The file, read directly ----
const edges = (parse(readFileSync(join(dataDir, 'observed-moves/asec_to_bls_mobility_edgelist.csv')), { columns: true }) as Record<string, string>[]).map((r) => ({
  source: r['OCC_source'] as string,
  target: r['OCC_target'] as string,
  p: Number(r['transition_prob_BLS_ASECnorm_corr']),
  employment: Number(r['EMPOCCLY_unadj_BLS']),
  targetTitle: r['OCC_TITLE_OCC'] as string,
}));
const rowOf = (code: string) => edges.filter((e) => e.source === code);

/**
 * The 17 split groups (36 codes) PROVENANCE.md counts, written out by hand from the file: codes whose rows are the
 * same up to rounding and that move into each other.
 */
const SPLIT_GROUPS = [
  ['11-1010', '11-1030'], ['11-9130', '11-9190'], ['15-1132', '15-1133'], ['23-1011', '23-1020'], ['25-9010', '25-9020', '25-9030', '25-9090'],
  ['27-4010', '27-4090'], ['31-9093', '31-9099'], ['33-9092', '33-9099'], ['37-2011', '37-2019'], ['39-4010', '39-4020'], ['47-5050', '47-5090'],
  ['49-2094', '49-2095'], ['49-9041', '49-9045'], ['49-9093', '49-9099'], ['51-7030', '51-7090'], ['53-4040', '53-4090'], ['53-6040', '53-6090'],
];

/** What the file says for the unit made of `codes` (its first code's row stands for a split group's). */
function expectedUnit(codes: string[]) {
  const row = rowOf(codes[0] as string);
  const stay = row.filter((e) => codes.includes(e.target)).reduce((s, e) => s + e.p, 0);
  const unitOf = (code: string) => SPLIT_GROUPS.find((g) => g.includes(code))?.[0] ?? code;
  const into = new Map<string, number>();
  for (const e of row) if (!codes.includes(e.target)) into.set(unitOf(e.target), (into.get(unitOf(e.target)) ?? 0) + e.p);
  const moves = [...into].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const employment = codes.reduce((s, c) => s + (rowOf(c)[0]?.employment ?? 0), 0);
  return { stay, moves, destinations: moves.length, weightedMovers: employment * (1 - stay) };
}

const OBSERVED = /* GraphQL */ `
  query($code: String!, $first: Int) {
    occupation(code: $code) {
      observedMoves(first: $first) {
        id match soc2010Codes stayProbability destinationCount weightedMovers thin unavailableReason
        measuredAs { id code title splitGroup codes { code title } occupations { code } }
        sharedWith { code }
        moves { id rank probability shareOfMovers to { code title splitGroup occupations { code } } }
        source { id license }
      }
    }
  }
`;

interface Unit {
  code: string;
  title: string;
  splitGroup: boolean;
  occupations: { code: string }[];
}
interface Observed {
  id: string;
  match: string | null;
  soc2010Codes: string[];
  stayProbability: number | null;
  destinationCount: number | null;
  weightedMovers: number | null;
  thin: boolean | null;
  unavailableReason: string | null;
  measuredAs: (Unit & { id: string; codes: { code: string; title: string }[] }) | null;
  sharedWith: { code: string }[];
  moves: { id: string; rank: number; probability: number; shareOfMovers: number; to: Unit }[];
  source: { id: string; license: string };
}

async function observed(code: string, first = 100): Promise<Observed> {
  const result = await t.run<{ occupation: { observedMoves: Observed } }>(OBSERVED, { code, first });
  expect(result.errors).toBeUndefined();
  return result.data!.occupation.observedMoves;
}

function expectMatchesFile(o: Observed, expected: ReturnType<typeof expectedUnit>) {
  expect(o.stayProbability).toBeCloseTo(expected.stay, 12);
  expect(o.destinationCount).toBe(expected.destinations);
  expect(o.weightedMovers).toBeCloseTo(expected.weightedMovers, 4);
  const listed = expected.moves.slice(0, o.moves.length);
  expect(o.moves.map((m) => m.to.code)).toEqual(listed.map(([code]) => code));
  o.moves.forEach((m, i) => {
    expect(m.rank).toBe(i + 1);
    expect(m.probability).toBeCloseTo(listed[i]![1], 14);
    expect(m.shareOfMovers).toBeCloseTo(listed[i]![1] / (1 - expected.stay), 12);
  });
}

test('Legal Secretaries are measured as the broad unit 43-6010, with its moves as the file has them', async () => {
  const o = await observed('43-6012.00');
  expect(o.id).toBe('43-6012.00/observed-moves');
  expect(o.match).toBe('BROAD_CODE');
  expect(o.soc2010Codes).toEqual(['43-6012']);
  expect(o.measuredAs).toMatchObject({ id: 'observed-units/43-6010', code: '43-6010', title: 'Secretaries and Administrative Assistants', splitGroup: false });
  // Every secretary occupation of O*NET shares the broad unit's figures.
  expect(o.sharedWith.map((s) => s.code)).toEqual(expect.arrayContaining(['43-6011.00', '43-6013.00', '43-6014.00']));
  expect(o.sharedWith.map((s) => s.code)).not.toContain('43-6012.00');
  expect(o.measuredAs!.occupations.map((s) => s.code)).toContain('43-6012.00');
  expect(o.moves).toHaveLength(100);
  expectMatchesFile(o, expectedUnit(['43-6010']));
  expect(o.thin).toBe(false);
  expect(o.source).toEqual({ id: 'del-rio-chanona-2021', license: 'CC BY 4.0' });
});

test('a split group is one unit: moves between its codes are staying, and moves into a group are summed', async () => {
  const o = await observed('11-1011.00', 60);
  expect(o.measuredAs).toMatchObject({ code: '11-1010', title: 'Chief Executives; Legislators', splitGroup: true });
  expect(o.measuredAs!.codes).toEqual([
    { code: '11-1010', title: 'Chief Executives' },
    { code: '11-1030', title: 'Legislators' },
  ]);
  // 0.774 stays in 11-1010 and 0.199 "moves" to Legislators: both are staying.
  expect(o.stayProbability).toBeCloseTo(0.7739453646386539 + 0.19921582469321042, 12);
  expect(o.moves.map((m) => m.to.code)).not.toContain('11-1030');
  const expected = expectedUnit(['11-1010', '11-1030']);
  expectMatchesFile(o, expected);
  // Into the group of Postmasters and Miscellaneous Managers: the sum of both codes' published probabilities.
  const intoManagers = o.moves.find((m) => m.to.code === '11-9130');
  const published = rowOf('11-1010').filter((e) => e.target === '11-9130' || e.target === '11-9190');
  expect(published).toHaveLength(2);
  expect(intoManagers?.probability).toBeCloseTo(published.reduce((s, e) => s + e.p, 0), 14);
  expect(intoManagers?.to.splitGroup).toBe(true);
});

test('a thin unit is flagged, with its counts, and still lists its moves', async () => {
  // Emergency Management Directors: 4 destinations.
  const o = await observed('11-9161.00');
  expect(o.measuredAs?.code).toBe('11-9160');
  const expected = expectedUnit(['11-9160']);
  expect(expected.destinations).toBeLessThan(10);
  expectMatchesFile(o, expected);
  expect(o.thin).toBe(true);
  expect(o.moves.length).toBe(expected.destinations);
});

test('an exact code, and `first` slices the moves', async () => {
  const o = await observed('43-5052.00', 3);
  expect(o.match).toBe('EXACT_CODE');
  expect(o.measuredAs?.code).toBe('43-5052');
  expect(o.moves).toHaveLength(3);
  expectMatchesFile(o, expectedUnit(['43-5052']));
  const tooMany = await t.run('{ occupation(code: "43-5052.00") { observedMoves(first: 101) { thin } } }');
  expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
});

test('occupations the survey does not cover say why, with no figures', async () => {
  for (const [code, reason] of [
    ['55-3016.00', /military occupations \(55-xxxx\) are not in it/],
    ['45-3031.00', /has no unit for 2010 SOC 45-3011 or 45-3021/],
  ] as const) {
    const o = await observed(code);
    expect(o.unavailableReason).toMatch(reason);
    expect(o).toMatchObject({ measuredAs: null, match: null, stayProbability: null, destinationCount: null, weightedMovers: null, thin: null, moves: [], sharedWith: [] });
  }
});

test('the store has the 17 split groups of 36 codes and 520 units PROVENANCE.md describes', async () => {
  const rows = await t.store.db.selectFrom('observed_unit_code').select(['unit_code', 'soc2010_code']).orderBy('soc2010_code').execute();
  const members = new Map<string, string[]>();
  for (const r of rows) members.set(r.unit_code, [...(members.get(r.unit_code) ?? []), r.soc2010_code]);
  expect(rows).toHaveLength(539);
  expect(members.size).toBe(520);
  expect([...members.values()].filter((codes) => codes.length > 1)).toEqual(SPLIT_GROUPS);
});

test('the source is listed and credited in the dataset attribution', async () => {
  const result = await t.run<{ sources: { id: string }[]; dataset: { attribution: string } }>('{ sources { id } dataset { attribution } }');
  expect(result.data!.sources.map((s) => s.id)).toContain('del-rio-chanona-2021');
  expect(result.data!.dataset.attribution).toContain(
    'Observed occupational mobility: del Rio-Chanona et al. (2021), from the CPS ASEC; CanadaLaborApplication repository, CC BY 4.0.',
  );
});

test('_entities with 40 representations run as many statements as with one', async () => {
  const codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').limit(40).offset(500).execute()).map((r) => r.code);
  const selection = `observedMoves(first: 20) { match thin sharedWith { title } measuredAs { title codes { code } occupations { title } }
    moves { probability shareOfMovers to { title splitGroup codes { title } occupations { title jobZone { zone } } } } source { name } }`;
  const run = async (list: string[]) => {
    const result = await t.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { ${selection} } } }`, {
      r: list.map((code) => ({ __typename: 'Occupation', code })),
    });
    expect(result.errors).toBeUndefined();
    return result.sqlStatements;
  };
  const one = await run(codes.slice(0, 1));
  expect(await run(codes)).toBe(one);
  expect(one).toBeLessThan(15);
});

test("the README's Legal Secretaries example answers as its table says", async () => {
  const readme = readFileSync(join(dataDir, '../README.md'), 'utf8');
  const query = /```graphql\n(query ObservedAndModelled[\s\S]*?)```/.exec(readme)?.[1];
  expect(query).toBeDefined();
  interface Code {
    occupation: { code: string };
  }
  const result = await t.run<{ occupation: { observedMoves: Observed; similar: Code[]; likely: (Code & { likelihood: { score: number } })[] } }>(query!);
  expect(result.errors).toBeUndefined();
  const { observedMoves, similar, likely } = result.data!.occupation;
  const row = (i: number) => readme.split('\n').find((line) => line.startsWith(`| ${i + 1} | `)) ?? '';
  observedMoves.moves.forEach((m, i) => expect(row(i)).toContain(`| ${m.to.code} ${m.to.title}, ${(100 * m.shareOfMovers).toFixed(1)}% |`));
  similar.forEach((m, i) => expect(row(i).split(' | ')[2]).toMatch(new RegExp(`^${m.occupation.code} `)));
  likely.forEach((m, i) => expect(row(i).split(' | ')[3]).toMatch(new RegExp(`^${m.occupation.code} .*, ${m.likelihood.score.toFixed(2)}`)));
});
