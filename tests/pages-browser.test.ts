/**
 * The pages in a real browser (headless Chromium). The 43-6012.00 page's visible text holds every line of the
 * published page (data/frameworks/pages/, a verbatim copy), in the published order: the header, the four levels'
 * statements, the AI-usage statements with their citation chips, the evidence pack's figures, the durable-skill
 * statements and the page's anchors, sources line and copyright; only the published page's own controls (sign-in,
 * back link, a show/hide toggle, a correction button) are left out. A page without a framework and the 404 page
 * render with no console error (the 404 page's only one is Chromium noting its status), no page asks anything of
 * another origin than this server's, and headings never skip a level.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/chromium';
import { watchedPage, type WatchedPage } from './support/browser';
import { serveHttp, type RunningHttp } from './support/http';
import { dataDir } from './support/paths';

const published = readFileSync(join(dataDir, 'frameworks/pages/legal-secretaries-43-6012.00.txt'), 'utf8');

/** The published page's controls, which carry no content: they are not part of what a page of ours must show. */
const CONTROLS = new Set([
  'NSXNational Skills ExchangeSign in',
  'Back to Framework',
  'Show O*NET source anchors51 anchors · skillscrosswalk.com',
  'O*NET enrichment · skillscrosswalk.com',
  'Suggest an O*NET correction',
]);

/**
 * The faces of the published page's citation chips. A chip prints its face, then its tooltip (the citation's
 * title), then ". Opens in new tab."; what shows on the page is the face, so that is what ours must show in its place.
 */
const CHIP_FACES = ['Anthropic Economic Index', 'Jadhav & Danve, 2026', 'WEF Skills Taxonomy', 'Pathsmith Durable Skills', 'O*NET v30.2'];
const CHIP = new RegExp(`(${CHIP_FACES.map((face) => face.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}).+?\\. Opens in new tab\\.`, 'g');

/** Text compared without whitespace: the published copy runs words together where its layout split them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Each content line of the published page as it must read on ours: list numbers gone, chips as their faces. */
function publishedLines(): string[] {
  return published
    .split('\n')
    .filter((line) => line.trim() !== '' && !CONTROLS.has(line))
    .map((line) => line.replace(/^\s+\d+\.\s/, '').replace(CHIP, '$1'));
}

let running: RunningHttp;
let browser: Browser;
beforeAll(async () => {
  [running, browser] = await Promise.all([serveHttp({ production: false }), launchChromium()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Opens a path in a fresh context; returns the page, its status, and what it did. */
async function open(path: string): Promise<WatchedPage & { status: number | undefined }> {
  const watched = await watchedPage(browser, new URL(running.url).origin);
  const response = await watched.page.goto(new URL(path, running.url).toString());
  return { ...watched, status: response?.status() };
}

/** Heading levels in document order. */
async function headingLevels(watched: WatchedPage): Promise<number[]> {
  return watched.page.$$eval('h1, h2, h3, h4, h5, h6', (headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
}

function expectAccessibleOutline(levels: number[]): void {
  expect(levels[0]).toBe(1);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} then h${level}`] : []));
  expect(skips).toEqual([]);
}

describe('the Legal Secretaries page', () => {
  let watched: WatchedPage & { status: number | undefined };
  let text: string;
  beforeAll(async () => {
    watched = await open('/occupations/43-6012.00');
    text = await watched.page.locator('main').innerText();
  }, 60_000);
  afterAll(() => watched.close());

  test('the published page reads as ours: each of its lines, in its order, in the visible text', () => {
    const lines = publishedLines();
    // Every chip was recognised: none is left half-read.
    expect(lines.filter((line) => line.includes('Opens in new tab'))).toEqual([]);
    const visible = squeeze(text);
    const missing: string[] = [];
    let from = 0;
    for (const line of lines) {
      const at = visible.indexOf(squeeze(line), from);
      if (at < 0) missing.push(line);
      else from = at + squeeze(line).length;
    }
    expect(missing).toEqual([]);
    // What that covered: 40 competency statements, 12 AI-usage and 88 durable-skill statements, 8 anchor tasks.
    expect(published.split('\n').filter((line) => /^\s+\d+\.\s/.test(line))).toHaveLength(40 + 12 + 88 + 8);
  });

  test("the evidence pack's figures, as the published page prints them", () => {
    for (const figure of ['Task observations: 147', 'Augment share: 14.7%', 'Time saved: 92.5%', 'AI autonomy: 2.80', 'Top skill: Reading Comprehension', 'Score: 45.5 / 100', 'Quadrant: Q2_ai_augmented', 'precision: exact', 'Human-Technology Interaction']) {
      expect(text).toContain(figure);
    }
  });

  test('a citation chip links to its source in the list of sources', async () => {
    const chip = watched.page.locator('a.chip', { hasText: 'Jadhav & Danve, 2026' }).first();
    expect(await chip.getAttribute('title')).toBe('Skill Automation Feasibility Index — Jadhav & Danve, 2026 (arXiv:2604.06906)');
    await chip.click();
    expect(new URL(watched.page.url()).hash).toBe('#source-safi');
    expect(await watched.page.locator('#source-safi').innerText()).toContain('Skill Automation Feasibility Index');
  });

  test('plain accessible HTML: lang, one h1, no skipped heading level, a named chart; no console error; nothing asked of another origin', async () => {
    expect(watched.status).toBe(200);
    expect(await watched.page.getAttribute('html', 'lang')).toBe('en');
    expectAccessibleOutline(await headingLevels(watched));
    expect(await watched.page.locator('script').count()).toBe(0);
    // The wage chart is an image to assistive technology, named by its title; its description gives the figures.
    const chart = watched.page.getByRole('img', { name: 'Annual wages, Legal Secretaries and Administrative Assistants, BLS OEWS May 2024' });
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-labelledby')).toBe('wages-title wages-desc');
    expect(watched.errors).toEqual([]);
    expect(watched.outside).toEqual([]);
  });
});

describe('a page without a framework', () => {
  test('renders its O*NET anchors and career moves with no console error; a move links to its page', async () => {
    const watched = await open('/occupations/23-2011.00');
    try {
      expect(watched.status).toBe(200);
      expect(await watched.page.locator('h1').innerText()).toBe('Paralegals and Legal Assistants');
      expect(await watched.page.locator('#competencies').count()).toBe(0);
      expect(await watched.page.locator('#onet li').count()).toBeGreaterThan(20);
      expectAccessibleOutline(await headingLevels(watched));
      const move = watched.page.locator('#career-moves ol a').first();
      const title = await move.innerText();
      await move.click();
      await watched.page.waitForURL(/\/occupations\/\d{2}-\d{4}\.\d{2}$/);
      expect(await watched.page.locator('h1').innerText()).toBe(title);
      expect(watched.errors).toEqual([]);
      expect(watched.outside).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('the 404 page', () => {
  test('says why, links to search, and renders with no console error but Chromium\'s note of its status', async () => {
    const watched = await open('/occupations/99-9999.00');
    try {
      expect(watched.status).toBe(404);
      // Chromium reports a document's 4xx status on the console as an error; that is the page's status, and the
      // only one there may be (a missing stylesheet would be another).
      const url = new URL('/occupations/99-9999.00', running.url).toString();
      expect(watched.errors.splice(0)).toEqual([`console: Failed to load resource: the server responded with a status of 404 (Not Found) (${url})`]);
      expect(await watched.page.locator('main').innerText()).toContain('No occupation has the code 99-9999.00');
      expectAccessibleOutline(await headingLevels(watched));
      await watched.page.locator('main a', { hasText: 'Search occupations by job title' }).click();
      await watched.page.fill('#q', 'legal secretary');
      await watched.page.click('header button[type="submit"]');
      await watched.page.waitForURL(/\/occupations\?q=legal\+secretary$/);
      expect(await watched.page.locator('ol.hits a').first().innerText()).toBe('Legal Secretaries and Administrative Assistants');
      expect(watched.errors).toEqual([]);
      expect(watched.outside).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
