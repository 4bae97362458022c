/**
 * The explorer in a real browser (headless Chromium): it loads with no request to any other origin than this
 * server's, every request watched and any other refused (another port on loopback included); its editor holds the README's Legal Secretaries query and its
 * variables; running it shows the framework; and nothing goes to the console as an error (a CSP violation would).
 */
import type { Browser } from 'playwright-core';
import { LANDING_PAGE_QUERY, LANDING_PAGE_VARIABLES } from '../src/landing-page';
import { launchChromium } from '../scripts/chromium';
import { watchedPage, type WatchedPage } from './support/browser';
import { EXPLORER_LOADS } from './support/explorer';
import { serveHttp, type RunningHttp } from './support/http';

let running: RunningHttp;
let browser: Browser;
let watched: WatchedPage;
beforeAll(async () => {
  [running, browser] = await Promise.all([serveHttp({ production: false }), launchChromium()]);
  watched = await watchedPage(browser, new URL(running.url).origin);
  await watched.page.goto(running.url);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** The text of the CodeMirror editor under a selector (GraphiQL 3 keeps each editor's instance on its element). */
function editorText(selector: string): Promise<string> {
  return watched.page.$eval(selector, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const VARIABLES_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT = '.result-window .CodeMirror';

test('opens with the Legal Secretaries query and its variables in its editors', async () => {
  await watched.page.waitForSelector(QUERY_EDITOR);
  expect(await editorText(QUERY_EDITOR)).toBe(LANDING_PAGE_QUERY);
  expect(JSON.parse(await editorText(VARIABLES_EDITOR))).toEqual(LANDING_PAGE_VARIABLES);
});

test('runs it and shows the answer: the whole framework', async () => {
  await watched.page.click('.graphiql-execute-button');
  await watched.page.waitForFunction(
    (selector) => (document.querySelector(selector) as unknown as { CodeMirror?: { getValue(): string } } | null)?.CodeMirror?.getValue().includes('"data"') === true,
    RESULT,
  );
  const answer = JSON.parse(await editorText(RESULT)) as { data: { occupation: { title: string; framework: { levels: { statements: unknown[] }[]; durableSkills: unknown[] } } } };
  expect(answer.data.occupation.title).toBe('Legal Secretaries and Administrative Assistants');
  expect(answer.data.occupation.framework.levels.map((level) => level.statements.length)).toEqual([10, 10, 10, 10]);
  expect(answer.data.occupation.framework.durableSkills).toHaveLength(10);
});

test('no request left the machine, every file came from this server, and nothing went to the console as an error', () => {
  expect(watched.outside).toEqual([]);
  const origin = new URL(running.url).origin;
  const paths = watched.requests.map((url) => (url.startsWith(origin) ? new URL(url).pathname : url));
  expect(new Set(paths)).toEqual(new Set(['/', ...EXPLORER_LOADS]));
  // GraphiQL asked for the schema and ran the query: POSTs to / besides the page's own GET.
  expect(paths.filter((path) => path === '/').length).toBeGreaterThanOrEqual(3);
  expect(watched.errors).toEqual([]);
});

test('the watch itself: the same server under another name, or another port on loopback, is another origin, refused and recorded', async () => {
  const { port } = new URL(running.url);
  const other = await watchedPage(browser, new URL(running.url).origin);
  try {
    const elsewhere = [`http://localhost:${port}/`, `http://127.0.0.1:${Number(port) + 1}/explorer/start.js`];
    for (const url of elsewhere) await expect(other.page.goto(url)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(other.outside).toEqual(elsewhere);
  } finally {
    await other.close();
  }
});
