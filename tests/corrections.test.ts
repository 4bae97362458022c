/**
 * Suggesting a correction and reviewing it, through `executeOperation` with a request's headers: validation that
 * names the field, idempotency, tokens and roles, listing and paging, the audit trail, and the rate limit.
 */
import { buildSchema as buildSdlSchema, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import { sql } from 'kysely';
import { AccessTokens } from '../src/corrections/auth';
import { buildSchema } from '../src/schema';
import { testDialect } from './support/postgres';
import { LIST, REVIEW, SUGGEST, makeTokens, sha256Hex, startCorrections, suggestion, type CorrectionsHarness } from './support/corrections';

interface SuggestData {
  suggestCorrection: { id: string; status: string; createdAt: string };
}
interface Review {
  reviewer: string;
  reviewedAt: string;
  oldStatus: string;
  newStatus: string;
  note: string | null;
}
interface ListData {
  corrections: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; occupationCode: string; targetKind: string; targetId: string; suggestedText: string; status: string; reviews: Review[] } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}
interface ReviewData {
  reviewCorrection: { id: string; status: string; updatedAt: string; reviews: Review[] };
}

const rowCount = (t: CorrectionsHarness) =>
  t.service.store.db.selectFrom('suggestion').select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow().then((r) => r.n);

describe('suggesting', () => {
  let t: CorrectionsHarness;
  beforeAll(async () => {
    t = await startCorrections();
  });
  afterAll(() => t.stop());

  test('a valid suggestion is stored as given and answered with its id, PENDING and its time only', async () => {
    const input = suggestion();
    const result = await t.run<SuggestData>(SUGGEST, { input });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.suggestCorrection;
    expect(payload?.status).toBe('PENDING');
    expect(Object.keys(payload ?? {}).sort()).toEqual(['createdAt', 'id', 'status']);
    expect(Date.parse(payload?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const row = await t.service.store.db.selectFrom('suggestion').selectAll().where('id', '=', Number(payload?.id)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      occupation_code: '43-6012.00',
      target_kind: 'field',
      target_id: 'Occupation.title',
      suggested_text: input['suggestedText'],
      contact: 'hr@example.com',
      idempotency_key: input['idempotencyKey'],
      client_key: '127.0.0.1',
      status: 'pending',
    });
  });

  test('the answer to a suggestion cannot select what was sent', async () => {
    const result = await t.run(`mutation { suggestCorrection(input: { occupationCode: "43-6012.00", targetKind: FIELD, targetId: "Occupation.title", suggestedText: "x", contact: "a@example.com", idempotencyKey: "key-0000001" }) { id contact } }`);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('a 2018 SOC code is stored as the O*NET-SOC code it resolves to', async () => {
    const result = await t.run<SuggestData>(SUGGEST, { input: suggestion({ occupationCode: '43-6012' }) });
    expect(result.errors).toBeUndefined();
    const row = await t.service.store.db.selectFrom('suggestion').select('occupation_code').where('id', '=', Number(result.data?.suggestCorrection.id)).executeTakeFirstOrThrow();
    expect(row.occupation_code).toBe('43-6012.00');
  });

  test.each([
    ['a competency statement', 'STATEMENT', '43-6012.00/competency/advanced/01'],
    ['an AI-usage statement', 'STATEMENT', '43-6012.00/ai-usage/advanced/01'],
    ['a durable-skill statement', 'STATEMENT', '43-6012.00/durable/character/applying/01'],
    ['the first skill anchor', 'ANCHOR', 'skills/1'],
    ['the last skill anchor', 'ANCHOR', 'skills/10'],
    ['an occupation field', 'FIELD', 'Occupation.description'],
    ['a field of a type under Occupation', 'FIELD', 'Task.statement'],
  ])('%s is a target', async (_, targetKind, targetId) => {
    const result = await t.run<SuggestData>(SUGGEST, { input: suggestion({ targetKind, targetId }) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.suggestCorrection.status).toBe('PENDING');
  });

  const long = 'x'.repeat(2001);
  test.each([
    ['an unknown occupation', { occupationCode: '99-9999.00' }, 'input.occupationCode'],
    ['a malformed occupation code', { occupationCode: 'legal secretary' }, 'input.occupationCode'],
    ['an unknown statement', { targetKind: 'STATEMENT', targetId: '43-6012.00/competency/advanced/99' }, 'input.targetId'],
    ["another occupation's statement", { occupationCode: '23-2011.00', targetKind: 'STATEMENT', targetId: '43-6012.00/competency/advanced/01' }, 'input.targetId'],
    ['an anchor past the end of its list', { targetKind: 'ANCHOR', targetId: 'skills/11' }, 'input.targetId'],
    ['an anchor at position 0', { targetKind: 'ANCHOR', targetId: 'skills/0' }, 'input.targetId'],
    ['an unknown anchor list', { targetKind: 'ANCHOR', targetId: 'hobbies/1' }, 'input.targetId'],
    ['an unknown field', { targetId: 'Occupation.salary' }, 'input.targetId'],
    ['a field not under Occupation', { targetId: 'Query.corrections' }, 'input.targetId'],
    ['an empty target', { targetId: ' ' }, 'input.targetId'],
    ['empty text', { suggestedText: '' }, 'input.suggestedText'],
    ['blank text', { suggestedText: '   ' }, 'input.suggestedText'],
    ['text over 2,000 characters', { suggestedText: long }, 'input.suggestedText'],
    ['a contact that is not an email address', { contact: 'call me maybe' }, 'input.contact'],
    ['a contact without a domain', { contact: 'hr@example' }, 'input.contact'],
    ['a control character in the text', { suggestedText: 'Legal\u0007Secretaries' }, 'input.suggestedText'],
    ['a line break in the text', { suggestedText: 'Legal\nSecretaries' }, 'input.suggestedText'],
    ['a C1 control character in the text', { suggestedText: 'Legal\u0085Secretaries' }, 'input.suggestedText'],
    ['an unpaired surrogate in the text', { suggestedText: 'Legal \ud800 Secretaries' }, 'input.suggestedText'],
    ['a control character in the contact', { contact: 'hr@example.com\u0000' }, 'input.contact'],
    ['a control character in the target', { targetId: 'Occupation.title\u001b' }, 'input.targetId'],
    ['a control character in the occupation code', { occupationCode: '43-6012.00\u0000' }, 'input.occupationCode'],
    ['a control character in the idempotency key', { idempotencyKey: 'key-\u0001-0000000' }, 'input.idempotencyKey'],
    ['a short idempotency key', { idempotencyKey: 'abc' }, 'input.idempotencyKey'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is stored', async (_, overrides, argumentName) => {
    const before = await rowCount(t);
    const result = await t.run(SUGGEST, { input: suggestion(overrides) });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(result.errors?.[0]?.message).toContain(argumentName);
    expect(await rowCount(t)).toBe(before);
  });

  test('2,000 characters is allowed, counted as characters rather than UTF-16 units', async () => {
    const result = await t.run<SuggestData>(SUGGEST, { input: suggestion({ suggestedText: '\u{1F4BC}'.repeat(2000) }) });
    expect(result.errors).toBeUndefined();
  });

  test('no contact is fine, and an empty one counts as none', async () => {
    for (const contact of [null, '']) {
      const result = await t.run<SuggestData>(SUGGEST, { input: suggestion({ contact }) });
      expect(result.errors).toBeUndefined();
      const row = await t.service.store.db.selectFrom('suggestion').select('contact').where('id', '=', Number(result.data?.suggestCorrection.id)).executeTakeFirstOrThrow();
      expect(row.contact).toBeNull();
    }
  });

  // On the same store as the tests above: each suggestion has a fresh key, and the counts are before-and-after.
  describe('idempotency', () => {
    test('a retry with the same key returns the same suggestion and stores nothing new', async () => {
      const input = suggestion();
      const first = await t.run<SuggestData>(SUGGEST, { input });
      const before = await rowCount(t);
      const retry = await t.run<SuggestData>(SUGGEST, { input }, { clientKey: '10.0.0.9' });
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.suggestCorrection).toEqual(first.data?.suggestCorrection);
      expect(await rowCount(t)).toBe(before);
    });

    test('the same key with different content is refused, naming the key', async () => {
      const input = suggestion();
      await t.run(SUGGEST, { input });
      const before = await rowCount(t);
      const reused = await t.run(SUGGEST, { input: { ...input, suggestedText: 'Something else entirely' } });
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.idempotencyKey' });
      expect(await rowCount(t)).toBe(before);
    });

    test('50 concurrent retries of one suggestion store one row and all get its id', async () => {
      const input = suggestion();
      const before = await rowCount(t);
      const results = await Promise.all(Array.from({ length: 50 }, () => t.run<SuggestData>(SUGGEST, { input })));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(results.map((r) => r.data?.suggestCorrection.id)).size).toBe(1);
      expect(await rowCount(t)).toBe(before + 1);
    });
  });
});

describe('reading and reviewing', () => {
  let t: CorrectionsHarness;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startCorrections();
    for (let i = 1; i <= 5; i += 1) {
      const result = await t.run<SuggestData>(SUGGEST, { input: suggestion({ suggestedText: `Suggestion ${i}`, contact: `person${i}@example.com` }) });
      ids.push(result.data?.suggestCorrection.id ?? '');
    }
  });
  afterAll(() => t.stop());

  test.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'Bearer not-a-token-anyone-has'],
    ['a token hash sent as the token', 'Bearer HASH'],
    ['another scheme', 'Basic TOKEN'],
    ['a bare token', 'TOKEN'],
  ])('listing with %s is UNAUTHENTICATED and returns nothing', async (_, header) => {
    const authorization = header?.replace('HASH', sha256Hex(t.tokens.admin)).replace('TOKEN', t.tokens.admin);
    const result = await t.run(LIST, {}, authorization === undefined ? {} : { authorization });
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });

  test('reviewing without a token is UNAUTHENTICATED, with a viewer token FORBIDDEN; neither changes anything', async () => {
    const anonymous = await t.run(REVIEW, { id: ids[0], decision: 'ACCEPT' });
    expect(anonymous.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    const viewer = await t.run(REVIEW, { id: ids[0], decision: 'ACCEPT' }, { authorization: t.bearer(t.tokens.viewer) });
    expect(viewer.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const row = await t.service.store.db.selectFrom('suggestion').select('status').where('id', '=', Number(ids[0])).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(await t.service.store.db.selectFrom('review').selectAll().execute()).toEqual([]);
  });

  test('an admin lists every suggestion in arrival order, contacts included', async () => {
    const result = await t.run<{ corrections: { totalCount: number; edges: { node: { id: string; contact: string | null } }[] } }>(
      '{ corrections(first: 10) { totalCount edges { node { id contact } } } }',
      {},
      { authorization: t.bearer(t.tokens.admin) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.corrections.totalCount).toBe(5);
    expect(result.data?.corrections.edges.map((e) => e.node)).toEqual(ids.map((id, i) => ({ id, contact: `person${i + 1}@example.com` })));
  });

  test('a viewer lists suggestions but gets FORBIDDEN on contacts', async () => {
    const listed = await t.run<ListData>(LIST, { first: 10 }, { authorization: t.bearer(t.tokens.viewer) });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.corrections.edges.map((e) => e.node.suggestedText)).toEqual(['Suggestion 1', 'Suggestion 2', 'Suggestion 3', 'Suggestion 4', 'Suggestion 5']);
    const contacts = await t.run<{ corrections: { edges: { node: { contact: string | null } }[] } }>(
      '{ corrections(first: 2) { edges { node { contact } } } }',
      {},
      { authorization: t.bearer(t.tokens.viewer) },
    );
    expect(contacts.errors?.map((e) => [e.extensions?.['code'], e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'corrections.edges.0.node.contact'],
      ['FORBIDDEN', 'corrections.edges.1.node.contact'],
    ]);
    expect(JSON.stringify(contacts.data)).not.toContain('@example.com');
  });

  test('pages of two follow one another by cursor', async () => {
    const admin = { authorization: t.bearer(t.tokens.admin) };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Awaited<ReturnType<typeof t.run<ListData>>> = await t.run<ListData>(LIST, { first: 2, after }, admin);
      expect(page.errors).toBeUndefined();
      const connection = page.data?.corrections;
      expect(connection?.totalCount).toBe(5);
      expect(connection?.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...(connection?.edges.map((e) => e.node.id) ?? []));
      pages += 1;
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    const bad = await t.run(LIST, { first: 2, after: 'bm90LWEtY3Vyc29y' }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  test('reviews change the status, filter the list, and append to the audit trail', async () => {
    const admin = { authorization: t.bearer(t.tokens.admin) };
    const alice = { authorization: t.bearer(t.tokens.alice) };
    const accepted = await t.run<ReviewData>(REVIEW, { id: ids[1], decision: 'ACCEPT', note: 'Matches the 2024 survey' }, admin);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.reviewCorrection.status).toBe('ACCEPTED');
    const rejected = await t.run<ReviewData>(REVIEW, { id: ids[2], decision: 'REJECT' }, alice);
    expect(rejected.data?.reviewCorrection.status).toBe('REJECTED');
    const reopened = await t.run<ReviewData>(REVIEW, { id: ids[1], decision: 'REOPEN', note: 'Accepted too soon' }, alice);
    const reaccepted = await t.run<ReviewData>(REVIEW, { id: ids[1], decision: 'ACCEPT' }, admin);
    expect(reopened.data?.reviewCorrection.status).toBe('PENDING');
    const trail = reaccepted.data?.reviewCorrection.reviews ?? [];
    const unlabelled = `sha256:${sha256Hex(t.tokens.admin).slice(0, 12)}`;
    expect(trail.map(({ reviewer, oldStatus, newStatus, note }) => ({ reviewer, oldStatus, newStatus, note }))).toEqual([
      { reviewer: unlabelled, oldStatus: 'PENDING', newStatus: 'ACCEPTED', note: 'Matches the 2024 survey' },
      { reviewer: 'alice', oldStatus: 'ACCEPTED', newStatus: 'PENDING', note: 'Accepted too soon' },
      { reviewer: unlabelled, oldStatus: 'PENDING', newStatus: 'ACCEPTED', note: null },
    ]);
    for (const review of trail) expect(Date.parse(review.reviewedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(reaccepted.data?.reviewCorrection.updatedAt).toBe(trail.at(-1)?.reviewedAt);

    const rows = await t.service.store.db.selectFrom('review').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.suggestion_id, r.reviewer, r.old_status, r.new_status])).toEqual([
      [Number(ids[1]), unlabelled, 'pending', 'accepted'],
      [Number(ids[2]), 'alice', 'pending', 'rejected'],
      [Number(ids[1]), 'alice', 'accepted', 'pending'],
      [Number(ids[1]), unlabelled, 'pending', 'accepted'],
    ]);

    const byStatus = async (status: string) =>
      (await t.run<ListData>(LIST, { status }, admin)).data?.corrections.edges.map((e) => e.node.id);
    expect(await byStatus('ACCEPTED')).toEqual([ids[1]]);
    expect(await byStatus('REJECTED')).toEqual([ids[2]]);
    expect(await byStatus('PENDING')).toEqual([ids[0], ids[3], ids[4]]);
    const pending = await t.run<ListData>(LIST, { status: 'PENDING', first: 1 }, admin);
    expect(pending.data?.corrections.totalCount).toBe(3);
    expect(pending.data?.corrections.pageInfo.hasNextPage).toBe(true);
  });

  test('the audit trail cannot be edited, even with SQL', async () => {
    await t.run(REVIEW, { id: ids[4], decision: 'REJECT' }, { authorization: t.bearer(t.tokens.admin) });
    const before = await t.service.store.db.selectFrom('review').selectAll().execute();
    expect(before.length).toBeGreaterThan(0);
    // better-sqlite3's errors come from another realm than jest's, so match on the message rather than toThrow.
    const appendOnly = { message: expect.stringContaining('append-only') };
    await expect(t.service.store.db.updateTable('review').set({ new_status: 'rejected' }).execute()).rejects.toMatchObject(appendOnly);
    await expect(t.service.store.db.deleteFrom('review').execute()).rejects.toMatchObject(appendOnly);
    expect(await t.service.store.db.selectFrom('review').selectAll().execute()).toEqual(before);
  });

  test('reviewing an unknown or malformed id is BAD_USER_INPUT naming `id`; a control character in the note names `note`', async () => {
    const admin = { authorization: t.bearer(t.tokens.admin) };
    for (const id of ['999999', 'abc', '0']) {
      const result = await t.run(REVIEW, { id, decision: 'ACCEPT' }, admin);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    }
    const note = await t.run(REVIEW, { id: ids[0], decision: 'ACCEPT', note: 'ok\u0000' }, admin);
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'note' });
    const row = await t.service.store.db.selectFrom('suggestion').select('status').where('id', '=', Number(ids[0])).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });
});

test('suggestions are reachable only through `corrections` and `reviewCorrection`, so only through a token', () => {
  // Every field whose type leads to Correction (the only type with the contact and the text) is an entry point.
  const schema = buildSchema();
  // Depth-first from a type; `seen` stops cycles (Occupation -> Framework -> Occupation).
  const reaches = (type: GraphQLNamedType, seen = new Set<string>()): boolean => {
    if (type.name === 'Correction') return true;
    if (!isObjectType(type) || seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((f) => reaches(getNamedType(f.type), seen));
  };
  const entries = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
    Object.values(root?.getFields() ?? {})
      .filter((f) => reaches(getNamedType(f.type)))
      .map((f) => `${root?.name}.${f.name}`),
  );
  expect(entries.sort()).toEqual(['Mutation.reviewCorrection', 'Query.corrections']);
  const withContact = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && 'contact' in type.getFields());
  expect(withContact.map((type) => type.name)).toEqual(['Correction']);
  // The check itself can fail: a schema with Occupation.corrections is caught.
  const leaky = buildSdlSchema('type Query { occupation: Occupation } type Occupation { corrections: [Correction] } type Correction { contact: String }');
  const occupation = leaky.getType('Occupation');
  expect(occupation !== undefined && reaches(occupation)).toBe(true);
});

describe('rate limit', () => {
  let t: CorrectionsHarness;
  let clock = 1_700_000_000_000;
  beforeAll(async () => {
    t = await startCorrections({ suggestionsPerMinute: 20, now: () => clock });
  });
  afterAll(() => t.stop());

  test('the 21st suggestion in a minute is RATE_LIMITED with a retry-after, a 429 and Retry-After; others are not held up', async () => {
    const from = (clientKey: string) => t.run<SuggestData>(SUGGEST, { input: suggestion() }, { clientKey });
    for (let i = 0; i < 20; i += 1) expect((await from('203.0.113.7')).errors).toBeUndefined();
    const before = await rowCount(t);
    const limited = await from('203.0.113.7');
    expect(limited.data).toBeNull();
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3 });
    expect(limited.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await rowCount(t)).toBe(before);

    expect((await from('198.51.100.1')).errors).toBeUndefined();

    clock += 2_000;
    expect((await from('203.0.113.7')).errors?.[0]?.extensions?.['retryAfterSeconds']).toBe(1);
    clock += 1_000;
    expect((await from('203.0.113.7')).errors).toBeUndefined();
  });
});

/** A property of the SQLite file itself; the `postgres` project skips it. */
const sqliteOnly = testDialect === 'sqlite' ? test : test.skip;

sqliteOnly('the corrections store runs in WAL mode with synchronous = FULL, so a commit is on disk before it is acknowledged', async () => {
  const t = await startCorrections();
  try {
    const pragma = async (name: string) => (await sql<Record<string, unknown>>`PRAGMA ${sql.raw(name)}`.execute(t.service.store.db)).rows[0]?.[name];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
  } finally {
    await t.stop();
  }
});

describe('access tokens', () => {
  test('a token matches its own hash only, with the role and name it was configured with', () => {
    const { admin, alice, viewer, env } = makeTokens();
    const tokens = new AccessTokens({ admin: env.ADMIN_TOKEN_SHA256, viewer: env.VIEWER_TOKEN_SHA256 });
    expect(tokens.size).toBe(3);
    expect(tokens.authenticate(`Bearer ${admin}`)).toEqual({ role: 'admin', name: `sha256:${sha256Hex(admin).slice(0, 12)}` });
    expect(tokens.authenticate(`bearer ${alice}`)).toEqual({ role: 'admin', name: 'alice' });
    expect(tokens.authenticate(`Bearer ${viewer}`)).toEqual({ role: 'viewer', name: `sha256:${sha256Hex(viewer).slice(0, 12)}` });
    expect(tokens.authenticate(`Bearer ${admin}x`)).toBeNull();
    expect(tokens.authenticate(`Bearer ${admin.slice(0, -1)}`)).toBeNull();
    expect(tokens.authenticate(undefined)).toBeNull();
    expect(new AccessTokens({}).authenticate(`Bearer ${admin}`)).toBeNull();
  });

  test('a malformed hash stops startup naming the variable and entry, never the value', () => {
    const secretish = 'f'.repeat(63);
    expect(() => new AccessTokens({ admin: `${'a'.repeat(64)},${secretish}` })).toThrow('ADMIN_TOKEN_SHA256 entry 2 is not a SHA-256 hash');
    const refused = (() => {
      try {
        new AccessTokens({ viewer: secretish });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('a malformed viewer hash was accepted');
    })();
    expect(refused).toContain('VIEWER_TOKEN_SHA256 entry 1');
    expect(refused).not.toContain(secretish);
  });
});
