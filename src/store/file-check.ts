/**
 * The two startup checks that read whole files: SQLite's `quick_check` over every page of the store (so a damaged
 * file is refused at startup rather than failing requests later) and the hash of data/ (so a store built from
 * other data is refused). Together they are a large share of a start, and grow with the store and data/, so the
 * server runs them on a worker thread, on its own read-only connection, while its main thread loads and builds the
 * rest (src/index.ts); ensureStore waits for their verdict before the store serves anything.
 */
import SqliteDatabase from 'better-sqlite3';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { hashDataDir } from './input-hash';

export interface FileCheck {
  /** `ok`, or what SQLite found wrong (the first problem, or why the file could not be read at all). */
  pages: string;
  /** hashDataDir(dataDir): compared with the `input_hash` the store was built from. */
  dataHash: string;
}

/** Up to 1 GiB of the store mapped for the page check; a larger file is read through SQLite's cache beyond that. */
const MAP_BYTES = 2 ** 30;

/** Both checks, in this thread. */
export function checkStoreFile(storeFile: string, dataDir: string): FileCheck {
  let pages: string;
  try {
    const sqlite = new SqliteDatabase(storeFile, { readonly: true, fileMustExist: true });
    try {
      // Pages read through a memory map instead of copied into SQLite's cache: less CPU (docs/performance.md).
      // The map goes with this connection, which closes right after.
      sqlite.pragma(`mmap_size = ${MAP_BYTES}`);
      pages = String(sqlite.pragma('quick_check', { simple: true }));
    } finally {
      sqlite.close();
    }
  } catch (error) {
    pages = (error as Error).message;
  }
  return { pages, dataHash: hashDataDir(dataDir) };
}

interface CheckRequest {
  fileCheck: { storeFile: string; dataDir: string };
}

/**
 * Both checks on a worker thread. It loads this module's compiled file again, so it runs from dist/ (or the tests'
 * compiled copy), not under ts-jest; in-process callers use checkStoreFile.
 */
export function checkStoreFileOnWorker(storeFile: string, dataDir: string): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const request: CheckRequest = { fileCheck: { storeFile, dataDir } };
    const worker = new Worker(__filename, { workerData: request });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the store check's worker exited with ${code} before it answered`)));
  });
}

if (!isMainThread && (workerData as Partial<CheckRequest> | null)?.fileCheck !== undefined) {
  const { storeFile, dataDir } = (workerData as CheckRequest).fileCheck;
  parentPort?.postMessage(checkStoreFile(storeFile, dataDir));
}
