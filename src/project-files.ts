/**
 * Files of the project that are read at run time rather than compiled (schema/, the pages' operations, stylesheet
 * and the explorer's browser script), found from here whether running from src/ (ts-jest) or dist/src/ (compiled).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function projectFile(relative: string): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative} not found above ${__dirname}`);
}
