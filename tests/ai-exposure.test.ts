/**
 * AI exposure against the files themselves: every figure of all 1,016 occupations, which sources cover each and why
 * not, the task-level joins for a sample of occupations and their counts over every task, the task ranking, and the
 * README's figures. The files are read here directly (csv-parse, zlib), never through the importer.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dataDir, projectRoot } from './support/paths';
import { startTestServer, type TestServer } from './support/server';
import { AEI_JOBS, AEI_TASKS, GPTS_OCCUPATIONS, GPTS_TASKS, WWAI_METRICS, WWAI_SCORES } from './support/ai-exposure-files';
import { readmeCases } from '../scripts/answer-cases';

type Row = Record<string, string>;

const readCsv = (path: string, delimiter = ','): Row[] => parse(readFileSync(join(dataDir, path)), { columns: true, bom: true, delimiter }) as Row[];

function readOnet(file: string): Row[] {
  const [header = '', ...lines] = gunzipSync(readFileSync(join(dataDir, 'onet/30.2', file))).toString('utf8').split('\r\n');
  const columns = header.split('\t');
  return lines.filter((l) => l !== '').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [columns[i], v])) as Row);
}

/** Each file as published: the code column, what kind of code it is, its title column and source. */
const FILES = {
  [AEI_JOBS]: { code: 'occ_code', kind: 'SOC_2018', title: 'title', source: 'aei-labor-market-impacts' },
  [GPTS_OCCUPATIONS]: { code: 'O*NET-SOC Code', kind: 'ONET_SOC', title: 'Title', source: 'gpts-are-gpts' },
  [WWAI_SCORES]: { code: 'SOC Code', kind: 'SOC_2018', title: 'title', source: 'working-with-ai' },
  [WWAI_METRICS]: { code: 'SOC Code', kind: 'SOC_2018', title: 'title', source: 'working-with-ai' },
} as const;
type MeasureFile = keyof typeof FILES;

/** Every measure, in the order the API lists them, with the file and column it is published in. */
const MEASURES: [measure: string, file: MeasureFile, column: string][] = [
  ['AEI_OBSERVED_EXPOSURE', AEI_JOBS, 'observed_exposure'],
  ['GPT4_ALPHA', GPTS_OCCUPATIONS, 'dv_rating_alpha'],
  ['GPT4_BETA', GPTS_OCCUPATIONS, 'dv_rating_beta'],
  ['GPT4_GAMMA', GPTS_OCCUPATIONS, 'dv_rating_gamma'],
  ['HUMAN_ALPHA', GPTS_OCCUPATIONS, 'human_rating_alpha'],
  ['HUMAN_BETA', GPTS_OCCUPATIONS, 'human_rating_beta'],
  ['HUMAN_GAMMA', GPTS_OCCUPATIONS, 'human_rating_gamma'],
  ['WWAI_APPLICABILITY', WWAI_SCORES, 'ai_applicability_score'],
  ['WWAI_APPLICABILITY_USER', WWAI_METRICS, 'ai_applicability_score_user'],
  ['WWAI_APPLICABILITY_AI', WWAI_METRICS, 'ai_applicability_score_ai'],
  ['WWAI_COVERAGE_USER', WWAI_METRICS, 'coverage_user'],
  ['WWAI_COVERAGE_AI', WWAI_METRICS, 'coverage_ai'],
  ['WWAI_COMPLETION_USER', WWAI_METRICS, 'completion_user'],
  ['WWAI_COMPLETION_AI', WWAI_METRICS, 'completion_ai'],
  ['WWAI_POSITIVE_FEEDBACK_USER', WWAI_METRICS, 'feedback_positive_fraction_user'],
  ['WWAI_POSITIVE_FEEDBACK_AI', WWAI_METRICS, 'feedback_positive_fraction_ai'],
  ['WWAI_IMPACT_SCOPE_USER', WWAI_METRICS, 'impact_scope_user'],
  ['WWAI_IMPACT_SCOPE_AI', WWAI_METRICS, 'impact_scope_ai'],
];
const SOURCES = ['aei-labor-market-impacts', 'gpts-are-gpts', 'working-with-ai'];

/** The code a file publishes an occupation's figures under. */
const keyIn = (file: MeasureFile, code: string) => (FILES[file].kind === 'ONET_SOC' ? code : code.slice(0, 7));

const byCode = Object.fromEntries(
  (Object.keys(FILES) as MeasureFile[]).map((file) => [file, new Map(readCsv(file).map((row) => [row[FILES[file].code]!, row]))]),
) as Record<MeasureFile, Map<string, Row>>;
const occupations = readOnet('Occupation Data.txt.gz').map((o) => o['O*NET-SOC Code']!);
const tasks = readOnet('Task Statements.txt.gz');
const withTasks = new Set(tasks.map((t) => t['O*NET-SOC Code']));

/** The same normalisation the schema declares for `StatementMatch.NORMALIZED`, written again as the test's oracle. */
const normalized = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\p{P}/gu, '').replace(/\s+/g, ' ').trim();
const penetrationRows = readCsv(AEI_TASKS);
const penetrationByText = new Map(penetrationRows.map((r) => [r['task']!, r]));
const penetrationByNormalized = new Map<string, Row[]>();
for (const r of penetrationRows) penetrationByNormalized.set(normalized(r['task']!), [...(penetrationByNormalized.get(normalized(r['task']!)) ?? []), r]);
const labelsById = new Map(readCsv(GPTS_TASKS, '\t').map((r) => [r['Task ID']!, r]));

interface ExpectedTask {
  id: string;
  type: string;
  penetration: { value: number; match: 'EXACT' | 'NORMALIZED'; statement: string } | null;
  labels: { humanExposure: string; gpt4Exposure: string; gpt4Automation: string; labelledStatement: string | null } | null;
}

/** What the files say of one O*NET task. */
function expectedTask(task: Row): ExpectedTask {
  const statement = task['Task']!;
  const exact = penetrationByText.get(statement);
  const alike = penetrationByNormalized.get(normalized(statement)) ?? [];
  const sameValue = new Set(alike.map((r) => r['penetration'])).size === 1;
  const penetration =
    exact !== undefined
      ? { value: Number(exact['penetration']), match: 'EXACT' as const, statement }
      : alike.length > 0 && sameValue
        ? { value: Number(alike[0]!['penetration']), match: 'NORMALIZED' as const, statement: alike[0]!['task']! }
        : null;
  const label = labelsById.get(`${task['Task ID']}.0`);
  const labels =
    label === undefined || label['O*NET-SOC Code'] !== task['O*NET-SOC Code']
      ? null
      : {
          humanExposure: label['human_exposure_agg']!,
          gpt4Exposure: label['gpt4_exposure']!,
          gpt4Automation: label['gpt4_automation']!,
          labelledStatement: label['Task'] === statement ? null : label['Task']!,
        };
  return { id: task['Task ID']!, type: task['Task Type']!, penetration, labels };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const entities = (codes: readonly string[]) => ({ representations: codes.map((code) => ({ __typename: 'Occupation', code })) });

interface ServedOccupation {
  code: string;
  aiExposure: {
    measures: { measure: string; value: number; minimum: number; maximum: number; publishedFor: string; publishedForKind: string; publishedTitle: string; source: { id: string } }[];
    sources: { source: { id: string }; covered: boolean; publishedFor: string | null; reason: string | null }[];
  };
}

describe('every occupation, every figure', () => {
  let served: ServedOccupation[];
  const statements: number[] = [];
  beforeAll(async () => {
    served = [];
    for (let i = 0; i < occupations.length; i += 127) {
      const result = await t.run<{ _entities: ServedOccupation[] }>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code aiExposure {
          measures { measure value minimum maximum publishedFor publishedForKind publishedTitle source { id } }
          sources { source { id } covered publishedFor reason } } } } }`,
        entities(occupations.slice(i, i + 127)),
      );
      expect(result.errors).toBeUndefined();
      served.push(...result.data!._entities);
      statements.push(result.sqlStatements);
    }
  });

  test('all 1,016 occupations, each with exactly the figures the files publish for its code or SOC code, in measure order', () => {
    expect(served).toHaveLength(1016);
    let figures = 0;
    for (const o of served) {
      const expected = MEASURES.flatMap(([measure, file, column]) => {
        const key = keyIn(file, o.code);
        const row = byCode[file].get(key);
        if (row === undefined) return [];
        const spec = FILES[file];
        return [{ measure, value: Number(row[column]), minimum: 0, maximum: 1, publishedFor: key, publishedForKind: spec.kind, publishedTitle: row[spec.title]!, source: { id: spec.source } }];
      });
      expect({ code: o.code, measures: o.aiExposure.measures }).toEqual({ code: o.code, measures: expected });
      figures += expected.length;
    }
    // Not a vacuous loop: 899 AEI, 923 × 6 GPTs are GPTs and 916 × 11 Working with AI figures.
    expect(figures).toBe(899 + 923 * 6 + 916 * 11);
  });

  test("the AEI's zeros are served as zeros, and no figure is served where a file has none", () => {
    const aeiZeros = served.filter((o) => o.aiExposure.measures.some((m) => m.measure === 'AEI_OBSERVED_EXPOSURE' && m.value === 0));
    const zeroInFile = occupations.filter((code) => byCode[AEI_JOBS].get(code.slice(0, 7))?.['observed_exposure'] === '0.0');
    expect(aeiZeros.map((o) => o.code)).toEqual(zeroInFile);
    expect(zeroInFile.length).toBeGreaterThan(400);
    const military = served.find((o) => o.code === '55-1011.00')!;
    expect(military.aiExposure.measures).toEqual([]);
  });

  test('each source covers an occupation exactly where its files have a row, and says why not elsewhere', () => {
    const covered: Record<string, number> = {};
    for (const o of served) {
      expect(o.aiExposure.sources.map((s) => s.source.id)).toEqual(SOURCES);
      for (const s of o.aiExposure.sources) {
        const files = (Object.keys(FILES) as MeasureFile[]).filter((f) => FILES[f].source === s.source.id);
        const key = keyIn(files[0]!, o.code);
        const has = files.some((f) => byCode[f].has(key));
        expect({ code: o.code, source: s.source.id, covered: s.covered, publishedFor: s.publishedFor }).toEqual({
          code: o.code, source: s.source.id, covered: has, publishedFor: has ? key : null,
        });
        if (has) {
          covered[s.source.id] = (covered[s.source.id] ?? 0) + 1;
          expect(s.reason).toBeNull();
          continue;
        }
        expect(o.aiExposure.measures.filter((m) => m.source.id === s.source.id)).toEqual([]);
        // The reason the files show: no O*NET tasks; else (SOC sources) a code of the broad group no O*NET
        // occupation has; else no row at all.
        const wider = [...byCode[files[0]!].keys()].filter((c) => c.startsWith(key.slice(0, 6)) && c.length === 7 && !occupations.some((x) => x.startsWith(c)));
        const reason = !withTasks.has(o.code)
          ? `has no task statements for ${o.code}`
          : FILES[files[0]!].kind === 'SOC_2018' && wider.length > 0
            ? `It publishes ${wider[0]} (`
            : 'has no row for it';
        expect({ code: o.code, source: s.source.id, reason: s.reason }).toEqual({ code: o.code, source: s.source.id, reason: expect.stringContaining(reason) });
      }
    }
    expect(covered).toEqual({ 'aei-labor-market-impacts': 899, 'gpts-are-gpts': 923, 'working-with-ai': 916 });
  });

  test("the README's coverage table gives the files' counts: covered, and why not", () => {
    const servedBy = (source: string) => served.map((o) => ({ code: o.code, covered: o.aiExposure.sources.find((s) => s.source.id === source)!.covered }));
    const breakdown = (source: string) => {
      const missing = servedBy(source).filter((o) => !o.covered).map((o) => o.code);
      const noTasks = missing.filter((c) => !withTasks.has(c));
      return { covered: 1016 - missing.length, missing, noTasks: noTasks.length, military: noTasks.filter((c) => c.startsWith('55-')).length, withTasks: missing.filter((c) => withTasks.has(c)) };
    };
    const combined = [...byCode[WWAI_SCORES].keys()].filter((c) => !occupations.some((o) => o.startsWith(c))).sort();
    const underCombined = (code: string) => combined.some((c) => c.slice(0, 6) === code.slice(0, 6));
    const aei = breakdown('aei-labor-market-impacts');
    const gpts = breakdown('gpts-are-gpts');
    const wwai = breakdown('working-with-ai');
    expect(wwai.withTasks.every(underCombined)).toBe(true);
    const aeiUnderCombined = aei.withTasks.filter(underCombined).length;
    const rows = [
      `| Anthropic Economic Index, labor market impacts | 2018 SOC code | ${aei.covered} | ${aei.missing.length}: ${aei.noTasks} have no O*NET task statements (${aei.military} of them military) and no figure for their SOC code; ${aei.withTasks.length} have tasks, but \`job_exposure.csv\` has no row for their SOC code (${aeiUnderCombined} of them sit under the combined codes Working with AI publishes instead, below; the other ${aei.withTasks.length - aeiUnderCombined} have codes`,
      `| GPTs are GPTs | O*NET-SOC occupation | ${gpts.covered} | ${gpts.missing.length}: every one without O*NET task statements (${gpts.military} of them military)`,
      `| Working with AI | 2018 SOC code | ${wwai.covered} | ${wwai.missing.length}: ${wwai.noTasks} have no O*NET task statements (${wwai.military} of them military;`,
      `${wwai.withTasks.length} have tasks, but the file publishes only a combined code for them that no O*NET 30.2 occupation has (${combined.length} codes: ${combined.join(', ')})`,
    ];
    expect(gpts.noTasks).toBe(gpts.missing.length);
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    for (const row of rows) expect(readme.includes(row) ? row : `README.md does not say: ${row}`).toBe(row);
  });

  test('the statements the batches ran do not grow with the number of representations', () => {
    // Eight batches of 127 and one of the rest (0 here: 1,016 = 8 × 127): the same handful of statements each.
    expect(new Set(statements)).toEqual(new Set([statements[0]]));
    expect(statements[0]).toBeLessThanOrEqual(4);
  });
});

test('every measure says what its scale means, from 0 to 1', async () => {
  const result = await t.run<{ occupation: { aiExposure: { measures: { measure: string; scale: string; minimum: number; maximum: number }[] } } }>(
    '{ occupation(code: "43-6012.00") { aiExposure { measures { measure scale minimum maximum } } } }',
  );
  const measures = result.data!.occupation.aiExposure.measures;
  expect(measures.map((m) => m.measure)).toEqual(MEASURES.map(([m]) => m));
  for (const m of measures) {
    expect(m.scale.length).toBeGreaterThan(60);
    expect([m.minimum, m.maximum]).toEqual([0, 1]);
  }
  expect(new Set(measures.map((m) => m.scale)).size).toBe(measures.length);
});

describe('task-level joins', () => {
  interface ServedTask {
    id: string;
    type: string | null;
    aiExposure: { aeiPenetration: ExpectedTask['penetration']; gptsLabels: ExpectedTask['labels'] };
  }

  const TASK_FIELDS = 'id type aiExposure { aeiPenetration { value match statement } gptsLabels { humanExposure gpt4Exposure gpt4Automation labelledStatement } }';
  const toExpected = (task: ServedTask) => ({ id: task.id, penetration: task.aiExposure.aeiPenetration, labels: task.aiExposure.gptsLabels });

  test('a sample of occupations: every task joined as the files say (the normalised join and reworded labels among them)', async () => {
    const withTaskCodes = occupations.filter((c) => withTasks.has(c));
    // Every 10th occupation with tasks, 43-6012.00, and those of the tasks that join in the rarer ways.
    const occupationsOf = (kept: (e: ExpectedTask) => boolean, n: number) =>
      tasks.filter((task) => kept(expectedTask(task))).slice(0, n).map((task) => task['O*NET-SOC Code']!);
    const sample = [
      ...new Set([
        ...withTaskCodes.filter((_, i) => i % 10 === 0),
        '43-6012.00',
        ...occupationsOf((e) => e.penetration?.match === 'NORMALIZED', 1),
        ...occupationsOf((e) => e.labels?.labelledStatement != null, 8),
        ...occupationsOf((e) => e.penetration === null && e.labels === null, 4),
      ]),
    ];
    const result = await t.run<{ _entities: { code: string; tasks: { totalCount: number; edges: { node: ServedTask }[] } }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code tasks(first: 100) { totalCount edges { node { ${TASK_FIELDS} } } } } } }`,
      entities(sample),
    );
    expect(result.errors).toBeUndefined();
    let normalizedSeen = 0;
    let relabelledSeen = 0;
    for (const o of result.data!._entities) {
      // Served in task-id order.
      const expected = tasks.filter((task) => task['O*NET-SOC Code'] === o.code).map(expectedTask).sort((a, b) => Number(a.id) - Number(b.id));
      expect(o.tasks.totalCount).toBe(expected.length);
      expect({ code: o.code, tasks: o.tasks.edges.map((e) => toExpected(e.node)) }).toEqual({
        code: o.code,
        tasks: expected.map(({ id, penetration, labels }) => ({ id, penetration, labels })),
      });
      normalizedSeen += expected.filter((e) => e.penetration?.match === 'NORMALIZED').length;
      relabelledSeen += expected.filter((e) => e.labels?.labelledStatement != null).length;
    }
    expect(sample.length).toBeGreaterThan(90);
    expect(normalizedSeen).toBe(1);
    expect(relabelledSeen).toBeGreaterThanOrEqual(10);
  });

  test('over every task: the match counts the dataset and the README state are those of the files', async () => {
    const all = tasks.map(expectedTask);
    const counts = {
      tasks: all.length,
      aeiPenetrationExact: all.filter((e) => e.penetration?.match === 'EXACT').length,
      aeiPenetrationNormalized: all.filter((e) => e.penetration?.match === 'NORMALIZED').length,
      gptsLabelled: all.filter((e) => e.labels !== null).length,
      gptsLabelledOnOtherWording: all.filter((e) => e.labels?.labelledStatement != null).length,
    };
    expect(counts).toEqual({ tasks: 18796, aeiPenetrationExact: 18683, aeiPenetrationNormalized: 1, gptsLabelled: 18739, gptsLabelledOnOtherWording: 58 });
    const result = await t.run<{ dataset: { aiExposure: typeof counts & { sources: { source: { id: string }; occupationsCovered: number }[] } } }>(
      '{ dataset { aiExposure { tasks aeiPenetrationExact aeiPenetrationNormalized gptsLabelled gptsLabelledOnOtherWording sources { source { id } occupationsCovered } } } }',
    );
    const { sources, ...served } = result.data!.dataset.aiExposure;
    expect(served).toEqual(counts);
    expect(sources.map((s) => [s.source.id, s.occupationsCovered])).toEqual([['aei-labor-market-impacts', 899], ['gpts-are-gpts', 923], ['working-with-ai', 916]]);

    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const n = (x: number) => x.toLocaleString('en-US');
    const percent = (x: number) => `${((100 * x) / counts.tasks).toFixed(1)}%`;
    for (const figure of [
      `${n(counts.aeiPenetrationExact)} of the ${n(counts.tasks)} task statements (${percent(counts.aeiPenetrationExact)})`,
      `${n(counts.aeiPenetrationNormalized)} more once normalised`,
      `${n(counts.gptsLabelled)} of them (${percent(counts.gptsLabelled)})`,
      `${n(counts.gptsLabelledOnOtherWording)} were labelled on wording O*NET has changed since`,
    ]) {
      expect(readme.includes(figure) ? figure : `README.md does not say: ${figure}`).toBe(figure);
    }
  });
});

describe('ranking tasks by exposure', () => {
  const RANK: Record<string, (e: ExpectedTask) => number | null> = {
    AEI_PENETRATION: (e) => e.penetration?.value ?? null,
    GPT4_EXPOSURE: (e) => (e.labels === null ? null : ({ E0: 0, E1: 1, E2: 0.5 } as Record<string, number>)[e.labels.gpt4Exposure]!),
    HUMAN_EXPOSURE: (e) => (e.labels === null ? null : ({ E0: 0, E1: 1, E2: 0.5 } as Record<string, number>)[e.labels.humanExposure]!),
    GPT4_AUTOMATION: (e) => (e.labels === null ? null : Number(e.labels.gpt4Automation.slice(1))),
  };

  /** The ranking the files give: by value in the direction, tasks without one last, ties in task-id order. */
  function expectedRanking(code: string, by: string, direction: 'ASC' | 'DESC', type?: string): string[] {
    const ranked = tasks
      .filter((task) => task['O*NET-SOC Code'] === code && (type === undefined || task['Task Type'] === type))
      .map(expectedTask)
      .map((e) => ({ id: Number(e.id), value: RANK[by]!(e) }));
    ranked.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.id - b.id : a.value === null ? 1 : -1;
      return (direction === 'DESC' ? b.value - a.value : a.value - b.value) || a.id - b.id;
    });
    return ranked.map((r) => String(r.id));
  }

  const RANKED = `query($code: String!, $by: AiTaskMeasure!, $direction: OrderDirection, $first: Int, $after: String, $type: TaskType) {
    occupation(code: $code) { aiExposure { rankedTasks(by: $by, direction: $direction, first: $first, after: $after, type: $type) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
  type Ranked = { occupation: { aiExposure: { rankedTasks: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } };

  const CODES = ['43-6012.00', '15-1252.00', '11-1011.00', '29-1141.00', '13-1082.00', '47-2031.00'];
  test.each(Object.keys(RANK))('by %s, both ways, as the files rank them', async (by) => {
    for (const code of CODES) {
      for (const direction of ['DESC', 'ASC'] as const) {
        const result = await t.run<Ranked>(RANKED, { code, by, direction, first: 100 });
        expect(result.errors).toBeUndefined();
        expect({ code, direction, ids: result.data!.occupation.aiExposure.rankedTasks.edges.map((e) => e.node.id) }).toEqual({
          code, direction, ids: expectedRanking(code, by, direction),
        });
      }
    }
  });

  test("the five most AI-touched tasks in one query; pages of a ranking follow each other with its cursors", async () => {
    const top = await t.run<Ranked>(RANKED, { code: '15-1252.00', by: 'AEI_PENETRATION', first: 5 });
    const full = expectedRanking('15-1252.00', 'AEI_PENETRATION', 'DESC');
    expect(top.data!.occupation.aiExposure.rankedTasks.edges.map((e) => e.node.id)).toEqual(full.slice(0, 5));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Ranked | null } = await t.run<Ranked>(RANKED, { code: '15-1252.00', by: 'AEI_PENETRATION', first: 4, after });
      const ranked = page.data!.occupation.aiExposure.rankedTasks;
      seen.push(...ranked.edges.map((e) => e.node.id));
      if (!ranked.pageInfo.hasNextPage) break;
      after = ranked.pageInfo.endCursor;
    }
    expect(seen).toEqual(full);
  });

  test('core tasks only, ranked', async () => {
    const result = await t.run<Ranked>(RANKED, { code: '43-6012.00', by: 'GPT4_AUTOMATION', type: 'CORE', first: 100 });
    const ids = result.data!.occupation.aiExposure.rankedTasks.edges.map((e) => e.node.id);
    expect(ids).toEqual(expectedRanking('43-6012.00', 'GPT4_AUTOMATION', 'DESC', 'Core'));
    expect(ids.length).toBeLessThan(tasks.filter((x) => x['O*NET-SOC Code'] === '43-6012.00').length);
  });

  test("a cursor from another ranking, or from `tasks`, is refused naming `after`", async () => {
    const page = await t.run<Ranked>(RANKED, { code: '43-6012.00', by: 'GPT4_EXPOSURE', first: 2 });
    const cursor = page.data!.occupation.aiExposure.rankedTasks.pageInfo.endCursor;
    for (const variables of [{ by: 'HUMAN_EXPOSURE' }, { by: 'GPT4_EXPOSURE', direction: 'ASC' }]) {
      const result = await t.run(RANKED, { code: '43-6012.00', first: 2, after: cursor, ...variables });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    }
    const tasksPage = await t.run<{ occupation: { tasks: { pageInfo: { endCursor: string } } } }>('{ occupation(code: "43-6012.00") { tasks(first: 2) { pageInfo { endCursor } } } }');
    const result = await t.run(RANKED, { code: '43-6012.00', by: 'GPT4_EXPOSURE', first: 2, after: tasksPage.data!.occupation.tasks.pageInfo.endCursor });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});

test("43-6012.00, the README's worked example: the new figures stand beside the published evidence pack, which is unchanged", async () => {
  const result = await t.run<{
    occupation: {
      framework: { evidence: { aei: { taskObservations: number; augmentSharePercent: number } } };
      aiExposure: { aei: { value: number; publishedFor: string; source: { id: string; version: string } }; gpt4: { value: number }; wwai: { value: number } };
    };
  }>(`{ occupation(code: "43-6012.00") {
    framework { evidence { aei { taskObservations augmentSharePercent } } }
    aiExposure {
      aei: measure(measure: AEI_OBSERVED_EXPOSURE) { value publishedFor source { id version } }
      gpt4: measure(measure: GPT4_BETA) { value }
      wwai: measure(measure: WWAI_APPLICABILITY) { value }
    } } }`);
  expect(result.errors).toBeUndefined();
  const o = result.data!.occupation;
  expect(o.framework.evidence.aei).toEqual({ taskObservations: 147, augmentSharePercent: 14.7 });
  expect(o.aiExposure.aei).toEqual({ value: 0, publishedFor: '43-6012', source: { id: 'aei-labor-market-impacts', version: 'labor_market_impacts, March 2026' } });
  expect(o.aiExposure.gpt4.value).toBe(Number(byCode[GPTS_OCCUPATIONS].get('43-6012.00')!['dv_rating_beta']));
  expect(o.aiExposure.wwai.value).toBe(Number(byCode[WWAI_SCORES].get('43-6012')!['ai_applicability_score']));
});

test('sources, dataset.attribution and every figure credit the three sources as data/ai-exposure/PROVENANCE.md says', async () => {
  // The PROVENANCE table: folder | source id | licence | what a user must be told.
  const provenance = readFileSync(join(dataDir, 'ai-exposure/PROVENANCE.md'), 'utf8');
  const credits = [...provenance.matchAll(/^\| `[^`]+\/` \| `([^`]+)` \| ([^|]+) \| "([^"]+)" \|$/gm)].map(([, id, licence, credit]) => ({
    id: id!,
    // `CC BY (the dataset card: …)`, `MIT, © 2024 OpenAI (…)`, `CC BY 4.0 (…)`: the licence's name.
    licence: licence!.split(/ \(|,/)[0]!,
    credit: credit!,
  }));
  expect(credits.map((c) => c.id)).toEqual(SOURCES);
  const result = await t.run<{
    sources: { id: string; version: string | null; license: string | null }[];
    dataset: { attribution: string; aiExposure: { sources: { source: { id: string; license: string | null } }[] } };
    occupation: { aiExposure: { measures: { source: { id: string; version: string | null; license: string | null } }[] } };
  }>(`{ sources { id version license } dataset { attribution aiExposure { sources { source { id license } } } }
    occupation(code: "43-6012.00") { aiExposure { measures { source { id version license } } } } }`);
  expect(result.errors).toBeUndefined();
  const { sources, dataset, occupation } = result.data!;
  for (const { id, licence, credit } of credits) {
    const source = sources.find((s) => s.id === id);
    expect({ id, version: typeof source?.version, license: source?.license?.startsWith(licence) }).toEqual({ id, version: 'string', license: true });
    expect(dataset.attribution).toContain(credit);
    expect(dataset.aiExposure.sources.find((s) => s.source.id === id)?.source.license).toBe(source!.license);
  }
  // Every figure carries its source with release and licence (43-6012.00 has all three sources' figures).
  expect(new Set(occupation.aiExposure.measures.map((m) => JSON.stringify(m.source)))).toEqual(
    new Set(SOURCES.map((id) => JSON.stringify(sources.find((s) => s.id === id)))),
  );
});

describe('occupations filtered and ordered by an AI measure', () => {
  /** An occupation's figure for a measure, from the files: its own code's or its SOC code's row, or none. */
  const figureOf = (measure: string, code: string): number | null => {
    const [, file, column] = MEASURES.find(([m]) => m === measure)!;
    const row = byCode[file].get(keyIn(file, code));
    return row === undefined ? null : Number(row[column]);
  };

  const PAGE = `query($first: Int, $after: String, $filter: OccupationFilter, $orderBy: OccupationOrder) {
    occupations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`;
  type Page = { occupations: { totalCount: number; edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  /** Every occupation the query gives, page after page through its cursors, and the totals each page said. */
  async function allPages(variables: Record<string, unknown>, first = 100): Promise<{ codes: string[]; totals: Set<number> }> {
    const codes: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const result: { data?: Page | null; errors?: unknown } = await t.run<Page>(PAGE, { ...variables, first, after });
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = result.data!.occupations;
      codes.push(...edges.map((e) => e.node.code));
      totals.add(totalCount);
      if (!pageInfo.hasNextPage) return { codes, totals };
      after = pageInfo.endCursor;
    }
  }

  /** The order the files give: by the figure in the direction, those without it last, ties in code order. */
  const expectedOrder = (measure: string, direction: 'ASC' | 'DESC', codes: readonly string[] = occupations) =>
    [...codes].sort((a, b) => {
      const x = figureOf(measure, a);
      const y = figureOf(measure, b);
      if (x === null || y === null) return x === y ? a.localeCompare(b) : x === null ? 1 : -1;
      return (direction === 'DESC' ? y - x : x - y) || a.localeCompare(b);
    });

  test.each(['AEI_OBSERVED_EXPOSURE', 'GPT4_BETA', 'HUMAN_ALPHA', 'WWAI_APPLICABILITY', 'WWAI_IMPACT_SCOPE_AI'])(
    'ordered by %s both ways, paged to the end with the cursors: the files\' order, occupations without the figure last',
    async (measure) => {
      for (const direction of ['DESC', 'ASC'] as const) {
        const { codes, totals } = await allPages({ orderBy: { field: 'AI_MEASURE', aiMeasure: measure, direction } });
        expect(totals).toEqual(new Set([1016]));
        expect(codes).toEqual(expectedOrder(measure, direction));
        // The last ones are those without the figure, whichever the direction.
        const without = occupations.filter((c) => figureOf(measure, c) === null);
        expect(without.length).toBeGreaterThan(0);
        expect(codes.slice(-without.length)).toEqual(without);
      }
    },
  );

  test('a range on each of two measures keeps exactly the occupations whose figures lie in both, those without either left out', async () => {
    const filter = { aiMeasures: [{ measure: 'GPT4_BETA', min: 0.5, max: 0.8 }, { measure: 'AEI_OBSERVED_EXPOSURE', min: 0.1 }] };
    const { codes, totals } = await allPages({ filter }, 40);
    const expected = occupations.filter((c) => {
      const beta = figureOf('GPT4_BETA', c);
      const aei = figureOf('AEI_OBSERVED_EXPOSURE', c);
      return beta !== null && beta >= 0.5 && beta <= 0.8 && aei !== null && aei >= 0.1;
    });
    expect(codes).toEqual(expected);
    expect(totals).toEqual(new Set([expected.length]));
    expect(expected.length).toBeGreaterThan(40);
    // Filtered and ordered at once, by a third measure.
    const ordered = await allPages({ filter, orderBy: { field: 'AI_MEASURE', aiMeasure: 'WWAI_APPLICABILITY', direction: 'ASC' } }, 25);
    expect(ordered.codes).toEqual(expectedOrder('WWAI_APPLICABILITY', 'ASC', expected));
  });

  test('a zero is a figure: an AEI range up to 0 keeps the occupations published at 0.0, not those without one', async () => {
    const { codes } = await allPages({ filter: { aiMeasures: [{ measure: 'AEI_OBSERVED_EXPOSURE', max: 0 }] } });
    expect(codes).toEqual(occupations.filter((c) => figureOf('AEI_OBSERVED_EXPOSURE', c) === 0));
    expect(codes).toContain('43-6012.00');
    expect(codes).not.toContain('55-1011.00');
  });

  test('search takes the same ranges', async () => {
    const result = await t.run<{ searchOccupations: { occupation: { code: string } }[] }>(
      '{ searchOccupations(query: "clerk", first: 20, filter: { aiMeasures: [{ measure: WWAI_APPLICABILITY, min: 0.3 }] }) { occupation { code } } }',
    );
    expect(result.errors).toBeUndefined();
    const found = result.data!.searchOccupations.map((h) => h.occupation.code);
    expect(found.length).toBeGreaterThan(0);
    for (const code of found) expect({ code, at: (figureOf('WWAI_APPLICABILITY', code) ?? -1) >= 0.3 }).toEqual({ code, at: true });
  });

  test('an order or range that cannot be meant is BAD_USER_INPUT naming it; a cursor of another order is refused', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ orderBy: { field: 'AI_MEASURE' } }, 'orderBy'],
      [{ orderBy: { field: 'MEDIAN_ANNUAL_WAGE', aiMeasure: 'GPT4_BETA' } }, 'orderBy'],
      [{ filter: { aiMeasures: [{ measure: 'GPT4_BETA', min: 0.8, max: 0.2 }] } }, 'filter'],
    ];
    for (const [variables, argumentName] of cases) {
      const result = await t.run(PAGE, { first: 5, ...variables });
      expect({ variables, extensions: result.errors?.[0]?.extensions }).toEqual({ variables, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) });
    }
    const page = await t.run<Page>(PAGE, { first: 5, orderBy: { field: 'AI_MEASURE', aiMeasure: 'GPT4_BETA' } });
    const cursor = page.data!.occupations.pageInfo.endCursor;
    for (const orderBy of [{ field: 'AI_MEASURE', aiMeasure: 'HUMAN_BETA' }, { field: 'AI_MEASURE', aiMeasure: 'GPT4_BETA', direction: 'ASC' }, { field: 'EMPLOYMENT' }]) {
      const result = await t.run(PAGE, { first: 5, after: cursor, orderBy });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    }
  });
});

describe("the README's AI exposure operations, run within the production limits", () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ production: true });
  });
  afterAll(() => production.stop());

  /** A README operation by its name (scripts/answer-cases.ts reads the README's blocks). */
  const readmeOperation = (name: string): string => {
    const found = readmeCases().find((c) => c.name.startsWith(`README: query ${name} `));
    if (found === undefined) throw new Error(`README.md has no operation ${name}`);
    return found.query;
  };

  test('LegalSecretariesAiExposure answers as its worked example says', async () => {
    const result = await production.run<{
      occupation: {
        aiExposure: {
          measures: { measure: string; value: number }[];
          sources: { covered: boolean }[];
          mostExposed: { totalCount: number; edges: { node: { id: string; aiExposure: { aeiPenetration: { match: string } | null; gptsLabels: { gpt4Exposure: string; labelledStatement: string | null } } } }[] };
        };
        framework: { evidence: { aei: { taskObservations: number } } };
      };
    }>(readmeOperation('LegalSecretariesAiExposure'));
    expect(result.errors).toBeUndefined();
    const a = result.data!.occupation.aiExposure;
    expect(a.measures).toHaveLength(18);
    expect(a.sources.map((s) => s.covered)).toEqual([true, true, true]);
    expect(a.mostExposed.totalCount).toBe(14);
    expect(a.mostExposed.edges.map((e) => e.node.id)).toEqual(['764', '771', '774', '18780', '21078']);
    expect(a.mostExposed.edges.map((e) => [e.node.aiExposure.gptsLabels.gpt4Exposure, e.node.aiExposure.gptsLabels.labelledStatement, e.node.aiExposure.aeiPenetration?.match])).toEqual(
      Array(5).fill(['E1', null, 'EXACT']),
    );
    expect(result.data!.occupation.framework.evidence.aei.taskObservations).toBe(147);
  });

  test('MostExposedOccupations answers as the README says', async () => {
    const result = await production.run<{ occupations: { totalCount: number; edges: { node: { code: string; aiExposure: { aei: { value: number } } } }[] } }>(readmeOperation('MostExposedOccupations'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupations.totalCount).toBe(51);
    expect(result.data!.occupations.edges.map((e) => [e.node.code, e.node.aiExposure.aei.value])).toEqual([
      ['15-1251.00', 0.7451], ['15-1243.00', 0.5787], ['15-1243.01', 0.5787], ['15-1253.00', 0.5195], ['15-1254.00', 0.4802],
    ]);
  });
});
