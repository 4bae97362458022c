/**
 * A page in the browser tests' Chromium (scripts/chromium.ts starts it, one per test file): every request it makes is
 * seen and only loopback ones are let through, so a test can say that nothing left the machine; console errors and
 * page errors are kept for the test to check.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Requests to anything but loopback, which were refused. */
  outside: string[];
  /** Console messages of type error, each with the address it is about, and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const requests: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || ((protocol === 'http:' || protocol === 'https:') && LOOPBACK.has(hostname))) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { page, context, requests, outside, errors, close: () => context.close() };
}
