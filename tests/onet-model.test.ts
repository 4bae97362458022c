/**
 * The rest of the O*NET model (issue 25), served for every occupation, compared with the release files read directly
 * here (gunzipped and split on tabs; nothing of the importer's file specs or readers): every element's description and
 * level anchors, where every rated skill and knowledge level falls among them, every task's DWA -> IWA -> GWA links and
 * each occupation's work-activity tree, the UNSPSC class, family and segment of every technology and tool, the
 * education file's added columns and its certification and apprenticeship rows, the rating rows' statistics, the job
 * zone's date and source, and a data-quality warning exactly where a value lies off its scale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGzLines } from './support/fixtures';
import { dataDir, projectRoot } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ heldRows: 150_000 });
});
afterAll(() => t.stop());

const read = new Map<string, Record<string, string>[]>();

/** A release file's rows as objects keyed by its header (read once per file). */
function rows(path: string): Record<string, string>[] {
  let known = read.get(path);
  if (known === undefined) {
    const [header = '', ...lines] = readGzLines(join(dataDir, 'onet', path)).filter((line) => line !== '');
    const columns = header.split('\t');
    known = lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i], value])));
    read.set(path, known);
  }
  return known;
}

const grouped = <T>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
/** O*NET's `n/a` (and the 29.0 dumps' empty cells) as null, numbers as numbers. */
const num = (value: string | undefined) => (value === undefined || value === 'n/a' || value === '' ? null : Number(value));
const flag = (value: string | undefined) => (value === 'Y' ? true : value === 'N' ? false : null);

/**
 * Compares each served value with the one the files give, keyed for the message: as JSON first (one `expect` per item
 * would cost far more than the API does), and through `toEqual` only where the JSON differs, so a difference of key
 * order alone passes and a real one fails naming its key. Returns how many were compared.
 */
function expectEach(pairs: Iterable<[key: string, served: unknown, expected: unknown]>): number {
  let compared = 0;
  for (const [key, servedValue, expectedValue] of pairs) {
    compared += 1;
    if (JSON.stringify(servedValue) !== JSON.stringify(expectedValue)) expect({ key, served: servedValue }).toEqual({ key, served: expectedValue });
  }
  return compared;
}

const contentModel = new Map(rows('30.2/Content Model Reference.txt.gz').map((r) => [r['Element ID']!, r]));
const scales = new Map(rows('30.2/Scales Reference.txt.gz').map((r) => [r['Scale ID']!, { min: Number(r['Minimum']), max: Number(r['Maximum']) }]));
const anchors = grouped(rows('30.2/Level Scale Anchors.txt.gz'), (r) => r['Element ID']!);
const iwas = new Map(rows('30.2/IWA Reference.txt.gz').map((r) => [r['IWA ID']!, r]));
const dwas = new Map(rows('30.2/DWA Reference.txt.gz').map((r) => [r['DWA ID']!, r]));
const unspsc = new Map(rows('30.2/UNSPSC Reference.txt.gz').map((r) => [Number(r['Commodity Code']), r]));
const offScale = (scale: string, value: number) => value < scales.get(scale)!.min || value > scales.get(scale)!.max;

/** What the API must serve for an element: its name as the naming file gives it, its description from the Content Model. */
const expectedElement = (id: string, name: string) => ({ id, name, description: contentModel.get(id)?.['Description'] });

/** An element's anchors from the Level Scale Anchors file, lowest first. */
const expectedAnchors = (id: string) =>
  (anchors.get(id) ?? [])
    .map((a) => ({ id: `level-anchors/${id}/${a['Scale ID']}/${Number(a['Anchor Value'])}`, scaleId: a['Scale ID'], value: Number(a['Anchor Value']), description: a['Anchor Description'], dataQualityWarning: null, release: '30.2' }))
    .sort((a, b) => a.value - b.value);

const ELEMENT = 'id name description';
const ANCHORS = 'anchors { id scaleId value description dataQualityWarning release }';
const RATING = `element { ${ELEMENT} } date domainSource release
  scores { scaleId value sampleSize standardError lowerCiBound upperCiBound recommendSuppress notRelevant dataQualityWarning }`;
const EDUCATION = 'category percent sampleSize standardError lowerCiBound upperCiBound recommendSuppress date domainSource dataQualityWarning';
const COMMODITIES = 'totalCount pageInfo { hasNextPage endCursor } edges { node { commodityCode commodityClass { id code title } commodityFamily { code title } commoditySegment { code title } } }';

const OCCUPATIONS = /* GraphQL */ `
  query($after: String) { occupations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
    code release
    jobZoneAssignment { id jobZone { zone } date domainSource release }
    tasks(first: 100) { totalCount edges { node { id workActivities {
      id title release intermediate { id title release generalized { id name description } }
    } } } }
    workActivities {
      id ratings { items { id } unavailableReason }
      generalized { id activity { id name description } tasks { id } intermediate {
        id activity { id title generalized { id } } tasks { id } detailed { id activity { id title } tasks { id } }
      } }
    }
    skills { items { ${RATING} levelAnchors { id level lower { value description } upper { value description } } } }
    knowledge { items { ${RATING} levelAnchors { id level lower { value description } upper { value description } } } }
    workStyles { items { ${RATING} levelAnchors { id } } }
    interests { items { ${RATING} } }
    workValues { items { ${RATING} } }
    certificationAndApprenticeship { id release unavailableReason items { id importance level ${RATING} } }
    rl: education(distribution: REQUIRED_LEVEL_OF_EDUCATION) { ${EDUCATION} }
    rw: education(distribution: RELATED_WORK_EXPERIENCE) { ${EDUCATION} }
    pt: education(distribution: ON_SITE_OR_IN_PLANT_TRAINING) { ${EDUCATION} }
    oj: education(distribution: ON_THE_JOB_TRAINING) { ${EDUCATION} }
    technologySkills(first: 100) { ${COMMODITIES} }
    tools(first: 100) { ${COMMODITIES} }
  } } } }
`;

interface Element {
  id: string;
  name: string;
  description: string;
}
interface Score {
  scaleId: string;
  value: number;
  sampleSize: number | null;
  standardError: number | null;
  lowerCiBound: number | null;
  upperCiBound: number | null;
  recommendSuppress: boolean | null;
  notRelevant: boolean | null;
  dataQualityWarning: string | null;
}
interface Rating {
  id?: string;
  importance?: number | null;
  level?: number | null;
  element: Element;
  date: string;
  domainSource: string;
  release: string;
  scores: Score[];
  levelAnchors?: { id: string; level: number; lower: { value: number; description: string } | null; upper: { value: number; description: string } | null } | null;
}
interface Commodity {
  commodityCode: number;
  commodityClass: { id: string; code: number; title: string };
  commodityFamily: { code: number; title: string };
  commoditySegment: { code: number; title: string };
}
interface CommodityPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Commodity }[];
}
interface Node {
  id: string;
  tasks: { id: string }[];
}
interface Served {
  code: string;
  release: string;
  jobZoneAssignment: { id: string; jobZone: { zone: number }; date: string; domainSource: string; release: string } | null;
  tasks: { totalCount: number; edges: { node: { id: string; workActivities: { id: string; title: string; release: string; intermediate: { id: string; title: string; release: string; generalized: { id: string; name: string; description: string } } }[] } }[] };
  workActivities: {
    id: string;
    ratings: { items: null; unavailableReason: string };
    generalized: (Node & {
      activity: { id: string; name: string; description: string };
      intermediate: (Node & { activity: { id: string; title: string; generalized: { id: string } }; detailed: (Node & { activity: { id: string; title: string } })[] })[];
    })[];
  };
  skills: { items: Rating[] | null };
  knowledge: { items: Rating[] | null };
  workStyles: { items: Rating[] | null };
  interests: { items: Rating[] | null };
  workValues: { items: Rating[] | null };
  certificationAndApprenticeship: { id: string; release: string | null; unavailableReason: string | null; items: Rating[] | null };
  rl: Record<string, unknown>[];
  rw: Record<string, unknown>[];
  pt: Record<string, unknown>[];
  oj: Record<string, unknown>[];
  technologySkills: CommodityPage;
  tools: CommodityPage;
}

let served: Served[];
/** Every technology and tool of every occupation, all pages, in the order served. */
const commodities = { technologySkills: new Map<string, Commodity[]>(), tools: new Map<string, Commodity[]>() };

beforeAll(async () => {
  served = [];
  let after: string | null = null;
  for (;;) {
    const page: { data?: { occupations: { edges: { node: Served }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null; errors?: unknown } = await t.run(OCCUPATIONS, { after });
    expect(page.errors).toBeUndefined();
    served.push(...page.data!.occupations.edges.map((e) => e.node));
    if (!page.data!.occupations.pageInfo.hasNextPage) break;
    after = page.data!.occupations.pageInfo.endCursor;
  }
  // Lists longer than a page: the next pages of all of them in one request per round, by alias.
  for (const list of ['technologySkills', 'tools'] as const) {
    let pending = served.map((o) => ({ code: o.code, page: o[list] }));
    for (const { code, page } of pending) commodities[list].set(code, page.edges.map((e) => e.node));
    while ((pending = pending.filter((p) => p.page.pageInfo.hasNextPage)).length > 0) {
      const fields = pending.map((p, i) => `o${i}: occupation(code: "${p.code}") { ${list}(first: 100, after: "${p.page.pageInfo.endCursor}") { ${COMMODITIES} } }`);
      const result = await t.run<Record<string, Record<typeof list, CommodityPage>>>(`{ ${fields.join('\n')} }`);
      expect(result.errors).toBeUndefined();
      pending = pending.map((p, i) => ({ code: p.code, page: result.data![`o${i}`]![list] }));
      for (const { code, page } of pending) commodities[list].get(code)!.push(...page.edges.map((e) => e.node));
    }
  }
}, 180_000);

test('every occupation is served', () => {
  expect(served.map((o) => o.code)).toEqual(rows('30.2/Occupation Data.txt.gz').map((r) => r['O*NET-SOC Code']));
});

describe('elements: descriptions and level anchors', () => {
  test('every element of every rating carries its Content Model description', () => {
    const elements = served.flatMap((o) =>
      [o.skills, o.knowledge, o.workStyles, o.interests, o.workValues, o.certificationAndApprenticeship].flatMap((list) =>
        (list.items ?? []).map((r): [string, unknown, unknown] => [`${o.code} ${r.element.id}`, r.element, expectedElement(r.element.id, r.element.name)]),
      ),
    );
    const ratingRows = ['29.0/Skills.xlsx.tsv.gz', '29.0/Knowledge.xlsx.tsv.gz', '30.2/Work Styles.txt.gz', '30.2/Interests.txt.gz', '30.2/Work Values.txt.gz'];
    const named = new Set(ratingRows.flatMap((path) => rows(path).map((r) => `${r['O*NET-SOC Code']} ${r['Element ID']}`)));
    const certified = rows('30.2/Education, Training, and Experience.txt.gz').filter((r) => r['Category'] === 'n/a');
    expect(expectEach(elements)).toBe(named.size + certified.length);
  });

  /**
   * An element's anchors are the same wherever it is named (one loader by element id), so they are compared for every
   * element the API names, in each place it appears, as named by a spread of occupations: every 20th, Legal
   * Secretaries, and for each generalized work activity any occupation's tasks reach, the first occupation reaching it.
   * The brackets below are compared for every occupation.
   */
  test("every anchored element's anchors, lowest first, wherever it is named: ratings, generalized work activities", async () => {
    const spread = new Set(served.filter((o, i) => i % 20 === 0 || o.code === '43-6012.00').map((o) => o.code));
    const reached = new Map<string, string>();
    for (const o of served) for (const g of o.workActivities.generalized) if (!reached.has(g.activity.id)) reached.set(g.activity.id, o.code);
    for (const code of reached.values()) spread.add(code);
    const seen = new Map<string, unknown>();
    for (const code of spread) {
      const result = await t.run<{ occupation: Record<string, { items: { element: Element & { anchors: unknown } }[] | null }> & { workActivities: { generalized: { activity: Element & { anchors: unknown } }[] } } }>(
        `query($code: String!) { occupation(code: $code) {
          skills { items { element { id ${ANCHORS} } } } knowledge { items { element { id ${ANCHORS} } } }
          workStyles { items { element { id ${ANCHORS} } } } interests { items { element { id ${ANCHORS} } } }
          workValues { items { element { id ${ANCHORS} } } } certificationAndApprenticeship { items { element { id ${ANCHORS} } } }
          workActivities { generalized { activity { id ${ANCHORS} } } }
        } }`,
        { code },
      );
      expect(result.errors).toBeUndefined();
      const o = result.data!.occupation;
      const named = [
        ...(['skills', 'knowledge', 'workStyles', 'interests', 'workValues', 'certificationAndApprenticeship'] as const).flatMap((list) => (o[list]!.items ?? []).map((r) => r.element)),
        ...o.workActivities.generalized.map((g) => g.activity),
      ];
      expectEach(named.map((e): [string, unknown, unknown] => [`${code} ${e.id}`, e.anchors, expectedAnchors(e.id)]));
      for (const e of named) seen.set(e.id, e.anchors);
    }
    // Every skill and knowledge element and every generalized work activity a task reaches was compared; O*NET anchors
    // each of them at three points.
    const skillsAndKnowledge = new Set([...rows('29.0/Skills.xlsx.tsv.gz'), ...rows('29.0/Knowledge.xlsx.tsv.gz')].map((r) => r['Element ID']!));
    const gwas = new Set([...dwas.values()].map((d) => d['Element ID']!));
    expect([...reached.keys()].sort()).toEqual([...gwas].sort());
    for (const ids of [skillsAndKnowledge, gwas]) {
      expect([...ids].filter((id) => !seen.has(id))).toEqual([]);
      expect([...ids].filter((id) => expectedAnchors(id).length !== 3)).toEqual([]);
    }
  });

  test('Writing (2.A.1.c) has its description and the three anchors of the issue: 2, 4 and 6', async () => {
    const result = await t.run<{ occupation: { skills: { items: { element: Element & { anchors: { value: number; description: string }[] } }[] } } }>(
      '{ occupation(code: "43-6012.00") { skills { items { element { id description anchors { value description } } } } } }',
    );
    const writing = result.data!.occupation.skills.items.find((r) => r.element.id === '2.A.1.c')!.element;
    expect(writing.description).toBe('Communicating effectively in writing as appropriate for the needs of the audience.');
    expect(writing.anchors.map((a) => [a.value, a.description])).toEqual([
      [2, "Write down a guest's order at a restaurant"],
      [4, 'Write an email to staff outlining new directives'],
      [6, 'Write a novel for publication'],
    ]);
  });

  test('every interest type and every skill link names its elements with their descriptions', async () => {
    const result = await t.run<{ interestTypes: { element: Element & { anchors: unknown } }[]; skillLinks: { skill: Element & { anchors: unknown }; target: Element & { anchors: unknown } }[] }>(
      `{ interestTypes { element { ${ELEMENT} ${ANCHORS} } } skillLinks { skill { ${ELEMENT} ${ANCHORS} } target { ${ELEMENT} ${ANCHORS} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const elements = [...result.data!.interestTypes.map((i) => i.element), ...result.data!.skillLinks.flatMap((l) => [l.skill, l.target])];
    expectEach(elements.map(({ anchors: servedAnchors, ...e }) => [e.id, [e, servedAnchors], [expectedElement(e.id, e.name), expectedAnchors(e.id)]]));
    expect(result.data!.skillLinks).toHaveLength(rows('30.2/Skills to Work Activities.txt.gz').length + rows('30.2/Skills to Work Context.txt.gz').length);
    expect(elements.length).toBeGreaterThan(600);
  });
});

describe('a rated level read through its anchors', () => {
  /** The anchor at or below and at or above `level`, worked out here from the file. */
  function around(elementId: string, level: number) {
    const points = (anchors.get(elementId) ?? []).map((a) => ({ value: Number(a['Anchor Value']), description: a['Anchor Description']! }));
    const below = points.filter((a) => a.value <= level).sort((a, b) => b.value - a.value)[0] ?? null;
    const above = points.filter((a) => a.value >= level).sort((a, b) => a.value - b.value)[0] ?? null;
    return { lower: below, upper: above };
  }

  test('every skill and knowledge item with a Level score serves the anchors on either side of it; others none', () => {
    const levels = (path: string) => new Map(rows(path).filter((r) => r['Scale ID'] === 'LV').map((r) => [`${r['O*NET-SOC Code']} ${r['Element ID']}`, Number(r['Data Value'])]));
    const fromFile = { skills: levels('29.0/Skills.xlsx.tsv.gz'), knowledge: levels('29.0/Knowledge.xlsx.tsv.gz') };
    let bracketed = 0;
    const compared = expectEach(
      served.flatMap((o) => [
        ...(['skills', 'knowledge'] as const).flatMap((kind) =>
          (o[kind].items ?? []).map((r): [string, unknown, unknown] => {
            const level = fromFile[kind].get(`${o.code} ${r.element.id}`);
            const expected = level === undefined || !anchors.has(r.element.id) ? null : { id: `${o.code}/${kind}/${r.element.id}/level-anchors`, level, ...around(r.element.id, level) };
            if (expected !== null) bracketed += 1;
            return [`${o.code} ${kind} ${r.element.id}`, r.levelAnchors, expected];
          }),
        ),
        ...(o.workStyles.items ?? []).map((r): [string, unknown, unknown] => [`${o.code} work style ${r.element.id}`, r.levelAnchors, null]),
      ]),
    );
    expect(compared).toBeGreaterThan(bracketed);
    // Every Level score of the two files is bracketed: O*NET anchors every skill and knowledge element.
    expect(bracketed).toBe(fromFile.skills.size + fromFile.knowledge.size);
  });

  test("Legal Secretaries' Writing level of 3.88 lies between writing down a guest's order (2) and an email to staff (4)", () => {
    const writing = served.find((o) => o.code === '43-6012.00')!.skills.items!.find((r) => r.element.id === '2.A.1.c')!;
    expect(writing.levelAnchors).toEqual({
      id: '43-6012.00/skills/2.A.1.c/level-anchors',
      level: 3.88,
      lower: { value: 2, description: "Write down a guest's order at a restaurant" },
      upper: { value: 4, description: 'Write an email to staff outlining new directives' },
    });
  });
});

describe('how work nests: DWA -> IWA -> GWA', () => {
  const links = grouped(rows('30.2/Tasks to DWAs.txt.gz'), (r) => r['O*NET-SOC Code']!);

  test("every task's detailed work activities, each with its IWA and that IWA's GWA, as the three reference files give them", () => {
    // The DWA and IWA references agree on each DWA's generalized work activity.
    expect([...dwas.values()].filter((d) => iwas.get(d['IWA ID']!)?.['Element ID'] !== d['Element ID'])).toEqual([]);
    let count = 0;
    expectEach(
      served.flatMap((o) => {
        const byTask = grouped(links.get(o.code) ?? [], (r) => r['Task ID']!);
        expect(o.tasks.totalCount).toBe(o.tasks.edges.length);
        return o.tasks.edges.map(({ node }): [string, unknown, unknown] => {
          const expected = (byTask.get(node.id) ?? [])
            .map((r) => r['DWA ID']!)
            .sort()
            .map((id) => {
              const dwa = dwas.get(id)!;
              const iwa = iwas.get(dwa['IWA ID']!)!;
              const gwa = contentModel.get(iwa['Element ID']!)!;
              return {
                id, title: dwa['DWA Title'], release: '30.2',
                intermediate: { id: iwa['IWA ID'], title: iwa['IWA Title'], release: '30.2', generalized: { id: gwa['Element ID'], name: gwa['Element Name'], description: gwa['Description'] } },
              };
            });
          count += expected.length;
          return [`${o.code} task ${node.id}`, node.workActivities, expected];
        });
      }),
    );
    expect(count).toBe(rows('30.2/Tasks to DWAs.txt.gz').length);
  });

  test("every occupation's GWAs, IWAs and DWAs, each with the tasks that reach it, in id order; ratings unavailable", () => {
    const ids = (taskIds: Iterable<string>) => [...new Set(taskIds)].sort((a, b) => Number(a) - Number(b)).map((id) => ({ id }));
    const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();
    for (const o of served) {
      const own = links.get(o.code) ?? [];
      const under = (match: (r: Record<string, string>) => boolean) => ids(own.filter(match).map((r) => r['Task ID']!));
      const dwaOf = (r: Record<string, string>) => dwas.get(r['DWA ID']!)!;
      const expected = sorted(own.map((r) => dwaOf(r)['Element ID']!)).map((gwa) => ({
        id: `${o.code}/work-activities/${gwa}`,
        activity: { id: gwa, name: contentModel.get(gwa)!['Element Name'], description: contentModel.get(gwa)!['Description'] },
        tasks: under((r) => dwaOf(r)['Element ID'] === gwa),
        intermediate: sorted(own.filter((r) => dwaOf(r)['Element ID'] === gwa).map((r) => dwaOf(r)['IWA ID']!)).map((iwa) => ({
          id: `${o.code}/work-activities/${iwa}`,
          activity: { id: iwa, title: iwas.get(iwa)!['IWA Title'], generalized: { id: iwas.get(iwa)!['Element ID'] } },
          tasks: under((r) => dwaOf(r)['IWA ID'] === iwa),
          detailed: sorted(own.filter((r) => dwaOf(r)['IWA ID'] === iwa).map((r) => r['DWA ID']!)).map((dwa) => ({
            id: `${o.code}/work-activities/${dwa}`,
            activity: { id: dwa, title: dwas.get(dwa)!['DWA Title'] },
            tasks: under((r) => r['DWA ID'] === dwa),
          })),
        })),
      }));
      expectEach([[o.code, o.workActivities.generalized, expected]]);
      expect(o.workActivities.id).toBe(`${o.code}/work-activities`);
      expect(o.workActivities.ratings).toEqual({ items: null, unavailableReason: expect.stringContaining('Work Activities ratings (Importance and Level) could not be obtained') });
    }
    expect(served.filter((o) => o.workActivities.generalized.length > 0)).toHaveLength(links.size);
  });
});

describe('technology and tools in the UNSPSC hierarchy', () => {
  test.each([
    ['technologySkills', '30.2/Technology Skills.txt.gz'],
    ['tools', '30.2/Tools Used.txt.gz'],
  ] as const)('every one of %s serves its class, family and segment as UNSPSC Reference gives them', (list, file) => {
    const fromFile = grouped(rows(file), (r) => r['O*NET-SOC Code']!);
    let count = 0;
    expectEach(
      served.map((o): [string, unknown, unknown] => {
        const expected = (fromFile.get(o.code) ?? []).map((r) => {
          const u = unspsc.get(Number(r['Commodity Code']))!;
          return {
            commodityCode: Number(r['Commodity Code']),
            commodityClass: { id: `unspsc/${u['Class Code']}`, code: Number(u['Class Code']), title: u['Class Title'] },
            commodityFamily: { code: Number(u['Family Code']), title: u['Family Title'] },
            commoditySegment: { code: Number(u['Segment Code']), title: u['Segment Title'] },
          };
        });
        count += expected.length;
        return [o.code, commodities[list].get(o.code), expected];
      }),
    );
    expect(count).toBe(rows(file).length);
    expect([...commodities[list].values()].flat()).toHaveLength(count);
  });

  test('technologySkills and tools filter by segment and by family, each alone and both together', async () => {
    const families = (file: string, code: string) => rows(file).filter((r) => r['O*NET-SOC Code'] === code).map((r) => unspsc.get(Number(r['Commodity Code']))!);
    for (const code of ['43-6012.00', '29-1141.00', '47-2031.00']) {
      const tools = families('30.2/Tools Used.txt.gz', code);
      const technology = families('30.2/Technology Skills.txt.gz', code);
      const [segment, family] = [Number(tools[0]!['Segment Code']), Number(tools[0]!['Family Code'])];
      const result = await t.run<Record<string, { totalCount: number }>>(
        `query($code: String!, $segment: Int, $family: Int, $software: Int) { occupation(code: $code) {
          bySegment: tools(segment: $segment) { totalCount } byFamily: tools(family: $family) { totalCount }
          both: tools(segment: $segment, family: $family) { totalCount } none: tools(segment: 10000000, family: $family) { totalCount }
          software: technologySkills(family: $software) { totalCount } hotSoftware: technologySkills(family: $software, hotOnly: true) { totalCount }
        } }`,
        { code, segment, family, software: 43230000 },
      );
      expect(result.errors).toBeUndefined();
      const hot = new Set(rows('30.2/Technology Skills.txt.gz').filter((r) => r['O*NET-SOC Code'] === code && r['Hot Technology'] === 'Y').map((r) => `${r['Example']}|${r['Commodity Code']}`));
      const hotInFamily = rows('30.2/Technology Skills.txt.gz').filter((r) => r['O*NET-SOC Code'] === code && hot.has(`${r['Example']}|${r['Commodity Code']}`) && unspsc.get(Number(r['Commodity Code']))!['Family Code'] === '43230000');
      expect({ code, counts: (result.data!['occupation'] as unknown as Record<string, { totalCount: number }>) }).toEqual({
        code,
        counts: {
          bySegment: { totalCount: tools.filter((u) => Number(u['Segment Code']) === segment).length },
          byFamily: { totalCount: tools.filter((u) => Number(u['Family Code']) === family).length },
          both: { totalCount: tools.filter((u) => Number(u['Family Code']) === family).length },
          none: { totalCount: 0 },
          software: { totalCount: technology.filter((u) => u['Family Code'] === '43230000').length },
          hotSoftware: { totalCount: hotInFamily.length },
        },
      });
      expect(tools.filter((u) => Number(u['Family Code']) === family).length).toBeLessThan(tools.length + 1);
    }
  });

  test('a code that is not a segment or family code is BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string][] = [
      ['tools(segment: 43)', 'segment'],
      ['tools(segment: 43230000)', 'segment'],
      ['technologySkills(family: 43000000)', 'family'],
      ['technologySkills(family: 4323)', 'family'],
    ];
    for (const [field, argumentName] of cases) {
      const result = await t.run(`{ occupation(code: "43-6012.00") { ${field} { totalCount } } }`);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName }, message: expect.stringContaining(`Argument "${argumentName}" must be an 8-digit UNSPSC ${argumentName} code`) });
    }
  });
});

describe('the rest of the rating and education rows', () => {
  const rated = (path: string) => grouped(rows(path), (r) => `${r['O*NET-SOC Code']}|${r['Element ID']}`);

  /** What a rating serves for one element of one occupation, from its file rows (a warning as whether there is one). */
  function expectedScores(fileRows: Record<string, string>[]) {
    return fileRows
      .map((r) => ({
        scaleId: r['Scale ID'], value: Number(r['Data Value']), sampleSize: num(r['N']), standardError: num(r['Standard Error']),
        lowerCiBound: num(r['Lower CI Bound']), upperCiBound: num(r['Upper CI Bound']), recommendSuppress: flag(r['Recommend Suppress']),
        notRelevant: flag(r['Not Relevant']), dataQualityWarning: offScale(r['Scale ID']!, Number(r['Data Value'])),
      }))
      .sort((a, b) => (a.scaleId! < b.scaleId! ? -1 : 1));
  }
  /** Served scores in scale order, a warning as whether there is one (its text is checked below). */
  const servedScores = (scores: Score[]) =>
    [...scores].sort((a, b) => (a.scaleId < b.scaleId ? -1 : 1)).map((score) => ({ ...score, dataQualityWarning: score.dataQualityWarning !== null }));

  test.each([
    ['skills', '29.0/Skills.xlsx.tsv.gz', '29.0'],
    ['knowledge', '29.0/Knowledge.xlsx.tsv.gz', '29.0'],
    ['workStyles', '30.2/Work Styles.txt.gz', '30.2'],
    ['interests', '30.2/Interests.txt.gz', '30.2'],
    ['workValues', '30.2/Work Values.txt.gz', '30.2'],
  ] as const)('%s: every score with its N, standard error, confidence bounds and flags, date and domain source as the file has them', (list, path, release) => {
    const fromFile = rated(path);
    let scores = 0;
    expectEach(
      served.flatMap((o) =>
        (o[list].items ?? []).map((r): [string, unknown, unknown] => {
          const fileRows = fromFile.get(`${o.code}|${r.element.id}`) ?? [];
          scores += r.scores.length;
          return [
            `${o.code} ${r.element.id}`,
            { scores: servedScores(r.scores), date: r.date, domainSource: r.domainSource, release: r.release },
            { scores: expectedScores(fileRows), date: fileRows[0]?.['Date'], domainSource: fileRows[0]?.['Domain Source'], release },
          ];
        }),
      ),
    );
    expect(scores).toBe(rows(path).length);
  });

  test('certification and apprenticeship: the Importance rows of the education file, as the ratings they are', () => {
    const fromFile = grouped(rows('30.2/Education, Training, and Experience.txt.gz').filter((r) => r['Category'] === 'n/a'), (r) => r['O*NET-SOC Code']!);
    expect([...fromFile.values()].flat().every((r) => r['Scale ID'] === 'IM')).toBe(true);
    expectEach(
      served.map((o): [string, unknown, unknown] => {
        const own = fromFile.get(o.code) ?? [];
        const c = o.certificationAndApprenticeship;
        const items = c.items?.map((r) => ({ ...r, scores: servedScores(r.scores) })) ?? null;
        const expected = own
          .map((r) => ({
            id: `${o.code}/certification-and-apprenticeship/${r['Element ID']}`, importance: Number(r['Data Value']), level: null,
            element: expectedElement(r['Element ID']!, r['Element Name']!), date: r['Date'], domainSource: r['Domain Source'], release: '30.2',
            scores: expectedScores([r]),
          }))
          .sort((a, b) => b.importance - a.importance || (a.element.id < b.element.id ? -1 : 1));
        return [
          o.code,
          { id: c.id, release: c.release, unavailable: c.unavailableReason !== null, items },
          { id: `${o.code}/certification-and-apprenticeship`, release: own.length === 0 ? null : '30.2', unavailable: own.length === 0, items: own.length === 0 ? null : expected },
        ];
      }),
    );
    expect(served.find((o) => o.certificationAndApprenticeship.items === null)?.certificationAndApprenticeship.unavailableReason).toMatch(
      /^O\*NET 30\.2's Education, Training, and Experience file rates no certification or apprenticeship for this occupation$/,
    );
    expect(served.filter((o) => o.certificationAndApprenticeship.items !== null)).toHaveLength(fromFile.size);
  });

  test("every education distribution row's N, standard error, confidence bounds and domain source", () => {
    const fromFile = grouped(rows('30.2/Education, Training, and Experience.txt.gz').filter((r) => r['Category'] !== 'n/a'), (r) => `${r['O*NET-SOC Code']}|${r['Scale ID']}`);
    let count = 0;
    expectEach(
      served.flatMap((o) =>
        (['RL', 'RW', 'PT', 'OJ'] as const).map((scale): [string, unknown, unknown] => {
          const expected = (fromFile.get(`${o.code}|${scale}`) ?? [])
            .map((r) => ({
              category: Number(r['Category']), percent: Number(r['Data Value']), sampleSize: num(r['N']), standardError: num(r['Standard Error']),
              lowerCiBound: num(r['Lower CI Bound']), upperCiBound: num(r['Upper CI Bound']), recommendSuppress: flag(r['Recommend Suppress']),
              date: r['Date'], domainSource: r['Domain Source'], dataQualityWarning: offScale(scale, Number(r['Data Value'])),
            }))
            .sort((a, b) => a.category - b.category);
          count += expected.length;
          const rowsServed = o[scale.toLowerCase() as 'rl'].map((row) => ({ ...row, dataQualityWarning: row['dataQualityWarning'] !== null }));
          return [`${o.code} ${scale}`, rowsServed, expected];
        }),
      ),
    );
    expect(count).toBe(rows('30.2/Education, Training, and Experience.txt.gz').filter((r) => r['Category'] !== 'n/a').length);
  });

  test('every job zone with the date and domain source of its Job Zones row', () => {
    const zones = new Map(rows('30.2/Job Zones.txt.gz').map((r) => [r['O*NET-SOC Code']!, r]));
    for (const o of served) {
      const r = zones.get(o.code);
      expect({ code: o.code, assignment: o.jobZoneAssignment }).toEqual({
        code: o.code,
        assignment: r === undefined ? null : { id: `${o.code}/job-zone-assignment`, jobZone: { zone: Number(r['Job Zone']) }, date: r['Date'], domainSource: r['Domain Source'], release: '30.2' },
      });
    }
    expect(served.filter((o) => o.jobZoneAssignment !== null)).toHaveLength(zones.size);
  });
});

describe('data-quality warnings', () => {
  test("a warning exactly where a served value lies off its scale: 35-3023.00's Third Work Value High-Point of 0.00 on 1 to 6", () => {
    const warned = served.flatMap((o) =>
      [o.skills, o.knowledge, o.workStyles, o.interests, o.workValues, o.certificationAndApprenticeship].flatMap((list) =>
        (list.items ?? []).flatMap((r) => r.scores.filter((s) => s.dataQualityWarning !== null).map((s) => ({ code: o.code, element: r.element.id, score: s }))),
      ),
    );
    expect(warned).toEqual([
      {
        code: '35-3023.00',
        element: '1.B.2.i',
        score: expect.objectContaining({
          scaleId: 'VH',
          value: 0,
          dataQualityWarning: '0 is outside the Work Value High-Point scale (VH, 1 to 6); served as the file has it, not corrected',
        }),
      },
    ]);
    const inFile = rows('30.2/Work Values.txt.gz').filter((r) => r['O*NET-SOC Code'] === '35-3023.00' && r['Element ID'] === '1.B.2.i');
    expect(inFile.map((r) => [r['Scale ID'], r['Data Value']])).toEqual([['VH', '0.00']]);
  });
});

describe("the README's two operations", () => {
  const operation = (name: string) => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').find((b) => b.startsWith(`query ${name} `));
    if (block === undefined) throw new Error(`README has no operation ${name}`);
    return block;
  };
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ production: true });
  });
  afterAll(() => production.stop());

  interface Anchor {
    value: number;
    description: string;
  }
  test('SkillLevelThroughAnchors answers what the README says, within the production limits', async () => {
    const result = await production.run<{ occupation: { skills: { items: { level: number; element: { id: string; description: string }; levelAnchors: { level: number; lower: Anchor; upper: Anchor } }[] } } }>(
      operation('SkillLevelThroughAnchors'),
    );
    expect(result.errors).toBeUndefined();
    const item = (id: string) => result.data!.occupation.skills.items.find((i) => i.element.id === id)!;
    expect(item('2.A.1.c').element.description).toBe('Communicating effectively in writing as appropriate for the needs of the audience.');
    expect(item('2.A.1.c').levelAnchors).toMatchObject({
      level: 3.88,
      lower: { value: 2, description: "Write down a guest's order at a restaurant" },
      upper: { value: 4, description: 'Write an email to staff outlining new directives' },
    });
    const reading = item('2.A.1.a').levelAnchors;
    expect([reading.level, reading.lower, reading.upper]).toEqual([4, reading.upper, { id: 'level-anchors/2.A.1.a/LV/4', value: 4, description: 'Understand an email from management describing new personnel policies' }]);
  });

  test('LegalSecretariesWorkActivities answers what the README says, within the production limits', async () => {
    const result = await production.run<{ occupation: {
      tasks: { edges: { node: { id: string; statement: string; workActivities: { title: string; intermediate: { title: string; generalized: { id: string; name: string } } }[] } }[] };
      workActivities: { generalized: { activity: { name: string }; tasks: { id: string }[] }[]; ratings: { unavailableReason: string } };
    } }>(operation('LegalSecretariesWorkActivities'));
    expect(result.errors).toBeUndefined();
    const o = result.data!.occupation;
    const phones = o.tasks.edges.find((e) => e.node.id === '765')!.node;
    expect(phones.statement).toBe('Receive and place telephone calls.');
    expect(phones.workActivities).toEqual([
      {
        id: '4.A.4.a.3.I03.D11', title: 'Answer telephones to direct calls or provide information.',
        intermediate: { id: '4.A.4.a.3.I03', title: 'Provide information to guests, clients, or customers.', generalized: { id: '4.A.4.a.3', name: 'Communicating with People Outside the Organization', description: expect.any(String) } },
      },
    ]);
    expect(o.workActivities.generalized).toHaveLength(9);
    expect(o.workActivities.generalized.find((g) => g.activity.name === 'Documenting/Recording Information')!.tasks).toHaveLength(5);
    expect(new Set(o.workActivities.generalized.flatMap((g) => g.tasks.map((task) => task.id))).size).toBe(14);
    expect(o.workActivities.ratings.unavailableReason).toContain('could not be obtained in any release');
  });
});
