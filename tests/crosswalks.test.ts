/**
 * translateCode and Occupation.crosswalks on the real store, checked against the crosswalk files read directly from
 * data/crosswalks/ (not through the importer), for a sample of codes from every system.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { occupationDataFile } from '../src/store/onet-files';
import { readReleaseManifest, releaseFilePath, releaseOf } from '../src/store/releases';
import { readGzLines } from './support/fixtures';
import { releaseSourceIds } from '../src/resolvers/source';
import { dataDir } from './support/paths';
import { startTestServer, TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

// ---- The files, read directly ----
const text = (file: string) => readFileSync(join(dataDir, 'crosswalks', file), 'utf8');
/** A crosswalk file's rows of old code, old title, new code and new title after its `headerLines` lines (a BOM dropped). */
function codePairs(file: string, format: { delimiter: string; newline: string; headerLines: number }) {
  return text(file)
    .replace(/^\uFEFF/, '')
    .split(format.newline)
    .slice(format.headerLines)
    .filter((l) => l !== '')
    .map((l) => {
      const [from = '', fromTitle = '', to = '', toTitle = ''] = l.split(format.delimiter);
      return { from, fromTitle, to, toTitle };
    });
}
/** BLS: four title lines, then a header, tab-separated, LF. */
const bls = codePairs('bls-soc-2010-to-2018.tsv', { delimiter: '\t', newline: '\n', headerLines: 5 });
/** O*NET's taxonomy crosswalk as reformatted: BOM, `;`, CRLF. */
const taxonomy = codePairs('onet-soc-2010-to-2019.semicolon.csv', { delimiter: ';', newline: '\r\n', headerLines: 1 });
const nesta = (parse(text('esco-onet-nesta-nov2020.csv'), { columns: true }) as Record<string, string>[]).map((r) => ({
  uri: r['concept_uri'] ?? '',
  label: r['esco_occupation'] ?? '',
  isco: r['isco_code'] ?? '',
  onet: r['onet_code'] ?? '',
  confidence: Number(r['confidence']),
}));
const occupations = readGzLines(join(dataDir, releaseFilePath(releaseOf(readReleaseManifest(dataDir), occupationDataFile.release), occupationDataFile.file)))
  .slice(1)
  .filter((l) => l !== '')
  .map((l) => l.split('\t')[0] ?? '')
  .sort();

/** Every `step`-th distinct value, plus the given ones: a sample spread over the whole file. */
function sample(values: string[], step: number, extra: string[] = []): string[] {
  const distinct = [...new Set(values)];
  return [...new Set([...distinct.filter((_, i) => i % step === 0), ...extra])];
}
const underSoc = (soc: string) => occupations.filter((o) => o.startsWith(`${soc}.`));
const taxonomyPaths = (onet2010: string) => taxonomy.filter((r) => r.from === onet2010).map((r) => r.to);

// ---- The API ----
interface Step {
  system: string;
  code: string;
  title: string | null;
  relation: string | null;
  confidence: number | null;
  source: { id: string } | null;
}
interface Translation {
  occupation: { code: string };
  relation: string;
  source: { id: string };
  path: Step[];
}
const TRANSLATE = `query ($system: CodeSystem!, $code: String!) {
  translateCode(system: $system, code: $code) {
    occupation { code } relation source { id }
    path { system code title relation confidence source { id } }
  }
}`;
async function translate(system: string, code: string): Promise<Translation[]> {
  const result = await t.run<{ translateCode: Translation[] }>(TRANSLATE, { system, code });
  expect(result.errors).toBeUndefined();
  return result.data?.translateCode ?? [];
}
/** A translation as the codes along its path, e.g. `SOC_2010:11-2031 > SOC_2018:11-2032 > ONET_SOC_2019:11-2032.00`. */
const pathOf = (t: Translation) => t.path.map((s) => `${s.system}:${s.code}`).join(' > ');

describe('translations agree with the crosswalk files, for a sample of codes from every system', () => {
  test.each(sample(bls.map((r) => r.from), 20, ['15-1132', '11-2031', '29-1069', '13-1199']))('SOC_2010 %s', async (code) => {
    const expected = bls
      .filter((r) => r.from === code)
      .flatMap((r) => underSoc(r.to).map((o) => `SOC_2010:${code} > SOC_2018:${r.to} > ONET_SOC_2019:${o}`));
    const got = await translate('SOC_2010', code);
    expect(got.map(pathOf)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    for (const tr of got) {
      const row = bls.find((r) => r.from === code && r.to === tr.path[1]?.code);
      expect(tr.path[0]?.title).toBe(row?.fromTitle);
      expect(tr.path[1]?.title).toBe(row?.toTitle);
      expect(tr.source.id).toBe('bls-soc-2010-2018');
      const split = bls.filter((r) => r.from === code).length > 1;
      const merged = bls.filter((r) => r.to === row?.to).length > 1;
      expect(tr.path[1]?.relation).toBe(split && merged ? 'SPLIT_AND_MERGED' : split ? 'SPLIT' : merged ? 'MERGED' : 'ONE_TO_ONE');
    }
  });

  test.each(sample(taxonomy.map((r) => r.from), 25, ['15-1132.00', '13-1199.03', '17-3023.01']))('ONET_SOC_2010 %s', async (code) => {
    const rows = taxonomy.filter((r) => r.from === code);
    const got = await translate('ONET_SOC_2010', code);
    expect(got.map(pathOf)).toEqual(rows.map((r) => `ONET_SOC_2010:${code} > ONET_SOC_2019:${r.to}`));
    expect(got.map((tr) => tr.path[1]?.title)).toEqual(rows.map((r) => r.toTitle));
    expect(got.map((tr) => tr.source.id)).toEqual(rows.map(() => 'onet-soc-2010-2019'));
  });

  test.each(sample(nesta.map((r) => r.uri), 60))('ESCO %s', async (uri) => {
    const row = nesta.find((r) => r.uri === uri);
    const got = await translate('ESCO', uri);
    expect(got.map(pathOf)).toEqual(
      taxonomyPaths(row?.onet ?? '').map((to) => `ESCO:${uri} > ONET_SOC_2010:${row?.onet} > ONET_SOC_2019:${to}`),
    );
    for (const tr of got) {
      expect(tr.path[0]?.title).toBe(row?.label);
      expect(tr.path[1]?.confidence).toBe(row?.confidence);
      expect(tr.source.id).toBe('nesta-esco-onet-2020');
    }
  });

  test.each(sample(nesta.map((r) => r.isco), 20, ['3342', '0110']))('ISCO_08 %s', async (isco) => {
    const expected = nesta
      .filter((r) => r.isco === isco)
      .flatMap((r) => taxonomyPaths(r.onet).map((to) => `ISCO_08:${isco} > ESCO:${r.uri} > ONET_SOC_2010:${r.onet} > ONET_SOC_2019:${to}`));
    const got = await translate('ISCO_08', isco);
    expect(got.map(pathOf)).toEqual(expected);
    expect(got.map((tr) => tr.path[2]?.confidence)).toEqual(
      nesta.filter((r) => r.isco === isco).flatMap((r) => taxonomyPaths(r.onet).map(() => r.confidence)),
    );
  });

  test.each(sample(bls.map((r) => r.to), 40, ['11-1011', '15-1252']))('SOC_2018 %s', async (soc) => {
    const got = await translate('SOC_2018', soc);
    expect(got.map((tr) => tr.occupation.code)).toEqual(underSoc(soc));
    expect(got.map((tr) => tr.relation)).toEqual(underSoc(soc).map(() => (underSoc(soc).length > 1 ? 'NARROWER' : 'ONE_TO_ONE')));
  });

  test.each(sample(occupations, 100, ['43-6012.00']))('ONET_SOC_2019 %s', async (code) => {
    const got = await translate('ONET_SOC_2019', code);
    expect(got.map((tr) => [tr.occupation.code, tr.relation, tr.path.length])).toEqual([[code, 'ONE_TO_ONE', 1]]);
  });
});

test('every 2010 SOC code in the BLS file translates to at least one occupation', async () => {
  const codes = [...new Set(bls.map((r) => r.from))];
  expect(codes).toHaveLength(840);
  const untranslated: string[] = [];
  for (const code of codes) if ((await translate('SOC_2010', code)).length === 0) untranslated.push(code);
  expect(untranslated).toEqual([]);
});

test('every translation names one of the crosswalks data/sources.json declares, or the O*NET release', async () => {
  const declared = (JSON.parse(readFileSync(join(dataDir, 'sources.json'), 'utf8')) as { sources: { id: string }[] }).sources.map((s) => s.id);
  const cases: [string, string][] = [
    ...sample(bls.map((r) => r.from), 50).map((c): [string, string] => ['SOC_2010', c]),
    ...sample(taxonomy.map((r) => r.from), 50).map((c): [string, string] => ['ONET_SOC_2010', c]),
    ...sample(nesta.map((r) => r.isco), 30).map((c): [string, string] => ['ISCO_08', c]),
    ...sample(occupations, 200).map((c): [string, string] => ['ONET_SOC_2019', c]),
  ];
  const seen = new Set<string>();
  for (const [system, code] of cases) {
    for (const tr of await translate(system, code)) {
      for (const id of [tr.source.id, ...tr.path.flatMap((s) => (s.source ? [s.source.id] : []))]) seen.add(id);
    }
  }
  const onetRelease = releaseSourceIds(t.store.meta, [t.store.meta.get('onet_release') ?? ''])[0] ?? '';
  const expected = ['bls-soc-2010-2018', 'nesta-esco-onet-2020', onetRelease, 'onet-soc-2010-2019'].sort();
  expect([...seen].sort()).toEqual(expected.filter((id) => declared.includes(id)));
  expect(seen.size).toBe(4);
});

test('a retired code: occupation(code:) stays null, translateCode finds its successors', async () => {
  const result = await t.run<{ occupation: unknown; translateCode: { occupation: { code: string; title: string }; relation: string }[] }>(
    `{ occupation(code: "15-1132.00") { code }
       translateCode(system: ONET_SOC_2010, code: "15-1132.00") { occupation { code title } relation } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.occupation).toBeNull();
  expect(result.data?.translateCode).toEqual([
    { occupation: { code: '15-1252.00', title: 'Software Developers' }, relation: 'SPLIT_AND_MERGED' },
    { occupation: { code: '15-1253.00', title: 'Software Quality Assurance Analysts and Testers' }, relation: 'SPLIT_AND_MERGED' },
  ]);
});

test('occupation(code:) refusing a code of another classification points to translateCode', async () => {
  const result = await t.run('{ occupation(code: "3342") { code } }');
  expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toBe(
    'Argument "code" must be an O*NET-SOC code like 43-6012.00 or a 2018 SOC code like 43-6012; got "3342". ' +
      'Codes of other classifications (2010 SOC, O*NET-SOC 2010, ISCO-08, ESCO) translate with translateCode.',
  );
});

test.each([
  ['SOC_2010', '15-1132.00', 'a SOC code like 43-6012'],
  ['SOC_2018', '151252', 'a SOC code like 43-6012'],
  ['ONET_SOC_2010', '15-1132', 'an O*NET-SOC code like 43-6012.00'],
  ['ONET_SOC_2019', 'Software Developers', 'an O*NET-SOC code like 43-6012.00'],
  ['ISCO_08', '334', 'a four-digit ISCO-08 unit group code like 3342'],
  ['ESCO', 'https://esco.ec.europa.eu/occupation/x', 'an ESCO occupation URI like http://data.europa.eu/esco/occupation/'],
])('a malformed %s code (%s) is BAD_USER_INPUT naming the format', async (system, code, expected) => {
  const result = await t.run(TRANSLATE, { system, code });
  expect(result.data).toBeNull();
  expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.extensions?.['argumentName']).toBe('code');
  expect(result.errors?.[0]?.message).toContain(`Argument "code" must be ${expected}`);
  expect(result.errors?.[0]?.message).toContain(`for system ${system}`);
});

test.each([
  ['SOC_2010', '99-9999'],
  ['ONET_SOC_2010', '99-9999.00'],
  ['SOC_2018', '99-9999'],
  ['ONET_SOC_2019', '15-1132.00'],
  ['ISCO_08', '9999'],
  ['ESCO', 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000'],
])('a well-formed %s code the crosswalks do not hold (%s) gives an empty list', async (system, code) => {
  expect(await translate(system, code)).toEqual([]);
});

test('Legal Secretaries and Administrative Assistants: its 2010 codes and its ESCO occupations with their confidences', async () => {
  const result = await t.run(`{ occupation(code: "43-6012.00") { title crosswalks {
    soc2010 { code title source { id version } }
    onetSoc2010 { code title source { id } }
    isco08 { code source { id } }
    esco { uri label iscoCode confidence source { id } }
  } } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    occupation: {
      title: 'Legal Secretaries and Administrative Assistants',
      crosswalks: {
        soc2010: [{ code: '43-6012', title: 'Legal Secretaries', source: { id: 'bls-soc-2010-2018', version: 'November 2017' } }],
        onetSoc2010: [{ code: '43-6012.00', title: 'Legal Secretaries', source: { id: 'onet-soc-2010-2019' } }],
        isco08: [
          { code: '2619', source: { id: 'nesta-esco-onet-2020' } },
          { code: '3342', source: { id: 'nesta-esco-onet-2020' } },
        ],
        esco: [
          { uri: 'http://data.europa.eu/esco/occupation/d21890a3-cbe9-49df-9a19-a4120d866548', label: 'notary', iscoCode: '2619', confidence: 1, source: { id: 'nesta-esco-onet-2020' } },
          { uri: 'http://data.europa.eu/esco/occupation/0264b794-3771-47aa-a675-78bf13b62ee7', label: 'legal administrative assistant', iscoCode: '3342', confidence: 2, source: { id: 'nesta-esco-onet-2020' } },
          { uri: 'http://data.europa.eu/esco/occupation/578470d7-1848-44cd-a769-96cdd64b2c37', label: 'civil registrar', iscoCode: '3342', confidence: 0.5, source: { id: 'nesta-esco-onet-2020' } },
        ],
      },
    },
  });
});

test("Occupation.crosswalks agrees with the files for a sample of occupations, in one page's statements", async () => {
  const query = (first: number) => `{ occupations(first: ${first}) { edges { node { code socCode crosswalks {
    soc2010 { code } onetSoc2010 { code } isco08 { code } esco { uri confidence } } } } } }`;
  type Node = { code: string; socCode: string; crosswalks: { soc2010: { code: string }[]; onetSoc2010: { code: string }[]; isco08: { code: string }[]; esco: { uri: string; confidence: number }[] } };
  const small = await t.run<{ occupations: { edges: { node: Node }[] } }>(query(5));
  const large = await t.run<{ occupations: { edges: { node: Node }[] } }>(query(100));
  expect(large.errors).toBeUndefined();
  // Batched: a page of 100 runs as many statements as a page of 5.
  expect(large.sqlStatements).toBe(small.sqlStatements);
  const nodes = large.data?.occupations.edges.map((e) => e.node) ?? [];
  expect(nodes).toHaveLength(100);
  for (const node of nodes) {
    const predecessors = taxonomy.filter((r) => r.to === node.code).map((r) => r.from);
    const esco = nesta.filter((r) => predecessors.includes(r.onet));
    expect(node.crosswalks).toEqual({
      soc2010: bls.filter((r) => r.to === node.socCode).map((r) => ({ code: r.from })),
      onetSoc2010: predecessors.map((code) => ({ code })),
      isco08: [...new Set(esco.map((r) => r.isco))].sort().map((code) => ({ code })),
      esco: esco.map((r) => ({ uri: r.uri, confidence: r.confidence })),
    });
  }
  // The sample is not all empty lists.
  expect(nodes.filter((n) => n.crosswalks.esco.length > 0).length).toBeGreaterThan(50);
});

test('dataset and sources list the three crosswalks with their versions, and the attribution credits each', async () => {
  const result = await t.run<{ dataset: { crosswalks: unknown[]; attribution: string }; sources: { id: string }[] }>(
    '{ dataset { crosswalks { id version licence } attribution } sources { id } }',
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.dataset.crosswalks).toEqual([
    { id: 'bls-soc-2010-2018', version: 'November 2017', licence: 'Public domain (U.S. government work)' },
    { id: 'onet-soc-2010-2019', version: 'O*NET-SOC 2019 taxonomy', licence: 'CC BY 4.0' },
    { id: 'nesta-esco-onet-2020', version: '2020-11-23', licence: expect.stringMatching(/^MIT/) },
  ]);
  expect(result.data?.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['bls-soc-2010-2018', 'onet-soc-2010-2019', 'nesta-esco-onet-2020']));
  for (const credit of [
    '2018 SOC crosswalk: U.S. Bureau of Labor Statistics.',
    'O*NET-SOC taxonomy crosswalk: O*NET by USDOL/ETA, CC BY 4.0.',
    'ESCO ↔ O*NET crosswalk: Nesta, Mapping Career Causeways (Kanders, Djumalieva, Sleeman and Orlik, 2020), MIT; ESCO labels © European Union, CC BY 4.0.',
  ]) {
    expect(result.data?.dataset.attribution).toContain(credit);
  }
});
