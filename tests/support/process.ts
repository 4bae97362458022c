/** The real server as its own process: compiled once per test file, started on port 0 in production mode. */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, type ServerProcess } from '../../scripts/load-support';
import { dataDir, projectRoot, testStoreFile } from './paths';

export type { ServerProcess };

const distDir = join(projectRoot, 'var/test/dist');
export const serverEntry = join(distDir, 'src/index.js');

/**
 * Compiles src/ with the build config into var/test/dist. A type error elsewhere still emits JavaScript (the
 * typecheck reports it); only a missing entry point stops the tests.
 */
export function compileServer(): void {
  rmSync(distDir, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', distDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (!existsSync(serverEntry)) throw new Error(`tsc did not produce ${serverEntry}:\n${tsc.stdout}${tsc.stderr}`);
}

export function startServerProcess(env: Record<string, string> = {}): ServerProcess {
  return startProcess(serverEntry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: testStoreFile, DATA_DIR: dataDir, ...env });
}
