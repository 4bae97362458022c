/** `npm run build:store`: builds the SQLite store from data/. Exits non-zero, naming the problem, on bad data. */
import { readConfig } from './config';
import { DataFileError } from './store/errors';
import { buildStore } from './store/importer';

async function main(): Promise<void> {
  const config = readConfig();
  try {
    const report = await buildStore({ dataDir: config.dataDir, storeFile: config.storeFile, log: (line) => console.log(line) });
    console.log(`[build] done in ${(report.elapsedMs / 1000).toFixed(2)}s with ${report.warnings.length} data-quality warning(s)`);
  } catch (error) {
    console.error(error instanceof DataFileError ? `[build] failed: ${error.message}` : error);
    console.error('[build] the existing store, if any, was left untouched');
    process.exitCode = 1;
  }
}

void main();
