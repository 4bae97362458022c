/**
 * Nothing acknowledged is lost: the real server killed with SIGKILL right after acknowledging suggestions keeps
 * them across a restart, replicas share one corrections store, and rebuilding the reference store leaves the
 * corrections store alone. Runs in both jest projects: the store is a SQLite file, then a PostgreSQL database.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStore } from '../src/store/importer';
import { FIXTURE_OCCUPATIONS, makeFixtureDataDir } from './support/fixtures';
import { LIST, SUGGEST, makeTokens, startCorrections, suggestion } from './support/corrections';
import { newCorrectionsLocation, testDialect, type CorrectionsLocation } from './support/postgres';
import { serverEntry, startServerProcess, type ServerProcess } from './support/process';

interface Listed {
  corrections: { totalCount: number; edges: { node: { id: string; suggestedText: string; status: string } }[] };
}

async function post<T>(port: number, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: T | null; errors?: { extensions?: Record<string, unknown> }[] } };
}

const sqliteOnly = testDialect === 'sqlite' ? test : test.skip;

describe('the real server, killed', () => {
  const entry = serverEntry();
  let dir: string;
  const running: ServerProcess[] = [];
  const locations: CorrectionsLocation[] = [];
  const newLocation = async (name: string) => {
    const location = await newCorrectionsLocation(dir, name);
    locations.push(location);
    return location;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corrections-kill-'));
  });
  afterAll(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((server) => server.exited));
    for (const location of locations) await location.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('keeps every suggestion it acknowledged before SIGKILL, and closes cleanly on SIGTERM after the restart', async () => {
    const tokens = makeTokens();
    const env = { ...(await newLocation('corrections.sqlite')).env, ADMIN_TOKEN_SHA256: tokens.env.ADMIN_TOKEN_SHA256 };

    const first = startServerProcess(entry, env);
    running.push(first);
    const port = await first.ready;
    const inputs = Array.from({ length: 10 }, (_, i) => suggestion({ suggestedText: `Acknowledged before the kill ${i}` }));
    const acks = await Promise.all(inputs.map((input) => post<{ suggestCorrection: { id: string } }>(port, SUGGEST, { input })));
    first.child.kill('SIGKILL');
    expect(acks.map((a) => [a.status, a.body.errors])).toEqual(Array(10).fill([200, undefined]));
    expect(await first.exited).toBeNull();
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = startServerProcess(entry, env);
    running.push(second);
    const port2 = await second.ready;
    const listed = await post<Listed>(port2, LIST, { first: 100 }, { authorization: `Bearer ${tokens.admin}` });
    expect(listed.body.errors).toBeUndefined();
    const nodes = listed.body.data?.corrections.edges.map((e) => e.node) ?? [];
    expect(nodes.map((n) => n.id).sort()).toEqual(acks.map((a) => a.body.data?.suggestCorrection.id).sort());
    expect(nodes.map((n) => n.suggestedText).sort()).toEqual(inputs.map((i) => String(i['suggestedText'])).sort());
    // The same idempotency key after the restart is still the same suggestion.
    const retry = await post<{ suggestCorrection: { id: string } }>(port2, SUGGEST, { input: inputs[0] });
    expect(retry.body.data?.suggestCorrection.id).toBe(acks[0]?.body.data?.suggestCorrection.id);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.lines.join('\n')).toContain('store closed; stopped');
  }, 60_000);

  // On PostgreSQL, tests/postgres-replicas.test.ts runs three replicas through the same retries (and more).
  sqliteOnly('two replicas started together can share one corrections store: each retry goes to the other, one row per key', async () => {
    const tokens = makeTokens();
    const env = { ...(await newLocation('shared.sqlite')).env, ADMIN_TOKEN_SHA256: tokens.env.ADMIN_TOKEN_SHA256, SUGGESTIONS_PER_MINUTE: '1000' };
    const replicas = [startServerProcess(entry, env), startServerProcess(entry, env)];
    running.push(...replicas);
    const ports = await Promise.all(replicas.map((r) => r.ready));
    const inputs = Array.from({ length: 60 }, (_, i) => suggestion({ suggestedText: `Shared ${i}` }));
    // Every suggestion is sent to both replicas at once, as a client retrying through a balancer might.
    const answers = await Promise.all(inputs.flatMap((input) => ports.map((port) => post<{ suggestCorrection: { id: string } }>(port, SUGGEST, { input }))));
    expect(answers.flatMap((a) => a.body.errors ?? [])).toEqual([]);
    for (let i = 0; i < inputs.length; i += 1) {
      expect(answers[2 * i]?.body.data?.suggestCorrection.id).toBe(answers[2 * i + 1]?.body.data?.suggestCorrection.id);
    }
    for (const port of ports) {
      const listed = await post<Listed>(port, LIST, { first: 100 }, { authorization: `Bearer ${tokens.admin}` });
      expect(listed.body.data?.corrections.totalCount).toBe(60);
    }
    for (const replica of replicas) replica.child.kill('SIGTERM');
    expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
  }, 60_000);
});

describe('rebuilding the reference store', () => {
  test('leaves the suggestions next to it intact, and they still resolve against the rebuilt store', async () => {
    const dataDir = makeFixtureDataDir();
    const dir = mkdtempSync(join(tmpdir(), 'corrections-rebuild-'));
    const storeFile = join(dir, 'store.sqlite');
    const location = await newCorrectionsLocation(dir);
    const tokens = makeTokens();
    try {
      await buildStore({ dataDir, storeFile });
      const before = await startCorrections({ storeFile, location, tokens });
      const ids: string[] = [];
      for (const occupationCode of FIXTURE_OCCUPATIONS) {
        const result = await before.run<{ suggestCorrection: { id: string } }>(SUGGEST, { input: suggestion({ occupationCode }) });
        expect(result.errors).toBeUndefined();
        ids.push(result.data?.suggestCorrection.id ?? '');
      }
      await before.run(/* GraphQL */ `mutation { reviewCorrection(id: "${ids[0]}", decision: REJECT, note: "before the rebuild") { id } }`, {}, { authorization: before.bearer(tokens.admin) });
      const rowsBefore = await before.service.store.db.selectFrom('suggestion').selectAll().orderBy('id').execute();
      const reviewsBefore = await before.service.store.db.selectFrom('review').selectAll().execute();

      // Rebuild while the corrections store is open, as a development server does when data/ changes.
      await buildStore({ dataDir, storeFile });
      await before.stop();

      const reference = new Database(storeFile, { readonly: true });
      const tables = reference.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      reference.close();
      expect(tables).toContain('occupation');
      expect(tables).not.toContain('suggestion');

      const after = await startCorrections({ storeFile, location, tokens });
      try {
        expect(await after.service.store.db.selectFrom('suggestion').selectAll().orderBy('id').execute()).toEqual(rowsBefore);
        expect(await after.service.store.db.selectFrom('review').selectAll().execute()).toEqual(reviewsBefore);
        const listed = await after.run<Listed>(LIST, {}, { authorization: after.bearer(tokens.admin) });
        expect(listed.data?.corrections.edges.map((e) => [e.node.id, e.node.status])).toEqual(ids.map((id, i) => [id, i === 0 ? 'REJECTED' : 'PENDING']));
        const fresh = await after.run(SUGGEST, { input: suggestion({ occupationCode: FIXTURE_OCCUPATIONS[1] }) });
        expect(fresh.errors).toBeUndefined();
      } finally {
        await after.stop();
      }
    } finally {
      await location.drop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
