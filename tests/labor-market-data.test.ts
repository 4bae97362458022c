/**
 * Every labor-market figure served for every one of the 1,016 occupations equals the BLS workbooks read directly
 * here (read-excel-file, not the importer): each wage with its `#` (top-coded bound) or `*` (null), `**`, the
 * ANNUAL- and HOURLY-only rows, employment and its RSE, and every projection figure, in persons. Which row covers
 * an occupation is worked out here again from the files: its SOC code's own row, else the one row of its SOC broad
 * group whose code is not a 2018 SOC code (the BLS crosswalk's), else none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { dataDir } from './support/paths';
import { startTestServer, type TestServer } from './support/server';

type Cell = string | number | boolean | null;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** `#` in OEWS: at least this (data/labor-market/PROVENANCE.md, the file's Field Descriptions). */
const TOP_CODE = { annual: 239_200, hourly: 115 };
const STATISTICS = { mean: 'MEAN', percentile10: 'PCT10', percentile25: 'PCT25', median: 'MEDIAN', percentile75: 'PCT75', percentile90: 'PCT90' } as const;

interface Served {
  code: string;
  socCode: string;
  laborMarket: {
    socCode: string | null;
    socTitle: string | null;
    aggregate: boolean;
    aggregatedSocCodes: string[];
    unavailableReason: string | null;
    employment: { value: number | null; relativeStandardError: number | null; unavailableReason: string | null };
    wages: Record<'annual' | 'hourly', Record<string, unknown> | null> & { annualUnavailableReason: string | null; hourlyUnavailableReason: string | null };
    projection: Record<string, unknown>;
  };
}

const FIGURE = '{ value topCoded }';
const DISTRIBUTION = `{ mean ${FIGURE} meanRelativeStandardError percentile10 ${FIGURE} percentile25 ${FIGURE} median ${FIGURE} percentile75 ${FIGURE} percentile90 ${FIGURE} }`;
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { code socCode laborMarket {
  socCode socTitle aggregate aggregatedSocCodes unavailableReason
  employment { value relativeStandardError unavailableReason }
  wages { annual ${DISTRIBUTION} annualUnavailableReason hourly ${DISTRIBUTION} hourlyUnavailableReason }
  projection { employmentBase employmentTarget change changePercent openingsPerYear selfEmployedPercent typicalEducation workExperience onTheJobTraining unavailableReason }
} } } }`;

/** A sheet's rows as objects by its header row's names. */
async function sheet(file: string, name: string, headerRow: number): Promise<Record<string, Cell>[]> {
  const rows = (await readSheet(join(dataDir, 'labor-market', file), name)) as Cell[][];
  const header = (rows[headerRow - 1] ?? []).map(String);
  return rows.slice(headerRow).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null])));
}

/** OEWS's wage cell as served: `#` its bound, top-coded; `*` null. */
function wage(cell: Cell, basis: 'annual' | 'hourly') {
  if (cell === '#') return { value: TOP_CODE[basis], topCoded: true };
  if (cell === '*') return null;
  if (typeof cell !== 'number') throw new Error(`unexpected wage cell ${String(cell)}`);
  return { value: cell, topCoded: false };
}

const thousands = (cell: Cell) => (cell === '—' ? null : Math.round((cell as number) * 1000));
const asIs = (cell: Cell) => (cell === '—' ? null : cell);

test('every figure of all 1,016 occupations equals the workbooks read directly', async () => {
  const oews = (await sheet('national_M2024_dl.xlsx', 'national_M2024_dl', 1)).filter((r) => r['O_GROUP'] === 'detailed');
  const projections = (await sheet('occupation.xlsx', 'Table 1.2', 2)).filter((r) => r['Occupation type'] === 'Line item');
  const soc = new Set(readFileSync(join(dataDir, 'crosswalks/bls-soc-2010-to-2018.tsv'), 'utf8').split('\n').slice(5).map((line) => line.split('\t')[2]).filter((c): c is string => !!c));
  expect(soc.size).toBe(867);
  const byCode = <R>(rows: R[], code: (r: R) => Cell | undefined) => new Map(rows.map((r) => [String(code(r)), r]));
  const oewsByCode = byCode(oews, (r) => r['OCC_CODE']);
  const projectionByCode = byCode(projections, (r) => r['2024 National Employment Matrix code']);
  /** The covering code: the SOC code's own row, else its broad group's only non-SOC code. */
  const cover = (codes: Map<string, unknown>, socCode: string) => {
    if (codes.has(socCode)) return socCode;
    const aggregates = [...codes.keys()].filter((c) => !soc.has(c) && c.slice(0, 6) === socCode.slice(0, 6));
    expect(aggregates.length).toBeLessThanOrEqual(1);
    return aggregates[0] ?? null;
  };

  const codes = (await t.store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  expect(codes).toHaveLength(1016);
  const served: Served[] = [];
  for (let i = 0; i < codes.length; i += 200) {
    const result = await t.run<{ _entities: Served[] }>(QUERY, { r: codes.slice(i, i + 200).map((code) => ({ __typename: 'Occupation', code })) });
    expect(result.errors).toBeUndefined();
    served.push(...result.data!._entities);
  }

  const seen = { topCoded: 0, notAvailable: 0, annualOnly: 0, hourlyOnly: 0, aggregate: 0, noOews: 0, noProjection: 0, dash: 0 };
  for (const o of served) {
    const lm = o.laborMarket;
    const oewsCode = cover(oewsByCode, o.socCode);
    const projectionCode = cover(projectionByCode, o.socCode);
    const e = oewsCode === null ? undefined : oewsByCode.get(oewsCode);
    const p = projectionCode === null ? undefined : projectionByCode.get(projectionCode);
    const code = oewsCode ?? projectionCode;
    expect({ code: o.code, socCode: lm.socCode, aggregate: lm.aggregate }).toEqual({ code: o.code, socCode: code, aggregate: code !== null && !soc.has(code) });
    expect({ code: o.code, socTitle: lm.socTitle }).toEqual({ code: o.code, socTitle: e?.['OCC_TITLE'] ?? (p === undefined ? null : String(p['2024 National Employment Matrix title']).trim()) });
    if (lm.aggregate) {
      seen.aggregate += 1;
      expect(lm.aggregatedSocCodes).toEqual([...soc].filter((s) => cover(oewsByCode, s) === code || cover(projectionByCode, s) === code).sort());
    } else expect(lm.aggregatedSocCodes).toEqual([]);
    expect(lm.unavailableReason === null).toBe(e !== undefined || p !== undefined);

    if (e === undefined) {
      seen.noOews += 1;
      expect(lm.employment).toEqual({ value: null, relativeStandardError: null, unavailableReason: expect.stringContaining(`no row covering SOC ${o.socCode}`) });
      expect(lm.wages).toMatchObject({ annual: null, hourly: null, annualUnavailableReason: expect.any(String), hourlyUnavailableReason: expect.any(String) });
    } else {
      const employment = e['TOT_EMP'] === '**' ? null : e['TOT_EMP'];
      expect({ code: o.code, employment: lm.employment }).toEqual({
        code: o.code,
        employment: { value: employment, relativeStandardError: e['EMP_PRSE'] === '**' ? null : e['EMP_PRSE'], unavailableReason: employment === null ? expect.any(String) : null },
      });
      for (const basis of ['annual', 'hourly'] as const) {
        const withheld = basis === 'annual' ? e['HOURLY'] === 'TRUE' : e['ANNUAL'] === 'TRUE';
        const reason = lm.wages[`${basis}UnavailableReason`];
        const prefix = basis === 'annual' ? 'A_' : 'H_';
        seen.notAvailable += Object.values(STATISTICS).filter((column) => e[`${prefix}${column}`] === '*').length;
        if (withheld) {
          seen[basis === 'annual' ? 'hourlyOnly' : 'annualOnly'] += 1;
          expect({ code: o.code, distribution: lm.wages[basis], reason }).toEqual({ code: o.code, distribution: null, reason: expect.stringContaining(`releases only ${basis === 'annual' ? 'hourly' : 'annual'} wages`) });
          continue;
        }
        const expected: Record<string, unknown> = { meanRelativeStandardError: e['MEAN_PRSE'] === '*' ? null : e['MEAN_PRSE'] };
        for (const [field, column] of Object.entries(STATISTICS)) {
          const cell = e[`${prefix}${column}`] ?? null;
          if (cell === '#') seen.topCoded += 1;
          expected[field] = wage(cell, basis);
        }
        expect({ code: o.code, basis, distribution: lm.wages[basis], reason }).toEqual({ code: o.code, basis, distribution: expected, reason: null });
      }
    }

    if (p === undefined) {
      seen.noProjection += 1;
      expect(lm.projection).toMatchObject({ employmentBase: null, changePercent: null, unavailableReason: expect.stringContaining(`no row covering SOC ${o.socCode}`) });
    } else {
      const column = (name: string) => p[name] ?? null;
      if (column('Percent self employed, 2024') === '—') seen.dash += 1;
      expect({ code: o.code, projection: lm.projection }).toEqual({
        code: o.code,
        projection: {
          employmentBase: thousands(column('Employment, 2024')),
          employmentTarget: thousands(column('Employment, 2034')),
          change: thousands(column('Employment change, numeric, 2024–34')),
          changePercent: asIs(column('Employment change, percent, 2024–34')),
          openingsPerYear: thousands(column('Occupational openings, 2024–34 annual average')),
          selfEmployedPercent: asIs(column('Percent self employed, 2024')),
          typicalEducation: asIs(column('Typical education needed for entry')),
          workExperience: asIs(column('Work experience in a related occupation')),
          onTheJobTraining: asIs(column('Typical on-the-job training needed to attain competency in the occupation')),
          unavailableReason: null,
        },
      });
    }
  }
  // Each kind of special value and row occurs among the served occupations, so each comparison above ran.
  expect(seen.topCoded).toBeGreaterThan(50);
  expect(seen.notAvailable).toBeGreaterThan(0);
  expect(seen.annualOnly).toBeGreaterThan(50);
  expect(seen.hourlyOnly).toBeGreaterThan(0);
  expect(seen.aggregate).toBe(34);
  expect(seen.dash).toBeGreaterThan(100);
  // The military (19) and 45-3031.00, which OEWS does not publish (EP does).
  expect({ noOews: seen.noOews, noProjection: seen.noProjection }).toEqual({ noOews: 20, noProjection: 19 });
});
