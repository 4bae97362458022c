/**
 * The Legal Secretaries framework, served through the API, against the published page it was transcribed
 * from: spot checks of exact strings, then every statement line rebuilt from the API and found on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './support/paths';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';
import { startTestServer, type TestServer } from './support/server';

const page = readFileSync(join(dataDir, 'frameworks/pages/legal-secretaries-43-6012.00.txt'), 'utf8');
const pageLines = new Set(page.split('\n'));


interface Citation { position: number; label: string; title: string; locator: string | null; source: { id: string } }
interface CitedStatement { id: string; position: number; title: string; text: string; citations: Citation[] }
interface Framework {
  title: string;
  version: string;
  context: string;
  jobZone: { zone: number; name: string };
  levels: { key: string; name: string; band: string; rank: number; statements: { id: string; position: number; subject: string; performance: string; citations: unknown[] }[] }[];
  aiUsage: { key: string; name: string; statements: CitedStatement[] }[];
  evidence: {
    aei: { taskObservations: number; augmentSharePercent: number; timeSavedPercent: number; aiAutonomy: number };
    safi: { topSkill: string; score: number; scoreMax: number; quadrant: string; precision: string };
    wef: { name: string; id: string };
  };
  durableSkills: { key: string; name: string; rank: number; publishedStatementCount: number; listedStatementCount: number; levels: { key: string; name: string; statements: CitedStatement[] }[] }[];
  anchors: {
    publishedCount: number;
    relatedTitles: string[];
    rapidsApprenticeships: string[];
    cipCodes: string[];
    skills: string[];
    knowledge: string[];
    abilities: string[];
    workStyles: string[];
    technology: string[];
    tasks: string[];
  };
  sources: { id: string; name: string; shortName: string | null; publisher: string | null; version: string | null; licence: string | null; url: string | null }[];
  dataQualityWarnings: { path: string; message: string }[];
  page: { publisher: string; copyright: string; sourcesLine: string; aiUsageCoverageNote: string };
}

let t: TestServer;
let framework: Framework;
beforeAll(async () => {
  t = await startTestServer();
  const result = await t.run<{ occupation: { framework: Framework } }>(FULL_FRAMEWORK_QUERY, { code: '43-6012.00' });
  expect(result.errors).toBeUndefined();
  framework = result.data!.occupation.framework;
});
afterAll(() => t.stop());

const chip = (c: Citation) => `${c.label}${c.title}. Opens in new tab.`;

/** A cited statement as the page prints it: the sentence's own period, if any, follows the last chip. */
function citedLine(s: CitedStatement): string {
  const period = s.text.endsWith('.') ? '.' : '';
  const text = period ? s.text.slice(0, -1) : s.text;
  return `  ${s.position}. ${s.title} — ${text} ${s.citations.map(chip).join(' ')}${period}`;
}

test('header: title, version, job zone, context', () => {
  expect(framework.title).toBe('Legal Secretaries and Administrative Assistants');
  expect(framework.version).toBe('v.26.05');
  expect(framework.jobZone).toEqual({ zone: 3, name: 'Medium Preparation' });
  expect(framework.context).toMatch(/^This framework covers legal secretarial and administrative support competencies within law firm,/);
  expect(pageLines.has(`Context covered${framework.context}`)).toBe(true);
});

test('competency levels: four bands, ten statements each, first and last exact', () => {
  expect(framework.levels.map((l) => [l.key, l.name, l.band, l.rank, l.statements.length])).toEqual([
    ['EMERGING', 'Emerging', 'Entry / Apprentice', 1, 10],
    ['DEVELOPING', 'Developing', 'Mid-level / Established', 2, 10],
    ['PROFICIENT', 'Proficient', 'Senior / Expert IC', 3, 10],
    ['ADVANCED', 'Advanced', 'Lead / Principal / Executive', 4, 10],
  ]);
  const [emerging, developing, proficient, advanced] = framework.levels;
  expect(emerging!.statements[0]).toMatchObject({
    id: '43-6012.00/competency/emerging/01',
    subject: 'Legal documents and case files',
    performance: 'organize and label under direct attorney supervision in a law office filing system.',
  });
  expect(emerging!.statements[9]).toMatchObject({
    subject: 'Client information and employment records',
    performance: 'gather and consolidate from provided sources under attorney instruction in support of case preparation.',
  });
  expect(developing!.statements[0]!.subject).toBe('Legal case files and document repositories');
  expect(developing!.statements[9]!.performance).toBe(
    'prioritize and sequence administrative tasks to ensure all court-imposed filing dates are met.',
  );
  expect(proficient!.statements[0]!.subject).toBe('Complex legal documents such as appeals, motions, and settlement agreements');
  expect(proficient!.statements[9]!.subject).toBe('Office-wide scheduling and docket management');
  expect(advanced!.statements[0]!.subject).toBe('Administrative support standards and document-management policies');
  expect(advanced!.statements[9]).toMatchObject({
    subject: 'Strategic resource planning for the administrative support function',
    performance: 'forecast staffing, technology, and workflow needs in alignment with firm growth and practice area priorities.',
  });
});

test('every competency statement is its page line, split without losing a character', () => {
  for (const level of framework.levels) {
    for (const s of level.statements) {
      expect(pageLines.has(`  ${s.position}. ${s.subject}${s.performance}`)).toBe(true);
      expect(s.subject).toBe(s.subject.trim());
      expect(s.performance).toMatch(/^[a-z]/);
    }
  }
});

test('AI usage: 2, 3, 4, 3 statements, citations in order with their locators', () => {
  expect(framework.aiUsage.map((l) => [l.key, l.statements.length])).toEqual([
    ['EMERGING', 2],
    ['DEVELOPING', 3],
    ['PROFICIENT', 4],
    ['ADVANCED', 3],
  ]);
  const first = framework.aiUsage[0]!.statements[0]!;
  expect(first.title).toBe('AI-assisted document drafting');
  expect(first.citations).toEqual([
    {
      position: 1,
      label: 'Anthropic Economic Index',
      title: 'Anthropic Economic Index — release_2026_03_24',
      locator: 'release_2026_03_24',
      source: expect.objectContaining({ id: 'aei', name: 'Anthropic Economic Index' }),
    },
  ]);
  const proficientFirst = framework.aiUsage[2]!.statements[0]!;
  expect(proficientFirst.title).toBe('Multi-document workflow orchestration');
  expect(proficientFirst.citations.map((c) => [c.source.id, c.locator])).toEqual([
    ['aei', 'release_2026_03_24'],
    ['safi', 'arXiv:2604.06906'],
  ]);
  const last = framework.aiUsage[3]!.statements[2]!;
  expect(last.title).toBe('Cross-functional AI handoff design');
  expect(last.citations.map((c) => c.source.id)).toEqual(['wef-skills-taxonomy-2021']);
  for (const level of framework.aiUsage) for (const s of level.statements) expect(pageLines.has(citedLine(s))).toBe(true);
});

test('evidence pack: AEI, SAFI and WEF figures as numbers', () => {
  expect(framework.evidence).toEqual({
    aei: { taskObservations: 147, augmentSharePercent: 14.7, timeSavedPercent: 92.5, aiAutonomy: 2.8 },
    safi: { topSkill: 'Reading Comprehension', score: 45.5, scoreMax: 100, quadrant: 'Q2', precision: 'EXACT' },
    wef: { name: 'Human-Technology Interaction', id: 'human_technology_interaction' },
  });
});

test('durable skills: ten domains in page order, 88 listed statements, headline counts kept as published', () => {
  expect(framework.durableSkills.map((d) => [d.rank, d.name, d.publishedStatementCount, d.listedStatementCount])).toEqual([
    [1, 'Communication', 11, 10],
    [2, 'Leadership', 9, 8],
    [3, 'Metacognition', 9, 9],
    [4, 'Critical Thinking', 9, 9],
    [5, 'Collaboration', 9, 8],
    [6, 'Character', 9, 9],
    [7, 'Creativity', 9, 9],
    [8, 'Growth Mindset', 9, 8],
    [9, 'Mindfulness', 9, 9],
    [10, 'Fortitude', 9, 9],
  ]);
  for (const d of framework.durableSkills) {
    expect(d.levels.map((l) => l.name)).toEqual(['Emerging', 'Developing', 'Applying', 'Exceeding']);
    expect(pageLines.has(`${d.rank}${d.name}${d.publishedStatementCount} statements`)).toBe(true);
    const listed = d.levels.reduce((n, l) => n + l.statements.length, 0);
    expect(listed).toBe(d.listedStatementCount);
  }
  expect(framework.durableSkills.reduce((n, d) => n + d.listedStatementCount, 0)).toBe(88);
  expect(framework.dataQualityWarnings.map((w) => w.message)).toEqual([
    "Communication: the page's headline says 11 statements, but it lists 10",
    "Leadership: the page's headline says 9 statements, but it lists 8",
    "Collaboration: the page's headline says 9 statements, but it lists 8",
    "Growth Mindset: the page's headline says 9 statements, but it lists 8",
  ]);
});

test('durable skills: first and last statement of each domain exact, every statement its page line', () => {
  const communication = framework.durableSkills[0]!;
  expect(communication.levels[0]!.statements[0]).toMatchObject({
    title: 'Telephone intake',
    text: 'receives and routes client and court calls by recording accurate messages and directing inquiries to appropriate attorneys',
  });
  expect(communication.levels[0]!.statements[0]!.citations.map((c) => c.source.id)).toEqual(['pathsmith', 'onet-30.2']);
  expect(communication.levels[3]!.statements[1]!.title).toBe('Cross-functional communication leadership');
  const fortitude = framework.durableSkills[9]!;
  expect(fortitude.levels[0]!.statements[0]!.title).toBe('Deadline persistence');
  expect(fortitude.levels[3]!.statements.at(-1)).toMatchObject({
    title: 'Long-term perseverance',
    text: 'sustains high-quality administrative performance across prolonged high-stakes litigation matters spanning months or years, maintaining accuracy and professionalism throughout',
  });
  expect(framework.durableSkills[1]!.levels[0]!.statements.map((s) => s.title)).toEqual(['Task self-management']);
  let rebuilt = 0;
  for (const d of framework.durableSkills) {
    for (const l of d.levels) {
      for (const s of l.statements) {
        expect([s.id, pageLines.has(citedLine(s))]).toEqual([s.id, true]);
        rebuilt += 1;
      }
    }
  }
  expect(rebuilt).toBe(88);
});

test.each([
  ['Communication', 'Telephone intake', 'Cross-functional communication leadership'],
  ['Leadership', 'Task self-management', 'Administrative leadership'],
  ['Metacognition', 'Error self-review', 'Metacognitive modeling'],
  ['Critical Thinking', 'Document verification', 'System improvement critique'],
  ['Collaboration', 'Team file maintenance', 'Inter-departmental process alignment'],
  ['Character', 'Confidentiality compliance', 'Compliance leadership'],
  ['Creativity', 'Template adaptation', 'Training material creation'],
  ['Growth Mindset', 'Feedback receptivity', 'Mentorship through growth'],
  ['Mindfulness', 'Attention management', 'Reflective practice integration'],
  ['Fortitude', 'Deadline persistence', 'Long-term perseverance'],
])('%s: first statement "%s", last "%s"', (name, first, last) => {
  const domain = framework.durableSkills.find((d) => d.name === name)!;
  const titles = domain.levels.flatMap((l) => l.statements.map((s) => s.title));
  expect([titles[0], titles.at(-1)]).toEqual([first, last]);
});

test('every numbered line of the page is served: 40 + 12 + 88 statements and 8 tasks', () => {
  const numbered = page.split('\n').filter((line) => /^ {2}\d+\. /.test(line));
  expect(numbered).toHaveLength(40 + 12 + 88 + 8);
});

test("the page's anchor lists, adding up to its 51 anchors", () => {
  const a = framework.anchors;
  expect(a.relatedTitles).toHaveLength(12);
  expect(a.relatedTitles[6]).toBe('Legal Administrative Assistant (Legal Admin Assistant)');
  expect(a.rapidsApprenticeships).toEqual([]);
  expect(a.cipCodes).toEqual(['22.0301']);
  expect([a.skills.length, a.knowledge.length, a.abilities.length, a.workStyles.length, a.technology.length, a.tasks.length]).toEqual([10, 7, 10, 6, 10, 8]);
  expect(a.skills[0]).toBe('Reading Comprehension');
  expect(a.knowledge.at(-1)).toBe('Public Safety and Security');
  expect(a.abilities.at(-1)).toBe('Category Flexibility');
  expect(a.workStyles).toEqual(['Attention to Detail', 'Dependability', 'Integrity', 'Cooperation', 'Cautiousness', 'Self-Control']);
  expect(a.technology[8]).toBe('Cloud-based data access and sharing software');
  expect(a.tasks[7]).toBe('Receive and place telephone calls.');
  expect(a.publishedCount).toBe(51);
  expect(a.skills.length + a.knowledge.length + a.abilities.length + a.workStyles.length + a.technology.length + a.tasks.length).toBe(51);
  expect(pageLines.has(a.skills.join(''))).toBe(true);
  expect(pageLines.has(a.relatedTitles.join(' · '))).toBe(true);
});

test('sources: every credited source with what the page says of it, and nothing invented', () => {
  expect(framework.sources.map((s) => s.id)).toEqual([
    'onet-30.2', 'skillscrosswalk', 'ler-me', 'aei', 'safi', 'wef-skills-taxonomy-2021', 'pathsmith',
  ]);
  const byId = new Map(framework.sources.map((s) => [s.id, s]));
  expect(byId.get('onet-30.2')).toMatchObject({ licence: 'CC BY 4.0', version: 'v30.2 (Sept 2025)' });
  expect(byId.get('pathsmith')).toMatchObject({ publisher: 'America Succeeds + CompTIA', licence: null });
  expect(byId.get('safi')).toMatchObject({ name: 'Skill Automation Feasibility Index', licence: null });
  expect(framework.sources.filter((s) => s.licence !== null).map((s) => s.id)).toEqual(['onet-30.2']);
  expect(framework.page.sourcesLine).toBe(
    'Sources: O*NET v30.2 (CC BY 4.0), SkillsCrosswalk.com, LER.me, Anthropic Economic Index, SAFI (Jadhav & Danve, 2026), WEF Skills Taxonomy 2021, Pathsmith Durable Skills Framework.',
  );
});

test('the same framework comes back for the 6-digit SOC code', async () => {
  const bySoc = await t.run<{ occupation: { code: string; framework: Framework } }>(FULL_FRAMEWORK_QUERY, { code: '43-6012' });
  expect(bySoc.data?.occupation.code).toBe('43-6012.00');
  expect(bySoc.data?.occupation.framework).toEqual(framework);
});
