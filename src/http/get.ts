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
 * A GET of / with no query, from something that does not ask for HTML (a newcomer's first `curl localhost:4000/`),
 * gets a short JSON 400 saying how to ask, instead of Apollo's CSRF refusal with a stack trace.
 */
import type { HeaderMap } from '@apollo/server';

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

/**
 * True for a GET with neither `query` nor `extensions` (a persisted query) from a client that does not prefer
 * HTML: it is not a GraphQL request, and a browser asking for HTML is left to Apollo (the landing page in
 * development).
 */
export function isBareGet(method: string, search: URLSearchParams, accept: string | undefined): boolean {
  if (method !== 'GET' || search.has('query') || search.has('extensions')) return false;
  return !/\btext\/html\b/.test(accept ?? '');
}

export const BARE_GET_MESSAGE =
  'This is a GraphQL endpoint; send it a query. GET: /?query={occupation(code:"43-6012"){title}} (queries only). ' +
  'POST: / with Content-Type: application/json and a body like {"query": "{ occupation(code: \\"43-6012\\") { title } }"}. ' +
  'In development, open / in a browser to explore the schema in Apollo Sandbox.';
