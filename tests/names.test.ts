/**
 * Names a client developer sees: renamed fields still answer under their old names (deprecated, for one release)
 * with the same values as the new ones, closed sets are enums, and every identifiable object has an `id` in the
 * form its type documents.
 */
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const CODE = '43-6012.00';

describe('renamed fields keep their old names', () => {
  test('CompetencyStatement.subject/performance answer as title/text do', async () => {
    const result = await t.run<{ occupation: { framework: { levels: { statements: { title: string; text: string; subject: string; performance: string }[] }[] } } }>(
      `{ occupation(code: "${CODE}") { framework { levels { statements { title text subject performance } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const statements = result.data!.occupation.framework.levels.flatMap((l) => l.statements);
    expect(statements.length).toBeGreaterThan(10);
    for (const s of statements) {
      expect(s.subject).toBe(s.title);
      expect(s.performance).toBe(s.text);
    }
    expect(statements[0]!.title).toBe('Legal documents and case files');
  });

  test('Source.licence answers as license does', async () => {
    const result = await t.run<{ sources: { id: string; license: string | null; licence: string | null }[] }>('{ sources { id license licence } }');
    expect(result.errors).toBeUndefined();
    for (const s of result.data!.sources) expect(s.licence).toBe(s.license);
    expect(result.data!.sources.find((s) => s.id === 'onet-30.1')?.license).toBe('CC BY 4.0');
  });

  test('FrameworkJobZone.name answers as publishedLabel does', async () => {
    const result = await t.run<{ occupation: { framework: { jobZone: unknown } } }>(`{ occupation(code: "${CODE}") { framework { jobZone { id zone publishedLabel name } } } }`);
    expect(result.data!.occupation.framework.jobZone).toEqual({ id: `${CODE}/framework/job-zone`, zone: 3, publishedLabel: 'Medium Preparation', name: 'Medium Preparation' });
  });

  test('the old names are deprecated with a reason naming the new one', async () => {
    const result = await t.run<IntrospectionQuery>(getIntrospectionQuery());
    const fields = (type: string) => result.data!.__schema.types.find((x) => x.name === type) as unknown as { fields: { name: string; isDeprecated: boolean; deprecationReason: string | null }[] };
    const reason = (type: string, field: string) => fields(type).fields.find((f) => f.name === field)!;
    expect(reason('CompetencyStatement', 'subject')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`title`') });
    expect(reason('CompetencyStatement', 'performance')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`text`') });
    expect(reason('Source', 'licence')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`license`') });
    expect(reason('FrameworkJobZone', 'name')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`publishedLabel`') });
  });
});

test('closed sets are enums: quadrant, precision, relatedness tier', async () => {
  const result = await t.run<{ occupation: { framework: { evidence: { safi: unknown } }; relatedOccupations: { tier: string; rank: number }[] } }>(
    `{ occupation(code: "${CODE}") { framework { evidence { safi { quadrant quadrantLabel precision } } } relatedOccupations { tier rank } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.occupation.framework.evidence.safi).toEqual({ quadrant: 'Q2', quadrantLabel: 'Q2_ai_augmented', precision: 'EXACT' });
  const tiers = result.data!.occupation.relatedOccupations.map((r) => [r.rank, r.tier]);
  expect(tiers[0]).toEqual([1, 'PRIMARY_SHORT']);
  expect(tiers.find(([rank]) => rank === 6)).toEqual([6, 'PRIMARY_LONG']);
  expect(tiers.find(([rank]) => rank === 11)).toEqual([11, 'SUPPLEMENTAL']);
});

test('identifiable objects carry the ids their types document', async () => {
  const result = await t.run<Record<string, any>>(`{
    dataset { id }
    occupation(code: "${CODE}") {
      id jobZone { id }
      skills { id items { id scores { id } } } abilities { id }
      education { id } relatedOccupations { id }
      reportedTitles { id } alternateTitles(first: 1) { edges { node { id } } }
      technologySkills(first: 1) { edges { node { id } } } tools(first: 1) { edges { node { id } } }
      framework {
        id jobZone { id } page { id } anchors { id } dataQualityWarnings { id }
        evidence { id aei { id } safi { id } wef { id } }
        levels { id statements { id citations { id } } }
        aiUsage { id statements { id citations { id } } }
        durableSkills { id levels { id statements { id } } }
      }
    }
  }`);
  expect(result.errors).toBeUndefined();
  const o = result.data!.occupation;
  expect(result.data!.dataset.id).toBe('dataset');
  expect(o.id).toBe(CODE);
  expect(o.jobZone.id).toBe('job-zone/3');
  expect(o.skills.id).toBe(`${CODE}/skills`);
  expect(o.skills.items[0].id).toMatch(new RegExp(`^${CODE}/skills/2\\.[A-Z]`));
  expect(o.skills.items[0].scores[0].id).toBe(`${o.skills.items[0].id}/IM`);
  expect(o.abilities.id).toBe(`${CODE}/abilities`);
  expect(o.education[0].id).toBe(`${CODE}/education/RL/1`);
  expect(o.relatedOccupations[0].id).toBe(`${CODE}/related/23-2011.00`);
  expect(o.reportedTitles[0].id).toMatch(new RegExp(`^${CODE}/reported-titles/\\d+$`));
  expect(o.alternateTitles.edges[0].node.id).toMatch(new RegExp(`^${CODE}/alternate-titles/\\d+$`));
  expect(o.technologySkills.edges[0].node.id).toMatch(new RegExp(`^${CODE}/technology-skills/\\d+$`));
  expect(o.tools.edges[0].node.id).toMatch(new RegExp(`^${CODE}/tools/\\d+$`));
  const f = o.framework;
  expect([f.id, f.jobZone.id, f.page.id, f.anchors.id, f.evidence.id, f.evidence.aei.id, f.evidence.safi.id]).toEqual([
    `${CODE}/framework`, `${CODE}/framework/job-zone`, `${CODE}/framework/page`, `${CODE}/framework/anchors`, `${CODE}/evidence`, `${CODE}/evidence/aei`, `${CODE}/evidence/safi`,
  ]);
  expect(f.levels.map((l: { id: string }) => l.id)).toEqual(['emerging', 'developing', 'proficient', 'advanced'].map((k) => `${CODE}/competency/${k}`));
  expect(f.levels[0].statements[0].id).toBe(`${CODE}/competency/emerging/01`);
  expect(f.aiUsage[0].id).toBe(`${CODE}/ai-usage/emerging`);
  expect(f.aiUsage[0].statements[0].citations[0].id).toBe(`${f.aiUsage[0].statements[0].id}/citations/1`);
  expect(f.durableSkills[0].id).toBe(`${CODE}/durable/communication`);
  expect(f.durableSkills[0].levels[0].id).toBe(`${CODE}/durable/communication/emerging`);
  // Every id is distinct: a cache keyed by type and id keeps each object apart.
  const all: string[] = JSON.stringify(result.data).match(/"id":"[^"]*"/g) ?? [];
  expect(all.length).toBeGreaterThan(100);
  expect(new Set(all).size).toBe(all.length);
});

test('the types career moves, crosswalks, the change feed and the O*NET reference files added carry their documented ids', async () => {
  const result = await t.run<Record<string, any>>(`{
    occupation(code: "${CODE}") {
      comparison(to: "23-2011.00") {
        id facets { id skills { id } tasks { id } }
        skillGaps { id element { id } } knowledgeGaps { id } transferableSkills { id }
        jobZoneChange { id } educationChange { id }
      }
      careerMoves(first: 3) { id occupation { id } comparison { id } skillGaps { id } }
      careerMovesInto(first: 3) { id occupation { id } }
      crosswalks { id soc2010 { id } onetSoc2010 { id } isco08 { id } esco { id } }
      emergingTasks { id }
      changes(since: "30.1") { id }
    }
    translateCode(system: ONET_SOC_2010, code: "15-1132.00") { id path { id } }
    releaseChanges(from: "30.1", to: "30.2", first: 5) { edges { node { id } } }
    dataset { releaseChangeSummary { id } }
    interestTypes { id keywords { id } }
    skillLinks(skill: "2.A.1.a") { id }
  }`);
  expect(result.errors).toBeUndefined();
  const d = result.data!;
  const o = d.occupation;
  const comparison = `${CODE}/comparison/23-2011.00`;
  expect(o.comparison.id).toBe(comparison);
  expect([o.comparison.facets.id, o.comparison.facets.skills.id, o.comparison.jobZoneChange.id, o.comparison.educationChange.id]).toEqual([
    `${comparison}/facets`, `${comparison}/facets/skills`, `${comparison}/job-zone-change`, `${comparison}/education-change`,
  ]);
  expect(o.comparison.skillGaps[0].id).toBe(`${comparison}/elements/${o.comparison.skillGaps[0].element.id}`);
  const move = o.careerMoves[0];
  expect(move.id).toBe(`${CODE}/career-moves/${move.occupation.id}`);
  expect(move.comparison.id).toBe(`${CODE}/comparison/${move.occupation.id}`);
  expect(move.skillGaps[0].id).toMatch(new RegExp(`^${CODE}/comparison/${move.occupation.id}/elements/2\\.`));
  expect(o.careerMovesInto[0].id).toBe(`${CODE}/career-moves-into/${o.careerMovesInto[0].occupation.id}`);
  expect(o.crosswalks.id).toBe(`${CODE}/crosswalks`);
  expect(o.crosswalks.soc2010[0].id).toMatch(/\/43-6012$/);
  expect(o.crosswalks.isco08.map((c: { id: string }) => c.id.replace(/^.*\/isco-08\//, ''))).toEqual(['2619', '3342']);
  expect(o.crosswalks.esco[0].id).toMatch(new RegExp(`^${CODE}/crosswalks/esco/\\d+$`));
  expect(o.changes[0].id).toMatch(/^release-changes\/30\.1\/30\.2\/\d+$/);
  expect(d.translateCode[0].id).toBe('translations/ONET_SOC_2010:15-1132.00/ONET_SOC_2019:15-1252.00');
  expect(d.translateCode[0].path.map((s: { id: string }) => s.id)).toEqual([1, 2].map((n) => `${d.translateCode[0].id}/steps/${n}`));
  expect(d.releaseChanges.edges[0].node.id).toMatch(/^release-changes\/30\.1\/30\.2\/\d+$/);
  expect(d.dataset.releaseChangeSummary[0].id).toMatch(/^release-changes\/[\d.]+\/[\d.]+\/files\/\w/);
  expect(d.interestTypes[0].id).toBe('interest-types/1.B.1.a');
  expect(d.interestTypes[0].keywords[0].id).toMatch(/^interest-types\/1\.B\.1\.a\/keywords\/\d+$/);
  expect(d.skillLinks[0].id).toMatch(/^skill-links\/2\.A\.1\.a\/4\.[AC]\./);
  // Every id of an object a cache keeps on its own is distinct within its type. Facets and gaps repeat on purpose
  // where two fields give the same object (a move's comparison is `comparison(to:)` of the same pair).
  const byType = new Map<string, string[]>();
  const collect = (value: unknown, type: string) => {
    if (Array.isArray(value)) return value.forEach((v) => collect(v, type));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string') byType.set(type, [...(byType.get(type) ?? []), child]);
      else collect(child, `${type}.${key}`);
    }
  };
  collect(d, 'Query');
  expect(byType.size).toBeGreaterThan(20);
  for (const [path, list] of byType) expect({ path, duplicates: list.filter((id, i) => list.indexOf(id) !== i) }).toEqual({ path, duplicates: [] });
});

test('the AI exposure types carry their documented ids', async () => {
  const result = await t.run<Record<string, any>>(`{
    occupation(code: "${CODE}") {
      aiExposure {
        id measures { id } sources { id }
        rankedTasks(by: GPT4_EXPOSURE, first: 2) { edges { node { id aiExposure { id aeiPenetration { id } gptsLabels { id } } } } }
      }
    }
    dataset { aiExposure { id sources { id } } }
  }`);
  expect(result.errors).toBeUndefined();
  const a = result.data!.occupation.aiExposure;
  expect(a.id).toBe(`${CODE}/ai-exposure`);
  expect(a.measures.map((m: { id: string }) => m.id).slice(0, 2)).toEqual([`${CODE}/ai-exposure/AEI_OBSERVED_EXPOSURE`, `${CODE}/ai-exposure/GPT4_ALPHA`]);
  expect(a.sources.map((s: { id: string }) => s.id)).toEqual(['aei-labor-market-impacts', 'gpts-are-gpts', 'working-with-ai'].map((s) => `${CODE}/ai-exposure/sources/${s}`));
  const task = a.rankedTasks.edges[0].node;
  expect([task.aiExposure.id, task.aiExposure.aeiPenetration.id, task.aiExposure.gptsLabels.id]).toEqual(
    ['', '/aei', '/gpts'].map((suffix) => `${CODE}/tasks/${task.id}/ai-exposure${suffix}`),
  );
  expect(result.data!.dataset.aiExposure.id).toBe('dataset/ai-exposure');
  expect(result.data!.dataset.aiExposure.sources[2].id).toBe('dataset/ai-exposure/working-with-ai');
  const all: string[] = JSON.stringify(result.data).match(/"id":"[^"]*"/g) ?? [];
  expect(new Set(all).size).toBe(all.length);
});
