/**
 * The O*NET releases the product holds, as data/onet/releases.json declares them: which one is served, which
 * supplies Skills and Knowledge, and which earlier ones are kept for the change feed. Code never names a release;
 * a spec in onet-files.ts names a file inside "the served release" or "the supplement", and this resolves it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError } from './errors';
import { parseJsonFile } from './framework-validation';

export interface DeclaredRelease {
  /** The release's version as O*NET names it, e.g. `30.2`. */
  version: string;
  /** Its folder below data/onet/. */
  folder: string;
  /** Its source id in data/sources.json, e.g. `onet-30.2`. */
  source: string;
}

export interface ReleaseManifest {
  served: DeclaredRelease;
  supplement: DeclaredRelease;
  /** Every held release, oldest first; the served one among them. */
  releases: DeclaredRelease[];
}

export const MANIFEST_FILE = 'onet/releases.json';

/** A release a spec reads from: the served one, or the supplement (the 29.0 Skills and Knowledge). */
export type ReleaseRole = 'served' | 'supplement';

function checkRelease(value: unknown, file: string, path: string, dataDir: string): DeclaredRelease {
  const r = value as Partial<DeclaredRelease> | null;
  for (const key of ['version', 'folder', 'source'] as const) {
    if (typeof r?.[key] !== 'string' || r[key] === '') throw new DataFileError(file, `at ${path}.${key}`, 'must be a non-empty string');
  }
  const release = r as DeclaredRelease;
  if (!existsSync(join(dataDir, 'onet', release.folder))) {
    throw new DataFileError(file, `at ${path}.folder`, `folder data/onet/${release.folder} is missing`);
  }
  return { version: release.version, folder: release.folder, source: release.source };
}

export function readReleaseManifest(dataDir: string): ReleaseManifest {
  const file = `data/${MANIFEST_FILE}`;
  const json = parseJsonFile(join(dataDir, MANIFEST_FILE), file) as { served?: unknown; supplement?: unknown; releases?: unknown };
  if (!Array.isArray(json.releases) || json.releases.length === 0) {
    throw new DataFileError(file, 'at $.releases', 'must list at least one release');
  }
  const releases = json.releases.map((r, i) => checkRelease(r, file, `$.releases[${i}]`, dataDir));
  const versions = releases.map((r) => r.version);
  const duplicate = versions.find((v, i) => versions.indexOf(v) !== i);
  if (duplicate !== undefined) throw new DataFileError(file, 'at $.releases', `release ${duplicate} is declared twice`);
  const served = releases.find((r) => r.version === json.served);
  if (served === undefined) {
    throw new DataFileError(file, 'at $.served', `must be one of the declared releases (${versions.join(', ')}); got ${JSON.stringify(json.served)}`);
  }
  return { served, supplement: checkRelease(json.supplement, file, '$.supplement', dataDir), releases };
}

export function releaseOf(manifest: ReleaseManifest, role: ReleaseRole): DeclaredRelease {
  return role === 'served' ? manifest.served : manifest.supplement;
}

/** The path below data/ of `file` in a release's folder. */
export function releaseFilePath(release: DeclaredRelease, file: string): string {
  return `onet/${release.folder}/${file}`;
}
