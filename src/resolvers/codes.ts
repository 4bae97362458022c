/** Loading the occupation a client's code argument names, refusing a malformed code with BAD_USER_INPUT that names the argument. */
import { badUserInput, quoted } from '../errors';
import type { Loaders } from '../loaders';
import { OCCUPATION_CODE_FORMS, type OccupationKey, parseOccupationCode } from '../occupation-code';

function parseCodeArgument(value: string, argumentName: string): OccupationKey {
  const key = parseOccupationCode(value);
  if (key === null) {
    throw badUserInput(
      argumentName,
      `Argument "${argumentName}" must be ${OCCUPATION_CODE_FORMS}; got ${quoted(value)}. ` +
        'Codes of other classifications (2010 SOC, O*NET-SOC 2010, ISCO-08, ESCO) translate with translateCode.',
    );
  }
  return key;
}

/** Loads the occupation a code names: by O*NET-SOC code, or the canonical occupation of a 2018 SOC code. */
export function loadOccupation(loaders: Loaders, value: string, argumentName: string) {
  const key = parseCodeArgument(value, argumentName);
  return key.kind === 'onet' ? loaders.occupationByCode.load(key.code) : loaders.occupationBySocCode.load(key.socCode);
}
