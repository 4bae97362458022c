/**
 * The router's path: a request whose shape Apollo Server has already answered successfully runs the same compiled
 * operation again directly, without Apollo's per-request pipeline (CSRF and body checks, the document cache lookup,
 * plugin hooks, response formatting). What a router sends, the same `_entities` query with new representations
 * every time, is the case it is for.
 *
 * A shape is everything Apollo's answer can depend on besides the variables: the query text, the operation name,
 * and the values of the request headers Apollo reads (content type and accept, the CSRF preflight headers). Apollo
 * answers a shape the first time it is seen; if that was a 200 for a query with no errors, the untraced execution
 * it ran (jit.ts) re-serialised gives Apollo's very bytes, the shape is learned with Apollo's response headers.
 * Parsing, graphql-armor's limits and validation depend on the text alone, CSRF prevention and content negotiation
 * on those headers alone, and Cache-Control (cache-policy.ts) on the document and on success alone, so a later
 * request of that shape gets the same decisions. It runs the operation on a fresh context; if the result holds any
 * error, it is dropped and Apollo answers the request from the start on another fresh context, so error masking,
 * codes and status codes are Apollo's own.
 *
 * Always Apollo's: GET (landing page, persisted queries by URL), mutations, requests with `extensions` (persisted
 * queries), a federated-trace header or credentials, and any body Apollo would refuse (not a JSON object, a
 * variables or operationName of the wrong type). Answers go back to the HTTP front as Apollo's do, so the response
 * cache, ETags and the access log treat both paths alike.
 */
import type { ApolloServer, HeaderMap, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import type { Context } from '../context';
import { executionOf, type PreparedOperation } from '../jit';

/** The request headers Apollo's answer depends on (preventCsrf.ts, runHttpQuery.ts); part of a shape. */
const SHAPE_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** Headers that send a request to Apollo: a federated-trace request, and credentials (answers per caller). */
const APOLLO_ONLY_HEADERS = ['apollo-federation-include-trace', 'authorization', 'cookie'] as const;

interface Shape {
  prepared: PreparedOperation;
  /** Apollo's response headers for this shape (content type, Cache-Control). */
  headers: HeaderMap;
}

/** A request the fast path may answer: its shape's key and its variables. */
interface Candidate {
  key: string;
  variables: Record<string, unknown>;
}

export interface Answer {
  response: HTTPGraphQLResponse;
  /** The context of the execution that answered, for its statement count. */
  context: Context;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The shape of a request the fast path may answer, or undefined for one that always goes to Apollo. */
function candidateOf({ method, headers, body }: HTTPGraphQLRequest): Candidate | undefined {
  if (method !== 'POST' || !isRecord(body) || APOLLO_ONLY_HEADERS.some((name) => headers.has(name))) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || extensions !== undefined) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  let key = typeof operationName === 'string' ? `+${operationName}` : '-';
  for (const name of SHAPE_HEADERS) key += `\n${headers.get(name) ?? '\u0000'}`;
  return { key: `${key}\n${query}`, variables: variables ?? {} };
}

/** Apollo's serialisation of a result (runHttpQuery.ts: errors, data and extensions in that order, then a newline). */
function serialise(result: { data?: unknown }): string {
  return `${JSON.stringify({ data: result.data })}\n`;
}

/**
 * How many shapes are kept, and how many characters of their keys in all (a query text can be as long as a request
 * body, comments included); past either, the oldest learned are forgotten. A shape whose key is longer than a
 * hundredth of that is not learned at all. A router sends a handful of short ones.
 */
export interface ShapeLimits {
  shapes: number;
  keyChars: number;
}

const DEFAULT_LIMITS: ShapeLimits = { shapes: 1000, keyChars: 4_000_000 };

export class FastPath {
  private readonly shapes = new Map<string, Shape>();
  private keyChars = 0;
  /** Requests answered by the fast path, by Apollo, and of those by Apollo after the fast path found errors; shapes learned. */
  readonly counts = { fast: 0, apollo: 0, errorsToApollo: 0, learned: 0 };

  /** `enabled` false sends every request to Apollo. */
  constructor(
    private readonly apollo: ApolloServer<Context>,
    private readonly enabled = true,
    private readonly limits = DEFAULT_LIMITS,
  ) {}

  /** Answers a GraphQL request, each execution on a context of its own from `newContext`. */
  async execute(request: HTTPGraphQLRequest, newContext: () => Context): Promise<Answer> {
    const candidate = this.enabled ? candidateOf(request) : undefined;
    const shape = candidate && this.shapes.get(candidate.key);
    if (candidate !== undefined && shape !== undefined) {
      const context = newContext();
      const result = await shape.prepared.run(context, candidate.variables);
      if (result.errors === undefined) {
        this.counts.fast += 1;
        return { response: { status: 200, headers: shape.headers, body: { kind: 'complete', string: serialise(result) } }, context };
      }
      this.counts.errorsToApollo += 1;
    }
    this.counts.apollo += 1;
    const context = newContext();
    const response = await this.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    if (candidate !== undefined && shape === undefined) this.learn(candidate.key, context, response);
    return { response, context };
  }

  /** Learns a shape from Apollo's answer: a 200 for a query without errors, whose bytes the fast path reproduces. */
  private learn(key: string, context: Context, response: HTTPGraphQLResponse): void {
    // Learned meanwhile by a request of the same shape answered at the same time, or too long to keep.
    if (this.shapes.has(key) || key.length > this.limits.keyChars / 100) return;
    const execution = executionOf(context);
    if (execution === undefined || execution.prepared.operation.operation !== 'query' || execution.result.errors !== undefined) return;
    if ((response.status ?? 200) !== 200 || response.body.kind !== 'complete' || response.body.string !== serialise(execution.result)) return;
    this.shapes.set(key, { prepared: execution.prepared, headers: response.headers });
    this.keyChars += key.length;
    this.counts.learned += 1;
    // Map keeps insertion order: the first key is the oldest learned.
    while (this.shapes.size > this.limits.shapes || this.keyChars > this.limits.keyChars) {
      const oldest = this.shapes.keys().next().value!;
      this.shapes.delete(oldest);
      this.keyChars -= oldest.length;
    }
  }
}
