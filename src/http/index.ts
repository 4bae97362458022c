/**
 * The HTTP front: a plain node:http server that routes health checks (health.ts), the HTML pages (pages.ts), the
 * explorer a browser gets at / (explorer.ts), answers repeated queries from the response cache (response-cache.ts)
 * and hands GraphQL requests to Apollo Server (apollo-bridge.ts), or, for a request of a shape Apollo already
 * answered, runs its operation directly (fast-path.ts), after reading a size-limited UTF-8 body (body.ts). Complete
 * answers, from the cache, from Apollo, from the fast path or a page, go out through send.ts (compression, ETags,
 * 304s). Every request gets one access-log line (access-log.ts).
 */
import type { ApolloServer } from '@apollo/server';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ExplorerMode } from '../config';
import { type Context, createContext } from '../context';
import { clientKeyOf } from '../corrections/rate-limit';
import type { CorrectionsService } from '../corrections/service';
import type { Logger } from '../logger';
import type { Store } from '../store/store';
import { logRequest } from './access-log';
import { operationNameOf, toHeaderMap, writeApolloResponse } from './apollo-bridge';
import { parseBody, readBody } from './body';
import { Explorer, EXPLORER_ASSET_PREFIX } from './explorer';
import type { EntityCache } from './entity-cache';
import { FastPath } from './fast-path';
import { allowGet, BARE_GET_MESSAGE, getOperationName, isBareGet, prefersHtml } from './get';
import { answerHealth, isHealthPath, Readiness } from './health';
import { Pages } from './pages';
import { errorBody, HttpError, refuseUnparsable, sendJson } from './respond';
import { cacheableEntry, cacheKey, hasCredentials, type ResponseCache } from './response-cache';
import { sendAnswer } from './send';

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
  /** What a browser's GET of / gets: the mode the ApolloServer was created with. */
  explorer: ExplorerMode;
  /** Runs requests of a shape Apollo already answered without its pipeline (fast-path.ts); default true. */
  fastPath?: boolean;
  /** Entity answers for the router's `_entities` batches (entity-cache.ts); absent or sized 0, every batch executes whole. */
  entityCache?: EntityCache;
}

/**
 * The request targets nearly every GraphQL request has, parsed once: a URL is never changed after parsing here, so
 * one object serves them all (parsing the same target again costs a few microseconds of every request).
 */
const COMMON_TARGETS = new Map(['/', '/graphql'].map((target) => [target, new URL(target, 'http://localhost')]));

function targetOf(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  return COMMON_TARGETS.get(target) ?? new URL(target, 'http://localhost');
}

export function createRequestHandler(options: HttpOptions) {
  const { apollo, store, maxBodyBytes, exposeStatementCount, logger, responseCache, corrections, explorer: explorerMode } = options;
  const readiness = new Readiness();
  const graphql = new FastPath(apollo, { enabled: options.fastPath ?? true, ...(options.entityCache && { entityCache: options.entityCache }) });
  const pages = new Pages({ apollo, store, logger, ...(responseCache && { responseCache }) });
  const explorer = explorerMode === 'graphiql' ? new Explorer() : undefined;

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const url = targetOf(req);
    let status = 500;
    let operationName: string | null = null;
    let cache: 'hit' | 'miss' | undefined;
    let entities: { held: number; executed: number } | undefined;
    // While draining, every answer closes its connection, so keep-alive clients cannot hold shutdown open.
    if (readiness.draining) res.setHeader('connection', 'close');
    try {
      if (isHealthPath(url.pathname)) {
        status = await answerHealth(url.pathname, readiness, res, corrections?.store);
        return;
      }
      if (pages.handles(url.pathname)) {
        ({ status, operationName, cache } = await pages.answer(req, res, url, requestId));
        return;
      }
      const asset = url.pathname.startsWith(EXPLORER_ASSET_PREFIX) ? explorer?.sendAsset(url.pathname, res, requestId) : undefined;
      if (asset !== undefined) {
        status = await asset;
        return;
      }
      if (url.pathname !== '/' && url.pathname !== '/graphql') {
        status = 404;
        return sendJson(res, 404, errorBody('NOT_FOUND', `No route ${url.pathname}; GraphQL is served at /, occupations as pages at /occupations.`));
      }
      const method = req.method ?? 'GET';
      // A browser gets the explorer (Apollo's landing page answers it below in `sandbox` mode); other GETs are GraphQL.
      const browser = explorerMode !== 'off' && prefersHtml(method, req.headers.accept);
      if (browser && explorer !== undefined) {
        status = await explorer.sendPage(res, requestId);
        return;
      }
      if (!browser && isBareGet(method, url.searchParams)) {
        status = 400;
        return sendJson(res, 400, errorBody('BAD_REQUEST', BARE_GET_MESSAGE), { 'x-request-id': requestId });
      }
      const text = method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      const cached = responseCache?.enabled && !hasCredentials(req.headers) ? responseCache : undefined;
      const key = cached === undefined ? '' : cacheKey(method, url.search, req.headers, text);
      const hit = cached?.get(key);
      if (hit !== undefined) {
        cache = 'hit';
        operationName = hit.operationName;
        status = await sendAnswer(res, hit, { 'x-request-id': requestId });
        return;
      }
      const headers = toHeaderMap(req.headers);
      allowGet(method, headers);
      const body = method === 'POST' ? parseBody(headers.get('content-type') ?? '', text) : undefined;
      operationName = method === 'GET' ? getOperationName(url.searchParams) : operationNameOf(body);
      const newContext = () =>
        createContext(store, corrections && { service: corrections, authorization: req.headers.authorization, clientKey: clientKeyOf(req, corrections.clientHeader) });
      const answer = await graphql.execute({ method, headers, search: url.search, body }, newContext);
      const { response } = answer;
      ({ entities } = answer);
      status = response.status ?? 200;
      const outHeaders: Record<string, string> = { 'x-request-id': requestId };
      for (const [name, value] of response.headers) outHeaders[name] = value;
      const statementHeader: Record<string, string> = exposeStatementCount ? { 'x-sql-statements': String(answer.sqlStatements) } : {};
      // GET answers always get an ETag (and a 304 for a matching If-None-Match), so a CDN can cache and revalidate them.
      const entry =
        (cached !== undefined || method === 'GET') && response.body.kind === 'complete' ? cacheableEntry(status, outHeaders, response.body.string, operationName) : undefined;
      if (entry !== undefined) {
        if (cached !== undefined) {
          cache = 'miss';
          cached.set(key, entry);
        }
        status = await sendAnswer(res, entry, { ...statementHeader, 'x-request-id': requestId });
        return;
      }
      await writeApolloResponse(res, status, { ...outHeaders, ...statementHeader }, response.body);
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
      logRequest(logger, { requestId, method: req.method, path: url.pathname, operationName, status, cache, entities, started });
    }
  };
  return { handler, setReady: (value: boolean) => readiness.set(value), fastPath: graphql };
}

export function startHttpServer(options: HttpOptions, port: number): Promise<{ server: Server; setReady: (v: boolean) => void; fastPath: FastPath }> {
  const { handler, setReady, fastPath } = createRequestHandler(options);
  const server = createHttpServer((req, res) => void handler(req, res));
  server.on('clientError', refuseUnparsable);
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve({ server, setReady, fastPath }));
  });
}
