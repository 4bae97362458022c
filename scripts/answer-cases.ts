/**
 * The operations whose answers must stay byte for byte the same for the same data. Two records, each taken from
 * the code before a change that had to keep them (`scripts/capture-answers.ts`):
 * - issue 11's: the README's queries, the router's enrichment query, every list field of a few occupations, and a
 *   second page of each connection;
 * - issue 22's (pay and demand, which changed how `occupations` and the search filter, and added fields to
 *   comparisons and career moves): `occupations` pages without `orderBy`, filtered, paged and past the end, a
 *   filtered search, career moves and comparisons of several occupations, and the dataset and sources (but for the
 *   two BLS sources and the attribution they extend, which issue 22 asks for).
 * tests/answers.test.ts compares today's answers with both. Here, not under tests/, because both import it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ENRICHMENT_QUERY } from './operations';

export interface AnswerCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The answer carries errors on purpose (they are recorded with it). */
  errorsExpected?: boolean;
}

/** The checkout's root, also when this file runs compiled under dist/scripts/ (scripts/capture-answers.ts). */
const here = resolve(__dirname, '..');
export const root = existsSync(join(here, 'README.md')) ? here : resolve(here, '..');

export const ANSWERS_FILE = join(root, 'tests/fixtures/answers-before-issue-11.json.gz');
export const ISSUE_22_ANSWERS_FILE = join(root, 'tests/fixtures/answers-before-issue-22.json.gz');

/** The answers as recorded: case name -> the answer's JSON text. */
export function recordedAnswers(file = ANSWERS_FILE): Record<string, string> {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Record<string, string>;
}

/**
 * The README's operations written after the records were taken, in README order: they select fields that did not exist
 * then (the O*NET model, pay and demand, observed moves, AI exposure), so there is no earlier answer to compare with;
 * tests/onet-model.test.ts, tests/labor-market.test.ts, tests/observed-moves.test.ts and tests/ai-exposure.test.ts run them.
 */
export const README_OPERATIONS_SINCE_RECORDS = [
  'SkillLevelThroughAnchors', 'LegalSecretariesWorkActivities', 'PayAndDemand', 'ChoosingOccupations', 'ObservedAndModelled',
  'LegalSecretariesAiExposure', 'MostExposedOccupations',
];

/** The README's GraphQL blocks (variables from their `# variables:` comment) and its curl example. */
export function readmeCases(): AnswerCase[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const cases: AnswerCase[] = [];
  for (const match of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const [text = '', comment] = match[1]!.split(/^# variables:\n/m);
    const given = comment === undefined ? undefined : (JSON.parse(comment.replace(/^# ?/gm, '')) as Record<string, unknown>);
    // A block may hold several operations: each runs on its own; one that takes a `$code` without given variables
    // gets the README's own example code.
    for (const query of text.split(/\n(?=(?:query|mutation) )/)) {
      const variables = given ?? (query.includes('$code') ? { code: '43-6012.00' } : undefined);
      // Named by their text, so a block added to the README elsewhere does not renumber the others.
      cases.push({ name: `README: ${query.replace(/\s+/g, ' ').trim().slice(0, 70)}`, query, variables });
    }
  }
  for (const [i, match] of [...readme.matchAll(/-d '(\{"query".*?\})'/g)].entries()) {
    cases.push({ name: `README curl ${i + 1}`, ...(JSON.parse(match[1]!) as { query: string }) });
  }
  return cases;
}

/** Every list field of an occupation, with paging arguments a later page reuses. */
const ALL_LISTS = /* GraphQL */ `
  code title socCode description majorGroup hasFramework
  jobZone { zone name education experience jobTraining examples svpRange }
  alternateTitles(first: 3) { totalCount edges { cursor node { title shortTitle sources } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  reportedTitles { title shownInMyNextMove }
  tasks(first: 4) { totalCount edges { cursor node { id statement type incumbentsResponding date domainSource } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  coreTasks: tasks(first: 2, type: CORE) { totalCount edges { cursor node { id type } } pageInfo { hasNextPage endCursor } }
  supplementalTasks: tasks(first: 2, type: SUPPLEMENTAL) { totalCount edges { cursor node { id type } } pageInfo { hasNextPage endCursor } }
  technologySkills(first: 4) { totalCount edges { cursor node { name commodityCode commodityTitle hot inDemand } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  hotTechnology: technologySkills(first: 3, hotOnly: true) { totalCount edges { cursor node { name hot } } pageInfo { hasNextPage endCursor } }
  tools(first: 3) { totalCount edges { cursor node { name commodityCode commodityTitle } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  skills { release unavailableReason items { element { id name } importance level date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
  knowledge { release unavailableReason items { element { id name } importance level scores { scaleId value } } }
  abilities { unavailableReason items { element { name } } }
  workStyles { release unavailableReason items { element { id name } importance level scores { scaleId scaleName value } } }
  interests { release unavailableReason items { element { id name } scores { scaleId value } } }
  education { category label percent }
  relatedOccupations { tier rank occupation { code title } }
`;

const ALL_LISTS_QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { ${ALL_LISTS} } } }`;

/**
 * The same, with the AI exposure fields asked beside the old ones (at the end of each selection they join), so that
 * taking them out of the answer leaves the old fields' answer in its recorded order.
 */
export const ALL_LISTS_WITH_AI_EXPOSURE_QUERY = ALL_LISTS_QUERY.replace(
  'node { id statement type incumbentsResponding date domainSource }',
  'node { id statement type incumbentsResponding date domainSource aiExposure { aeiPenetration { value match statement } gptsLabels { humanExposure gpt4Exposure gpt4Automation labelledStatement } } }',
).replace(
  'relatedOccupations { tier rank occupation { code title } }',
  'relatedOccupations { tier rank occupation { code title } } aiExposure { measures { measure value publishedFor } sources { covered reason } rankedTasks(by: GPT4_EXPOSURE, first: 3) { edges { node { id } } } }',
);

/** The second page of each connection, after the first page's end cursor. */
const NEXT_PAGES_QUERY = /* GraphQL */ `
  query($code: String!, $titles: String, $tasks: String, $core: String, $technology: String, $hot: String, $tools: String) {
    occupation(code: $code) {
      alternateTitles(first: 3, after: $titles) { totalCount edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      tasks(first: 4, after: $tasks) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      coreTasks: tasks(first: 2, type: CORE, after: $core) { totalCount edges { node { id type } } pageInfo { hasNextPage hasPreviousPage } }
      technologySkills(first: 4, after: $technology) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      hotTechnology: technologySkills(first: 3, hotOnly: true, after: $hot) { totalCount edges { node { name hot } } pageInfo { hasNextPage hasPreviousPage } }
      tools(first: 3, after: $tools) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }
  }
`;

/** Occupations with each kind of data, and without: every 50th code, the framework's, and some with empty lists. */
export const ANSWER_CODES = ['43-6012.00', '11-1011.00', '11-1011.03', '15-1252.00', '23-2011.00', '29-1141.00', '45-1011.00', '53-7121.00', '55-1011.00', '55-3019.00', '11-9013.00', '11-9039.00', '11-1031.00'];

const representations = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Occupation', code }));

/** The cases run in one go; `nextPageCases` needs the first pages' answers for its cursors. */
export function answerCases(allCodes: readonly string[]): AnswerCase[] {
  const spread = allCodes.filter((_, i) => i % 50 === 0);
  return [
    ...readmeCases(),
    { name: 'enrichment, 20 codes', query: ENRICHMENT_QUERY, variables: { representations: representations([...ANSWER_CODES, ...spread].slice(0, 20)) } },
    { name: 'enrichment, every 50th code and the set above', query: ENRICHMENT_QUERY, variables: { representations: representations([...new Set([...spread, ...ANSWER_CODES])]) } },
    { name: 'enrichment, 1 code', query: ENRICHMENT_QUERY, variables: { representations: representations(['43-6012.00']), request: 1 } },
    { name: 'enrichment, a code given twice and an unknown one', query: ENRICHMENT_QUERY, variables: { representations: representations(['23-2011.00', '99-9999.00', '23-2011.00']) }, errorsExpected: true },
    { name: 'every list field', query: ALL_LISTS_QUERY, variables: { representations: representations(ANSWER_CODES) } },
  ];
}

/** A page cursor of `occupations` in code order: the code it ends at. */
const afterCode = (code: string) => Buffer.from(`occupation:${code}`).toString('base64url');

const OCCUPATION_PAGE = /* GraphQL */ `
  query($first: Int, $after: String, $filter: OccupationFilter) {
    occupations(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { code title socCode majorGroup hasFramework jobZone { zone } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

const MOVES = /* GraphQL */ `
  query($code: String!, $to: String!) {
    occupation(code: $code) {
      careerMoves(first: 20) { id similarity direction occupation { code title } skillGaps { id element { id name } fromLevel toLevel toImportance } }
      advance: careerMoves(first: 5, direction: ADVANCE) { id similarity direction }
      careerMovesInto(first: 20) { id similarity direction occupation { code } skillGaps { id toLevel } comparison { id similarity } }
      comparison(to: $to) {
        id similarity
        facets { id skills { id similarity weight unavailableReason } knowledge { similarity } workStyles { similarity } interests { similarity } workActivities { similarity } technology { similarity } tasks { similarity } titles { similarity } jobZone { similarity } }
        skillGaps { id element { name } fromLevel toLevel toImportance } knowledgeGaps(minImportance: 2.5) { id toLevel } transferableSkills { id }
        carriedOverActivities { id title } newActivities { id } carriedOverTechnology { id name hot } newTechnology { id }
        jobZoneChange { id from { zone } to { zone } change direction } educationChange { id from { category label } to { category } change }
      }
    }
  }
`;

/** Issue 22's cases (see the top of this file). */
export function issue22Cases(): AnswerCase[] {
  const page = (name: string, variables: Record<string, unknown>): AnswerCase => ({ name: `occupations: ${name}`, query: OCCUPATION_PAGE, variables });
  const moves = (code: string, to: string): AnswerCase => ({ name: `career moves and a comparison: ${code} to ${to}`, query: MOVES, variables: { code, to } });
  return [
    page('first 100', { first: 100 }),
    page('100 after 43-6011.00', { first: 100, after: afterCode('43-6011.00') }),
    page('the last page', { first: 100, after: afterCode('53-7121.00') }),
    page('past the end', { first: 5, after: afterCode('99-9999.00') }),
    page('none asked', { first: 0 }),
    page('job zone 5, two pages', { first: 60, after: afterCode('25-1011.00'), filter: { jobZone: 5 } }),
    page('major group 15 without a framework', { first: 100, filter: { majorGroup: '15', hasFramework: false } }),
    page('with a framework', { filter: { hasFramework: true } }),
    page('a filter nothing matches', { filter: { majorGroup: '98' } }),
    {
      name: 'search, filtered',
      query: '{ zone3: searchOccupations(query: "nurse", first: 10, filter: { jobZone: 3 }) { score matchedField matchedText occupation { code } } group43: searchOccupations(query: "legal assistant", filter: { majorGroup: "43", hasFramework: true }) { score occupation { code } } }',
    },
    moves('43-6012.00', '23-2011.00'),
    moves('15-1252.00', '11-3021.00'),
    moves('29-1141.00', '11-9111.00'),
    moves('11-1031.00', '55-1011.00'),
    {
      name: 'dataset and sources, but for the BLS sources and the attribution',
      query:
        '{ dataset { id releases { id version licence } occupationCount occupationsWithAnchors occupationsWithFrameworks heldReleases { id } crosswalks { id name version license url } releaseChangeSummary { id file status added removed changed } } ' +
        'onet: source(id: "onet-30.2-database") { id name shortName description publisher version license licence url } aei: source(id: "aei") { id name } ' +
        '_entities(representations: [{ __typename: "Source", id: "bls-soc-2010-2018" }, { __typename: "Source", id: "onet-29.0" }]) { ... on Source { id name version } } }',
    },
  ];
}

interface FirstPages {
  data: { _entities: ({ code: string } & Record<string, { pageInfo: { endCursor: string | null } }>)[] };
}

export function nextPageCases(everyListAnswer: string): AnswerCase[] {
  const { data } = JSON.parse(everyListAnswer) as FirstPages;
  return data._entities.map((o) => ({
    name: `next pages of ${o.code}`,
    query: NEXT_PAGES_QUERY,
    variables: {
      code: o.code,
      titles: o.alternateTitles!.pageInfo.endCursor,
      tasks: o.tasks!.pageInfo.endCursor,
      core: o.coreTasks!.pageInfo.endCursor,
      technology: o.technologySkills!.pageInfo.endCursor,
      hot: o.hotTechnology!.pageInfo.endCursor,
      tools: o.tools!.pageInfo.endCursor,
    },
  }));
}
