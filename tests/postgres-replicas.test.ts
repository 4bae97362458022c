/**
 * Replicas sharing one PostgreSQL database, as real server processes: they start together and migrate once,
 * 200 concurrent suggestions with 100 keys give 100 rows that every replica lists, a replica killed right after
 * acknowledging loses nothing, the rate limit counts across replicas, and PostgreSQL being down (at startup or
 * restarted under running servers) makes the corrections operations answer 503 SERVICE_UNAVAILABLE while reads
 * go on. Runs only in jest's `postgres` project.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { readConfig } from '../src/config';
import { redactUrl } from '../src/corrections/store';
import { openCorrections } from '../src/corrections/service';
import { LIST, REVIEW, SUGGEST, makeTokens, startCorrections, suggestion } from './support/corrections';
import { createDatabase, startCluster, type Cluster } from './support/postgres';
import { linesContaining, serverEntry, startServerProcess, type ServerProcess } from './support/process';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(port: number, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

const READ = /* GraphQL */ `{ occupation(code: "43-6012.00") { code title } }`;
const suggestedId = (answer: Answer) => (answer.body.data?.['suggestCorrection'] as { id: string } | undefined)?.id;
const totalCount = (answer: Answer) => (answer.body.data?.['corrections'] as { totalCount: number } | undefined)?.totalCount;

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const entry = serverEntry();
const running: ServerProcess[] = [];
const drops: (() => Promise<void>)[] = [];
const start = (env: Record<string, string>) => {
  const server = startServerProcess(entry, env);
  running.push(server);
  return server;
};
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await Promise.all(running.map((server) => server.exited));
  for (const drop of drops) await drop();
});

describe('three replicas on one database', () => {
  test('start together and migrate once; 200 suggestions with 100 keys make 100 rows every replica lists; SIGKILL loses nothing acknowledged', async () => {
    const database = await createDatabase();
    drops.push(database.drop);
    const tokens = makeTokens();
    const env = { CORRECTIONS_DATABASE_URL: database.url, ADMIN_TOKEN_SHA256: tokens.env.ADMIN_TOKEN_SHA256, SUGGESTIONS_PER_MINUTE: '1000' };
    const replicas = [start(env), start(env), start(env)];
    const ports = await Promise.all(replicas.map((r) => r.ready));
    const migrations = await query<{ name: string }>(database.url, 'SELECT name FROM kysely_migration');
    expect(migrations.map((m) => m.name)).toEqual(['0001_initial']);

    // 100 suggestions, each sent twice at once: the first 100 sends to one replica, the retries to the other.
    const inputs = Array.from({ length: 100 }, (_, i) => suggestion({ suggestedText: `Shared ${i}` }));
    const answers = await Promise.all([...inputs.map((input) => post(ports[0]!, SUGGEST, { input })), ...inputs.map((input) => post(ports[1]!, SUGGEST, { input }))]);
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    expect(answers.flatMap((a) => a.body.errors ?? [])).toEqual([]);
    expect(answers.slice(100).map(suggestedId)).toEqual(answers.slice(0, 100).map(suggestedId));
    const rows = await query<{ idempotency_key: string }>(database.url, 'SELECT idempotency_key FROM suggestion');
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(inputs.map((i) => String(i['idempotencyKey'])).sort());
    const admin = { authorization: `Bearer ${tokens.admin}` };
    for (const port of ports) expect(totalCount(await post(port, LIST, { first: 1 }, admin))).toBe(100);

    // The third replica acknowledges 20 more and is killed at once: every acknowledged one is in the database.
    const more = await Promise.all(Array.from({ length: 20 }, (_, i) => post(ports[2]!, SUGGEST, { input: suggestion({ suggestedText: `Before the kill ${i}` }) })));
    replicas[2]!.child.kill('SIGKILL');
    expect(more.map((a) => [a.status, a.body.errors])).toEqual(Array(20).fill([200, undefined]));
    expect(await replicas[2]!.exited).toBeNull();
    const ids = await query<{ id: number }>(database.url, 'SELECT id FROM suggestion');
    expect(ids.map((r) => String(r.id))).toEqual(expect.arrayContaining(more.map(suggestedId)));
    expect(totalCount(await post(ports[0]!, LIST, { first: 1 }, admin))).toBe(120);

    for (const replica of replicas.slice(0, 2)) replica.child.kill('SIGTERM');
    expect(await Promise.all(replicas.slice(0, 2).map((r) => r.exited))).toEqual([0, 0]);
  }, 180_000);
});

test('CORRECTIONS_DATABASE_URL that is not postgres:// stops startup naming the variable, never the value; the logged form has no password', () => {
  expect(() => readConfig({ CORRECTIONS_DATABASE_URL: 'mysql://app:hunter2-secret@db/corrections' })).toThrow('CORRECTIONS_DATABASE_URL must start with postgres://');
  expect(() => readConfig({ CORRECTIONS_DATABASE_URL: 'mysql://app:hunter2-secret@db/corrections' })).not.toThrow(/hunter2/);
  expect(readConfig({ CORRECTIONS_DATABASE_URL: ' postgresql://app:pw@db:5432/c ' }).correctionsDatabaseUrl).toBe('postgresql://app:pw@db:5432/c');
  expect(readConfig({}).correctionsDatabaseUrl).toBeNull();
  expect(redactUrl('postgres://app:hunter2-secret@db:5432/corrections?password=other-secret')).toBe('postgres://app@db:5432/corrections');
});

test('the rate limit counts a client across replicas sharing the database', async () => {
  const first = await startCorrections({ suggestionsPerMinute: 3, now: () => 1_700_000_000_000 });
  const second = await openCorrections({ ...first.location.options, suggestionsPerMinute: 3, now: () => 1_700_000_000_000 });
  try {
    const takes = [await first.service.limiter.take('203.0.113.9'), await second.limiter.take('203.0.113.9'), await first.service.limiter.take('203.0.113.9')];
    expect(takes).toEqual([0, 0, 0]);
    // The fourth, on either replica, is over the limit of 3 a minute: one token comes back in 20 s.
    expect(await second.limiter.take('203.0.113.9')).toBe(20);
    expect(await first.service.limiter.take('203.0.113.9')).toBe(20);
    expect(await second.limiter.take('198.51.100.4')).toBe(0);
  } finally {
    await second.store.close();
    await first.stop();
  }
});

test('the review trail is append-only in PostgreSQL itself: TRUNCATE is refused too', async () => {
  const t = await startCorrections();
  try {
    const suggested = await t.run<{ suggestCorrection: { id: string } }>(SUGGEST, { input: suggestion() });
    await t.run(REVIEW, { id: suggested.data?.suggestCorrection.id, decision: 'ACCEPT' }, { authorization: t.bearer(t.tokens.admin) });
    await expect(query(t.location.options.databaseUrl!, 'TRUNCATE review')).rejects.toMatchObject({ message: expect.stringContaining('append-only') });
    expect(await query(t.location.options.databaseUrl!, 'SELECT id FROM review')).toHaveLength(1);
  } finally {
    await t.stop();
  }
});

describe('PostgreSQL down', () => {
  let cluster: Cluster;
  let dir: string;
  beforeAll(async () => {
    // A cluster of this file's own, so stopping it cannot disturb other tests.
    cluster = await startCluster();
    dir = mkdtempSync(join(tmpdir(), 'pg-down-'));
  }, 60_000);
  afterAll(() => {
    cluster.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  test('at startup and restarted under running servers: reads never fail, corrections are 503 SERVICE_UNAVAILABLE until it is back, then work; the password is never logged', async () => {
    const database = await createDatabase(cluster.url);
    const tokens = makeTokens();
    // The cluster trusts local connections, so the password is only there to check it is never logged.
    const url = new URL(database.url);
    url.password = 'never-logged-7f3a';
    const env = { CORRECTIONS_DATABASE_URL: url.toString(), ADMIN_TOKEN_SHA256: tokens.env.ADMIN_TOKEN_SHA256, SUGGESTIONS_PER_MINUTE: '1000' };
    const admin = { authorization: `Bearer ${tokens.admin}` };
    cluster.stop();
    const replicas = [start(env), start(env)];
    const ports = await Promise.all(replicas.map((r) => r.ready));

    // Reads all along, from both replicas, while the database goes down and comes back: one every 20 ms, which
    // spans every step below without taking the CPU the servers and PostgreSQL need.
    const reads: Answer[] = [];
    let reading = true;
    const reader = (async () => {
      for (let i = 0; reading; i += 1) {
        reads.push(await post(ports[i % 2]!, READ));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const expectUnavailable = (answer: Answer) => {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(answer.body.errors?.[0]?.message).toContain('corrections database is unreachable');
    };
    const readiness = async (port: number) => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      return { status: response.status, body: await response.json() };
    };
    // Retries every 200 ms for up to 15 s: the server tries a dead database at most once a second, so the write
    // goes through at the first retry after that second.
    const untilStored = async (port: number, input: Record<string, unknown>) => {
      for (let attempt = 0; ; attempt += 1) {
        const answer = await post(port, SUGGEST, { input });
        if (answer.status !== 503 || attempt >= 75) return answer;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    // Down at startup: each replica said so once, serves reads, is ready, and reports the database apart.
    for (const replica of replicas) expect(replica.lines.filter((line) => line.includes('corrections database unreachable'))).toHaveLength(1);
    for (const port of ports) {
      expectUnavailable(await post(port, SUGGEST, { input: suggestion() }));
      expectUnavailable(await post(port, LIST, {}, admin));
      expect(await readiness(port)).toEqual({ status: 200, body: { status: 'ready', correctionsDatabase: 'unavailable' } });
    }

    // Back: the first write migrates the database and is stored.
    cluster.start();
    const stored = await Promise.all(ports.map((port) => untilStored(port, suggestion())));
    expect(stored.map((a) => [a.status, a.body.errors])).toEqual([[200, undefined], [200, undefined]]);
    for (const port of ports) expect(await readiness(port)).toEqual({ status: 200, body: { status: 'ready', correctionsDatabase: 'available' } });

    // Restarted under running servers: writes fail clearly during the outage, and work after without a restart.
    cluster.stop();
    for (const port of ports) {
      expectUnavailable(await post(port, SUGGEST, { input: suggestion() }));
      expectUnavailable(await post(port, REVIEW, { id: suggestedId(stored[0]!), decision: 'ACCEPT' }, admin));
    }
    cluster.start();
    const after = await Promise.all(ports.map((port) => untilStored(port, suggestion())));
    expect(after.map((a) => [a.status, a.body.errors])).toEqual([[200, undefined], [200, undefined]]);
    for (const port of ports) expect(totalCount(await post(port, LIST, { first: 1 }, admin))).toBe(4);
    for (const replica of replicas) expect((await linesContaining(replica, 'corrections database reachable again')).length).toBeGreaterThanOrEqual(1);

    reading = false;
    await reader;
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.filter((r) => r.status !== 200 || r.body.errors !== undefined)).toEqual([]);
    for (const replica of replicas) replica.child.kill('SIGTERM');
    expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
    // After exit, so every line the servers logged is in.
    for (const replica of replicas) expect(replica.lines.filter((line) => line.includes('never-logged-7f3a'))).toEqual([]);
  }, 180_000);
});
