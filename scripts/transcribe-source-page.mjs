#!/usr/bin/env node
// One-off: transcribe the scraped National Skills Exchange page for 43-6012.00
// (data/frameworks/pages/legal-secretaries-43-6012.00.txt, a verbatim copy of
// ../shared/source-pages/) into data/frameworks/43-6012.00.json.
//
// The scrape ran words together wherever the layout split them, so the few
// places that cannot be parsed mechanically (the competency subject/performance
// split points, the run-together O*NET element names) are hand-maintained
// tables below, each checked against the page. Every line of the page must be
// recognised: anything unexpected throws, nothing is skipped.
//
// Usage: node scripts/transcribe-source-page.mjs
// Check: node scripts/render-source-page.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_PATH = 'data/frameworks/pages/legal-secretaries-43-6012.00.txt';
const OUT_PATH = 'data/frameworks/43-6012.00.json';

// ---------------------------------------------------------------------------
// Hand-maintained tables
// ---------------------------------------------------------------------------

const COMPETENCY_LEVELS = [
  { key: 'EMERGING', name: 'Emerging', band: 'Entry / Apprentice', rank: 1 },
  { key: 'DEVELOPING', name: 'Developing', band: 'Mid-level / Established', rank: 2 },
  { key: 'PROFICIENT', name: 'Proficient', band: 'Senior / Expert IC', rank: 3 },
  { key: 'ADVANCED', name: 'Advanced', band: 'Lead / Principal / Executive', rank: 4 },
];

// Where each competency statement's performance begins: the page prints
// subject and performance with no space between them ("case filesorganize").
// Each entry must occur exactly once in its statement, not after a space, and
// is the exact start of the performance (which runs to the end of the line).
const PERFORMANCE_STARTS = {
  EMERGING: [
    'organize and label under direct attorney supervision',
    'produce basic legal correspondence drafts',
    'receive and route accurately',
    'produce and collate following',
    'prepare and send to clients',
    'complete legibly using',
    'recognize and distinguish basic categories',
    'enter attorney appointments',
    'retrieve, refile, and maintain',
    'gather and consolidate from provided sources',
  ],
  DEVELOPING: [
    'maintain and audit for completeness',
    'prepare and proofread routinely',
    'prepare and distribute using billing',
    'coordinate delivery via mail',
    'organize, retrieve, and version-control',
    'request and compile for attorneys',
    'complete accurately by cross-referencing',
    'manage professionally, applying',
    'process routine account payable expenses',
    'prioritize and sequence administrative tasks',
  ],
  PROFICIENT: [
    'draft, proofread, and finalize autonomously',
    'design and maintain comprehensive',
    'manage end-to-end using billing',
    'coordinate multi-channel delivery',
    'lead independently, identifying',
    'administer and troubleshoot',
    'evaluate for accuracy, completeness',
    'produce professionally formatted pleadings',
    'handle with demonstrated integrity',
    'maintain master litigation calendars',
  ],
  ADVANCED: [
    'establish and enforce firm-wide',
    'mentor, train, and evaluate',
    'redesign and optimize using',
    'lead evaluation and rollout',
    'orchestrate at organizational scale',
    'develop and audit to uphold',
    'cultivate and manage strategically',
    'author and periodically revise',
    'identify procedural vulnerabilities',
    'forecast staffing, technology, and workflow needs',
  ],
};

// Every source the page credits, in the order of its closing "Sources:" line.
// `creditedAs` is how that line names the source (checked, not written out).
// Facts come only from the page: the Sources line, the chip tooltips and the
// "O*NET enrichment · skillscrosswalk.com" line. "World Economic Forum" and
// "Anthropic" are the publishers the source names themselves state ("WEF …",
// "Anthropic …"); nothing on the page names O*NET's publisher, so it is null.
const SOURCES = [
  {
    creditedAs: 'O*NET v30.2 (CC BY 4.0)',
    id: 'onet-30.2', name: 'O*NET Resource Center', shortName: 'O*NET v30.2',
    description: 'Occupational Information Network', publisher: null,
    version: 'v30.2 (Sept 2025)', licence: 'CC BY 4.0', url: null,
  },
  {
    creditedAs: 'SkillsCrosswalk.com',
    id: 'skillscrosswalk', name: 'SkillsCrosswalk.com', shortName: null,
    description: null, publisher: null, version: null, licence: null,
    url: 'https://skillscrosswalk.com',
  },
  {
    creditedAs: 'LER.me',
    id: 'ler-me', name: 'LER.me', shortName: null, description: null,
    publisher: null, version: null, licence: null, url: 'https://ler.me',
  },
  {
    creditedAs: 'Anthropic Economic Index',
    id: 'aei', name: 'Anthropic Economic Index', shortName: null,
    description: null, publisher: 'Anthropic', version: 'release_2026_03_24',
    licence: null, url: null,
  },
  {
    creditedAs: 'SAFI (Jadhav & Danve, 2026)',
    id: 'safi', name: 'Skill Automation Feasibility Index', shortName: 'SAFI',
    description: null, publisher: 'Jadhav & Danve', version: '2026',
    licence: null, url: null,
  },
  {
    creditedAs: 'WEF Skills Taxonomy 2021',
    id: 'wef-skills-taxonomy-2021', name: 'WEF Skills Taxonomy 2021',
    shortName: 'WEF Skills Taxonomy',
    description: 'Building a Common Language for Skills at Work',
    publisher: 'World Economic Forum', version: '2021', licence: null, url: null,
  },
  {
    creditedAs: 'Pathsmith Durable Skills Framework',
    id: 'pathsmith', name: 'Pathsmith Durable Skills Framework',
    shortName: 'Pathsmith Durable Skills', description: null,
    publisher: 'America Succeeds + CompTIA', version: null, licence: null,
    url: null,
  },
];

// Citation chips: the label shown, then the tooltip title, then CHIP_TAIL.
const CHIP_TAIL = '. Opens in new tab.';
const CHIPS = [
  { source: 'aei', label: 'Anthropic Economic Index',
    title: 'Anthropic Economic Index — release_2026_03_24', locator: 'release_2026_03_24' },
  { source: 'safi', label: 'Jadhav & Danve, 2026',
    title: 'Skill Automation Feasibility Index — Jadhav & Danve, 2026 (arXiv:2604.06906)',
    locator: 'arXiv:2604.06906' },
  { source: 'wef-skills-taxonomy-2021', label: 'WEF Skills Taxonomy',
    title: 'WEF Skills Taxonomy 2021 — Building a Common Language for Skills at Work',
    locator: null },
  { source: 'pathsmith', label: 'Pathsmith Durable Skills',
    title: 'Pathsmith Durable Skills Framework — America Succeeds + CompTIA', locator: null },
  { source: 'onet-30.2', label: 'O*NET v30.2',
    title: 'O*NET Resource Center — Occupational Information Network, v30.2 (Sept 2025)',
    locator: null },
];

const DURABLE_DOMAINS = [
  'Communication', 'Leadership', 'Metacognition', 'Critical Thinking', 'Collaboration',
  'Character', 'Creativity', 'Growth Mindset', 'Mindfulness', 'Fortitude',
];
const DURABLE_LEVELS = [
  { key: 'EMERGING', name: 'Emerging' },
  { key: 'DEVELOPING', name: 'Developing' },
  { key: 'APPLYING', name: 'Applying' },
  { key: 'EXCEEDING', name: 'Exceeding' },
];

// O*NET element names, printed on the page with nothing between them.
const ANCHOR_LISTS = [
  { heading: 'O*NET skills', key: 'skills', names: [
    'Reading Comprehension', 'Active Listening', 'Writing', 'Speaking', 'Time Management',
    'Critical Thinking', 'Monitoring', 'Social Perceptiveness', 'Coordination',
    'Service Orientation',
  ] },
  { heading: 'Knowledge domains', key: 'knowledge', names: [
    'Administrative', 'English Language', 'Law and Government', 'Customer and Personal Service',
    'Computers and Electronics', 'Administration and Management', 'Public Safety and Security',
  ] },
  { heading: 'Abilities', key: 'abilities', names: [
    'Written Comprehension', 'Oral Comprehension', 'Near Vision', 'Oral Expression',
    'Written Expression', 'Speech Clarity', 'Speech Recognition', 'Information Ordering',
    'Selective Attention', 'Category Flexibility',
  ] },
  { heading: 'Work styles', key: 'workStyles', names: [
    'Attention to Detail', 'Dependability', 'Integrity', 'Cooperation', 'Cautiousness',
    'Self-Control',
  ] },
  { heading: 'Technology', key: 'technology', names: [
    'Data base user interface and query software', 'Document management software',
    'Accounting software', 'Calendar and scheduling software', 'Human resources software',
    'Billing and invoicing software', 'Project management software',
    'Desktop publishing software', 'Cloud-based data access and sharing software',
    'Word processing software',
  ] },
];

// ---------------------------------------------------------------------------
// Reading the page
// ---------------------------------------------------------------------------

function fail(message) {
  throw new Error(`transcribe-source-page: ${message}`);
}

/** A cursor over the page's lines; every accessor fails loudly with a line number. */
class Page {
  constructor(text) {
    if (text.includes('\r')) fail('page has CR characters; expected LF line endings');
    this.lines = text.split('\n');
    this.i = 0;
  }
  get lineNo() { return this.i + 1; }
  peek() { return this.lines[this.i]; }
  next() {
    if (this.i >= this.lines.length) fail('unexpected end of page');
    return this.lines[this.i++];
  }
  expect(exact) {
    const line = this.next();
    if (line !== exact) fail(`line ${this.i}: expected ${JSON.stringify(exact)}, got ${JSON.stringify(line)}`);
  }
  match(re, what) {
    const line = this.next();
    const m = re.exec(line);
    if (!m) fail(`line ${this.i}: not a ${what}: ${JSON.stringify(line)}`);
    return m;
  }
  /** Text of the line after a fixed prefix. */
  after(prefix) {
    const line = this.next();
    if (!line.startsWith(prefix) || line.length === prefix.length) {
      fail(`line ${this.i}: expected ${JSON.stringify(prefix)} followed by text, got ${JSON.stringify(line)}`);
    }
    return line.slice(prefix.length);
  }
  /** Consecutive "  N. body" lines, numbered from 1 without gaps. */
  numbered() {
    const bodies = [];
    let m;
    while (this.i < this.lines.length && (m = /^ {2}(\d+)\. (\S.*)$/.exec(this.peek()))) {
      if (Number(m[1]) !== bodies.length + 1) fail(`line ${this.lineNo}: numbering jumps to ${m[1]}`);
      bodies.push(m[2]);
      this.i++;
    }
    if (this.i < this.lines.length && /^\s*\d+\./.test(this.peek())) {
      fail(`line ${this.lineNo}: malformed numbered line ${JSON.stringify(this.peek())}`);
    }
    return bodies;
  }
  end() {
    if (this.i !== this.lines.length) fail(`line ${this.lineNo}: unread text ${JSON.stringify(this.peek())}`);
  }
}

const pad2 = (n) => String(n).padStart(2, '0');
const kebab = (name) => name.toLowerCase().replace(/ /g, '-');

function exactlyOnce(haystack, needle, where) {
  const at = haystack.indexOf(needle);
  if (at === -1) fail(`${where}: ${JSON.stringify(needle)} not found in ${JSON.stringify(haystack)}`);
  if (haystack.indexOf(needle, at + 1) !== -1) fail(`${where}: ${JSON.stringify(needle)} occurs more than once`);
  return at;
}

/** "Subjectperformance" split at the hand-listed performance start. */
function splitCompetency(body, performanceStart, where) {
  const at = exactlyOnce(body, performanceStart, where);
  const subject = body.slice(0, at);
  const performance = body.slice(at);
  if (!/^[A-Z]/.test(subject) || /\s$/.test(subject)) fail(`${where}: odd subject ${JSON.stringify(subject)}`);
  if (!/^[a-z]/.test(performance)) fail(`${where}: performance must start lowercase: ${JSON.stringify(performance)}`);
  if (!performance.endsWith('.')) fail(`${where}: performance does not end with a period`);
  return { subject, performance };
}

const chipText = (chip) => chip.label + chip.title + CHIP_TAIL;

/**
 * "Title — text Chip Chip" (durable skills) or "Title — text Chip Chip." (AI
 * usage). The trailing "." after the last chip's "Opens in new tab." is the
 * statement's own closing period, which the page prints after the chips: it is
 * kept at the end of `text`, so a text ends with "." exactly when the page line
 * ends with "tab..".
 */
function parseCitedStatement(body, where) {
  const sep = body.indexOf(' — ');
  if (sep < 1) fail(`${where}: no " — " between title and text`);
  const title = body.slice(0, sep);
  let rest = body.slice(sep + ' — '.length);
  let closingPeriod = '';
  if (rest.endsWith(CHIP_TAIL + '.')) {
    closingPeriod = '.';
    rest = rest.slice(0, -1);
  }
  const citations = [];
  for (;;) {
    const chip = CHIPS.find((c) => rest.endsWith(' ' + chipText(c)));
    if (!chip) break;
    if (citations.some((c) => c.source === chip.source)) fail(`${where}: ${chip.source} cited twice`);
    citations.unshift({ source: chip.source, label: chip.label, title: chip.title, locator: chip.locator });
    rest = rest.slice(0, -(chipText(chip).length + 1));
  }
  if (citations.length === 0) fail(`${where}: no recognised citation chip at the end of ${JSON.stringify(body)}`);
  if (rest.includes('Opens in new tab')) fail(`${where}: unrecognised citation chip in ${JSON.stringify(rest)}`);
  if (title.includes('—') || rest.includes('—')) fail(`${where}: unexpected extra "—"`);
  if (!/^[a-z]/.test(rest) || /[\s.]$/.test(rest)) fail(`${where}: unexpected text shape ${JSON.stringify(rest)}`);
  return { title, text: rest + closingPeriod, citations };
}

/** "12.3" -> 12.3, refusing any spelling that String(number) would not give back. */
function exactNumber(s, where) {
  const n = Number(s);
  if (!Number.isFinite(n) || String(n) !== s) fail(`${where}: ${JSON.stringify(s)} does not round-trip as a number`);
  return n;
}

// ---------------------------------------------------------------------------
// The page, top to bottom
// ---------------------------------------------------------------------------

const pageText = readFileSync(ROOT + PAGE_PATH, 'utf8');
const page = new Page(pageText);

// Header: logo "NSX", publisher, "Sign in" button.
const [, publisher] = page.match(/^NSX(.+)Sign in$/, 'page header');
page.expect('Back to Framework');
page.expect('');
const title = page.next();
if (!/^[A-Z][A-Za-z ,]+$/.test(title)) fail(`line ${page.i}: odd title ${JSON.stringify(title)}`);
page.expect('');
const [, code, zone, zoneName, version] = page.match(
  /^SOC (\d{2}-\d{4}\.\d{2})Job Zone (\d+) · ([A-Z][A-Za-z ]+?)(v\.\d{2}\.\d{2})$/, 'SOC / Job Zone / version line');
page.expect('');
const context = page.after('Context covered');
page.expect('');

// Competency framework.
const levels = COMPETENCY_LEVELS.map((level) => {
  page.expect(level.name);
  page.expect(level.band);
  const bodies = page.numbered();
  const starts = PERFORMANCE_STARTS[level.key];
  if (bodies.length !== starts.length) {
    fail(`${level.name}: page lists ${bodies.length} statements, split table has ${starts.length}`);
  }
  const statements = bodies.map((body, i) => ({
    id: `${code}/competency/${level.key.toLowerCase()}/${pad2(i + 1)}`,
    ...splitCompetency(body, starts[i], `${level.name} ${i + 1}`),
  }));
  return { ...level, statements };
});
page.expect('');

// AI usage.
const aiUsageCoverageNote = page.next();
if (!/^Authoritative source data identified for \d+ occupations$/.test(aiUsageCoverageNote)) {
  fail(`line ${page.i}: odd coverage note ${JSON.stringify(aiUsageCoverageNote)}`);
}
page.expect('');
const aiUsageIntro = page.next();
if (!aiUsageIntro.startsWith('How a worker at each mastery level uses')) fail(`line ${page.i}: odd AI usage intro`);
page.expect('');
const aiUsage = COMPETENCY_LEVELS.map((level) => {
  page.expect(level.name);
  const statements = page.numbered().map((body, i) => ({
    id: `${code}/ai-usage/${level.key.toLowerCase()}/${pad2(i + 1)}`,
    ...parseCitedStatement(body, `AI usage ${level.name} ${i + 1}`),
  }));
  return { level: level.key, statements };
});

// Evidence pack.
page.expect('Evidence pack');
page.expect('AEI usage');
const taskObservations = Number(page.match(/^Task observations: (\d+)$/, 'task observation count')[1]);
const augmentSharePercent = exactNumber(page.match(/^Augment share: ([\d.]+)%$/, 'augment share')[1], 'Augment share');
const timeSavedPercent = exactNumber(page.match(/^Time saved: ([\d.]+)%$/, 'time saved')[1], 'Time saved');
const autonomyText = page.match(/^AI autonomy: (\d+\.\d\d)$/, 'AI autonomy (two decimals)')[1];
const aiAutonomy = Number(autonomyText); // printed with two decimals: 2.8 -> "2.80"
if (aiAutonomy.toFixed(2) !== autonomyText) fail('AI autonomy does not round-trip');
page.expect('SAFI positioning');
const topSkill = page.after('Top skill: ');
const [, scoreText, scoreMaxText] = page.match(/^Score: ([\d.]+) \/ (\d+)$/, 'SAFI score');
const quadrant = page.match(/^Quadrant: (Q[1-4]_[a-z0-9_]+)$/, 'SAFI quadrant')[1];
const precision = page.match(/^precision: ([a-z]+)$/, 'SAFI precision')[1];
page.expect('WEF cluster');
const cluster = page.match(/^([A-Z][A-Za-z -]+)$/, 'WEF cluster name')[1];
const clusterId = page.match(/^([a-z0-9_]+)$/, 'WEF cluster id')[1];
page.expect('');
const evidence = {
  aei: { taskObservations, augmentSharePercent, timeSavedPercent, aiAutonomy },
  safi: {
    topSkill,
    score: exactNumber(scoreText, 'SAFI score'),
    scoreMax: exactNumber(scoreMaxText, 'SAFI score maximum'),
    quadrant,
    precision,
  },
  wef: { cluster, clusterId },
};

// Durable skills.
const durableSkillsIntro = page.next();
if (!durableSkillsIntro.startsWith('Ten durable-skill domains mapped to')) fail(`line ${page.i}: odd durable skills intro`);
page.expect('');
const durableSkills = DURABLE_DOMAINS.map((name, d) => {
  const heading = page.match(/^(\d+)([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)(\d+) statements$/, 'durable-skill domain heading');
  if (Number(heading[1]) !== d + 1 || heading[2] !== name) {
    fail(`line ${page.i}: expected domain ${d + 1} ${name}, got ${JSON.stringify(heading[0])}`);
  }
  const key = kebab(name);
  return {
    rank: d + 1,
    key,
    name,
    publishedStatementCount: Number(heading[3]),
    levels: DURABLE_LEVELS.map((level) => {
      page.expect(level.name);
      const statements = page.numbered().map((body, i) => ({
        id: `${code}/durable/${key}/${level.key.toLowerCase()}/${pad2(i + 1)}`,
        ...parseCitedStatement(body, `${name} ${level.name} ${i + 1}`),
      }));
      return { ...level, statements };
    }),
  };
});

// Anchors.
const [, anchorCount, anchorsEnrichment] = page.match(
  /^Show O\*NET source anchors(\d+) anchors · ([a-z0-9.-]+)$/, 'anchors toggle');
page.expect('');
page.expect(`O*NET enrichment · ${anchorsEnrichment}`);
page.expect('');
page.expect('Suggest an O*NET correction');
page.expect('');
page.expect('Source anchors that ground each statement');
page.expect('');
page.expect('Related titles');
const relatedTitles = page.next().split(' · ');
if (relatedTitles.some((t) => t === '' || t.includes('·') || t !== t.trim())) fail(`line ${page.i}: odd related titles`);
page.expect('RAPIDS apprenticeships');
// This page lists none; how a non-empty list would print is unknown, so refuse it.
if (page.peek() !== ANCHOR_LISTS[0].heading) fail(`line ${page.lineNo}: RAPIDS apprenticeships not empty; teach the script their layout`);
const rapidsApprenticeships = [];
const anchorLists = {};
for (const { heading, key, names } of ANCHOR_LISTS) {
  page.expect(heading);
  page.expect(names.join(''));
  anchorLists[key] = names;
}
page.expect('Tasks · seed anchors for statements');
const tasks = page.numbered();
page.expect('CIP education codes');
const cipLine = page.match(/^(?:\d{2}\.\d{4})+$/, 'CIP code line')[0];
const cipCodes = cipLine.match(/\d{2}\.\d{4}/g);
page.expect('');
const [, sourcesLine, copyright] = page.match(/^(Sources: .+\.) (© \d{4} [A-Za-z]+\.)$/, 'sources / copyright line');
page.end();

const creditedLine = `Sources: ${SOURCES.map((s) => s.creditedAs).join(', ')}.`;
if (sourcesLine !== creditedLine) fail(`Sources line differs from the SOURCES table:\n  page:  ${sourcesLine}\n  table: ${creditedLine}`);

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const framework = {
  $schema: './framework.schema.json',
  formatVersion: 1,
  code,
  title,
  jobZone: { zone: Number(zone), name: zoneName },
  version,
  context,
  page: {
    publisher,
    copyright,
    sourcesLine,
    aiUsageCoverageNote,
    aiUsageIntro,
    durableSkillsIntro,
    anchorsEnrichment,
  },
  sources: SOURCES.map(({ creditedAs, ...source }) => source),
  levels,
  aiUsage,
  evidence,
  durableSkills,
  anchors: {
    publishedAnchorCount: Number(anchorCount),
    relatedTitles,
    rapidsApprenticeships,
    cipCodes,
    ...anchorLists,
    tasks,
  },
};

writeFileSync(ROOT + OUT_PATH, JSON.stringify(framework, null, 2) + '\n');

const count = (xs) => xs.reduce((n, x) => n + x.statements.length, 0);
console.log(`wrote ${OUT_PATH}`);
console.log(`  competency: ${levels.map((l) => `${l.key} ${l.statements.length}`).join(', ')}`);
console.log(`  AI usage:   ${aiUsage.map((l) => `${l.level} ${l.statements.length}`).join(', ')}`);
for (const d of durableSkills) {
  console.log(`  durable ${d.name}: ${count(d.levels)} listed (${d.publishedStatementCount} published): ` +
    d.levels.map((l) => `${l.name} ${l.statements.length}`).join(', '));
}
console.log(`  durable total listed: ${durableSkills.reduce((n, d) => n + count(d.levels), 0)}`);
console.log(`  anchors: ${Object.entries(framework.anchors).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k} ${v.length}`).join(', ')}` +
  ` (published count ${framework.anchors.publishedAnchorCount})`);
