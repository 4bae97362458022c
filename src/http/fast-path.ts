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
 * A learned shape of the router's kind, exactly `_entities(representations: $var)` answered Cache-Control public,
 * executes only the representations the entity cache (entity-cache.ts) does not hold yet, and its answer is spliced
 * from each entity's held text; an error anywhere in that execution hands the whole request to Apollo, as above.
 *
 * Always Apollo's: GET (landing page, persisted queries by URL), mutations, requests with `extensions` (persisted
 * queries), a federated-trace header or credentials, and any body Apollo would refuse (not a JSON object, a
 * variables or operationName of the wrong type). Answers go back to the HTTP front as Apollo's do, so the response
 * cache, ETags and the access log treat both paths alike.
 */
import type { ApolloServer, HeaderMap, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { isPublic } from '../cache-policy';
import type { Context } from '../context';
import { executionOf, type PreparedOperation } from '../jit';
import { ENTITIES_TAIL, EntityCache, entitiesOperationOf, entityText, type EntitiesOperation } from './entity-cache';

/** The request headers Apollo's answer depends on (preventCsrf.ts, runHttpQuery.ts); part of a shape. */
const SHAPE_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** Headers that send a request to Apollo: a federated-trace request, and credentials (answers per caller). */
const APOLLO_ONLY_HEADERS = ['apollo-federation-include-trace', 'authorization', 'cookie'] as const;

interface Shape {
  prepared: PreparedOperation;
  /** Apollo's response headers for this shape (content type, Cache-Control). */
  headers: HeaderMap;
  /** Present when the entity cache answers this shape: its `_entities` field and the key prefix of its selection. */
  entities?: EntitiesOperation & { prefix: string };
}

/** A request the fast path may answer: its shape's key and its variables. */
interface Candidate {
  key: string;
  variables: Record<string, unknown>;
}

export interface Answer {
  response: HTTPGraphQLResponse;
  /** SQL statements the execution that answered ran (none when the entity cache held every entity). */
  sqlStatements: number;
  /** An answer of the entity cache: representations answered from held text, and those executed (each once). */
  entities?: { held: number; executed: number };
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

export interface FastPathOptions {
  /** false sends every request to Apollo; default true. */
  enabled?: boolean;
  limits?: ShapeLimits;
  /** Entity answers for `_entities` shapes; absent or sized 0, every batch executes whole. */
  entityCache?: EntityCache;
}

export class FastPath {
  private readonly shapes = new Map<string, Shape>();
  private keyChars = 0;
  private readonly enabled: boolean;
  private readonly limits: ShapeLimits;
  private readonly entityCache: EntityCache;
  /**
   * Requests answered by the fast path, by Apollo, and of those by Apollo after the fast path found errors; shapes
   * learned; and entities of `_entities` answers taken from the entity cache, and executed.
   */
  readonly counts = { fast: 0, apollo: 0, errorsToApollo: 0, learned: 0, entitiesHeld: 0, entitiesExecuted: 0 };

  constructor(
    private readonly apollo: ApolloServer<Context>,
    { enabled = true, limits = DEFAULT_LIMITS, entityCache = new EntityCache(0) }: FastPathOptions = {},
  ) {
    this.enabled = enabled;
    this.limits = limits;
    this.entityCache = entityCache;
  }

  /** Answers a GraphQL request, each execution on a context of its own from `newContext`. */
  async execute(request: HTTPGraphQLRequest, newContext: () => Context): Promise<Answer> {
    const candidate = this.enabled ? candidateOf(request) : undefined;
    const shape = candidate && this.shapes.get(candidate.key);
    if (candidate !== undefined && shape !== undefined) {
      const answer =
        shape.entities === undefined ? await this.run(shape, candidate.variables, newContext) : await this.fromEntityCache(shape, shape.entities, candidate.variables, newContext);
      if (answer !== undefined) {
        this.counts.fast += 1;
        return answer;
      }
      this.counts.errorsToApollo += 1;
    }
    this.counts.apollo += 1;
    const context = newContext();
    const response = await this.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    if (candidate !== undefined && shape === undefined) this.learn(candidate.key, context, response);
    return { response, sqlStatements: context.sqlStatements.count };
  }

  /** Runs a learned shape's operation; undefined if the result has errors (Apollo then answers). */
  private async run(shape: Shape, variables: Record<string, unknown>, newContext: () => Context): Promise<Answer | undefined> {
    const context = newContext();
    const result = await shape.prepared.run(context, variables);
    if (result.errors !== undefined) return undefined;
    return { response: answered(shape, serialise(result)), sqlStatements: context.sqlStatements.count };
  }

  /**
   * An `_entities` batch: each representation's held text, the rest executed in one batch (each distinct one once),
   * stored and spliced in; undefined if that execution has errors (Apollo then answers the whole batch).
   */
  private async fromEntityCache(shape: Shape, entities: NonNullable<Shape['entities']>, variables: Record<string, unknown>, newContext: () => Context): Promise<Answer | undefined> {
    const representations = variables[entities.variable];
    // Not a list (GraphQL would coerce a single value into one) or an empty one: the operation runs as it is.
    if (!Array.isArray(representations) || representations.length === 0) return this.run(shape, variables, newContext);
    const keys: string[] = [];
    const texts: (string | undefined)[] = [];
    /** The representations not held, by key, in the order first met. */
    const missing = new Map<string, unknown>();
    let unheld = 0;
    for (const representation of representations) {
      const json = JSON.stringify(representation) as string | undefined;
      // Nothing parsed from JSON lacks a JSON text; anything else is left to the operation's own coercion.
      if (json === undefined) return this.run(shape, variables, newContext);
      const key = entities.prefix + json;
      const text = this.entityCache.get(key);
      keys.push(key);
      texts.push(text);
      if (text === undefined) {
        missing.set(key, representation);
        unheld += 1;
      }
    }
    let sqlStatements = 0;
    if (missing.size > 0) {
      const context = newContext();
      const result = await shape.prepared.run(context, { [entities.variable]: [...missing.values()] });
      const list = result.data?.[entities.responseKey];
      if (result.errors !== undefined || !Array.isArray(list) || list.length !== missing.size) return undefined;
      const executed = new Map<string, string>();
      let index = 0;
      for (const key of missing.keys()) {
        const text = entityText(list[index++]);
        this.entityCache.set(key, text);
        executed.set(key, text);
      }
      for (let i = 0; i < texts.length; i += 1) texts[i] ??= executed.get(keys[i]!);
      sqlStatements = context.sqlStatements.count;
    }
    const held = representations.length - unheld;
    this.counts.entitiesHeld += held;
    this.counts.entitiesExecuted += missing.size;
    return { response: answered(shape, entities.head + texts.join(',') + ENTITIES_TAIL), sqlStatements, entities: { held, executed: missing.size } };
  }

  /** Learns a shape from Apollo's answer: a 200 for a query without errors, whose bytes the fast path reproduces. */
  private learn(key: string, context: Context, response: HTTPGraphQLResponse): void {
    // Learned meanwhile by a request of the same shape answered at the same time, or too long to keep.
    if (this.shapes.has(key) || key.length > this.limits.keyChars / 100) return;
    const execution = executionOf(context);
    if (execution === undefined || execution.prepared.operation.operation !== 'query' || execution.result.errors !== undefined) return;
    if ((response.status ?? 200) !== 200 || response.body.kind !== 'complete' || response.body.string !== serialise(execution.result)) return;
    // Entity answers are held only where Apollo lets anyone cache the answer (never per caller, never uncacheable).
    const entities = this.entityCache.enabled && isPublic(response.headers.get('cache-control')) ? entitiesOperationOf(execution.prepared.operation) : undefined;
    const { prepared } = execution;
    this.shapes.set(key, { prepared, headers: response.headers, ...(entities && { entities: { ...entities, prefix: this.entityCache.prefixOf(prepared) } }) });
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

/** A fast answer: a 200 with the headers Apollo gave the shape. */
function answered(shape: Shape, string: string): HTTPGraphQLResponse {
  return { status: 200, headers: shape.headers, body: { kind: 'complete', string } };
}
