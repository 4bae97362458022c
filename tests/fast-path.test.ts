/**
 * The router's path (src/http/fast-path.ts) answers exactly as Apollo's: the recorded answers' operations (the
 * README's queries among them), the router's enrichment query and the envelope property test's generated requests
 * get the same status, headers and bytes from a production server with the fast path as from one without it, each
 * request sent twice to the first (once to learn its shape, once down the fast path). Then what it must never
 * skip, each checked where the fast path would otherwise answer: CSRF prevention, production error masking,
 * graphql-armor's limits, Cache-Control; and what always goes to Apollo: federated traces, persisted queries,
 * mutations, GET and requests with credentials. Then the entity cache of `_entities` batches: cold, warm and partly
 * warm, duplicates, unknown codes and other errors, a tiny bound, and turned off, each answer compared with Apollo's.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import fc from 'fast-check';
import { parse, type OperationDefinitionNode } from 'graphql';
import { createContext } from '../src/context';
import { ENTITIES_TAIL, EntityCache, entitiesOperationOf, entityText } from '../src/http/entity-cache';
import { FastPath } from '../src/http/fast-path';
import { createServer } from '../src/server';
import { answerCases, issue22Cases, nextPageCases, recordedAnswers } from '../scripts/answer-cases';
import { ENRICHMENT_QUERY, FULL_FRAMEWORK_QUERY } from '../scripts/operations';
import { envelope } from './support/envelopes';
import { captureLogs, rawRequest, serveHttp, type RunningHttp } from './support/http';

let fast: RunningHttp;
let apollo: RunningHttp;
let codes: string[];
beforeAll(async () => {
  fast = await serveHttp({ production: true });
  apollo = await serveHttp({ production: true, fastPath: false });
  codes = (await fast.store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
});
afterAll(async () => {
  await fast.stop();
  await apollo.stop();
});

interface Reply {
  status: number;
  /** Every response header but the per-request and per-connection ones. */
  headers: Record<string, string>;
  body: string;
}

const PER_REQUEST = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);

async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!PER_REQUEST.has(name)) headers[name] = value;
  return { status: response.status, headers, body: await response.text() };
}

function post(server: RunningHttp, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The answer without the fast path, and the fast path server's first and second answers, with how many it answered. */
async function bothPaths(body: unknown, headers: Record<string, string> = {}) {
  const before = { ...fast.fastPath.counts };
  const viaApollo = await post(apollo, body, headers);
  const first = await post(fast, body, headers);
  const second = await post(fast, body, headers);
  const { counts } = fast.fastPath;
  return { viaApollo, first, second, fast: counts.fast - before.fast, errorsToApollo: counts.errorsToApollo - before.errorsToApollo };
}

// Every operation tests/answers.test.ts replays: issue 11's record (the README's queries, those written since
// among them), its second pages, and issue 22's record.
const recorded = recordedAnswers();
const cases = (all: readonly string[]) => [...answerCases(all), ...nextPageCases(recorded['every list field']!), ...issue22Cases()];
const caseNames = cases([]).map((c) => c.name);

test('every recorded operation and every README operation is replayed here', () => {
  expect(caseNames).toEqual(expect.arrayContaining(Object.keys(recorded)));
  expect(caseNames.filter((name) => name.startsWith('README')).length).toBeGreaterThan(10);
});

test.each(caseNames)('%s: the same status, headers and bytes through both paths', async (name) => {
  const c = cases(codes).find((x) => x.name === name)!;
  const { viaApollo, first, second, fast: answeredFast, errorsToApollo } = await bothPaths({ query: c.query, variables: c.variables });
  expect(first).toEqual(viaApollo);
  expect(second).toEqual(viaApollo);
  expect(viaApollo.status).toBe(200);
  expect(viaApollo.body.length).toBeGreaterThan(20);
  if (c.errorsExpected) {
    // Errors are Apollo's to format: the fast path hands such a request over, or never learns its shape.
    expect(answeredFast).toBe(0);
    expect(JSON.parse(viaApollo.body)).toHaveProperty('errors');
  } else {
    // The second time at the latest, the fast path answered (the first time too if another case taught it the shape).
    expect(answeredFast).toBeGreaterThanOrEqual(1);
    expect(errorsToApollo).toBe(0);
  }
});

test('generated envelopes: the same status, headers and bytes through both paths', async () => {
  const before = { ...fast.fastPath.counts };
  await fc.assert(
    fc.asyncProperty(envelope, async (body) => {
      const viaApollo = await post(apollo, body);
      expect(await post(fast, body)).toEqual(viaApollo);
      expect(await post(fast, body)).toEqual(viaApollo);
    }),
    // Given first, so that every run of this test reaches both paths: a valid query (learned, then answered by the
    // fast path), one with extensions and an empty body (both Apollo's). Few generated envelopes are valid queries.
    { numRuns: 200, examples: [[{ query: 'query A { __typename }', operationName: 'A' }], [{ query: 'query A { __typename }', extensions: {} }], [{}]] },
  );
  // The runs reached the fast path, and Apollo for the rest.
  expect(fast.fastPath.counts.fast).toBeGreaterThan(before.fast);
  expect(fast.fastPath.counts.apollo).toBeGreaterThan(before.apollo);
});

test('enrichment with random codes, a new set every request: each answer as Apollo gives it, all but the first down the fast path', async () => {
  const before = { ...fast.fastPath.counts };
  for (let i = 0; i < 20; i += 1) {
    const representations = Array.from({ length: 20 }, (_, j) => ({ __typename: 'Occupation', code: codes[(i * 131 + j * 37) % codes.length] }));
    const body = { query: ENRICHMENT_QUERY, variables: { representations, request: i }, operationName: 'Enrichment' };
    expect(await post(fast, body)).toEqual(await post(apollo, body));
  }
  expect(fast.fastPath.counts.fast - before.fast).toBeGreaterThanOrEqual(19);
});

describe('compressed answers: both paths hand theirs to the same send layer (src/http/send.ts)', () => {
  // With the response cache on, as in production: POST answers then get an ETag per coding and a 304 for it.
  let fastCached: RunningHttp;
  let apolloCached: RunningHttp;
  beforeAll(async () => {
    fastCached = await serveHttp({ production: true, responseCacheBytes: 64 << 20 });
    apolloCached = await serveHttp({ production: true, responseCacheBytes: 64 << 20, fastPath: false });
  });
  afterAll(async () => {
    await fastCached.stop();
    await apolloCached.stop();
  });

  /** The bytes as sent (never decompressed) and every header but the per-request and per-connection ones. */
  async function raw(server: RunningHttp, body: unknown, headers: Record<string, string>) {
    const response = await rawRequest(server.url, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const kept = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !PER_REQUEST.has(name)));
    return { status: response.status, headers: kept, body: response.body };
  }

  const operations: [string, { query: string; variables: Record<string, unknown> }][] = [
    ['the full framework', { query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } }],
    ['an enrichment of 20 codes', { query: ENRICHMENT_QUERY, variables: { representations: ['43-6012.00', '15-1252.00', '23-2011.00', '29-1141.00', '11-1011.00'].flatMap((code) => Array.from({ length: 4 }, () => ({ __typename: 'Occupation', code }))) } }],
  ];
  const decompress = { br: brotliDecompressSync, gzip: gunzipSync, none: (b: Buffer) => b };

  test.each(['br', 'gzip', 'none'] as const)('Accept-Encoding %s: the fast path sends the bytes, Content-Encoding, Vary and ETag Apollo\'s path sends, and the same 304', async (coding) => {
    const acceptEncoding: Record<string, string> = coding === 'none' ? {} : { 'accept-encoding': coding };
    for (const [name, operation] of operations) {
      // A body neither server has seen (an unused variable differs), so neither answers it from its response cache.
      const fresh = (n: number) => ({ ...operation, variables: { ...operation.variables, request: `${coding}-${n}` } });
      await raw(fastCached, fresh(1), acceptEncoding);
      const before = fastCached.fastPath.counts.fast;
      const viaApollo = await raw(apolloCached, fresh(2), acceptEncoding);
      const viaFastPath = await raw(fastCached, fresh(2), acceptEncoding);
      expect(fastCached.fastPath.counts.fast - before).toBe(1);
      expect({ name, ...viaFastPath }).toEqual({ name, ...viaApollo });
      expect(viaFastPath.status).toBe(200);
      expect(viaFastPath.headers['content-encoding']).toBe(coding === 'none' ? undefined : coding);
      expect(viaFastPath.headers.vary).toMatch(/Accept-Encoding/);
      expect(viaFastPath.headers.etag).toMatch(coding === 'none' ? /^"[\w-]+"$/ : new RegExp(`-${coding}"$`));
      expect(JSON.parse(decompress[coding](viaFastPath.body).toString('utf8'))).toHaveProperty('data');
      // The client already holds that representation: a 304, from the fast path too.
      const revalidate = { ...acceptEncoding, 'if-none-match': viaFastPath.headers.etag as string };
      const notModified = await raw(fastCached, fresh(3), revalidate);
      expect(fastCached.fastPath.counts.fast - before).toBe(2);
      expect(notModified).toEqual(await raw(apolloCached, fresh(3), revalidate));
      expect([notModified.status, notModified.body.length]).toEqual([304, 0]);
    }
  });
});

describe('in development too (stack traces, the x-sql-statements header)', () => {
  let devFast: RunningHttp;
  let devApollo: RunningHttp;
  beforeAll(async () => {
    devFast = await serveHttp({ production: false });
    devApollo = await serveHttp({ production: false, fastPath: false });
  });
  afterAll(async () => {
    await devFast.stop();
    await devApollo.stop();
  });

  test('the enrichment, then the same shape with an unknown code: the statement count is that of the execution that answered', async () => {
    const enrichment = (representations: { __typename: string; code: string }[]) => ({ query: ENRICHMENT_QUERY, variables: { representations } });
    const good = enrichment(['43-6012.00', '15-1252.00', '23-2011.00'].map((code) => ({ __typename: 'Occupation', code })));
    const bad = enrichment(['23-2011.00', '99-9999.00'].map((code) => ({ __typename: 'Occupation', code })));
    for (const body of [good, good, bad]) {
      const viaApollo = await post(devApollo, body);
      expect(await post(devFast, body)).toEqual(viaApollo);
      expect(Number(viaApollo.headers['x-sql-statements'])).toBeGreaterThan(0);
    }
    expect(devFast.fastPath.counts).toMatchObject({ fast: 1, errorsToApollo: 1, learned: 1 });
    // The entity cache holds the good batch's three now: sent again, nothing executes, no statement runs, and only
    // that development-only count differs from Apollo's answer.
    const again = await post(devFast, good);
    const viaApollo = await post(devApollo, good);
    expect([again.headers['x-sql-statements'], Number(viaApollo.headers['x-sql-statements'])]).toEqual(['0', expect.any(Number)]);
    expect(Number(viaApollo.headers['x-sql-statements'])).toBeGreaterThan(0);
    const withoutCount = ({ headers: { 'x-sql-statements': _, ...headers }, ...reply }: Reply) => ({ ...reply, headers });
    expect(withoutCount(again)).toEqual(withoutCount(viaApollo));
    expect(devFast.fastPath.counts).toMatchObject({ fast: 2, entitiesHeld: 3, entitiesExecuted: 3 });
  });
});

describe('what the fast path must not skip', () => {
  const occupationQuery = 'query Occ($code: String!) { occupation(code: $code) { code title jobZone { zone } } }';

  test('CSRF prevention: a simple (text/plain) request is refused although its query and headers otherwise match a learned shape', async () => {
    const body = { query: '{ occupation(code: "43-6012.00") { code title } }' };
    const textPlain = 'text/plain; x=application/json';
    // Learned twice over: as JSON, and with a text/plain content type that the preflight header lets through.
    const learnedWith: Record<string, string>[] = [{}, { 'content-type': textPlain, 'apollo-require-preflight': 'true' }];
    for (const headers of learnedWith) {
      const { viaApollo, second, fast: answeredFast } = await bothPaths(body, headers);
      expect([viaApollo.status, second.status, answeredFast]).toEqual([200, 200, 1]);
    }
    const before = fast.fastPath.counts.fast;
    for (let i = 0; i < 2; i += 1) {
      const refused = await post(fast, body, { 'content-type': textPlain });
      expect(refused).toEqual(await post(apollo, body, { 'content-type': textPlain }));
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('Cross-Site Request Forgery');
    }
    expect(fast.fastPath.counts.fast).toBe(before);
  });

  test('production error masking: an internal error in a learned shape comes back masked, as Apollo masks it', async () => {
    const server = await serveHttp({ production: true });
    try {
      const learned = await post(server, { query: occupationQuery, variables: { code: '43-6012.00' } });
      expect(learned.status).toBe(200);
      expect(server.fastPath.counts.learned).toBe(1);
      // Every read now fails inside a resolver with a SqliteError, an internal error.
      await server.store.close();
      const failed = await post(server, { query: occupationQuery, variables: { code: '15-1252.00' } });
      expect(server.fastPath.counts.errorsToApollo).toBe(1);
      expect(failed.status).toBe(200);
      expect(failed.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(failed.body)).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['occupation'] }], data: { occupation: null } });
    } finally {
      await server.stop();
    }
  });

  // Each refused query is cheap to run (11-9039.00 has no related occupations; 2 tasks and 2 titles of 100 occupations),
  // so a fast path that skipped a limit fails the test by answering, rather than by running out of memory.
  const deep = `{ occupation(code: "11-9039.00") { ${'relatedOccupations { occupation { '.repeat(6)}code${' } }'.repeat(6)} } }`;
  test.each([
    ['depth', deep, /depth limit of 12 exceeded/],
    ['aliases', `{ occupation(code: "43-6012.00") { ${Array.from({ length: 31 }, (_, i) => `a${i}: code`).join(' ')} } }`, /Aliases limit of 30 exceeded/],
    ['cost', '{ occupations(first: 100) { edges { node { a: tasks(first: 2) { edges { node { statement } } } b: tasks(first: 100) { totalCount } c: alternateTitles(first: 100) { totalCount } d: alternateTitles(first: 100) { totalCount } e: tools(first: 100) { totalCount } } } } }', /Cost limit of 250000 exceeded/],
    ['tokens', `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`, /more that 2000 tokens/],
  ])("graphql-armor's and the parser's %s limit refuses the query every time it is sent, right after an allowed query of the same headers", async (_, query, message) => {
    // A shape learned just before, anonymous like the refused query and sent with the same headers: only the
    // document tells them apart, and the limits must be applied to it.
    expect((await bothPaths({ query: '{ occupation(code: "11-9039.00") { code } }' })).fast).toBeGreaterThanOrEqual(1);
    const before = { ...fast.fastPath.counts };
    for (let i = 0; i < 3; i += 1) {
      const refused = await post(fast, { query });
      expect(refused).toEqual(await post(apollo, { query }));
      expect(refused.status).toBe(400);
      const [error] = (JSON.parse(refused.body) as { errors: { message: string; extensions: { code: string } }[] }).errors;
      expect(error?.extensions.code).toMatch(/^GRAPHQL_(VALIDATION|PARSE)_FAILED$/);
      expect(error?.message).toMatch(message);
    }
    expect(fast.fastPath.counts.fast).toBe(before.fast);
    expect(fast.fastPath.counts.learned).toBe(before.learned);
  });

  test("Cache-Control: a fast answer carries the policy Apollo set for the document; an answer with errors, no-store", async () => {
    const { viaApollo, second, fast: answeredFast } = await bothPaths({ query: occupationQuery, variables: { code: '29-1141.00' } });
    expect(answeredFast).toBeGreaterThanOrEqual(1);
    expect(viaApollo.headers['cache-control']).toBe('max-age=3600, public');
    expect(second.headers['cache-control']).toBe('max-age=3600, public');
    const malformed = await bothPaths({ query: occupationQuery, variables: { code: '43-60' } });
    expect(malformed.errorsToApollo).toBe(2);
    expect(malformed.second).toEqual(malformed.viaApollo);
    expect(malformed.second.headers['cache-control']).toBe('no-store');
    expect(malformed.second.body).toContain('BAD_USER_INPUT');
  });
});

describe('what always goes to Apollo', () => {
  const query = '{ occupation(code: "43-6012.00") { code title } }';

  async function onlyApollo(send: () => Promise<Reply>): Promise<Reply> {
    await post(fast, { query });
    await post(fast, { query });
    const before = fast.fastPath.counts.fast;
    const reply = await send();
    expect(fast.fastPath.counts.fast).toBe(before);
    return reply;
  }

  test('a router asking for a federated trace gets one', async () => {
    const reply = await onlyApollo(() => post(fast, { query }, { 'apollo-federation-include-trace': 'ftv1' }));
    expect((JSON.parse(reply.body) as { extensions?: { ftv1?: string } }).extensions?.ftv1).toEqual(expect.any(String));
  });

  test('persisted queries (extensions) are Apollo\'s, registered and then asked by hash', async () => {
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    await onlyApollo(() => post(fast, { query, extensions: { persistedQuery } }));
    const byHash = await onlyApollo(() => post(fast, { extensions: { persistedQuery } }));
    expect(byHash.status).toBe(200);
    expect(byHash.body).toContain('Legal Secretaries');
  });

  test('mutations are never learned', async () => {
    const mutation = { query: 'mutation { suggestCorrection(input: { occupationCode: "43-6012.00", targetKind: FIELD, targetId: "Occupation.title", suggestedText: "x", idempotencyKey: "k" }) { id } }' };
    const learned = fast.fastPath.counts.learned;
    for (let i = 0; i < 2; i += 1) expect(await onlyApollo(() => post(fast, mutation))).toEqual(await post(apollo, mutation));
    expect(fast.fastPath.counts.learned).toBe(learned);
  });

  test('GET, and a request with credentials', async () => {
    const get = await onlyApollo(() => send(`${fast.url}?query=${encodeURIComponent(query)}`, {}));
    expect(get.status).toBe(200);
    const withToken = await onlyApollo(() => post(fast, { query }, { authorization: 'Bearer not-a-token' }));
    expect(withToken.status).toBe(200);
  });
});

test('learned shapes are bounded in number and in key length; the oldest go first, and a very long query is never kept', async () => {
  const apolloServer = createServer({ production: true });
  await apolloServer.start();
  const limited = new FastPath(apolloServer, { limits: { shapes: 3, keyChars: 100_000 } });
  const ask = async (query: string) => {
    const before = limited.counts.fast;
    const httpGraphQLRequest = { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query } };
    const { response } = await limited.execute(httpGraphQLRequest, () => createContext(fast.store));
    expect(response.status ?? 200).toBe(200);
    return limited.counts.fast > before;
  };
  const queries = ['code', 'title', 'socCode', 'majorGroup'].map((field) => `{ occupation(code: "43-6012.00") { ${field} } }`);
  for (const query of queries) expect(await ask(query)).toBe(false);
  // The first of four was forgotten for the fourth; the last three are answered down the fast path.
  expect(await ask(queries[0]!)).toBe(false);
  expect(await ask(queries[3]!)).toBe(true);
  // Comments make a valid query as long as a body may be: past a hundredth of the key budget, it is never learned.
  const long = `${'# padding\n'.repeat(120)}{ occupation(code: "43-6012.00") { title } }`;
  expect(long.length).toBeGreaterThan(1000);
  for (let i = 0; i < 3; i += 1) expect(await ask(long)).toBe(false);
  expect(limited.counts.learned).toBe(5);
  await apolloServer.stop();
});

describe('the entity cache: `_entities` batches spliced from held entity texts (src/http/entity-cache.ts)', () => {
  // A server of its own, so what its cache holds is what these tests sent it; Apollo's path is `apollo` above.
  let cached: RunningHttp;
  beforeAll(async () => {
    cached = await serveHttp({ production: true });
  });
  afterAll(() => cached.stop());

  let sent = 0;
  const representationsOf = (list: readonly string[]) => list.map((code) => ({ __typename: 'Occupation', code }));
  /** The router's enrichment of these representations, with a new unused variable each time as the bench sends. */
  const batch = (representations: unknown[], query = ENRICHMENT_QUERY, variable = 'representations') => ({ query, variables: { [variable]: representations, request: (sent += 1) } });

  /** Sends one body to Apollo's path and to `server`: both replies, and what the fast path counted meanwhile. */
  async function compare(server: RunningHttp, body: unknown) {
    const before = { ...server.fastPath.counts };
    const viaApollo = await post(apollo, body);
    const reply = await post(server, body);
    const { counts } = server.fastPath;
    const counted = { fast: counts.fast - before.fast, errorsToApollo: counts.errorsToApollo - before.errorsToApollo, held: counts.entitiesHeld - before.entitiesHeld, executed: counts.entitiesExecuted - before.entitiesExecuted };
    expect(reply).toEqual(viaApollo);
    return { viaApollo, reply, counted };
  }

  test('JSON.stringify is compositional: a list spliced from its elements\' held texts is the list written whole', () => {
    // Any JSON, strings with lone surrogates included (held texts are flattened through UTF-8: entityText).
    const json = fc.jsonValue({ stringUnit: 'binary' });
    fc.assert(
      fc.property(fc.array(fc.oneof(json, fc.constant(null))), fc.string(), (list, key) => {
        const { head } = entitiesOperationOf(operationOf(`query($r: [_Any!]!) { ${key === '' ? '' : `${alias(key)}: `}_entities(representations: $r) { __typename } }`))!;
        const responseKey = key === '' ? '_entities' : alias(key);
        expect(head + list.map(entityText).join(',') + ENTITIES_TAIL).toBe(`${JSON.stringify({ data: { [responseKey]: list } })}\n`);
      }),
      { numRuns: 300 },
    );
  });

  test('cold, warm and partly warm: the bytes and headers of Apollo\'s path, executing only what is not held', async () => {
    const first = codes.slice(100, 120);
    const second = codes.slice(120, 130);
    // Apollo answers the shape's first request and the fast path learns it; nothing is held yet.
    expect((await compare(cached, batch(representationsOf(codes.slice(0, 3))))).counted).toEqual({ fast: 0, errorsToApollo: 0, held: 0, executed: 0 });
    expect((await compare(cached, batch(representationsOf(first)))).counted).toEqual({ fast: 1, errorsToApollo: 0, held: 0, executed: 20 });
    // The same entities in another order: all held, none executed.
    const warm = await compare(cached, batch(representationsOf([...first].reverse())));
    expect(warm.counted).toEqual({ fast: 1, errorsToApollo: 0, held: 20, executed: 0 });
    expect(warm.reply.headers['cache-control']).toBe('max-age=3600, public');
    expect((JSON.parse(warm.reply.body) as { data: { _entities: { code: string }[] } }).data._entities.map((e) => e.code)).toEqual([...first].reverse());
    // Half held, half new, interleaved.
    const mixed = first.slice(0, 10).flatMap((code, i) => [code, second[i]!]);
    expect((await compare(cached, batch(representationsOf(mixed)))).counted).toEqual({ fast: 1, errorsToApollo: 0, held: 10, executed: 10 });
    // The three of the learning request were Apollo's to answer, so not held.
    expect(cached.entityCache.size.entries).toBe(30);
  });

  test('duplicates in one batch execute once and answer at every place; the same entity with its keys in another order too', async () => {
    const [a, b, c] = [codes[200]!, codes[201]!, codes[202]!];
    expect((await compare(cached, batch(representationsOf([a, a, b, a])))).counted).toMatchObject({ fast: 1, held: 0, executed: 2 });
    expect((await compare(cached, batch(representationsOf([b, a, b])))).counted).toMatchObject({ fast: 1, held: 3, executed: 0 });
    // Keys in another order are another key: executed and held apart, answered alike.
    const reordered = [{ code: c, __typename: 'Occupation' }, { __typename: 'Occupation', code: c }, { code: c, __typename: 'Occupation' }];
    expect((await compare(cached, batch(reordered))).counted).toMatchObject({ fast: 1, held: 0, executed: 2 });
    expect((await compare(cached, batch(reordered))).counted).toMatchObject({ fast: 1, held: 3, executed: 0 });
  });

  test('unknown codes, other types and representations that are not objects: Apollo answers the whole batch, and nothing of it is held', async () => {
    const known = codes.slice(300, 303);
    await compare(cached, batch(representationsOf(known)));
    const entries = cached.entityCache.size.entries;
    const bad: [string, unknown[]][] = [
      ['an unknown code among held ones', [...representationsOf(known), { __typename: 'Occupation', code: '99-9999.00' }]],
      ['an unknown code among new ones', representationsOf([codes[310]!, '99-9999.00', codes[311]!])],
      ['a malformed code', representationsOf([known[0]!, '43-60'])],
      ['a type the schema lacks', [...representationsOf(known), { __typename: 'Nope', code: known[0] }]],
      ['not objects', [...representationsOf(known), 'x', 42]],
      ['a null', [...representationsOf(known), null]],
    ];
    for (const [name, representations] of bad) {
      const { viaApollo, counted } = await compare(cached, batch(representations));
      expect({ name, fast: counted.fast }).toEqual({ name, fast: 0 });
      expect(viaApollo.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(viaApollo.body)).toHaveProperty('errors');
    }
    // Held entities were looked up, but nothing new was stored: codes[310] and codes[311] executed beside an error.
    expect(cached.entityCache.size.entries).toBe(entries);
    expect((await compare(cached, batch(representationsOf([codes[310]!])))).counted).toMatchObject({ fast: 1, held: 0, executed: 1 });
  });

  test('another selection with an alias, and another entity type: held apart from the first selection\'s, Apollo\'s bytes', async () => {
    const aliased = 'query Small($r: [_Any!]!) { found: _entities(representations: $r) { ... on Occupation { code title } } }';
    const representations = [...representationsOf(codes.slice(400, 402)), { __typename: 'Source', id: 'onet' }];
    // Held under the enrichment's selection first; that text is not this selection's answer.
    await compare(cached, batch(representationsOf(codes.slice(400, 402))));
    expect((await compare(cached, batch(representationsOf(codes.slice(400, 402))))).counted).toMatchObject({ fast: 1, held: 2 });
    const cold = await compare(cached, batch(representations, aliased, 'r'));
    expect(cold.reply.body.startsWith('{"data":{"found":[')).toBe(true);
    expect((await compare(cached, batch(representations, aliased, 'r'))).counted).toMatchObject({ fast: 1, executed: 3 });
    expect((await compare(cached, batch(representations, aliased, 'r'))).counted).toMatchObject({ fast: 1, held: 3, executed: 0 });
  });

  test('the access log tells how many entities were held and how many executed', async () => {
    const logs = captureLogs();
    const server = await serveHttp({ production: true, logger: logs.logger });
    try {
      const body = () => batch(representationsOf([codes[500]!, codes[501]!, codes[500]!]));
      for (let i = 0; i < 3; i += 1) await post(server, body());
      const lines = logs.entries().filter((e) => e.msg === 'request');
      expect(lines.map((e) => e.entities)).toEqual([undefined, { held: 0, executed: 2 }, { held: 3, executed: 0 }]);
    } finally {
      await server.stop();
    }
  });

  test('a tiny bound: the cache never holds more than it may, and every answer is still Apollo\'s', async () => {
    // About two entities' worth (each is ~3.5 KB of text, counted at two bytes a character).
    const bound = 16_000;
    const tiny = await serveHttp({ production: true, entityCacheBytes: bound });
    try {
      const five = codes.slice(600, 605);
      await compare(tiny, batch(representationsOf(five)));
      for (let i = 0; i < 3; i += 1) {
        const { counted } = await compare(tiny, batch(representationsOf(five)));
        // The five never fit: each time at least three are executed again.
        expect(counted.fast).toBe(1);
        expect(counted.executed).toBeGreaterThanOrEqual(3);
        expect(tiny.entityCache.size.bytes).toBeLessThanOrEqual(bound);
        expect(tiny.entityCache.size.entries).toBeGreaterThanOrEqual(1);
      }
      // The last one executed is held; asking for it again executes nothing.
      expect((await compare(tiny, batch(representationsOf([five[4]!])))).counted).toMatchObject({ fast: 1, held: 1, executed: 0 });
    } finally {
      await tiny.stop();
    }
  });

  test('turned off (ENTITY_CACHE_MB=0): the same bytes, every batch executed whole by the fast path', async () => {
    const off = await serveHttp({ production: true, entityCacheBytes: 0 });
    try {
      const list = codes.slice(700, 720);
      for (const representations of [list, list, [...list.slice(0, 10), ...codes.slice(720, 730)], [list[0]!, list[0]!]]) {
        const body = batch(representationsOf(representations));
        const { reply, counted } = await compare(off, body);
        expect(reply).toEqual(await post(cached, body));
        expect([counted.held, counted.executed]).toEqual([0, 0]);
      }
      expect(off.fastPath.counts.fast).toBe(3);
      expect(off.entityCache.size.entries).toBe(0);
    } finally {
      await off.stop();
    }
  });

  test('only shapes answered Cache-Control public are held: a private answer is executed whole every time', async () => {
    const privately: ApolloServerPlugin = {
      async requestDidStart() {
        return { async willSendResponse({ response }) { response.http.headers.set('cache-control', 'max-age=60, private'); } };
      },
    };
    const apolloServer = createServer({ production: true, plugins: [privately] });
    await apolloServer.start();
    try {
      const entityCache = new EntityCache(1 << 20);
      const fastPath = new FastPath(apolloServer, { entityCache });
      for (let i = 0; i < 3; i += 1) {
        const body = { query: ENRICHMENT_QUERY, variables: { representations: representationsOf(codes.slice(800, 805)) } };
        const httpGraphQLRequest = { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body };
        const { response, entities } = await fastPath.execute(httpGraphQLRequest, () => createContext(fast.store));
        expect([response.status ?? 200, response.headers.get('cache-control'), entities]).toEqual([200, 'max-age=60, private', undefined]);
      }
      expect(fastPath.counts).toMatchObject({ fast: 2, learned: 1, entitiesHeld: 0, entitiesExecuted: 0 });
      expect(entityCache.size.entries).toBe(0);
    } finally {
      await apolloServer.stop();
    }
  });
});

describe('which operations the entity cache answers (entitiesOperationOf)', () => {
  test.each([
    ['the router\'s query', 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code } } }', { variable: 'representations', responseKey: '_entities' }],
    ['another variable name, an alias', 'query Q($r: [_Any!]!) { e: _entities(representations: $r) { __typename } }', { variable: 'r', responseKey: 'e' }],
    ['a second root field', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } __typename }', undefined],
    ['a second variable', 'query($r: [_Any!]!, $s: Boolean!) { _entities(representations: $r) @include(if: $s) { __typename } }', undefined],
    ['a directive on the field', 'query($r: [_Any!]!) { _entities(representations: $r) @skip(if: false) { __typename } }', undefined],
    ['representations written in the query', '{ _entities(representations: [{ __typename: "Occupation", code: "43-6012.00" }]) { __typename } }', undefined],
    ['another root field', 'query($code: String!) { occupation(code: $code) { code } }', undefined],
    ['a root fragment', 'query($r: [_Any!]!) { ... on Query { _entities(representations: $r) { __typename } } }', undefined],
  ])('%s', (_, query, expected) => {
    const found = entitiesOperationOf(operationOf(query));
    expect(found === undefined ? undefined : { variable: found.variable, responseKey: found.responseKey }).toEqual(expected);
  });

  test('the entity cache\'s bound counts two bytes a character and an overhead, and evicts the least recently used', () => {
    const cache = new EntityCache(3 * (2 * (2 + 100) + 96));
    const text = (c: string) => c.repeat(100);
    for (const key of ['1a', '1b', '1c']) cache.set(key, text(key[1]!));
    expect(cache.size).toEqual({ entries: 3, bytes: 3 * (2 * 102 + 96) });
    expect(cache.get('1a')).toBe(text('a'));
    cache.set('1d', text('d'));
    expect([cache.get('1a'), cache.get('1b'), cache.get('1c'), cache.get('1d')]).toEqual([text('a'), undefined, text('c'), text('d')]);
    // Replacing an entry counts it once; one larger than the whole bound is not stored.
    cache.set('1a', text('a'));
    expect(cache.size.entries).toBe(3);
    cache.set('1e', 'e'.repeat(1000));
    expect([cache.size.entries, cache.get('1e')]).toEqual([3, undefined]);
    expect(new EntityCache(0).enabled).toBe(false);
  });
});

function operationOf(query: string): OperationDefinitionNode {
  return parse(query).definitions[0] as OperationDefinitionNode;
}

/** A GraphQL name made from any string (an alias for the compositional property). */
function alias(key: string): string {
  return `a${[...key].map((ch) => ch.codePointAt(0)!.toString(36)).join('_')}`;
}
