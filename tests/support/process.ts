/** The real server as its own process: compiled once per test file, started on port 0 in production mode. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startProcess, type ServerProcess } from '../../scripts/load-support';
import { dataDir, projectRoot, testStoreFile } from './paths';

export type { ServerProcess };

/**
 * Compiles src/ with the build config into a fresh folder under var/test/ (one per test process, so concurrent
 * runs in the same checkout cannot delete each other's build) and returns the entry point. A type error
 * elsewhere still emits JavaScript (the typecheck reports it); only a missing entry point stops the tests.
 */
export function compileServer(): string {
  mkdirSync(join(projectRoot, 'var/test'), { recursive: true });
  const distDir = mkdtempSync(join(projectRoot, 'var/test/dist-'));
  const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', distDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  const entry = join(distDir, 'src/index.js');
  if (!existsSync(entry)) throw new Error(`tsc did not produce ${entry}:\n${tsc.stdout}${tsc.stderr}`);
  return entry;
}

/** Removes a build made by compileServer. */
export function removeBuild(entry: string): void {
  rmSync(dirname(dirname(entry)), { recursive: true, force: true });
}

export function startServerProcess(entry: string, env: Record<string, string> = {}): ServerProcess {
  return startProcess(entry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: testStoreFile, DATA_DIR: dataDir, ...env });
}
