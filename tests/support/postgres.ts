/**
 * Throwaway PostgreSQL for the tests: a cluster made with initdb and started with pg_ctl in a temp folder, on a
 * free port (and its socket in that folder), removed after. As root the server runs as the `postgres` user
 * (PostgreSQL refuses to run as root). One cluster serves a whole jest run (global-setup.ts); each test store is a
 * database of its own on it. TEST_DATABASE_URL names an existing server to use instead (its user needs CREATEDB).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { projectRoot } from './paths';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Which corrections store the tests in this jest project use (jest.config.js sets it per project). */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_CORRECTIONS_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

const isRoot = process.getuid?.() === 0;

/** The command line that runs a PostgreSQL program as the user that owns the cluster. */
function pgCommand(program: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]] : [join(PG_BIN, program), args];
}

function pgRun(program: string, args: string[]): string {
  const [file, argv] = pgCommand(program, args);
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** pgRun without blocking: global-setup.ts compiles the server and builds the store while PostgreSQL starts. */
async function pgRunAsync(program: string, args: string[]): Promise<void> {
  const [file, argv] = pgCommand(program, args);
  await promisify(execFile)(file, argv, { encoding: 'utf8' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb once per checkout: later clusters copy this folder (far faster than initdb on a busy machine). */
async function template(): Promise<string> {
  // One per server version: a template made by another major version would not start.
  const dir = join(projectRoot, `var/test/pg-template-${basename(dirname(PG_BIN))}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`PostgreSQL is not installed at ${PG_BIN} (apt-get install postgresql, set PG_BIN or TEST_DATABASE_URL, or run only \`npx jest --selectProjects=sqlite\`)`);
  const building = mkdtempSync(join(tmpdir(), 'pg-initdb-'));
  if (isRoot) chownSync(building, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  await pgRunAsync('initdb', ['-D', join(building, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  mkdirSync(join(projectRoot, 'var/test'), { recursive: true });
  // Copied beside it, then renamed into place: a run that started at the same time never sees half a template.
  const staged = `${dir}-${process.pid}`;
  cpSync(join(building, 'data'), staged, { recursive: true });
  rmSync(building, { recursive: true, force: true });
  try {
    renameSync(staged, dir);
  } catch {
    rmSync(staged, { recursive: true, force: true });
  }
  return dir;
}

export interface Cluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, the maintenance database. */
  url: string;
  port: number;
  dir: string;
  /** pg_ctl stop -m fast: clients are disconnected, the server shuts down cleanly. */
  stop(): void;
  start(): void;
  /** Stops the server (immediately) and removes the folder. */
  remove(): void;
}

export async function startCluster(): Promise<Cluster> {
  const source = await template();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  cpSync(source, data, { recursive: true });
  execFileSync('chmod', ['-R', 'go-rwx', data]);
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort();
  // fsync off: the tests kill servers of ours, never the machine, so PostgreSQL's own durability is not under test.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const startArgs = ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start'];
  const start = () => pgRun('pg_ctl', startArgs);
  await pgRunAsync('pg_ctl', startArgs);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: () => void pgRun('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']),
    start: () => void start(),
    remove() {
      try {
        pgRun('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server the tests use: TEST_DATABASE_URL (set by global-setup.ts to its own cluster unless given). */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the PostgreSQL tests through jest (global-setup.ts starts a cluster)');
  return url;
}

/** A fresh, empty database on `serverUrl`, and how to drop it. */
export async function createDatabase(serverUrl = testServerUrl()): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `corrections_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Where a test's corrections go in this project: a new SQLite file in `dir`, or a new PostgreSQL database. */
export interface CorrectionsLocation {
  /** For openCorrections: `file` always (unused with a database), `databaseUrl` on PostgreSQL. */
  options: { file: string; databaseUrl?: string };
  /** For a server process: CORRECTIONS_FILE or CORRECTIONS_DATABASE_URL. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function newCorrectionsLocation(dir: string, name = 'corrections.sqlite'): Promise<CorrectionsLocation> {
  const file = join(dir, name);
  if (testDialect === 'sqlite') return { options: { file }, env: { CORRECTIONS_FILE: file }, drop: async () => {} };
  const database = await createDatabase();
  return { options: { file, databaseUrl: database.url }, env: { CORRECTIONS_DATABASE_URL: database.url }, drop: database.drop };
}
