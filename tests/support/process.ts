/** The real server as its own process: compiled once per test run, started on port 0 in production mode. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { startProcess, type ServerProcess } from '../../scripts/load-support';
import { dataDir, projectRoot, testStoreFile } from './paths';

export type { ServerProcess };

/**
 * Compiles src/ once per test run (global-setup.ts calls this) into a fresh folder under var/test/, one per run so
 * concurrent runs in the same checkout cannot delete each other's build, and returns the entry point. It
 * transpiles each file with the build config's options and no type check, as ts-jest does: `npm run typecheck`
 * checks the types. The JSON files src/ imports are copied beside it, as tsc would emit them.
 */
export function compileServer(): string {
  mkdirSync(join(projectRoot, 'var/test'), { recursive: true });
  const outDir = mkdtempSync(join(projectRoot, 'var/test/server-'));
  const configFile = join(projectRoot, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, projectRoot, undefined, configFile);
  const compilerOptions = { ...parsed.options, sourceMap: false, outDir: undefined, rootDir: undefined };
  for (const file of parsed.fileNames.filter((name) => relative(projectRoot, name).startsWith(`src${sep}`))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const target = join(outDir, relative(projectRoot, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const [, json] of outputText.matchAll(/require\("(\.[^"]+\.json)"\)/g)) {
      const source = resolve(dirname(file), json ?? '');
      const copy = join(outDir, relative(projectRoot, source));
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(source, copy);
    }
  }
  return join(outDir, 'src/index.js');
}

/** The server global-setup.ts compiled for this run. */
export function serverEntry(): string {
  const entry = process.env.TEST_SERVER_ENTRY;
  if (entry === undefined || !existsSync(entry)) throw new Error(`no compiled server (TEST_SERVER_ENTRY=${entry}): tests/support/global-setup.ts compiles it`);
  return entry;
}

/** Removes a build made by compileServer. */
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
