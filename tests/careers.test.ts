/**
 * Career moves and comparisons through executeOperation on the real store: the worked example, a sample of random
 * pairs checked against the raw O*NET files read directly, moves agreeing with comparisons, errors, and batching.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGzLines } from './support/fixtures';
import { dataDir } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** The folder of the release the store serves (data/onet/releases.json). */
const manifest = JSON.parse(readFileSync(join(dataDir, 'onet/releases.json'), 'utf8')) as { served: string; releases: { version: string; folder: string }[] };
const SERVED = manifest.releases.find((r) => r.version === manifest.served)?.folder as string;

/** A shipped O*NET file's rows as records keyed by its header. */
function rawRows(file: string): Record<string, string>[] {
  const [header = '', ...lines] = readGzLines(join(dataDir, 'onet', file)).filter((l) => l !== '');
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i] as string, v])));
}

interface Gap {
  element: { id: string; name: string };
  fromLevel: number;
  toLevel: number;
  toImportance: number;
}

const COMPARISON = /* GraphQL */ `
  query($from: String!, $to: String!, $min: Float) {
    occupation(code: $from) {
      comparison(to: $to) {
        from { code } to { code }
        similarity
        facets {
          skills { similarity weight unavailableReason } knowledge { similarity unavailableReason }
          workStyles { similarity unavailableReason } interests { similarity unavailableReason }
          workActivities { similarity unavailableReason } technology { similarity unavailableReason }
          tasks { similarity } titles { similarity } jobZone { similarity unavailableReason }
        }
        skillGaps(minImportance: $min) { element { id name } fromLevel toLevel toImportance }
        knowledgeGaps(minImportance: $min) { element { id name } fromLevel toLevel toImportance }
        transferableSkills(minImportance: $min) { element { id name } fromLevel toLevel toImportance }
        carriedOverActivities { id title } newActivities { id title }
        carriedOverTechnology { name hot } newTechnology { name hot }
        jobZoneChange { from { zone } to { zone } change direction }
        educationChange { from { category percent } to { category percent } change }
      }
    }
  }
`;

interface FacetResult {
  similarity: number | null;
  unavailableReason?: string | null;
}

interface ComparisonResult {
  from: { code: string };
  to: { code: string };
  similarity: number;
  facets: Record<string, FacetResult>;
  skillGaps: Gap[] | null;
  knowledgeGaps: Gap[] | null;
  transferableSkills: Gap[] | null;
  carriedOverActivities: { id: string; title: string }[];
  newActivities: { id: string; title: string }[];
  carriedOverTechnology: { name: string; hot: boolean }[];
  newTechnology: { name: string; hot: boolean }[];
  jobZoneChange: { from: { zone: number } | null; to: { zone: number } | null; change: number | null; direction: string | null };
  educationChange: { from: { category: number; percent: number } | null; to: { category: number; percent: number } | null; change: number | null };
}

async function compare(from: string, to: string, min?: number): Promise<ComparisonResult> {
  const result = await t.run<{ occupation: { comparison: ComparisonResult | null } }>(COMPARISON, { from, to, min });
  expect(result.errors).toBeUndefined();
  const comparison = result.data!.occupation.comparison;
  if (comparison === null) throw new Error(`no comparison from ${from} to ${to}`);
  return comparison;
}

/** What the raw O*NET files say a comparison must show, computed here from the files alone. */
const raw = (() => {
  const ratings = (file: string) => {
    const byCode = new Map<string, Map<string, { name: string; IM?: number; LV?: number }>>();
    for (const r of rawRows(file)) {
      const code = r['O*NET-SOC Code'] as string;
      const elements = byCode.get(code) ?? new Map<string, { name: string; IM?: number; LV?: number }>();
      const element = elements.get(r['Element ID'] as string) ?? { name: r['Element Name'] as string };
      if (r['Scale ID'] === 'IM' || r['Scale ID'] === 'LV') element[r['Scale ID']] = Number(r['Data Value']);
      elements.set(r['Element ID'] as string, element);
      byCode.set(code, elements);
    }
    return byCode;
  };
  const dwaTitles = new Map(rawRows(`${SERVED}/DWA Reference.txt.gz`).map((r) => [r['DWA ID'] as string, r['DWA Title'] as string]));
  const dwas = new Map<string, Set<string>>();
  for (const r of rawRows(`${SERVED}/Tasks to DWAs.txt.gz`)) {
    dwas.set(r['O*NET-SOC Code'] as string, (dwas.get(r['O*NET-SOC Code'] as string) ?? new Set()).add(r['DWA ID'] as string));
  }
  const technology = new Map<string, { name: string; hot: boolean }[]>();
  for (const r of rawRows(`${SERVED}/Technology Skills.txt.gz`)) {
    const list = technology.get(r['O*NET-SOC Code'] as string) ?? [];
    list.push({ name: r.Example as string, hot: r['Hot Technology'] === 'Y' });
    technology.set(r['O*NET-SOC Code'] as string, list);
  }
  const zones = new Map(rawRows(`${SERVED}/Job Zones.txt.gz`).map((r) => [r['O*NET-SOC Code'] as string, Number(r['Job Zone'])]));
  const education = new Map<string, { category: number; percent: number }[]>();
  for (const r of rawRows(`${SERVED}/Education, Training, and Experience.txt.gz`)) {
    if (r['Scale ID'] !== 'RL') continue;
    const list = education.get(r['O*NET-SOC Code'] as string) ?? [];
    list.push({ category: Number(r.Category), percent: Number(r['Data Value']) });
    education.set(r['O*NET-SOC Code'] as string, list);
  }
  return {
    skills: ratings('29.0/Skills.xlsx.tsv.gz'),
    knowledge: ratings('29.0/Knowledge.xlsx.tsv.gz'),
    dwaTitles,
    dwas,
    technology,
    zones,
    education,
    codes: rawRows(`${SERVED}/Occupation Data.txt.gz`).map((r) => r['O*NET-SOC Code'] as string),
  };
})();

function expectedGaps(domain: 'skills' | 'knowledge', from: string, to: string, min: number, transferable = false): Gap[] | null {
  const a = raw[domain].get(from);
  const b = raw[domain].get(to);
  if (a === undefined || b === undefined) return null;
  const rows: Gap[] = [];
  for (const [id, target] of [...b].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const fromLevel = a.get(id)?.LV;
    if (target.IM === undefined || target.LV === undefined || fromLevel === undefined || target.IM < min) continue;
    if (transferable ? fromLevel >= target.LV : target.LV > fromLevel) {
      rows.push({ element: { id, name: target.name }, fromLevel, toLevel: target.LV, toImportance: target.IM });
    }
  }
  const size = (g: Gap) => (g.toLevel - g.fromLevel) * g.toImportance;
  return transferable ? rows.sort((x, y) => y.toImportance - x.toImportance) : rows.sort((x, y) => size(y) - size(x));
}

function expectedTechnology(from: string, to: string, carried: boolean) {
  const known = new Set((raw.technology.get(from) ?? []).map((x) => x.name));
  return (raw.technology.get(to) ?? [])
    .filter((x) => known.has(x.name) === carried)
    .sort((x, y) => Number(y.hot) - Number(x.hot) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function typical(code: string) {
  const rows = raw.education.get(code) ?? [];
  return rows.reduce<{ category: number; percent: number } | null>(
    (best, r) => (best === null || r.percent > best.percent || (r.percent === best.percent && r.category < best.category) ? r : best),
    null,
  );
}

/** A fixed pseudo-random sample, so the test checks the same pairs on every run. */
function samplePairs(n: number): [string, string][] {
  let seed = 20_261_201;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = () => raw.codes[Math.floor(next() * raw.codes.length)] as string;
  return Array.from({ length: n }, () => [pick(), pick()]);
}

describe('the worked example: Legal Secretaries (43-6012.00) to Paralegals (23-2011.00)', () => {
  test('similarity and every facet are computed, and the gaps are ordered by (toLevel − fromLevel) × toImportance', async () => {
    const c = await compare('43-6012.00', '23-2011.00');
    expect(c.to.code).toBe('23-2011.00');
    expect(c.similarity).toBeLessThanOrEqual(1);
    // Far closer than to Carpenters.
    expect(c.similarity).toBeGreaterThan((await compare('43-6012.00', '47-2031.00')).similarity + 0.15);
    for (const [name, facet] of Object.entries(c.facets)) {
      expect([name, facet.similarity === null ? 'null' : 'computed']).toEqual([name, 'computed']);
    }
    const sizes = c.skillGaps!.map((g) => (g.toLevel - g.fromLevel) * g.toImportance);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(c.jobZoneChange).toEqual({ from: { zone: 3 }, to: { zone: 3 }, change: 0, direction: 'LATERAL' });
  });

  test('Paralegals are among the first ten career moves of Legal Secretaries, with the comparison\'s similarity', async () => {
    const result = await t.run<{ occupation: { careerMoves: { occupation: { code: string }; similarity: number }[] } }>(
      '{ occupation(code: "43-6012.00") { careerMoves { occupation { code } similarity } } }',
    );
    const moves = result.data!.occupation.careerMoves;
    expect(moves).toHaveLength(10);
    const paralegals = moves.find((m) => m.occupation.code === '23-2011.00');
    expect(paralegals?.similarity).toBe((await compare('43-6012.00', '23-2011.00')).similarity);
  });
});

describe('comparisons of random pairs match the raw O*NET files', () => {
  const pairs = samplePairs(25);
  test.each(pairs)('%s -> %s', async (from, to) => {
    const c = await compare(from, to);
    expect(c.skillGaps).toEqual(expectedGaps('skills', from, to, 3));
    expect(c.knowledgeGaps).toEqual(expectedGaps('knowledge', from, to, 3));
    expect(c.transferableSkills).toEqual(expectedGaps('skills', from, to, 3, true));
    const fromDwas = raw.dwas.get(from) ?? new Set<string>();
    const toDwas = [...(raw.dwas.get(to) ?? [])].sort();
    expect(c.carriedOverActivities).toEqual(toDwas.filter((d) => fromDwas.has(d)).map((id) => ({ id, title: raw.dwaTitles.get(id) })));
    expect(c.newActivities).toEqual(toDwas.filter((d) => !fromDwas.has(d)).map((id) => ({ id, title: raw.dwaTitles.get(id) })));
    expect(c.carriedOverTechnology).toEqual(expectedTechnology(from, to, true));
    expect(c.newTechnology).toEqual(expectedTechnology(from, to, false));
    const [za, zb] = [raw.zones.get(from) ?? null, raw.zones.get(to) ?? null];
    expect(c.jobZoneChange.from?.zone ?? null).toBe(za);
    expect(c.jobZoneChange.to?.zone ?? null).toBe(zb);
    expect(c.jobZoneChange.change).toBe(za === null || zb === null ? null : zb - za);
    expect(c.educationChange.from).toEqual(typical(from));
    expect(c.educationChange.to).toEqual(typical(to));
    expect(c.facets.skills!.similarity === null).toBe(!raw.skills.has(from) || !raw.skills.has(to));
    expect(c.facets.workActivities!.similarity === null).toBe(!raw.dwas.has(from) || !raw.dwas.has(to));
  });

  test('a lower minImportance gives at least as many gaps, none below it', async () => {
    const [from, to] = ['43-6012.00', '23-2011.00'];
    const c = await compare(from, to, 1.5);
    expect(c.skillGaps).toEqual(expectedGaps('skills', from, to, 1.5));
    expect(c.skillGaps!.length).toBeGreaterThan((await compare(from, to)).skillGaps!.length);
  });
});

describe('facets without data', () => {
  const unrated = raw.codes.find((code) => !raw.skills.has(code) && raw.dwas.has(code)) as string;

  test('an occupation without 29.0 ratings: skills and knowledge are null with a reason naming it, gaps null', async () => {
    const c = await compare('43-6012.00', unrated);
    expect(c.facets.skills).toEqual({ similarity: null, weight: expect.any(Number), unavailableReason: `There are no O*NET 29.0 Skills ratings for ${unrated}.` });
    expect(c.facets.knowledge!.unavailableReason).toBe(`There are no O*NET 29.0 Knowledge ratings for ${unrated}.`);
    expect(c.skillGaps).toBeNull();
    expect(c.knowledgeGaps).toBeNull();
    expect(c.transferableSkills).toBeNull();
    expect(c.facets.workActivities!.similarity).not.toBeNull();
  });
});

describe('careerMoves and careerMovesInto', () => {
  const MOVES = /* GraphQL */ `
    query($code: String!, $first: Int, $direction: CareerDirection) {
      occupation(code: $code) {
        jobZone { zone }
        careerMoves(first: $first, direction: $direction) { occupation { code jobZone { zone } } similarity direction skillGaps { element { id } } }
        careerMovesInto(first: $first, direction: $direction) { occupation { code jobZone { zone } } similarity direction }
      }
    }
  `;
  interface Move {
    occupation: { code: string; jobZone: { zone: number } | null };
    similarity: number;
    direction: string | null;
    skillGaps?: { element: { id: string } }[] | null;
  }
  const moves = async (code: string, first?: number, direction?: string) => {
    const result = await t.run<{ occupation: { jobZone: { zone: number } | null; careerMoves: Move[]; careerMovesInto: Move[] } }>(MOVES, { code, first, direction });
    expect(result.errors).toBeUndefined();
    return result.data!.occupation;
  };

  test.each(['15-1252.00', '29-1141.00', '47-2031.00'])('%s: most similar first, each similarity and gap as its comparison says', async (code) => {
    const { careerMoves } = await moves(code, 12);
    expect(careerMoves).toHaveLength(12);
    const similarities = careerMoves.map((m) => m.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const move of careerMoves) {
      const c = await compare(code, move.occupation.code);
      expect([move.occupation.code, move.similarity]).toEqual([move.occupation.code, c.similarity]);
      expect(move.skillGaps).toEqual(c.skillGaps === null ? null : c.skillGaps.slice(0, 3).map((g) => ({ element: { id: g.element.id } })));
      expect(move.direction).toBe(c.jobZoneChange.direction);
    }
  });

  test('direction: ADVANCE keeps only moves into a higher job zone, STEP_DOWN only lower', async () => {
    const advance = await moves('43-6012.00', 5, 'ADVANCE');
    expect(advance.careerMoves.length).toBeGreaterThan(0);
    for (const m of advance.careerMoves) {
      expect(m.direction).toBe('ADVANCE');
      expect(m.occupation.jobZone!.zone).toBeGreaterThan(advance.jobZone!.zone);
    }
    const down = await moves('43-6012.00', 5, 'STEP_DOWN');
    for (const m of down.careerMoves) expect(m.occupation.jobZone!.zone).toBeLessThan(down.jobZone!.zone);
    expect(down.careerMoves.length).toBeGreaterThan(0);
  });

  test('careerMovesInto: every origin ranks this occupation among its own moves, with the same similarity', async () => {
    const { careerMovesInto } = await moves('23-2011.00', 8);
    expect(careerMovesInto.length).toBeGreaterThan(0);
    for (const m of careerMovesInto) {
      const theirs = (await moves(m.occupation.code, 50)).careerMoves.find((x) => x.occupation.code === '23-2011.00');
      expect(theirs?.similarity).toBe(m.similarity);
    }
  });

  test('first above 50 and a malformed code are BAD_USER_INPUT naming the argument; an unknown code is null', async () => {
    const tooMany = await t.run('{ occupation(code: "43-6012.00") { careerMoves(first: 51) { similarity } } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const malformed = await t.run('{ occupation(code: "43-6012.00") { comparison(to: "legal") { similarity } } }');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
    const minImportance = await t.run('{ occupation(code: "43-6012.00") { comparison(to: "23-2011") { skillGaps(minImportance: 9) { toLevel } } } }');
    expect(minImportance.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'minImportance' });
    const unknown = await t.run<{ occupation: { comparison: null } }>('{ occupation(code: "43-6012.00") { comparison(to: "99-9999.00") { similarity } } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.occupation.comparison).toBeNull();
  });

  test('a 2018 SOC code names its canonical occupation', async () => {
    expect((await compare('43-6012.00', '23-2011')).to.code).toBe('23-2011.00');
  });
});

describe('careerMoves(rank: LIKELIHOOD)', () => {
  const LIKELY = /* GraphQL */ `
    query($code: String!, $first: Int, $rank: CareerMoveRank) {
      occupation(code: $code) {
        careerMoves(first: $first, rank: $rank) {
          id occupation { code } similarity direction
          likelihood { id score similarityTerm sizeTerm jobZoneTerm employment }
        }
      }
    }
  `;
  interface Terms {
    id: string;
    score: number;
    similarityTerm: number;
    sizeTerm: number;
    jobZoneTerm: number;
    employment: number | null;
  }
  interface LikelyMove {
    id: string;
    occupation: { code: string };
    similarity: number;
    likelihood: Terms;
  }
  const likely = async (code: string, rank?: string, first = 50) => {
    const result = await t.run<{ occupation: { careerMoves: LikelyMove[] } }>(LIKELY, { code, first, rank });
    expect(result.errors).toBeUndefined();
    return result.data!.occupation.careerMoves;
  };

  test('SIMILARITY is the default: the same answer as careerMoves without `rank`', async () => {
    for (const code of ['43-6012.00', '15-1252.00']) expect(await likely(code, 'SIMILARITY')).toEqual(await likely(code));
  });

  test.each(['43-6012.00', '41-2031.00'])('%s: most likely first, each score the sum of its terms and the one the importer stored', async (code) => {
    const list = await likely(code, 'LIKELIHOOD');
    expect(list).toHaveLength(50);
    const stored = await t.store.db.selectFrom('career_likely_move').selectAll().where('occupation_code', '=', code).orderBy('rank').execute();
    expect(list.map((m) => m.occupation.code)).toEqual(stored.map((r) => r.move_code));
    list.forEach((m, i) => {
      expect(m.likelihood.score).toBe(stored[i]!.score);
      expect(m.similarity).toBe(stored[i]!.similarity);
      expect(m.likelihood.score).toBeCloseTo(m.likelihood.similarityTerm + m.likelihood.sizeTerm + m.likelihood.jobZoneTerm, 12);
      if (i > 0) expect(m.likelihood.score).toBeLessThanOrEqual(list[i - 1]!.likelihood.score);
    });
    // The ranking is not the similarity ranking: it reaches beyond the 50 most similar.
    const similar = new Set((await likely(code)).map((m) => m.occupation.code));
    expect(list.some((m) => !similar.has(m.occupation.code))).toBe(true);
  });

  test('a comparison explains its move with the same likelihood the ranking used', async () => {
    const [move] = await likely('43-6012.00', 'LIKELIHOOD', 1);
    const result = await t.run<{ occupation: { comparison: { similarity: number; likelihood: Terms } } }>(
      'query($to: String!) { occupation(code: "43-6012.00") { comparison(to: $to) { similarity likelihood { id score similarityTerm sizeTerm jobZoneTerm employment } } } }',
      { to: move!.occupation.code },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupation.comparison.similarity).toBe(move!.similarity);
    expect(result.data!.occupation.comparison.likelihood).toEqual(move!.likelihood);
    expect(move!.likelihood.id).toBe(`43-6012.00/comparison/${move!.occupation.code}/likelihood`);
  });

  test('occupations the observed moves do not cover are ranked too', async () => {
    for (const code of ['55-3016.00', '45-3031.00']) expect(await likely(code, 'LIKELIHOOD', 10)).toHaveLength(10);
  });

  test('careerMovesInto(rank: LIKELIHOOD): every origin counts this occupation among its own most likely moves', async () => {
    const result = await t.run<{ occupation: { careerMovesInto: { occupation: { code: string }; likelihood: Terms }[] } }>(
      '{ occupation(code: "41-2031.00") { careerMovesInto(first: 5, rank: LIKELIHOOD) { occupation { code } likelihood { score } } } }',
    );
    expect(result.errors).toBeUndefined();
    const into = result.data!.occupation.careerMovesInto;
    expect(into).toHaveLength(5);
    for (const m of into) {
      const theirs = (await likely(m.occupation.code, 'LIKELIHOOD')).find((x) => x.occupation.code === '41-2031.00');
      expect(theirs?.likelihood.score).toBe(m.likelihood.score);
    }
  });
});

describe('batching', () => {
  const NESTED = `careerMoves(first: 10) { similarity direction occupation { title } skillGaps { toLevel } wageChange { percent } comparison { similarity carriedOverActivities { id } newTechnology { name } outlookChange { to } } }
    careerMovesInto(first: 3) { similarity wageChange { to { value } } }`;
  // In one query with NESTED, the likely moves' comparisons may find their cards already read for one occupation
  // (a cache hit, one statement fewer), so the two are counted apart.
  const LIKELY = `careerMoves(first: 10, rank: LIKELIHOOD) { similarity direction skillGaps { toLevel } likelihood { score sizeTerm employment }
    comparison { similarity likelihood { score } } } careerMovesInto(first: 3, rank: LIKELIHOOD) { likelihood { score } }`;
  async function statementsFor(first: number, nested = NESTED): Promise<number> {
    const result = await t.run<{ occupations: { edges: unknown[] } }>(`{ occupations(first: ${first}) { edges { node { ${nested} } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupations.edges).toHaveLength(first);
    return result.sqlStatements;
  }

  test('moves with their comparisons for 40 occupations run as many statements as for one', async () => {
    const one = await statementsFor(1);
    expect(await statementsFor(40)).toBe(one);
    expect(one).toBeLessThan(20);
  });

  test('likely moves with their likelihoods and comparisons too', async () => {
    const one = await statementsFor(1, LIKELY);
    expect(await statementsFor(40, LIKELY)).toBe(one);
    expect(one).toBeLessThan(20);
  });
});
