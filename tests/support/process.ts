/**
 * The real server as its own process: compiled once per test run (compile-server.js, which global-setup.ts
 * runs), started on port 0 in production mode.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { startProcess, type ServerProcess } from '../../scripts/load-support';
import { dataDir, testStoreFile } from './paths';

export type { ServerProcess };

/** The server global-setup.ts compiled for this run. */
export function serverEntry(): string {
  const entry = process.env.TEST_SERVER_ENTRY;
  if (entry === undefined || !existsSync(entry)) throw new Error(`no compiled server (TEST_SERVER_ENTRY=${entry}): tests/support/global-setup.ts compiles it`);
  return entry;
}

/** Removes a build made by compile-server.js. */
export function removeBuild(entry: string): void {
  rmSync(dirname(dirname(entry)), { recursive: true, force: true });
}

export function startServerProcess(entry: string, env: Record<string, string> = {}): ServerProcess {
  return startProcess(entry, { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: testStoreFile, DATA_DIR: dataDir, ...env });
}

/** The server's lines containing `text`, once there is one: its log reaches stdout up to a second after the event. */
export async function linesContaining(server: ServerProcess, text: string, timeoutMs = 5000): Promise<string[]> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const found = server.lines.filter((line) => line.includes(text));
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
