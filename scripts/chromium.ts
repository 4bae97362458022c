/**
 * Headless Chromium from Debian's `chromium` package (CHROMIUM_PATH names another), driven by playwright-core: what
 * the browser tests (tests/support/browser.ts) and `npm run screenshots` start. .ci/run installs the package.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
