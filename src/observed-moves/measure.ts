/**
 * Which survey unit each O*NET-SOC 2019 occupation was measured as. Pure: no I/O, no store, no GraphQL.
 *
 * The network's codes are BLS 2010 SOC: detailed codes, broad codes (`11-1010`) and a few minor groups (`25-1000`).
 * An occupation reaches them through O*NET's 2010 -> 2019 taxonomy crosswalk (its O*NET-SOC 2010 predecessors, whose
 * first seven characters are 2010 SOC codes), or, for the few occupations that crosswalk does not list, through
 * BLS's 2010 -> 2018 SOC crosswalk from its 2018 SOC code. Each predecessor is then looked up as its exact code,
 * else its broad code (`xx-xxx0`), else its minor group (`xx-x000`). Where predecessors reach different units, the
 * closest match wins (exact, then broad, then minor group), then a unit holding the occupation's own SOC code, then
 * one in its own major group, then the crosswalk's order.
 */

export type UnitMatch = 'exact' | 'broad' | 'minor_group';

export type Measured =
  | { code: string; unit: string; match: UnitMatch; soc2010Codes: string[]; unavailableReason: null }
  | { code: string; unit: null; match: null; soc2010Codes: string[]; unavailableReason: string };

export interface MeasureInput {
  /** O*NET-SOC 2019 codes, e.g. `43-6012.00`. */
  occupations: readonly string[];
  /** O*NET's taxonomy crosswalk, in file order. */
  taxonomy: readonly { onet2010_code: string; onet2019_code: string }[];
  /** BLS's 2010 -> 2018 SOC crosswalk, in file order. */
  soc: readonly { soc2010_code: string; soc2018_code: string }[];
  /** The unit of each code the network has. */
  unitOfCode: ReadonlyMap<string, string>;
}

const MATCH_ORDER: readonly UnitMatch[] = ['exact', 'broad', 'minor_group'];

function lookUp(code: string, unitOfCode: ReadonlyMap<string, string>): { unit: string; match: UnitMatch } | null {
  const tries: [string, UnitMatch][] = [
    [code, 'exact'],
    [`${code.slice(0, 6)}0`, 'broad'],
    [`${code.slice(0, 4)}000`, 'minor_group'],
  ];
  for (const [key, match] of tries) {
    const unit = unitOfCode.get(key);
    if (unit !== undefined) return { unit, match };
  }
  return null;
}

const unique = (codes: string[]) => [...new Set(codes)];

export function measureOccupations({ occupations, taxonomy, soc, unitOfCode }: MeasureInput): Measured[] {
  const fromTaxonomy = new Map<string, string[]>();
  for (const r of taxonomy) fromTaxonomy.set(r.onet2019_code, [...(fromTaxonomy.get(r.onet2019_code) ?? []), r.onet2010_code.slice(0, 7)]);
  const fromSoc = new Map<string, string[]>();
  for (const r of soc) fromSoc.set(r.soc2018_code, [...(fromSoc.get(r.soc2018_code) ?? []), r.soc2010_code]);
  const unitCodes = new Map<string, string[]>();
  for (const [code, unit] of unitOfCode) unitCodes.set(unit, [...(unitCodes.get(unit) ?? []), code]);

  return occupations.map((code): Measured => {
    const socCode = code.slice(0, 7);
    const soc2010Codes = unique(fromTaxonomy.get(code) ?? fromSoc.get(socCode) ?? []);
    const candidates = soc2010Codes.flatMap((c, order) => {
      const found = lookUp(c, unitOfCode);
      if (found === null) return [];
      const members = unitCodes.get(found.unit) ?? [];
      return [{ ...found, order, own: members.includes(socCode) ? 0 : 1, group: found.unit.slice(0, 2) === code.slice(0, 2) ? 0 : 1 }];
    });
    candidates.sort((a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) || a.own - b.own || a.group - b.group || a.order - b.order);
    const best = candidates[0];
    if (best !== undefined) return { code, unit: best.unit, match: best.match, soc2010Codes, unavailableReason: null };
    return { code, unit: null, match: null, soc2010Codes, unavailableReason: unavailableReason(code, soc2010Codes) };
  });
}

function unavailableReason(code: string, soc2010Codes: readonly string[]): string {
  const survey = 'The CPS ASEC mobility network (del Rio-Chanona et al. 2021)';
  if (code.startsWith('55-')) return `${survey} covers civilian occupations only: military occupations (55-xxxx) are not in it.`;
  if (soc2010Codes.length === 0) return `${survey} is on 2010 SOC codes, and neither O*NET's taxonomy crosswalk nor BLS's SOC crosswalk gives one for ${code}.`;
  const listed = soc2010Codes.length === 1 ? `2010 SOC ${soc2010Codes[0]}` : `2010 SOC ${soc2010Codes.slice(0, -1).join(', ')} or ${soc2010Codes.at(-1)}`;
  return `${survey} has no unit for ${listed}, nor for their broad codes or minor groups.`;
}
