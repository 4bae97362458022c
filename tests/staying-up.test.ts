/**
 * Staying up: readiness, request logs, SIGTERM with a request in flight, and refusing to start on a bad setting or store.
 * The last two run the compiled server as its own process, exactly as `npm start` does in production.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestSchemaVersion } from '../src/store/migrations';
import { captureLogs, serveHttp } from './support/http';
import { testStoreFile } from './support/paths';
import { serverEntry, startServerProcess } from './support/process';
import { damageDeepPage } from './support/store';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';

describe('readiness', () => {
  test('is 503 "starting" until set ready, 200 while ready, and 503 "stopping" after; liveness is 200 throughout', async () => {
    const running = await serveHttp({ production: true, ready: false });
    const probe = async () => {
      const [live, ready] = await Promise.all([fetch(`${running.url}health/live`), fetch(`${running.url}health/ready`)]);
      return { live: live.status, ready: ready.status, body: await ready.json() };
    };
    try {
      expect(await probe()).toEqual({ live: 200, ready: 503, body: { status: 'starting' } });
      running.setReady(true);
      expect(await probe()).toEqual({ live: 200, ready: 200, body: { status: 'ready' } });
      running.setReady(false);
      expect(await probe()).toEqual({ live: 200, ready: 503, body: { status: 'stopping' } });
    } finally {
      await running.stop();
    }
  });
});

describe('request logs', () => {
  test('one JSON line per request with id, operation name, status and duration; no query, variables or tokens', async () => {
    const { logger, lines, entries: logged } = captureLogs();
    const running = await serveHttp({ production: true, logger });
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123', 'x-request-id': 'req-42' },
        body: JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' }, operationName: 'LegalSecretariesFramework' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('req-42');
      await fetch(`${running.url}?query=${encodeURIComponent('{ occupation(code: "secret-in-url") { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    } finally {
      await running.stop();
    }
    const entries = logged();
    expect(entries[0]).toMatchObject({ msg: 'request', requestId: 'req-42', method: 'POST', path: '/', operationName: 'LegalSecretariesFramework', status: 200 });
    expect(typeof entries[0]?.durationMs).toBe('number');
    expect(entries[1]).toMatchObject({ msg: 'request', method: 'GET', path: '/', status: 200 });
    expect(entries[1]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const all = lines.join('\n');
    for (const secret of ['secret-token-123', 'Bearer', '43-6012.00', 'framework', 'secret-in-url']) expect(all).not.toContain(secret);
  });
});

describe('the server as a process', () => {
  const entry = serverEntry();

  test('on SIGTERM it stops accepting, finishes the request in flight, closes the store and exits 0', async () => {
    const server = startServerProcess(entry);
    const port = await server.ready;
    const body = Buffer.from(JSON.stringify({ query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } }));
    // A request in flight: headers and half the body now, the rest only after SIGTERM.
    const socket = connect(port, '127.0.0.1');
    const reply = new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const half = Math.floor(body.length / 2);
    socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`);
    socket.write(body.subarray(0, half));
    // The server has the request once it answers another connection that came after it.
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

    server.child.kill('SIGTERM');
    // Once new connections are refused, the server is draining; the request in flight is still open.
    for (let tries = 0; ; tries += 1) {
      const refused = await fetch(`http://127.0.0.1:${port}/health/live`).then(() => false, () => true);
      if (refused) break;
      if (tries > 100) throw new Error('the server kept accepting connections after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    socket.end(body.subarray(half));

    const response = await reply;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const json = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { data: { occupation: { framework: { levels: unknown[] } } } };
    expect(json.data.occupation.framework.levels).toHaveLength(4);

    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([server.exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)))]);
    clearTimeout(timer);
    if (exit === 'timeout') server.child.kill('SIGKILL');
    expect(exit).toBe(0);
    const entries = server.lines.map((line) => JSON.parse(line) as { msg: string; status?: number });
    const sigterm = entries.findIndex((e) => e.msg === 'SIGTERM: finishing in-flight requests');
    const inFlight = entries.map((e) => e.msg === 'request' && e.status === 200).lastIndexOf(true);
    expect(sigterm).toBeGreaterThan(0);
    expect(inFlight).toBeGreaterThan(sigterm);
    expect(entries.at(-1)?.msg).toBe('store closed; stopped');
  });

  test('a bad numeric setting stops startup with one line naming the variable', async () => {
    const server = startServerProcess(entry, { MAX_BODY_BYTES: 'abc' });
    await expect(server.ready).rejects.toThrow(/before it was ready/);
    expect(await server.exited).toBe(1);
    expect(server.lines.map((line) => JSON.parse(line) as { level: string; msg: string }).map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: 'fatal', msg: 'startup failed: MAX_BODY_BYTES must be a whole number 1 or more, got "abc"' },
    ]);
  });

  test('a malformed token hash (named, its value never echoed) or the reference store as CORRECTIONS_FILE stops startup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skills-bad-setting-'));
    try {
      const notAHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85'; // 63 digits
      const badHash = startServerProcess(entry, { CORRECTIONS_FILE: join(dir, 'bad-hash.sqlite'), ADMIN_TOKEN_SHA256: notAHash });
      const sameFile = startServerProcess(entry, { CORRECTIONS_FILE: testStoreFile });
      expect(await Promise.all([badHash.exited, sameFile.exited])).toEqual([1, 1]);
      expect(badHash.lines.join('\n')).toContain('ADMIN_TOKEN_SHA256 entry 1 is not a SHA-256 hash');
      expect(badHash.lines.join('\n')).not.toContain(notAHash);
      expect(existsSync(join(dir, 'bad-hash.sqlite'))).toBe(false);
      expect(sameFile.lines.join('\n')).toContain('CORRECTIONS_FILE must not be the reference store');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a store it cannot serve stops startup with one line saying which and what to run', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'skills-bad-store-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function startupFailure(storeFile: string): Promise<string> {
      const server = startServerProcess(entry, { STORE_FILE: storeFile });
      await expect(server.ready).rejects.toThrow(/before it was ready/);
      expect(await server.exited).toBe(1);
      expect(server.lines).toHaveLength(1);
      const line = JSON.parse(server.lines[0] ?? '') as { level: string; msg: string };
      expect(line.level).toBe('fatal');
      expect(line.msg).toContain('run `npm run build:store`');
      expect(line.msg).not.toContain('\n');
      return line.msg;
    }

    test('missing', async () => {
      const file = join(dir, 'nothing-here.sqlite');
      expect(await startupFailure(file)).toBe(`startup failed: store ${file} is missing: run \`npm run build:store\` to rebuild it from data/`);
    });

    test('corrupt', async () => {
      const file = join(dir, 'corrupt.sqlite');
      writeFileSync(file, 'SQLite format 3\0 but nothing after it '.repeat(200));
      expect(await startupFailure(file)).toMatch(new RegExp(`^startup failed: store ${file} is corrupt or not a SQLite file \\(.+\\): run`));
    });

    // The page check runs on a worker thread while the server loads; the server listens only once it passed.
    test('with a damaged page that only reading every page finds: it never listens', async () => {
      const file = join(dir, 'damaged.sqlite');
      copyFileSync(testStoreFile, file);
      const page = damageDeepPage(file);
      expect(await startupFailure(file)).toMatch(new RegExp(`^startup failed: store ${file} is corrupt or not a SQLite file \\(.*page ${page}: .*\\): run`));
    });

    test('from another schema version', async () => {
      const file = join(dir, 'old.sqlite');
      copyFileSync(testStoreFile, file);
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = '0000_older' WHERE key = 'schema_version'").run();
      db.close();
      expect(await startupFailure(file)).toBe(
        `startup failed: store ${file} has schema version 0000_older, this server needs ${latestSchemaVersion}: run \`npm run build:store\` to rebuild it from data/`,
      );
    });
  });
});
