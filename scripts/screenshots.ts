/**
 * `npm run screenshots`: starts the server on a free loopback port over the store (built first if missing or stale,
 * as `npm start` does), opens the explorer and the pages in headless Chromium (scripts/chromium.ts) and writes their
 * screenshots to var/screenshots/ (SCREENSHOTS_DIR elsewhere):
 *
 *   explorer.png                    GraphiQL at /, after running the Legal Secretaries query it opens with
 *   occupation-43-6012.00.png       the Legal Secretaries page, top (the README shows a copy: docs/occupation-page.png)
 *   occupation-43-6012.00-full.png  the same page, whole
 *   occupation-23-2011.00.png       Paralegals, an occupation without a framework
 *   not-found.png                   the 404 page
 *
 * No request goes anywhere but this server: any other origin is refused, and the script fails if a page asked for one.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { readConfig } from '../src/config';
import { startHttpServer } from '../src/http';
import { ResponseCache } from '../src/http/response-cache';
import { silentLogger } from '../src/logger';
import { createServer } from '../src/server';
import { ensureStore } from '../src/store/ensure';
import { launchChromium, onlyOrigin } from './chromium';

const VIEWPORT = { width: 1280, height: 1000 };

interface Shot {
  file: string;
  path: string;
  fullPage?: boolean;
  /** What to do once the page has loaded, before the picture. */
  prepare?: (page: import('playwright-core').Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    file: 'explorer.png',
    path: '/',
    prepare: async (page) => {
      await page.waitForSelector('.graphiql-query-editor .CodeMirror');
      await page.click('.graphiql-execute-button');
      await page.waitForSelector('.result-window .cm-property');
    },
  },
  { file: 'occupation-43-6012.00.png', path: '/occupations/43-6012.00' },
  { file: 'occupation-43-6012.00-full.png', path: '/occupations/43-6012.00', fullPage: true },
  { file: 'occupation-23-2011.00.png', path: '/occupations/23-2011.00' },
  { file: 'not-found.png', path: '/occupations/99-9999.00' },
];

async function main(): Promise<void> {
  const config = readConfig();
  const outDir = resolve(process.env.SCREENSHOTS_DIR ?? 'var/screenshots');
  mkdirSync(outDir, { recursive: true });
  const store = await ensureStore({ dataDir: config.dataDir, storeFile: config.storeFile, rebuild: true, heldRows: config.heldRows, log: (line) => console.log(line) });
  const apollo = createServer({ production: false, explorer: 'graphiql' });
  await apollo.start();
  const { server } = await startHttpServer(
    { apollo, store, maxBodyBytes: config.maxBodyBytes, exposeStatementCount: false, logger: silentLogger, responseCache: new ResponseCache(0), explorer: 'graphiql' },
    0,
  );
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  let outside: string[] = [];
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    ({ refused: outside } = await onlyOrigin(context, origin));
    const page = await context.newPage();
    for (const shot of SHOTS) {
      await page.goto(`${origin}${shot.path}`);
      await shot.prepare?.(page);
      const file = join(outDir, shot.file);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      console.log(`[screenshots] ${shot.path} -> ${file}`);
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await apollo.stop();
    await store.close();
  }
  if (outside.length > 0) throw new Error(`pages asked for another origin than ${origin}: ${outside.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`[screenshots] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
