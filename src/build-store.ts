/** `npm run build:store`: builds the SQLite store from data/. Exits non-zero, naming the problem, on bad data. */
import { readConfig } from './config';
import { DataFileError } from './store/errors';
import { buildStore } from './store/importer';

export async function runBuildStore(
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const config = readConfig(env);
  try {
    const report = await buildStore({ dataDir: config.dataDir, storeFile: config.storeFile, log: out });
    out(`[build] done in ${(report.elapsedMs / 1000).toFixed(2)}s with ${report.warnings.length} data-quality warning(s)`);
    return 0;
  } catch (error) {
    err(error instanceof DataFileError ? `[build] failed: ${error.message}` : `[build] failed: ${String((error as Error)?.stack ?? error)}`);
    err('[build] the existing store, if any, was left untouched');
    return 1;
  }
}

if (require.main === module) {
  void runBuildStore(process.env, console.log, console.error).then((code) => (process.exitCode = code));
}
