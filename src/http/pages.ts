/**
 * The HTML pages: `/occupations/{code}` (either code form), `/occupations?q=` (job-title search), their stylesheet
 * and the site icon. A page runs its operation from src/pages/operations.graphql through Apollo Server, as a client's
 * request runs (the same validation, production limits, resolvers, loaders and error masking), and renders the
 * answer with src/pages/; nothing is read around the graph. Every page goes out through send.ts like a GraphQL
 * answer (compressed as the request accepts); its Cache-Control is the operation's, and a 200 page has an ETag per
 * coding (304 on revalidation) and is kept in the response cache like a GraphQL answer.
 *
 * A malformed or unknown code is a 404 page that says which and why; a search the graph refuses is a 400 page with
 * its message; anything else is a 500 page that shows only what the GraphQL answer itself shows (its messages are
 * masked in production, and no page ever shows a stack trace).
 */
import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import assert from 'node:assert';
import type { FormattedExecutionResult } from 'graphql';
import type { OccupationPageQuery, SearchPageQuery, SearchStartPageQuery } from '../__generated__/page-operations';
import { type Context, createContext } from '../context';
import type { Logger } from '../logger';
import { renderErrorPage } from '../pages/error-page';
import { FAVICON_PATH, SEARCH_PATH, STYLESHEET_PATH } from '../pages/layout';
import { renderOccupationPage } from '../pages/occupation-page';
import { renderSearchPage, renderSearchStart } from '../pages/search-page';
import { projectFile } from '../project-files';
import type { Store } from '../store/store';
import { errorBody, sendJson } from './respond';
import { cacheableEntry, responseEntry, type CachedResponse, type ResponseCache } from './response-cache';
import { sendAnswer } from './send';

/** No script, no frame, nothing from another origin: the pages are plain HTML with a stylesheet from here. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

const OCCUPATION_PREFIX = `${SEARCH_PATH}/`;

export interface PagesOptions {
  apollo: ApolloServer<Context>;
  store: Store;
  logger: Logger;
  /** Rendered pages are kept here, keyed by path and query string, under the same rules as GraphQL answers. */
  responseCache?: ResponseCache;
}

/** What the access log records of a page request. */
export interface PageAnswer {
  status: number;
  operationName: string | null;
  cache?: 'hit' | 'miss';
}

interface Rendered {
  status: number;
  body: string;
  cacheControl: string;
}

export class Pages {
  private readonly operations = readFileSync(projectFile('src/pages/operations.graphql'), 'utf8');
  private readonly assets = new Map<string, CachedResponse>([
    [STYLESHEET_PATH, asset('text/css; charset=utf-8', 'src/pages/pages.css')],
    [FAVICON_PATH, asset('image/svg+xml', 'src/pages/favicon.svg')],
  ]);

  constructor(private readonly options: PagesOptions) {}

  /** Whether a path is one of the pages' (the rest of the routes are GraphQL's and health's). */
  handles(pathname: string): boolean {
    return pathname === SEARCH_PATH || pathname.startsWith(OCCUPATION_PREFIX) || this.assets.has(pathname);
  }

  async answer(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<PageAnswer> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', `${url.pathname} is a page: GET it.`), { allow: 'GET, HEAD', 'x-request-id': requestId });
      return { status: 405, operationName: null };
    }
    const withId = { 'x-request-id': requestId };
    const fixed = this.assets.get(url.pathname);
    if (fixed !== undefined) return { status: await sendAnswer(res, fixed, withId), operationName: null };

    const { responseCache } = this.options;
    const cache = responseCache?.enabled ? responseCache : undefined;
    const key = `PAGE\n${url.pathname}${url.search}`;
    const hit = cache?.get(key);
    if (hit !== undefined) return { status: await sendAnswer(res, hit, withId), operationName: hit.operationName, cache: 'hit' };

    const { operationName, rendered } = await this.render(url);
    const headers = { ...HTML_HEADERS, 'cache-control': rendered.cacheControl };
    const entry = rendered.status === 200 ? cacheableEntry(200, headers, rendered.body, operationName) : undefined;
    if (entry === undefined) {
      // A 404, 400 or 500 page, or one whose operation is not cacheable: compressed like any answer, with no ETag.
      return { status: await sendAnswer(res, { status: rendered.status, headers, body: Buffer.from(rendered.body) }, withId), operationName };
    }
    if (cache !== undefined) cache.set(key, entry);
    return { status: await sendAnswer(res, entry, withId), operationName, ...(cache !== undefined && { cache: 'miss' as const }) };
  }

  private async render(url: URL): Promise<{ operationName: string; rendered: Rendered }> {
    if (url.pathname === SEARCH_PATH) {
      const query = url.searchParams.get('q')?.trim() ?? '';
      if (query === '') return { operationName: 'SearchStartPage', rendered: await this.searchStart() };
      return { operationName: 'SearchPage', rendered: await this.search(query) };
    }
    return { operationName: 'OccupationPage', rendered: await this.occupation(url.pathname.slice(OCCUPATION_PREFIX.length)) };
  }

  private async occupation(segment: string): Promise<Rendered> {
    const code = decodeSegment(segment);
    if (code === null || code.includes('/')) {
      return notFound(`There is no page at /occupations/${segment}: an occupation's page is /occupations/ followed by its code alone.`);
    }
    const { result, cacheControl } = await this.execute<OccupationPageQuery>('OccupationPage', { code });
    const refused = badUserInput(result);
    if (refused !== undefined) return { ...notFound(`“${code}” is not an occupation code. ${refused}`), cacheControl };
    if (result.errors !== undefined || result.data == null) return this.failure(result, 'OccupationPage');
    const { occupation, dataset } = result.data;
    if (occupation === null) {
      const reason = `No occupation has the code ${code} in the O*NET release served here. Codes of other classifications (2010 SOC, O*NET-SOC 2010, ISCO-08, ESCO) translate with the GraphQL query translateCode.`;
      return { ...notFound(reason), cacheControl };
    }
    return { status: 200, body: renderOccupationPage(occupation, dataset), cacheControl };
  }

  private async search(query: string): Promise<Rendered> {
    const { result, cacheControl } = await this.execute<SearchPageQuery>('SearchPage', { query });
    const refused = badUserInput(result);
    if (refused !== undefined) {
      return { status: 400, body: renderErrorPage({ status: 400, title: 'That search cannot be run', reason: refused, query }), cacheControl };
    }
    if (result.errors !== undefined || result.data == null) return this.failure(result, 'SearchPage');
    return { status: 200, body: renderSearchPage(query, result.data.searchOccupations), cacheControl };
  }

  private async searchStart(): Promise<Rendered> {
    const { result, cacheControl } = await this.execute<SearchStartPageQuery>('SearchStartPage', {});
    if (result.errors !== undefined || result.data == null) return this.failure(result, 'SearchStartPage');
    return { status: 200, body: renderSearchStart(result.data), cacheControl };
  }

  /** Runs one of the pages' operations through Apollo Server with a fresh per-request context, as a client's runs. */
  private async execute<TData>(operationName: string, variables: Record<string, unknown>): Promise<{ result: FormattedExecutionResult<TData>; cacheControl: string }> {
    const response = await this.options.apollo.executeOperation<TData>(
      { query: this.operations, operationName, variables },
      { contextValue: createContext(this.options.store) },
    );
    assert(response.body.kind === 'single', 'the pages send no incremental operations');
    return { result: response.body.singleResult, cacheControl: response.http.headers.get('cache-control') ?? 'no-store' };
  }

  /** A 500 page showing the answer's error messages: masked by Apollo in production, never with a stack trace. */
  private failure(result: FormattedExecutionResult<unknown>, operationName: string): Rendered {
    const messages = [...new Set((result.errors ?? []).map((error) => error.message))];
    this.options.logger.error({ operationName, errors: messages }, 'page operation failed');
    const reason = messages.length > 0 ? messages.join(' ') : 'The answer held no data.';
    return { status: 500, body: renderErrorPage({ status: 500, title: 'This page could not be built', reason }), cacheControl: 'no-store' };
  }
}

function asset(contentType: string, file: string): CachedResponse {
  return responseEntry(200, { 'content-type': contentType, 'cache-control': 'max-age=3600, public', 'x-content-type-options': 'nosniff' }, readFileSync(projectFile(file), 'utf8'), null);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function notFound(reason: string): Rendered {
  return { status: 404, body: renderErrorPage({ status: 404, title: 'Occupation not found', reason }), cacheControl: 'no-store' };
}

/** The message of the graph's refusal of an argument (BAD_USER_INPUT), if that is why there is no answer. */
function badUserInput(result: FormattedExecutionResult<unknown>): string | undefined {
  return result.errors?.find((error) => error.extensions?.code === 'BAD_USER_INPUT')?.message;
}
