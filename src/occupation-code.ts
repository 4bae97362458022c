/**
 * Occupation codes, the one place that knows their forms: O*NET-SOC (`43-6012.00`) names one occupation, 2018 SOC
 * (`43-6012`) names the detailed occupation O*NET files under it. The resolvers, the corrections input checks,
 * the importer and the scripts all recognise codes here.
 */
export type OccupationKey = { kind: 'onet'; code: string } | { kind: 'soc'; socCode: string };

/** The two forms; the crosswalks' importer checks 2010 codes of the same shapes against them. */
export const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/;
export const SOC_2018 = /^\d{2}-\d{4}$/;

/** What a code may look like, for messages that refuse one. */
export const OCCUPATION_CODE_FORMS = 'an O*NET-SOC code like 43-6012.00 or a 2018 SOC code like 43-6012';

export function isOnetSocCode(value: string): boolean {
  return ONET_SOC.test(value);
}

/** Which code a client's text is (surrounding spaces ignored), or null when it is neither form. */
export function parseOccupationCode(value: string): OccupationKey | null {
  const trimmed = value.trim();
  if (ONET_SOC.test(trimmed)) return { kind: 'onet', code: trimmed };
  if (SOC_2018.test(trimmed)) return { kind: 'soc', socCode: trimmed };
  return null;
}
