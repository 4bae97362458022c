/**
 * Headless Chromium from Debian's `chromium` package (CHROMIUM_PATH names another), driven by playwright-core: what
 * the browser tests (tests/support/browser.ts) and `npm run screenshots` start. .ci/run installs the package.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags this machine's notes give for Chromium as root with no network: no sandbox (root), no GPU, and none of
 * the background connections (updates, sync, QUIC probes) that would otherwise try to leave the machine.
 */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`);
  }
  // playwright-core starts each browser with a fresh, empty profile of its own.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/**
 * Lets a browser context reach `origin` (and `data:` URLs) only: every other request, another port on loopback
 * included, is refused before it leaves the browser. Returns every URL asked for and the refused ones, filled in as
 * the pages ask, so a caller can show that nothing went elsewhere.
 */
export async function onlyOrigin(context: BrowserContext, origin: string): Promise<{ requests: string[]; refused: string[] }> {
  const requests: string[] = [];
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return { requests, refused };
}
