/**
 * Opens a store for an in-process test without openStore's page check: global-setup.ts opened the real store
 * with the full check once for the run, and a fixture store is built by the test that opens it. The check itself
 * is tested where it matters (tests/store/ensure.test.ts, tests/staying-up.test.ts), on stores that damageDeepPage
 * damaged.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { openStore, type Store } from '../../src/store/store';
import { testStoreFile } from './paths';

export function openTestStore(storeFile = testStoreFile, heldRows = 0): Promise<Store> {
  return openStore(storeFile, { heldRows, checkPages: false });
}

/**
 * Overwrites the header of the middle leaf page of `element_rating` (the largest table) with 0xFF bytes and returns
 * its page number. Only reading every page (SQLite's `quick_check`) finds it: opening the store, reading its
 * metadata and checking its framework documents never touch that table.
 */
export function damageDeepPage(storeFile: string): number {
  const sqlite = new Database(storeFile, { readonly: true });
  const leaves = "FROM dbstat WHERE name = 'element_rating' AND pagetype = 'leaf'";
  const { pageno } = sqlite.prepare(`SELECT pageno ${leaves} ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 ${leaves})`).get() as { pageno: number };
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  sqlite.close();
  const fd = openSync(storeFile, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (pageno - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return pageno;
}
