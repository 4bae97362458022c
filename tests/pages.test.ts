/**
 * The HTML pages over real HTTP: an occupation's page by either code form, built from the answer a client gets to
 * the same operation; cacheable (ETag, 304, the response cache) and compressed like GraphQL answers, under a CSP
 * with no script; 404 pages that say why;
 * search hits as links; escaping of hostile text from the data and from the request; production's masked errors.
 * (What the 43-6012.00 page shows, in a real browser: tests/pages-browser.test.ts.)
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { OccupationPageQuery, SearchPageQuery } from '../src/__generated__/page-operations';
import { PAGE_CSP } from '../src/http/pages';
import { renderOccupationPage } from '../src/pages/occupation-page';
import { describeWages, dollars } from '../src/pages/wage-chart';
import { buildStore } from '../src/store/importer';
import { editFramework, makeFixtureDataDir, readGzLines, storeIn, writeGzLines } from './support/fixtures';
import { captureLogs, rawRequest, serveHttp, type RunningHttp } from './support/http';
import { projectRoot } from './support/paths';

const OPERATIONS = readFileSync(join(projectRoot, 'src/pages/operations.graphql'), 'utf8');

let development: RunningHttp;
let production: RunningHttp;
beforeAll(async () => {
  [development, production] = await Promise.all([serveHttp({ production: false }), serveHttp({ production: true })]);
});
afterAll(() => Promise.all([development.stop(), production.stop()]));

const get = (running: RunningHttp, path: string, init?: RequestInit) => fetch(new URL(path, running.url), init);

/** What any client gets for one of the pages' operations, over HTTP. */
async function graphql<TData>(running: RunningHttp, operationName: string, variables: Record<string, unknown>): Promise<TData> {
  const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OPERATIONS, operationName, variables }) });
  const body = (await response.json()) as { data: TData; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** The text between two markers of a page. */
const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

describe('an occupation page', () => {
  test('is the rendering of the answer a client gets to the OccupationPage operation: nothing is read around the graph', async () => {
    for (const code of ['43-6012.00', '23-2011.00']) {
      const page = await (await get(development, `/occupations/${code}`)).text();
      const answer = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code });
      expect(page).toBe(renderOccupationPage(answer.occupation!, answer.dataset));
    }
  });

  test('answers 200 HTML with a CSP that allows no script, the operation\'s Cache-Control, an ETag and a 304', async () => {
    const response = await get(development, '/occupations/43-6012.00');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toMatch(/^default-src 'none'; style-src 'self'/);
    expect(response.headers.get('cache-control')).toBe('max-age=3600, public');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(development, '/occupations/43-6012.00', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const head = await get(development, '/occupations/43-6012.00', { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, '']);
  });

  test('either code form shows the occupation; the 2018 SOC code its canonical O*NET occupation', async () => {
    const [onet, soc] = await Promise.all([get(development, '/occupations/43-6012.00'), get(development, '/occupations/43-6012')]);
    expect(soc.status).toBe(200);
    const html = await soc.text();
    expect(html).toBe(await onet.text());
    expect(html).toContain('<link rel="canonical" href="/occupations/43-6012.00">');
  });

  test('a framework-less occupation shows its O*NET anchors and its closest career moves, each linking to its page', async () => {
    const html = await (await get(development, '/occupations/23-2011.00')).text();
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '23-2011.00' });
    expect(occupation!.framework).toBeNull();
    expect(html).toContain('<h1>Paralegals and Legal Assistants</h1>');
    expect(html).not.toContain('id="competencies"');
    const anchors = between(html, 'id="onet"', '</section>');
    for (const { node } of occupation!.tasks.edges) expect(anchors).toContain(node.statement);
    expect(occupation!.tasks.edges.length).toBeGreaterThan(5);
    const moves = between(html, 'id="career-moves"', '</section>');
    const linked = [...moves.matchAll(/<a href="\/occupations\/([^"]+)">/g)].map((m) => m[1]);
    expect(linked).toEqual(occupation!.careerMoves.map((move) => move.occupation.code));
    expect(linked).toHaveLength(10);
    for (const code of linked.slice(0, 3)) expect((await get(development, `/occupations/${code}`)).status).toBe(200);
  });

  test('an unknown code is a 404 page that says so and links to search', async () => {
    const response = await get(development, '/occupations/99-9999.00');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('No occupation has the code 99-9999.00');
    expect(html).toContain('<a href="/occupations">Search occupations by job title</a>');
  });

  test('a malformed code is a 404 page with the graph\'s reason; so is a path that is no page', async () => {
    const malformed = await get(development, '/occupations/43-60');
    expect(malformed.status).toBe(404);
    const html = await malformed.text();
    expect(html).toContain('“43-60” is not an occupation code.');
    expect(html).toMatch(/Argument &quot;code&quot; must be .*got &quot;43-60&quot;/);
    const deeper = await get(development, '/occupations/43-6012.00/extra');
    expect(deeper.status).toBe(404);
    expect(await deeper.text()).toContain('an occupation&#39;s page is /occupations/ followed by its code alone');
    expect((await get(development, '/occupations/%E0%A4%A')).status).toBe(404);
  });

  test('a page is a GET: anything else is 405 naming GET and HEAD', async () => {
    const response = await get(development, '/occupations/43-6012.00', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the O*NET model on the page', () => {
  test("each rated skill's and knowledge area's level reads as behaviour, by O*NET's level anchors on either side", async () => {
    const html = await (await get(development, '/occupations/43-6012.00')).text();
    const skills = between(html, '<caption>Skill:', '</table>');
    expect(skills).toContain('<th scope="col">What the level looks like (O*NET level anchors)</th>');
    expect(skills).toContain('<th scope="row">Writing</th><td>3.88</td><td>3.88</td><td class="anchor">between 2 (Write down a guest&#39;s order at a restaurant) and 4 (Write an email to staff outlining new directives)</td>');
    expect(skills).toContain('<th scope="row">Reading Comprehension</th><td>4.00</td><td>4.00</td><td class="anchor">at 4 (Understand an email from management describing new personnel policies)</td>');
    // Every row shown names the anchors the graph gives its rating.
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '43-6012.00' });
    const rows = skills.split('<tr><th scope="row">').slice(1);
    expect(rows).toHaveLength(10);
    rows.forEach((row, i) => {
      const { lower, upper } = occupation!.skills.items![i]!.levelAnchors!;
      for (const anchor of [lower, upper]) expect(row).toContain(`${anchor!.value} (${anchor!.description.replace(/'/g, '&#39;')})`);
    });
    expect(between(html, '<caption>Knowledge area:', '</table>').match(/<td class="anchor">(at|between) \d/g)).toHaveLength(10);
  });
});

describe('AI exposure', () => {
  const aiSection = async (code: string) => between(await (await get(development, `/occupations/${code}`)).text(), 'id="ai-exposure"', '</section>');

  test("each source's headline figure as the graph gives it, and the most exposed tasks both ways, exposed ones only", async () => {
    const section = await aiSection('43-6012.00');
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '43-6012.00' });
    const ai = occupation!.aiExposure;
    expect(ai.measures.map((m) => m.measure)).toEqual(['AEI_OBSERVED_EXPOSURE', 'GPT4_BETA', 'HUMAN_BETA', 'WWAI_APPLICABILITY']);
    const rows = section.split('<tr><th scope="row">').slice(1);
    expect(rows).toHaveLength(4);
    ai.measures.forEach((m, i) => expect(rows[i]).toContain(`<td>${m.value.toFixed(2)}</td>`));
    expect(rows[0]).toContain('<td>0.00</td><td>SOC 43-6012 (shared)</td>');
    expect(rows[1]).toContain('<td>0.70</td><td>43-6012.00</td>');
    // Observed usage: only tasks the AEI found it reaching (a published 0 is not exposure), highest first.
    const observed = between(section, 'Where AI usage was observed', '</ol>');
    expect([...observed.matchAll(/<li>([^<]+) <span class="note">penetration ([\d.]+)<\/span>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['Schedule and make appointments.', '1.00'],
      ['Make travel arrangements for attorneys.', '0.72'],
    ]);
    const judged = between(section, 'Judged exposed by GPT-4', '</ol>');
    const labelled = ai.judgedTasks.edges.map(({ node }) => node).filter((task) => task.aiExposure.gptsLabels!.gpt4Exposure !== 'E0');
    expect(labelled.length).toBeGreaterThan(0);
    expect([...judged.matchAll(/<li>([^<]+) <span class="note">(E\d)/g)].map((m) => [m[1], m[2]])).toEqual(
      labelled.map((task) => [task.statement.replace(/'/g, '&#39;'), task.aiExposure.gptsLabels!.gpt4Exposure]),
    );
    for (const name of ['Anthropic Economic Index', 'GPTs are GPTs', 'Working with AI']) expect(section).toContain(name);
  });

  test('no figures: each source says why; none observed: said so, not a list of zeros', async () => {
    const military = await aiSection('55-1011.00');
    expect(military).toContain('None of the three sources publishes a figure for this occupation.');
    expect(military.match(/<li>[^<]*publishes no figure for [^<]*military occupation/g)).toHaveLength(3);
    const chiefs = await aiSection('11-1011.03');
    expect(chiefs).toContain('The Anthropic Economic Index observed no AI usage reaching any of this occupation’s tasks it matched.');
  });
});

describe('where people actually went (observed moves)', () => {
  const observed = async (code: string) => between(await (await get(development, `/occupations/${code}`)).text(), 'id="observed-moves"', '</section>');

  test('the destinations in order with their share of movers, each linking the O*NET occupations in it; the unit measured and who shares it', async () => {
    const section = await observed('43-6012.00');
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '43-6012.00' });
    const { moves, sharedWith, measuredAs } = occupation!.observedMoves;
    expect(measuredAs).toMatchObject({ code: '43-6010', title: 'Secretaries and Administrative Assistants' });
    expect(section).toContain('<h2 id="observed-moves-heading">Where people actually went</h2>');
    expect(section).toContain('Secretaries and Administrative Assistants <span class="code">43-6010</span>, which also holds <a href="/occupations/43-6011.00">');
    expect(sharedWith).toHaveLength(3);
    expect(section).toContain('5.2% of its workers were in another unit a year later, in 136 units in all');
    const items = section.split('<li>').slice(1);
    expect(items).toHaveLength(moves.length);
    expect(moves).toHaveLength(10);
    moves.forEach((move, i) => {
      expect(items[i]).toContain(`${move.to.title} <span class="code">${move.to.code}</span>: ${(100 * move.shareOfMovers).toFixed(1)}% of those who moved`);
      const linked = [...items[i]!.matchAll(/<a href="\/occupations\/([^"]+)">/g)].map((m) => m[1]);
      expect(linked).toEqual(move.to.occupations.slice(0, 5).map((o) => o.code));
    });
    expect(items[0]).toContain('Receptionists and Information Clerks <span class="code">43-4170</span>: 6.3% of those who moved');
    expect(section).toContain('CC BY 4.0');
  });

  test('a unit of many occupations links five and counts the rest; no unit in the survey: the reason, no list', async () => {
    const chiefs = await observed('11-1011.03');
    expect(chiefs).toMatch(/Postmasters and Mail Superintendents; Miscellaneous Managers <span class="code">11-9130<\/span>: [\d.]+% of those who moved\n<br><span class="into">O\*NET: (<a href="[^"]+">[^<]+<\/a>(, )?){5} and \d+ more<\/span>/);
    const military = await observed('55-1011.00');
    expect(military).toContain('<p class="none">The CPS ASEC mobility network (del Rio-Chanona et al. 2021) covers civilian occupations only: military occupations (55-xxxx) are not in it.</p>');
    expect(military).not.toContain('<ol');
  });
});

describe('pay and demand', () => {
  const payAndDemand = async (code: string) => between(await (await get(development, `/occupations/${code}`)).text(), 'id="pay-and-demand"', '</section>');

  test('the wage distribution as inline SVG whose text alternative gives every percentile, employment and the projection', async () => {
    const section = await payAndDemand('43-6012.00');
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '43-6012.00' });
    const annual = occupation!.laborMarket.wages.annual!;
    expect(section).toMatch(/<svg class="wage-chart" [^>]*role="img" aria-labelledby="wages-title wages-desc">/);
    expect(section).toContain('<title id="wages-title">Annual wages, Legal Secretaries and Administrative Assistants, BLS OEWS May 2024</title>');
    expect(section).toContain(`<desc id="wages-desc">${describeWages(annual)}.</desc>`);
    expect(describeWages(annual)).toBe('10th percentile $35,530; 25th percentile $42,720; median $54,140; 75th percentile $72,090; 90th percentile $87,660');
    expect(section).not.toContain('open-end');
    for (const text of ['<th scope="row">Mean</th><td>$60,320</td>', '154,540 wage and salary jobs in May 2024 (relative standard error 3.0%)', '<dt>Change 2024–2034</dt><dd>−9,000 (−5.8%)</dd>', '<dt>Openings a year</dt><dd>19,600</dd>']) {
      expect(section).toContain(text);
    }
  });

  test('top-coded wages are drawn open-ended and read "at least"', async () => {
    const section = await payAndDemand('11-1011.00');
    expect(section).toContain('class="open-end"');
    expect(section).toContain('<th scope="row">90th percentile</th><td>at least $239,200 (top-coded)</td>');
    expect(section).toContain('90th percentile at least $239,200 (top-coded).</desc>');
    expect(section).toContain('<a href="/occupations/11-1011.03">Chief Sustainability Officers</a>');
  });

  test('hourly wages where OEWS gives only those, with why; no figures at all, with why and no chart', async () => {
    const actors = await payAndDemand('27-2011.00');
    expect(actors).toContain('<title id="wages-title">Hourly wages, Actors, BLS OEWS May 2024</title>');
    expect(actors).toContain('releases only hourly wages for 27-2011');
    const military = await payAndDemand('55-1011.00');
    expect(military).toContain('No row of BLS OEWS May 2024 or BLS Employment Projections 2024–34 covers SOC 55-1011');
    expect(military).not.toContain('<svg');
  });

  test("each career move shows the target's median annual wage and the change, as the graph gives them", async () => {
    const html = await (await get(development, '/occupations/43-6012.00')).text();
    const { occupation } = await graphql<OccupationPageQuery>(development, 'OccupationPage', { code: '43-6012.00' });
    const moves = between(html, 'id="career-moves"', '</section>').split('<li>').slice(1);
    expect(moves).toHaveLength(occupation!.careerMoves.length);
    occupation!.careerMoves.forEach((move, i) => {
      const { to, percent } = move.wageChange;
      expect(moves[i]).toContain(`; median ${dollars(to!.value, false)}, ${Math.abs(percent!).toFixed(1)}% ${percent! >= 0 ? 'more' : 'less'}`);
    });
    expect(moves[0]).toContain('median $46,290, 14.5% less');
  });
});

describe('search', () => {
  test('?q=legal+secretary lists the hits of SearchPage, in order, as links to their pages', async () => {
    const response = await get(development, '/occupations?q=legal+secretary');
    expect(response.status).toBe(200);
    const html = await response.text();
    const { searchOccupations } = await graphql<SearchPageQuery>(development, 'SearchPage', { query: 'legal secretary' });
    const listed = [...html.matchAll(/<li><a href="\/occupations\/([^"]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(searchOccupations.map((hit) => hit.occupation.code));
    expect(listed[0]).toBe('43-6012.00');
    expect(html).toContain('value="legal secretary"');
  });

  test('nothing searched: the search form and the occupations with a framework', async () => {
    const html = await (await get(development, '/occupations')).text();
    expect(html).toContain('<form role="search" action="/occupations" method="get">');
    expect(html).toContain('<a href="/occupations/43-6012.00">Legal Secretaries and Administrative Assistants</a>');
  });

  test('a search the graph refuses is a 400 page with its reason', async () => {
    const response = await get(development, `/occupations?q=${'x'.repeat(201)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/200 characters/);
  });
});

describe('compression, as for GraphQL answers (send.ts)', () => {
  const page = (path: string, headers: Record<string, string>) => rawRequest(new URL(path, development.url).toString(), { method: 'GET', headers });
  const decode = (coding: string | undefined, body: Buffer) => (coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body);

  test('a page in the coding its request accepts, with Vary, an ETag per coding and its 304; the same page decoded', async () => {
    const plain = await page('/occupations/43-6012.00', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    for (const coding of ['br', 'gzip']) {
      const coded = await page('/occupations/43-6012.00', { 'accept-encoding': coding });
      expect([coded.status, coded.headers['content-encoding'], coded.headers.vary]).toEqual([200, coding, 'Accept-Encoding']);
      expect(coded.body.length).toBeLessThan(plain.body.length / 4);
      expect(decode(coding, coded.body).equals(plain.body)).toBe(true);
      expect(coded.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-${coding}"`);
      const again = await page('/occupations/43-6012.00', { 'accept-encoding': coding, 'if-none-match': coded.headers.etag! });
      expect(again.status).toBe(304);
    }
  });

  test('a 404 page and the stylesheet are compressed too; the 404 has no ETag', async () => {
    const missing = await page('/occupations/99-9999.00', { 'accept-encoding': 'gzip' });
    expect([missing.status, missing.headers['content-encoding'], missing.headers.etag]).toEqual([404, 'gzip', undefined]);
    expect(decode('gzip', missing.body).toString()).toContain('No occupation has the code 99-9999.00');
    const css = await page('/assets/pages.css', { 'accept-encoding': 'br' });
    expect([css.status, css.headers['content-encoding'], css.headers['content-type']]).toEqual([200, 'br', 'text/css; charset=utf-8']);
  });
});

describe('caching', () => {
  test('pages are kept in the response cache like GraphQL answers, and answered from it', async () => {
    const logs = captureLogs();
    const cached = await serveHttp({ production: true, responseCacheBytes: 8 * 1024 * 1024, responseCacheMinUses: 1, logger: logs.logger });
    try {
      const first = await (await get(cached, '/occupations/43-6014.00')).text();
      const second = await (await get(cached, '/occupations/43-6014.00')).text();
      expect(second).toBe(first);
      const requests = logs.entries().filter((entry) => entry.path === '/occupations/43-6014.00');
      expect(requests.map((entry) => [entry.operationName, entry.cache])).toEqual([
        ['OccupationPage', 'miss'],
        ['OccupationPage', 'hit'],
      ]);
    } finally {
      await cached.stop();
    }
  });
});

describe('hostile text', () => {
  const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
  let hostile: RunningHttp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = makeFixtureDataDir(['43-6012.00', '23-2011.00']);
    editFramework(join(dataDir, 'frameworks/43-6012.00.json'), (framework) => {
      framework.context = `Context ${HOSTILE}`;
      framework.levels[0]!.statements[0]!.subject = `Subject ${HOSTILE}`;
      framework.levels[0]!.statements[0]!.performance = `performance ${HOSTILE}`;
      const aiStatement = framework.aiUsage[0]!.statements[0]!;
      aiStatement.title = `Title ${HOSTILE}`;
      aiStatement.citations[0]!.label = `Label ${HOSTILE}`;
      aiStatement.citations[0]!.title = `Chip title ${HOSTILE}`;
      framework.durableSkills[0]!.levels[0]!.statements[0]!.text = `Durable ${HOSTILE}`;
      framework.anchors.relatedTitles[0] = `Related ${HOSTILE}`;
      const linked = framework.sources.find((source) => source.url !== null)!;
      linked.url = `https://example.org/"onmouseover="alert(3)`;
    });
    const occupations = join(dataDir, 'onet/30.2/Occupation Data.txt.gz');
    writeGzLines(occupations, readGzLines(occupations).map((line) => (line.startsWith('23-2011.00\t') ? line.replace('Paralegals and Legal Assistants', `Paralegals ${HOSTILE}`) : line)));
    await buildStore({ dataDir, storeFile: storeIn(dataDir) });
    hostile = await serveHttp({ production: false, storeFile: storeIn(dataDir) });
  }, 120_000);
  afterAll(async () => {
    await hostile?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Markup the hostile text would have become, had any of it gone unescaped. */
  const unescaped = /<script|<img|onmouseover="|href="javascript:/i;

  test('every value from the data is text, never markup, in element and attribute alike', async () => {
    const html = await (await get(hostile, '/occupations/43-6012.00')).text();
    expect(html).not.toMatch(unescaped);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;';
    for (const text of ['Context ', 'Subject ', 'performance ', 'Title ', 'Label ', 'Durable ', 'Related ']) expect(html).toContain(`${text}${escaped}`);
    expect(html).toContain(`title="Chip title ${escaped}"`);
    expect(html).toContain('href="https://example.org/&quot;onmouseover=&quot;alert(3)"');
    // The occupation's own title, in the related occupations and career moves that link to it, and on its page.
    expect(html).toContain(`>Paralegals ${escaped}</a>`);
    const paralegals = await (await get(hostile, '/occupations/23-2011.00')).text();
    expect(paralegals).not.toMatch(unescaped);
    expect(paralegals).toContain(`<h1>Paralegals ${escaped}</h1>`);
    expect(paralegals).toContain(`<title>Paralegals ${escaped} (23-2011.00) · Skills-framework subgraph</title>`);
  });

  test('what the request carries is text too: the search words and a code in the path', async () => {
    const search = await (await get(hostile, `/occupations?q=${encodeURIComponent(HOSTILE)}`)).text();
    expect(search).not.toMatch(unescaped);
    expect(search).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const path = await get(hostile, `/occupations/${encodeURIComponent(HOSTILE)}`);
    expect(path.status).toBe(404);
    expect(await path.text()).not.toMatch(unescaped);
  });
});

describe('production', () => {
  test('pages are served as in development', async () => {
    const response = await get(production, '/occupations/43-6012.00');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Legal Secretaries and Administrative Assistants</h1>');
    expect((await get(production, '/occupations/99-9999.00')).status).toBe(404);
  });

  test('a failure is a 500 page with the masked message and no stack trace; development shows the message, no stack', async () => {
    const broken = await Promise.all([serveHttp({ production: true }), serveHttp({ production: false })]);
    try {
      for (const running of broken) await running.store.close();
      const [masked, shown] = await Promise.all(broken.map((running) => get(running, '/occupations/43-6012.00')));
      expect([masked!.status, shown!.status]).toEqual([500, 500]);
      expect(masked!.headers.get('cache-control')).toBe('no-store');
      const [maskedHtml, shownHtml] = await Promise.all([masked!.text(), shown!.text()]);
      expect(maskedHtml).toContain('<p>Internal server error</p>');
      expect(maskedHtml).not.toMatch(/driver|destroyed|database|sqlite/i);
      expect(shownHtml).toContain('<p>driver has already been destroyed</p>');
      for (const html of [maskedHtml, shownHtml]) expect(html).not.toMatch(/\bat .+\.(?:js|ts):\d+|stacktrace/);
    } finally {
      await Promise.all(broken.map((running) => running.stop()));
    }
  });
});
