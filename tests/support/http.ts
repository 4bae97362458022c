/** The HTTP front over the real test store, on an ephemeral port, in this process. */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { defaultExplorer, readConfig, type ExplorerMode } from '../../src/config';
import type { CorrectionsService } from '../../src/corrections/service';
import { startHttpServer } from '../../src/http';
import { EntityCache } from '../../src/http/entity-cache';
import type { FastPath } from '../../src/http/fast-path';
import { type Logger, silentLogger } from '../../src/logger';
import { ResponseCache } from '../../src/http/response-cache';
import { createServer } from '../../src/server';
import type { Store } from '../../src/store/store';
import { openTestStore } from './store';

export interface RunningHttp {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  server: Server;
  /** How requests were answered: by the fast path or by Apollo (src/http/fast-path.ts). */
  fastPath: FastPath;
  /** The entity answers the fast path holds for `_entities` batches (src/http/entity-cache.ts). */
  entityCache: EntityCache;
  /** The reference store it serves (a test may close it to see a store that went away). */
  store: Store;
  setReady(ready: boolean): void;
  stop(): Promise<void>;
}

export interface ServeOptions {
  production: boolean;
  maxBodyBytes?: number;
  logger?: Logger;
  /** Leave readiness false, as during startup. */
  ready?: boolean;
  /** Size of the whole-response cache; 0 (the default here) turns it off. */
  responseCacheBytes?: number;
  /** Times a request is answered before its answer is stored (default 2, as in production). */
  responseCacheMinUses?: number;
  /** A corrections store with its tokens and rate limit (the caller opens and closes it); absent, corrections fail. */
  corrections?: CorrectionsService;
  /** The explorer a browser gets at / (default: by mode, as the server's). */
  explorer?: ExplorerMode;
  /** The reference store (default: the real one global-setup builds). */
  storeFile?: string;
  /** Runs requests of a shape Apollo already answered without its pipeline (default true, as in production). */
  fastPath?: boolean;
  /** Memory for the entity cache of `_entities` batches (default: production's); 0 turns it off. */
  entityCacheBytes?: number;
}

export async function serveHttp(options: ServeOptions): Promise<RunningHttp> {
  const { production, maxBodyBytes = 100_000, logger = silentLogger, ready = true, responseCacheBytes = 0, responseCacheMinUses = 2, corrections, explorer = defaultExplorer(production), storeFile, fastPath = true } = options;
  const entityCache = new EntityCache(options.entityCacheBytes ?? readConfig({}).entityCacheBytes);
  const store = await openTestStore(storeFile);
  const apollo = createServer({ production, explorer });
  await apollo.start();
  const responseCache = new ResponseCache(responseCacheBytes, responseCacheMinUses);
  const started = await startHttpServer(
    { apollo, store, maxBodyBytes, exposeStatementCount: !production, logger, responseCache, corrections, explorer, fastPath, entityCache },
    0,
  );
  const { server, setReady } = started;
  setReady(ready);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    server,
    fastPath: started.fastPath,
    entityCache,
    store,
    setReady,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await store.close();
    },
  };
}

/** A pino logger that keeps its lines, for tests that read what was logged. */
export function captureLogs(): { logger: Logger; lines: string[]; entries(): Record<string, unknown>[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ base: undefined }, sink), lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, never decompressed. */
  body: Buffer;
}

/** One request through node:http, which (unlike fetch) sends only the headers given and never decompresses the answer. */
export function rawRequest(url: string, { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One request as the server saw it: the client's Accept-Encoding and the coding the answer went out in. */
export interface Exchange {
  acceptEncoding: string | undefined;
  contentEncoding: string | undefined;
}

/** Records every request `server` answers from now on, in order (a live array). */
export function recordExchanges(server: Server): Exchange[] {
  const exchanges: Exchange[] = [];
  // writeHead(status, headers) leaves nothing for res.getHeader to read, so the headers are recorded as written.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const headers = (args.find((a) => typeof a === 'object' && a !== null && !Array.isArray(a)) ?? {}) as OutgoingHttpHeaders;
      const encoding = headers['content-encoding'];
      exchanges.push({ acceptEncoding: req.headers['accept-encoding'], contentEncoding: encoding === undefined ? undefined : String(encoding) });
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
  });
  return exchanges;
}
