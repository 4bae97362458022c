/**
 * A page in the browser tests' Chromium (scripts/chromium.ts starts it, one per test file): every request it makes is
 * seen and only those to the server under test (its origin) are let through, so a test can say that the page asked
 * nothing of any other origin, let alone another machine; console errors and page errors are kept for the test to check.
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { onlyOrigin } from '../../scripts/chromium';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Requests to any other origin than the server's, which were refused. */
  outside: string[];
  /** Console messages of type error, each with the address it is about, and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context whose pages may reach `origin` (the server under test) only. */
export async function watchedPage(browser: Browser, origin: string, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const { requests, refused: outside } = await onlyOrigin(context, origin);
  const errors: string[] = [];
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { page, context, requests, outside, errors, close: () => context.close() };
}
