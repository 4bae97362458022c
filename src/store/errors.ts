/**
 * Errors the importer raises for bad input. Each names the file, where in it (line or JSON path), and what
 * was wrong, so a data author can fix it without reading the importer.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly location: string | null,
    readonly problem: string,
  ) {
    super(`${file}${location ? ` ${location}` : ''}: ${problem}`);
    this.name = 'DataFileError';
  }
}

/** A data file is served under a source id; the build stops unless `data/sources.json` declares it. */
export function requireDeclaredSource(sourceId: string, displayName: string, declaredSourceIds: ReadonlySet<string>): void {
  if (!declaredSourceIds.has(sourceId)) {
    throw new DataFileError('data/sources.json', null, `declares no source "${sourceId}", which ${displayName} is served under`);
  }
}

/** Why a store file cannot be served; the message says which and what to run. */
export type StoreProblem = 'missing' | 'corrupt' | 'schema-mismatch' | 'incomplete';

export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
