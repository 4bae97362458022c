/**
 * Property: no GraphQL-over-HTTP envelope gets a 5xx. fast-check generates envelopes (`query`, `operationName`,
 * `variables`, `extensions`, each absent, of a wrong type, a wrong value, odd characters, or naming an absent or
 * extra operation, plus unknown keys) and sends them to the production server, with its corrections store and its
 * response cache, over real HTTP as JSON POSTs and as GETs. Every answer is a 4xx or a GraphQL response whose
 * errors each carry a string `extensions.code` (the codes are from a known list), never a 5xx or a stack trace; and
 * afterwards the server still answers the full framework query. tests/hardening.test.ts keeps the hand-written cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openCorrections, type CorrectionsService } from '../src/corrections/service';
import { serveHttp, type RunningHttp } from './support/http';
import { makeTokens } from './support/corrections';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';

let dir: string;
let corrections: CorrectionsService;
let running: RunningHttp;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'envelope-property-'));
  const tokens = makeTokens();
  corrections = await openCorrections({
    file: join(dir, 'corrections.sqlite'),
    adminTokenHashes: tokens.env.ADMIN_TOKEN_SHA256,
    viewerTokenHashes: tokens.env.VIEWER_TOKEN_SHA256,
    suggestionsPerMinute: 5,
  });
  running = await serveHttp({ production: true, corrections, responseCacheBytes: 4 * 1024 * 1024 });
});
afterAll(async () => {
  await running.stop();
  await corrections.store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every code an answer may carry: Apollo's request and validation codes and the ones the resolvers raise. */
const KNOWN_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
]);

const OPERATIONS = [
  'query A { __typename }',
  'query A { __typename } query B { dataset { occupationCount } }',
  'query Occ($code: String!) { occupation(code: $code) { id code title framework { id version } } }',
  'query Page($first: Int, $after: String) { occupations(first: $first, after: $after) { totalCount edges { node { id } } } }',
  'query Search($q: String!) { searchOccupations(query: $q, first: 3) { score occupation { code } } }',
  'query Ent($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code title } } }',
  'mutation Suggest($input: SuggestCorrectionInput!) { suggestCorrection(input: $input) { id } }',
  'query Review { corrections { totalCount } }',
  'subscription S { occupation }',
  '{ occupation(code: "43-6012.00") { ...F } } fragment F on Occupation { code }',
  FULL_FRAMEWORK_QUERY,
];

/** Any JSON value, with strings of any UTF-16 code units (lone surrogates and controls included). */
const oddString = fc.string({ unit: 'binary', maxLength: 60 });
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    oddString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A field of the envelope: absent, or a value of any type. */
const absentOr = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

const query = fc.oneof(
  fc.constantFrom(...OPERATIONS),
  // A real operation cut short or with odd characters spliced in.
  fc.tuple(fc.constantFrom(...OPERATIONS), fc.nat(), oddString).map(([q, at, odd]) => q.slice(0, at % (q.length + 1)) + odd + q.slice(at % (q.length + 1))),
  oddString,
  anyJson,
);

const operationName = fc.oneof(fc.constantFrom('A', 'B', 'C', 'Occ', 'Page', 'Suggest', 'Review', 'S', ''), oddString, anyJson);

const variables = fc.oneof(
  fc.record(
    {
      code: fc.oneof(fc.constantFrom('43-6012.00', '43-6012', '99-9999.00', '43-60'), oddString, anyJson),
      first: fc.oneof(fc.integer({ min: -5, max: 200 }), anyJson),
      after: fc.oneof(oddString, fc.constant('b2NjdXBhdGlvbjo0My02MDEyLjAw'), anyJson),
      q: fc.oneof(fc.constantFrom('legal secretary', 'RN', ''), oddString, anyJson),
      representations: fc.oneof(
        fc.array(fc.record({ __typename: fc.constantFrom('Occupation', 'Source', 'Nope'), code: fc.oneof(oddString, anyJson), socCode: fc.oneof(oddString, anyJson) }, { requiredKeys: [] }), { maxLength: 5 }),
        anyJson,
      ),
      input: fc.oneof(
        fc.record(
          {
            occupationCode: fc.oneof(fc.constant('43-6012.00'), oddString),
            targetKind: fc.oneof(fc.constantFrom('FIELD', 'STATEMENT', 'ANCHOR'), oddString),
            targetId: fc.oneof(fc.constant('Occupation.title'), oddString),
            suggestedText: oddString,
            idempotencyKey: fc.oneof(fc.uuid(), oddString),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

const extensions = fc.oneof(
  fc.record({ persistedQuery: fc.oneof(fc.record({ version: fc.oneof(fc.constant(1), anyJson), sha256Hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), oddString, anyJson) }, { requiredKeys: [] }), anyJson) }, { requiredKeys: [] }),
  anyJson,
);

const envelope = fc.record(
  {
    query: absentOr(query),
    operationName: absentOr(operationName),
    variables: absentOr(variables),
    extensions: absentOr(extensions),
  },
  { requiredKeys: [] },
).chain((base) => fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 2 }).map((extra) => ({ ...extra, ...base })));

interface Answer {
  status: number;
  text: string;
}

async function send(method: 'POST' | 'GET', body: Record<string, unknown>): Promise<Answer> {
  if (method === 'POST') {
    const response = await fetch(running.url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  }
  // GET carries each field as a query parameter: strings as they are, anything else as JSON text.
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(`${running.url}?${params}`, { headers: { accept: 'application/json' } });
  return { status: response.status, text: await response.text() };
}

/** What every answer must be: below 500, no stack trace, and each error coded with a known code. */
function checkAnswer({ status, text }: Answer): void {
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  expect(text).not.toMatch(/stacktrace|\bat .+:\d+:\d+|SqliteError|SQLITE_/);
  if (status === 304 || status === 405) return;
  const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  // A 4xx says why.
  const explained = status < 400 || (body.errors?.length ?? 0) > 0;
  expect({ status, explained }).toEqual({ status, explained: true });
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  expect(codes.filter((code) => typeof code !== 'string' || !KNOWN_CODES.has(code))).toEqual([]);
}

test('no generated envelope gets a 5xx, over POST or GET; every error has a known code', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(envelope, fc.constantFrom('POST' as const, 'GET' as const), async (body, method) => {
      const answer = await send(method, body);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      checkAnswer(answer);
    }),
    { numRuns: 400 },
  );
  // The runs reached both answered and refused requests, not only one kind.
  expect(statuses.get(200)).toBeGreaterThan(0);
  expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
});

test('afterwards the server still answers the full framework query', async () => {
  const answer = await send('POST', { query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } });
  expect(answer.status).toBe(200);
  const body = JSON.parse(answer.text) as { data: { occupation: { framework: { levels: unknown[] } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data.occupation.framework.levels).toHaveLength(4);
});
