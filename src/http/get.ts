/**
 * GraphQL over GET, as stock clients send it with their default settings (urql, graphql-request's `method: 'GET'`,
 * a browser link, curl). Apollo Server's CSRF prevention refuses any GET that carries none of its preflight
 * headers; a GET here is marked as preflighted before Apollo sees it, so it is served.
 *
 * That is safe because nothing here uses ambient credentials: no cookie is ever read and no session exists, the
 * only credential is an `Authorization: Bearer` token, which a browser never adds to a cross-site request by itself,
 * and a GET can only run a query (Apollo answers a mutation over GET with 405). A forged cross-site GET can therefore
 * do nothing its author could not do directly. POST keeps CSRF prevention: a `text/plain` or form POST is still
 * refused, so no cross-site form can send a mutation.
 *
 * A GET of / with no query that no explorer answers (a newcomer's first `curl localhost:4000/`, or a browser where
 * the explorer is off) gets a short JSON 400 saying how to ask, instead of Apollo's CSRF refusal with a stack trace.
 * Whether a GET is a browser's is decided by its Accept header exactly as Apollo decides it for its landing page.
 */
import type { HeaderMap } from '@apollo/server';
import Negotiator from 'negotiator';

/** One of the headers Apollo's CSRF prevention accepts as proof of a preflighted request. */
const PREFLIGHT_HEADER = 'apollo-require-preflight';

/** Marks a GET as preflighted for Apollo's CSRF check; other methods are left to it. */
export function allowGet(method: string, headers: HeaderMap): void {
  if (method === 'GET') headers.set(PREFLIGHT_HEADER, 'true');
}

/** The operation name a GET declares in its query string, cut to 100 characters, for the access log. */
export function getOperationName(search: URLSearchParams): string | null {
  return search.get('operationName')?.slice(0, 100) ?? null;
}

/** True for a GET with neither `query` nor `extensions` (a persisted query): not a GraphQL request. */
export function isBareGet(method: string, search: URLSearchParams): boolean {
  return method === 'GET' && !search.has('query') && !search.has('extensions');
}

/** The media types Apollo Server negotiates among for a GET (its `prefersHTML`), HTML last. */
const GET_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'multipart/mixed; deferSpec=20220824',
  'multipart/mixed; incrementalSpec=v0.2',
  'multipart/mixed',
  'text/html',
];

/**
 * True when a GET's Accept header prefers HTML over every GraphQL response type, as a browser's does and curl's
 * `*\/*` or a GraphQL client's does not: then an explorer, where one is on, answers instead of GraphQL.
 */
export function prefersHtml(method: string, accept: string | undefined): boolean {
  return method === 'GET' && accept !== undefined && accept !== '' && new Negotiator({ headers: { accept } }).mediaType(GET_MEDIA_TYPES) === 'text/html';
}

export const BARE_GET_MESSAGE =
  'This is a GraphQL endpoint; send it a query. GET: /?query={occupation(code:"43-6012"){title}} (queries only). ' +
  'POST: / with Content-Type: application/json and a body like {"query": "{ occupation(code: \\"43-6012\\") { title } }"}. ' +
  'Where the explorer is on (development, or EXPLORER), open / in a browser to explore the schema; occupations read as pages at /occupations.';
