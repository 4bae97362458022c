/**
 * Hostile and malformed requests against a production-mode server over real HTTP. Each one is refused with a
 * 4xx, or answered with GraphQL errors that carry a stable `extensions.code`; none gets a 5xx, a hang, a stack
 * trace or SQL. After all of them the server still answers the full framework query.
 */
import { connect } from 'node:net';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { PRODUCTION_LIMITS } from '../src/server';
import { serveHttp, type RunningHttp } from './support/http';
import { FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from '../scripts/operations';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

interface ErrorBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: unknown; argumentName?: unknown } }[];
}

let running: RunningHttp;
beforeAll(async () => {
  running = await serveHttp({ production: true });
});
afterAll(() => running.stop());

/**
 * A raw HTTP request through node:http, so a test controls every byte and header (fetch would fix up some). A
 * server that answers before reading the whole body may close the socket under the upload; the answer still counts.
 */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer | Readable): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, running.url);
    let settled = false;
    const req = request(target, { method, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        settled = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => (settled ? undefined : reject(error)));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} hung for 10 s`)));
    req.on('error', (error) => (settled ? undefined : reject(error)));
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

function postJson(body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const bytes = Buffer.from(JSON.stringify(body));
  return send('POST', '/', { ...json, 'content-length': String(bytes.length), ...headers }, bytes);
}

function postRaw(bytes: Buffer, headers: Record<string, string> = json): Promise<Reply> {
  return send('POST', '/', { ...headers, 'content-length': String(bytes.length) }, bytes);
}

/** What every refusal must look like: no 5xx, no stack trace, no SQL, and a code on every error. */
function expectCleanRefusal(reply: Reply, expected: { status: number; code: string }): ErrorBody {
  expect(reply.status).toBe(expected.status);
  expect(reply.text).not.toMatch(/stacktrace|\bat .+:\d+:\d+|\.ts:\d+/i);
  // Kysely quotes identifiers (`from "occupation"`); better-sqlite3 errors name SQLITE_ codes.
  expect(reply.text).not.toMatch(/from "|SqliteError|SQLITE_[A-Z]/);
  const body = JSON.parse(reply.text) as ErrorBody;
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors ?? []) expect(typeof error.extensions?.code).toBe('string');
  expect(body.errors?.[0]?.extensions?.code).toBe(expected.code);
  return body;
}

describe('malformed requests get a 400', () => {
  test('malformed JSON', async () => {
    const body = expectCleanRefusal(await postRaw(Buffer.from('{"query": "{ __typename }"')), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toContain('not valid JSON');
  });

  test('a JSON body with no query', async () => {
    const body = expectCleanRefusal(await postJson({ variables: {} }), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toMatch(/non-empty `query`/);
  });

  test('a JSON body that is not an object', async () => {
    expectCleanRefusal(await postJson('{ __typename }'), { status: 400, code: 'BAD_REQUEST' });
  });

  test('invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"query": "{ occupation(code: \\"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\\") { code } }"}')]);
    const body = expectCleanRefusal(await postRaw(bytes), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toContain('UTF-8');
  });

  test('wrong variable types', async () => {
    const query = 'query Q($code: String!, $first: Int) { occupation(code: $code) { code } occupations(first: $first) { totalCount } }';
    const body = expectCleanRefusal(await postJson({ query, variables: { code: 43, first: 'ten' } }), { status: 400, code: 'BAD_USER_INPUT' });
    expect(body.data).toBeUndefined();
  });

  test('variables that are not an object', async () => {
    expectCleanRefusal(await postJson({ query: '{ __typename }', variables: '{"code": 1}' }), { status: 400, code: 'BAD_REQUEST' });
  });

  test('an operationName that names no operation in the document', async () => {
    const body = expectCleanRefusal(await postJson({ query: 'query A { __typename }', operationName: 'B' }), { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(body.errors?.[0]?.message).toBe('Unknown operation named "B".');
  });

  test('a subscription, which this schema has none of', async () => {
    const body = expectCleanRefusal(await postJson({ query: 'subscription S { occupation }' }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0]?.message).toContain('no subscription operations');
  });

  test('a persisted query of an unsupported version', async () => {
    const body = expectCleanRefusal(await postJson({ extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toBe('Unsupported persisted query version');
  });

  test('_entities representations without a type or key', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Occupation { code } } }';
    for (const r of [{}, { __typename: 'Nope', code: '43-6012.00' }, { __typename: 'Occupation' }, { __typename: 'Occupation', code: 43 }, { __typename: 'Source', id: ['x'] }]) {
      const reply = await postJson({ query, variables: { r: [r] } });
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.text) as ErrorBody;
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'representations' });
      expect(body.errors?.[0]?.message).toMatch(/^representations\[0\] must be an object with __typename Occupation/);
    }
  });

  test('_entities with a malformed and an unknown code keeps every entity at its representation\'s index', async () => {
    const r = ['43-6012.00', '43-60', '23-2011.00', '99-9999.00'].map((code) => ({ __typename: 'Occupation', code }));
    const reply = await postJson({ query: OCCUPATION_ENTITIES_QUERY, variables: { representations: r } });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as ErrorBody & { data: { _entities: ({ code: string } | null)[] } };
    expect(body.data._entities.map((e) => e?.code ?? null)).toEqual(['43-6012.00', null, '23-2011.00', null]);
    expect(body.errors?.map((e) => [(e as { path?: unknown[] }).path, e.extensions?.code])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 3], 'NOT_FOUND'],
    ]);
  });

  test('two operations and no operationName', async () => {
    const body = expectCleanRefusal(await postJson({ query: 'query A { __typename } query B { __typename }' }), { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(body.errors?.[0]?.message).toBe('Must provide operation name if query contains multiple operations.');
  });
});

describe('cross-site request forgery', () => {
  test('text/plain without a preflight header is refused', async () => {
    const bytes = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
    const body = expectCleanRefusal(await postRaw(bytes, { 'content-type': 'text/plain' }), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toContain('CSRF');
  });

  test('a GET query is served without a preflight header (no ambient credentials: README)', async () => {
    const path = `/?query=${encodeURIComponent('{ occupation(code: "43-6012") { code } }')}`;
    const allowed = await send('GET', path, {});
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text)).toEqual({ data: { occupation: { code: '43-6012.00' } } });
  });

  test('a mutation over GET is refused with 405, preflight header or not', async () => {
    const query = 'mutation { suggestCorrection(input: {occupationCode: "43-6012.00", targetKind: FIELD, targetId: "Occupation.title", suggestedText: "x", idempotencyKey: "abcdefgh-get"}) { id } }';
    for (const headers of [{}, { 'apollo-require-preflight': 'true' }] as Record<string, string>[]) {
      const reply = await send('GET', `/?query=${encodeURIComponent(query)}`, headers);
      expectCleanRefusal(reply, { status: 405, code: 'BAD_REQUEST' });
      expect(reply.headers.allow).toBe('POST');
    }
  });
});

describe('oversized requests get a 413 without being read', () => {
  test('a 1 MB query', async () => {
    const query = `{ ${'__typename '.repeat(1_000_000 / 11)} }`;
    expectCleanRefusal(await postJson({ query }), { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  test('a 10 MB body with its length declared', async () => {
    expectCleanRefusal(await postRaw(Buffer.alloc(10_000_000, 0x20)), { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  test('a 10 MB body streamed without a declared length', async () => {
    const chunk = Buffer.alloc(100_000, 0x20);
    const stream = Readable.from((function* () {
      for (let i = 0; i < 100; i += 1) yield chunk;
    })());
    const reply = await send('POST', '/', { ...json, 'transfer-encoding': 'chunked' }, stream);
    expectCleanRefusal(reply, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  test('a query string too long for the request line: a 431 saying what to do, read whole although the client is still sending', async () => {
    const reply = await send('GET', `/?query=${'a'.repeat(100_000)}`, { 'apollo-require-preflight': 'true' });
    expectCleanRefusal(reply, { status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
    expect(reply.text).toContain('by POST');
  });

  test('a request that is not HTTP at all gets a 400 saying so, and the server carries on', async () => {
    const socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.end('NOT-HTTP\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ errors: [{ message: 'The request is not valid HTTP/1.1.', extensions: { code: 'BAD_REQUEST' } }] });
    expect((await postJson({ query: '{ __typename }' })).status).toBe(200);
  });
});

describe('operations past the limits are refused before they run', () => {
  const nest = (levels: number): string => {
    let selection = 'code';
    for (let i = 0; i < levels; i += 1) selection = `relatedOccupations { occupation { ${selection} } }`;
    return `{ occupation(code: "43-6012.00") { ${selection} } }`;
  };

  test('a fragment cycle', async () => {
    const query = '{ ...A } fragment A on Query { occupation(code: "43-6012.00") { code } ...B } fragment B on Query { ...A }';
    const body = expectCleanRefusal(await postJson({ query }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.map((e) => e.message).join('\n')).toMatch(/Cannot spread fragment "A" within itself/);
  });

  test('40 levels of relatedOccupations', async () => {
    const body = expectCleanRefusal(await postJson({ query: nest(40) }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.map((e) => e.message).join('\n')).toMatch(/depth limit of 12 exceeded/);
  });

  test('3,000 aliases are past the token limit', async () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ');
    const body = expectCleanRefusal(await postJson({ query: `{ ${aliases} }` }), { status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(body.errors?.[0]?.message).toContain(`more that ${PRODUCTION_LIMITS.maxTokens} tokens`);
  });

  test('aliases past the alias limit, within the token limit', async () => {
    const aliases = Array.from({ length: PRODUCTION_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: code`).join(' ');
    const query = `{ occupation(code: "43-6012.00") { ${aliases} } }`;
    const body = expectCleanRefusal(await postJson({ query }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0]?.message).toMatch(/Aliases limit of 30 exceeded/);
  });

  test('2,000 directives are past the token limit', async () => {
    const query = `{ __typename ${'@include(if: true) '.repeat(2000)}}`;
    const body = expectCleanRefusal(await postJson({ query }), { status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(body.errors?.[0]?.message).toContain('tokens');
  });

  test('directives past the directive limit, within the token limit', async () => {
    const query = `{ __typename ${'@include(if: true) '.repeat(PRODUCTION_LIMITS.maxDirectives + 1)}}`;
    const body = expectCleanRefusal(await postJson({ query }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0]?.message).toMatch(/Directives limit of 50 exceeded/);
  });

  test('a query whose cost is past the limit', async () => {
    // 100 occupations with 100 tasks and 100 tools each: within the depth, alias and token limits.
    const page = (field: string) => `${field}(first: 100) { edges { node { id statement type incumbentsResponding } } }`;
    const query = `{ occupations(first: 100) { edges { node { code ${page('tasks')} tools(first: 100) { edges { node { name commodityTitle } } } } } } }`;
    const body = expectCleanRefusal(await postJson({ query }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0]?.message).toMatch(/Cost limit of 250000 exceeded/);
  });

  test.each([
    ['the full framework', FULL_FRAMEWORK_QUERY, { code: '43-6012.00' }],
    ['a page of 100 occupations with anchors', OCCUPATIONS_WITH_ANCHORS_QUERY, {}],
    ['100 entity representations', OCCUPATION_ENTITIES_QUERY, { representations: Array.from({ length: 100 }, () => ({ __typename: 'Occupation', socCode: '43-6012' })) }],
  ])('%s passes the limits', async (_, query, variables) => {
    const reply = await postJson({ query, variables });
    expect(reply.status).toBe(200);
    expect((JSON.parse(reply.text) as ErrorBody).errors).toBeUndefined();
  });

  test('a batch of 500 operations', async () => {
    const batch = Array.from({ length: 500 }, () => ({ query: '{ occupation(code: "43-6012.00") { code } }' }));
    const body = expectCleanRefusal(await postJson(batch), { status: 400, code: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toMatch(/batching/i);
  });

  test('a page larger than 100', async () => {
    const reply = await postJson({ query: '{ occupations(first: 1000) { totalCount } }' });
    const body = expectCleanRefusal(reply, { status: 200, code: 'BAD_USER_INPUT' });
    expect(body.errors?.[0]?.extensions?.argumentName).toBe('first');
  });

  test('a misspelt field gets no suggestion', async () => {
    const body = expectCleanRefusal(await postJson({ query: '{ occupation(code: "43-6012.00") { titel } }' }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  test('introspection is off', async () => {
    expectCleanRefusal(await postJson({ query: '{ __schema { types { name } } }' }), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('injection-looking input is only ever a value', () => {
  test.each([
    `43-6012.00' OR '1'='1`,
    `43-6012.00"; DROP TABLE occupation; --`,
    `%' UNION SELECT name FROM sqlite_master --`,
    `43-6012.00\u0000`,
  ])('occupation(code: %j) is BAD_USER_INPUT naming the argument', async (code) => {
    const reply = await postJson({ query: 'query Q($code: String!) { occupation(code: $code) { code } }', variables: { code } });
    const body = expectCleanRefusal(reply, { status: 200, code: 'BAD_USER_INPUT' });
    expect(body.errors?.[0]?.extensions?.argumentName).toBe('code');
  });

  test('a well-formed lookup with a hostile id finds nothing', async () => {
    const reply = await postJson({ query: 'query Q($id: ID!) { source(id: $id) { id } }', variables: { id: `x' OR '1'='1` } });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ data: { source: null } });
  });

  test('a forged cursor carrying SQL is compared as a value, and pages past every code', async () => {
    // Were the text spliced into SQL, `OR '1'='1'` would match every row; as a value it sorts after every code.
    const after = Buffer.from(`occupation:99-9999.99' OR '1'='1`).toString('base64url');
    const reply = await postJson({ query: `{ occupations(first: 2, after: "${after}") { totalCount edges { node { code } } } }` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ data: { occupations: { totalCount: 1016, edges: [] } } });
  });
});

test('after all of the above, the server still serves the full framework', async () => {
  const reply = await postJson({ query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' }, operationName: 'LegalSecretariesFramework' });
  expect(reply.status).toBe(200);
  const body = JSON.parse(reply.text) as { errors?: unknown; data: { occupation: { framework: { levels: { statements: unknown[] }[] } } } };
  expect(body.errors).toBeUndefined();
  expect(body.data.occupation.framework.levels.map((l) => l.statements.length)).toEqual([10, 10, 10, 10]);
  const live = await send('GET', '/health/ready', {});
  expect(JSON.parse(live.text)).toEqual({ status: 'ready' });
});
