/** Parsing the occupation codes clients send: O*NET-SOC (`43-6012.00`) or 2018 SOC (`43-6012`). */
import { badUserInput, quoted } from '../errors';
import type { Loaders } from '../loaders';

export type OccupationKey = { kind: 'onet'; code: string } | { kind: 'soc'; socCode: string };

const ONET_SOC = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_2018 = /^\d{2}-\d{4}$/;

export function parseOccupationCode(value: string, argumentName: string): OccupationKey {
  const trimmed = value.trim();
  if (ONET_SOC.test(trimmed)) return { kind: 'onet', code: trimmed };
  if (SOC_2018.test(trimmed)) return { kind: 'soc', socCode: trimmed };
  throw badUserInput(
    argumentName,
    `Argument "${argumentName}" must be an O*NET-SOC code like 43-6012.00 or a 2018 SOC code like 43-6012; got ${quoted(value)}.`,
  );
}

/** Loads the occupation a code names: by O*NET-SOC code, or the canonical occupation of a 2018 SOC code. */
export function loadOccupation(loaders: Loaders, value: string, argumentName: string) {
  const key = parseOccupationCode(value, argumentName);
  return key.kind === 'onet' ? loaders.occupationByCode.load(key.code) : loaders.occupationBySocCode.load(key.socCode);
}
