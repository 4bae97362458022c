/** The real server as its own process: compiled once per test file, started on port 0 in production mode. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, projectRoot, testStoreFile } from './paths';

const distDir = join(projectRoot, 'var/test/dist');
export const serverEntry = join(distDir, 'src/index.js');

/**
 * Compiles src/ with the build config into var/test/dist. A type error elsewhere still emits JavaScript (the
 * typecheck reports it); only a missing entry point stops the tests.
 */
export function compileServer(): void {
  const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', distDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (!existsSync(serverEntry)) throw new Error(`tsc did not produce ${serverEntry}:\n${tsc.stdout}${tsc.stderr}`);
}

export interface ServerProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves with the port once the ready line is logged, or rejects if the process exits first. */
  ready: Promise<number>;
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>;
}

export function startServerProcess(env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, [serverEntry], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', STORE_FILE: testStoreFile, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  // 'close' rather than 'exit': it comes after stdout and stderr are read to the end.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      buffered += text;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const port = /"port":(\d+)/.exec(line)?.[1];
        if (port !== undefined) resolve(Number(port));
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready:\n${lines.join('\n')}`)));
  });
  ready.catch(() => {});
  return { child, lines, ready, exited };
}
