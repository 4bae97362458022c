/**
 * The HTTP front: a plain node:http server that hands GraphQL requests to Apollo Server, plus liveness and
 * readiness endpoints. Bodies are size-limited and must be valid UTF-8 (and valid JSON when declared so).
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { type Context, createContext } from './context';
import { clientKeyOf } from './corrections/rate-limit';
import type { CorrectionsService } from './corrections/service';
import type { Logger } from './logger';
import { cacheKey, etagOf, hasCredentials, matchesEtag, type CachedResponse, type ResponseCache } from './response-cache';
import type { Store } from './store/store';

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  store: Store;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Adds the `x-sql-statements` response header (development only). */
  exposeStatementCount: boolean;
  /** One line per request: id, method, path, operation name, status, duration; never bodies, query strings or headers. */
  logger: Logger;
  /** Whole responses to repeated queries; absent or sized 0, every request executes. */
  responseCache?: ResponseCache;
  /** The suggested-corrections store, tokens and rate limit; absent, the corrections operations fail. */
  corrections?: CorrectionsService;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is ${declared} bytes; the limit is ${maxBytes}.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop keeping it, but let the rest drain (the request timeout bounds that): destroying the socket here
        // would reset the connection before the client could read the 413.
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds the limit of ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'BAD_REQUEST', 'Request body is not valid UTF-8.'));
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Answers from a cached response: 304 when the client already holds these bytes, else the bytes. Returns the status. */
function sendCached(res: ServerResponse, req: IncomingMessage, entry: CachedResponse, requestId: string, extra: Record<string, string> = {}): number {
  if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, { etag: entry.etag, 'cache-control': entry.headers['cache-control'] ?? '', 'x-request-id': requestId });
    res.end();
    return 304;
  }
  res.writeHead(entry.status, { ...entry.headers, ...extra, 'content-length': String(entry.body.length), 'x-request-id': requestId });
  res.end(entry.body);
  return entry.status;
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export function createRequestHandler(options: HttpOptions) {
  const { apollo, store, maxBodyBytes, exposeStatementCount, logger, responseCache, corrections } = options;
  let ready = false;
  let wasReady = false;

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let status = 500;
    let operationName: string | null = null;
    let cache: 'hit' | 'miss' | undefined;
    // While draining, every answer closes its connection, so keep-alive clients cannot hold shutdown open.
    if (wasReady && !ready) res.setHeader('connection', 'close');
    try {
      if (url.pathname === '/health/live') {
        status = 200;
        return sendJson(res, 200, { status: 'live' });
      }
      if (url.pathname === '/health/ready') {
        status = ready ? 200 : 503;
        // The corrections database is reported apart: reads go on without it, so it does not decide readiness.
        const correctionsDatabase = corrections && ((await corrections.store.check()) ? 'available' : 'unavailable');
        return sendJson(res, status, { status: ready ? 'ready' : wasReady ? 'stopping' : 'starting', ...(correctionsDatabase && { correctionsDatabase }) });
      }
      if (url.pathname !== '/' && url.pathname !== '/graphql') {
        status = 404;
        return sendJson(res, 404, errorBody('NOT_FOUND', `No route ${url.pathname}; GraphQL is served at /.`));
      }
      const method = req.method ?? 'GET';
      const text = method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      const cached = responseCache?.enabled && !hasCredentials(req.headers) ? responseCache : undefined;
      const key = cached === undefined ? '' : cacheKey(method, url.search, req.headers, text);
      const hit = cached?.get(key);
      if (hit !== undefined) {
        cache = 'hit';
        operationName = hit.operationName;
        status = sendCached(res, req, hit, requestId);
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (method === 'POST') {
        if ((headers.get('content-type') ?? '').includes('application/json')) {
          try {
            body = JSON.parse(text);
          } catch (error) {
            throw new HttpError(400, 'BAD_REQUEST', `Request body is not valid JSON: ${(error as Error).message.slice(0, 100)}`);
          }
        } else {
          body = text;
        }
      }
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
        const name = (body as { operationName?: unknown }).operationName;
        operationName = typeof name === 'string' ? name.slice(0, 100) : null;
      }
      const context = createContext(
        store,
        corrections && { service: corrections, authorization: req.headers.authorization, clientKey: clientKeyOf(req, corrections.clientHeader) },
      );
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body },
        context: async () => context,
      });
      status = response.status ?? 200;
      const outHeaders: Record<string, string> = { 'x-request-id': requestId };
      for (const [key, value] of response.headers) outHeaders[key] = value;
      if (cached !== undefined && status === 200 && response.body.kind === 'complete' && /\bpublic\b/.test(outHeaders['cache-control'] ?? '')) {
        cache = 'miss';
        const stored = { ...outHeaders };
        delete stored['x-request-id'];
        const entry: CachedResponse = { status, headers: stored, body: Buffer.from(response.body.string), etag: '', operationName };
        entry.etag = etagOf(entry.body);
        entry.headers.etag = entry.etag;
        cached.set(key, entry);
        status = sendCached(res, req, entry, requestId, exposeStatementCount ? { 'x-sql-statements': String(context.sqlStatements.count) } : {});
        return;
      }
      if (exposeStatementCount) outHeaders['x-sql-statements'] = String(context.sqlStatements.count);
      if (response.body.kind === 'complete') {
        // Encoded once: Buffer.byteLength and then res.end(string) would each walk a large answer's UTF-8.
        const bytes = Buffer.from(response.body.string);
        outHeaders['content-length'] = String(bytes.length);
        res.writeHead(status, outHeaders);
        res.end(bytes);
      } else {
        res.writeHead(status, outHeaders);
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status;
        if (!res.headersSent) sendJson(res, error.status, errorBody(error.code, error.message), { 'x-request-id': requestId });
      } else {
        status = 500;
        logger.error({ requestId, err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'), { 'x-request-id': requestId });
        else res.destroy();
      }
    } finally {
      logger.info(
        { requestId, method: req.method, path: url.pathname, operationName, status, cache, durationMs: Math.round((performance.now() - started) * 100) / 100 },
        'request',
      );
    }
  };
  const setReady = (value: boolean) => {
    ready = value;
    wasReady ||= value;
  };
  return { handler, setReady };
}

export function startHttpServer(options: HttpOptions, port: number): Promise<{ server: Server; setReady: (v: boolean) => void }> {
  const { handler, setReady } = createRequestHandler(options);
  const server = createHttpServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve({ server, setReady }));
  });
}
