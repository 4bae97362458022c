#!/usr/bin/env node
// Verifies data/frameworks/43-6012.00.json against the page it was transcribed
// from: renders the JSON back into the page's scraped text form and walks the
// page copy line by line. Every rendered line must equal the next page line
// that is neither blank nor UI chrome, and every such page line must be
// rendered, in order. It shares no code with transcribe-source-page.mjs, so a
// parsing mistake there cannot hide here. Exits non-zero on any mismatch.
//
// Usage: node scripts/render-source-page.mjs [framework.json] [page.txt]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const jsonPath = process.argv[2] ?? ROOT + 'data/frameworks/43-6012.00.json';
const pagePath = process.argv[3] ?? ROOT + 'data/frameworks/pages/legal-secretaries-43-6012.00.txt';

// Page furniture that carries no framework data.
const CHROME_LINES = new Set(['Back to Framework', 'Suggest an O*NET correction']);
const LOGO = 'NSX';
const SIGN_IN = 'Sign in';
const CHIP_TAIL = '. Opens in new tab.';
const DURABLE_LEVEL_NAMES = { EMERGING: 'Emerging', DEVELOPING: 'Developing', APPLYING: 'Applying', EXCEEDING: 'Exceeding' };

const f = JSON.parse(readFileSync(jsonPath, 'utf8'));
const pageLines = readFileSync(pagePath, 'utf8').split('\n');

const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };
const pad2 = (n) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------
// Consistency the page text alone cannot show
// ---------------------------------------------------------------------------

const sourceIds = new Set(f.sources.map((s) => s.id));
check(sourceIds.size === f.sources.length, 'duplicate source ids');
// Sources appear in the order the closing "Sources:" line credits them.
let lastAt = -1;
for (const s of f.sources) {
  const at = Math.min(...[s.name, s.shortName].filter(Boolean)
    .map((n) => f.page.sourcesLine.indexOf(n)).filter((i) => i >= 0));
  check(Number.isFinite(at) && at > lastAt, `source ${s.id} is not credited in order by the Sources line`);
  lastAt = at;
}
// Each source fact is page text, save the two publishers the source names
// themselves state (Anthropic Economic Index, WEF = World Economic Forum) and
// the https:// the page's domains are given.
const pageText = pageLines.join('\n');
const NOT_VERBATIM = new Set(['World Economic Forum', 'https://skillscrosswalk.com', 'https://ler.me']);
for (const s of f.sources) {
  for (const key of ['name', 'shortName', 'description', 'publisher', 'version', 'licence', 'url']) {
    const v = s[key];
    if (v !== null && !NOT_VERBATIM.has(v)) check(pageText.includes(v), `source ${s.id}.${key} ${JSON.stringify(v)} is not on the page`);
  }
}
// A given source is always cited with the same chip; its locator is in the tooltip.
const chipBySource = new Map();
function checkCitations(statement) {
  check(statement.citations.length > 0, `${statement.id}: no citations`);
  for (const c of statement.citations) {
    check(sourceIds.has(c.source), `${statement.id}: cites unknown source ${c.source}`);
    const chip = JSON.stringify([c.label, c.title, c.locator]);
    check((chipBySource.get(c.source) ?? chip) === chip, `${statement.id}: ${c.source} cited with a different chip`);
    chipBySource.set(c.source, chip);
    if (c.locator !== null) check(c.title.includes(c.locator), `${statement.id}: locator not in chip title`);
  }
}
function checkId(actual, expected) {
  check(actual === expected, `id ${actual} should be ${expected}`);
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

const out = [];
const emit = (line) => out.push(line);

/** The page prints a statement's own closing period after its citation chips. */
function citedLine(n, s) {
  const closing = s.text.endsWith('.') ? '.' : '';
  const body = s.text.slice(0, s.text.length - closing.length);
  const chips = s.citations.map((c) => c.label + c.title + CHIP_TAIL).join(' ');
  return `  ${n}. ${s.title} — ${body} ${chips}${closing}`;
}

emit(`${LOGO}${f.page.publisher}${SIGN_IN}`);
emit(f.title);
emit(`SOC ${f.code}Job Zone ${f.jobZone.zone} · ${f.jobZone.name}${f.version}`);
emit(`Context covered${f.context}`);

const levelName = new Map();
for (const level of f.levels) {
  levelName.set(level.key, level.name);
  emit(level.name);
  emit(level.band);
  level.statements.forEach((s, i) => {
    checkId(s.id, `${f.code}/competency/${level.key.toLowerCase()}/${pad2(i + 1)}`);
    emit(`  ${i + 1}. ${s.subject}${s.performance}`);
  });
}

emit(f.page.aiUsageCoverageNote);
emit(f.page.aiUsageIntro);
for (const level of f.aiUsage) {
  emit(levelName.get(level.level));
  level.statements.forEach((s, i) => {
    checkId(s.id, `${f.code}/ai-usage/${level.level.toLowerCase()}/${pad2(i + 1)}`);
    checkCitations(s);
    emit(citedLine(i + 1, s));
  });
}

const { aei, safi, wef } = f.evidence;
emit('Evidence pack');
emit('AEI usage');
emit(`Task observations: ${aei.taskObservations}`);
emit(`Augment share: ${aei.augmentSharePercent}%`);
emit(`Time saved: ${aei.timeSavedPercent}%`);
emit(`AI autonomy: ${aei.aiAutonomy.toFixed(2)}`);
emit('SAFI positioning');
emit(`Top skill: ${safi.topSkill}`);
emit(`Score: ${safi.score} / ${safi.scoreMax}`);
emit(`Quadrant: ${safi.quadrant}`);
emit(`precision: ${safi.precision}`);
emit('WEF cluster');
emit(wef.cluster);
emit(wef.clusterId);

emit(f.page.durableSkillsIntro);
f.durableSkills.forEach((domain, d) => {
  check(domain.rank === d + 1, `${domain.key}: rank ${domain.rank} out of order`);
  check(domain.key === domain.name.toLowerCase().replace(/ /g, '-'), `${domain.key}: key is not the kebab-case name`);
  emit(`${domain.rank}${domain.name}${domain.publishedStatementCount} statements`);
  check(domain.levels.map((l) => l.key).join() === Object.keys(DURABLE_LEVEL_NAMES).join(), `${domain.key}: levels missing or out of order`);
  for (const level of domain.levels) {
    check(level.name === DURABLE_LEVEL_NAMES[level.key], `${domain.key}: level ${level.key} named ${level.name}`);
    emit(level.name);
    level.statements.forEach((s, i) => {
      checkId(s.id, `${f.code}/durable/${domain.key}/${level.key.toLowerCase()}/${pad2(i + 1)}`);
      checkCitations(s);
      emit(citedLine(i + 1, s));
    });
  }
});

const a = f.anchors;
emit(`Show O*NET source anchors${a.publishedAnchorCount} anchors · ${f.page.anchorsEnrichment}`);
emit(`O*NET enrichment · ${f.page.anchorsEnrichment}`);
emit('Source anchors that ground each statement');
emit('Related titles');
emit(a.relatedTitles.join(' · '));
emit('RAPIDS apprenticeships');
// The page shows no apprenticeships, so how it would print some is unknown.
check(a.rapidsApprenticeships.length === 0, 'rendering of RAPIDS apprenticeships is unknown');
for (const [heading, names] of [
  ['O*NET skills', a.skills], ['Knowledge domains', a.knowledge], ['Abilities', a.abilities],
  ['Work styles', a.workStyles], ['Technology', a.technology],
]) {
  emit(heading);
  emit(names.join(''));
}
emit('Tasks · seed anchors for statements');
a.tasks.forEach((t, i) => emit(`  ${i + 1}. ${t}`));
emit('CIP education codes');
emit(a.cipCodes.join(''));
emit(`${f.page.sourcesLine} ${f.page.copyright}`);

// ---------------------------------------------------------------------------
// Compare, in order, with the page
// ---------------------------------------------------------------------------

const pageSet = new Set(pageLines);
out.forEach((line, i) => check(pageSet.has(line), `rendered line ${i + 1} is not on the page: ${JSON.stringify(line)}`));

let r = 0; // rendered lines matched so far
let blank = 0;
let chrome = 0;
pageLines.forEach((line, i) => {
  if (line === '') { blank++; return; }
  if (CHROME_LINES.has(line)) { chrome++; return; }
  // Resynchronise on the page line's next rendering, so one difference is reported once.
  const j = out.indexOf(line, r);
  if (j === -1) {
    problems.push(`page line ${i + 1} is not produced by the renderer: ${JSON.stringify(line)}`);
    return;
  }
  for (; r < j; r++) problems.push(`rendered line ${r + 1} is not on the page before page line ${i + 1}: ${JSON.stringify(out[r])}`);
  r++;
});
check(r === out.length, `${out.length - r} rendered lines left over after the page ended`);

const statements = (levels) => levels.reduce((n, l) => n + l.statements.length, 0);
console.log(`page: ${pageLines.length} lines, of which ${chrome} chrome and ${blank} blank`);
console.log(`rendered: ${out.length} lines`);
console.log(`competency: ${f.levels.map((l) => `${l.key} ${l.statements.length}`).join(', ')}`);
console.log(`AI usage: ${f.aiUsage.map((l) => `${l.level} ${l.statements.length}`).join(', ')}`);
console.log(`durable: ${f.durableSkills.map((d) => `${d.key} ${statements(d.levels)}/${d.publishedStatementCount}`).join(', ')}` +
  ` (listed/published; ${f.durableSkills.reduce((n, d) => n + statements(d.levels), 0)} listed)`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('OK: every rendered line is on the page and every content line of the page is rendered, in order.');
