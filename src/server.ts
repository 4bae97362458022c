/** createServer(store): the ApolloServer that the HTTP entry point and the tests share. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ASTVisitor, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import { defaultExplorer, type ExplorerMode } from './config';
import type { Context } from './context';
import { type Logger, silentLogger } from './logger';
import { staticCacheControl } from './cache-policy';
import { jitGateway } from './jit';
import { LANDING_PAGE_QUERY, LANDING_PAGE_VARIABLES } from './landing-page';
import { buildSchema } from './schema';

/** Every answer changes only with a new store build; an hour lets CDNs and routers cache without going stale for long. */
export const DEFAULT_MAX_AGE_SECONDS = 3600;

/**
 * Production limits on what one operation may ask for. The full Legal Secretaries framework query (tests/support/
 * queries.ts) has depth 8, no aliases or directives, 167 tokens and cost 595; the README's sample 182 tokens and
 * cost 654. Cost multiplies a subtree by a literal `first`, so a page of 100 occupations with a few of their O*NET
 * lists (OCCUPATIONS_WITH_ANCHORS, ~106,000) is what sets maxCost; 100 occupations with 100 tasks each is refused.
 * The limits leave room for clients that add a level or a few aliases, and refuse the rest before it runs.
 */
export const PRODUCTION_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  /** Checked by graphql-js while parsing, so a huge document is refused before it is even fully read into an AST. */
  maxTokens: 2000,
  maxCost: 250_000,
} as const;

/** graphql-armor's validation rules for depth, aliases, directives and cost; refusals are GRAPHQL_VALIDATION_FAILED (400). */
function limitRules() {
  const { maxDepth, maxAliases, maxDirectives, maxCost } = PRODUCTION_LIMITS;
  return new ApolloArmor({
    maxDepth: { n: maxDepth },
    maxAliases: { n: maxAliases },
    maxDirectives: { n: maxDirectives },
    costLimit: { maxCost },
    // Tokens are limited by graphql-js's own parser option below, which costs nothing extra; armor's version re-parses.
    maxTokens: { enabled: false },
    // ApolloServerPluginDisableSuggestions already does this.
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/**
 * Refuses an operation whose type the schema has no root for (a `subscription`: this subgraph serves none) at
 * validation, with GRAPHQL_VALIDATION_FAILED and 400. graphql-js 16 validates such an operation's fields against
 * nothing, and the executor then fails on the missing root type as an internal error.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation) == null) {
        context.reportError(new GraphQLError(`This schema has no ${node.operation} operations; it serves queries and mutations.`, { nodes: node }));
      }
    },
  };
}

export interface ServerOptions {
  production: boolean;
  /**
   * The explorer a browser gets at / (default: GraphiQL in development, none in production). Introspection is on
   * wherever an explorer is; `sandbox` is Apollo's landing page, `graphiql` is served by src/http/explorer.ts.
   */
  explorer?: ExplorerMode;
  plugins?: ApolloServerPlugin<Context>[];
  /** Where masked internal errors are logged in full (production). */
  logger?: Logger;
  /** What executes operations: graphql-jit (default; faster cold, see docs/performance.md) or graphql-js (GRAPHQL_EXECUTOR). */
  executor?: Executor;
}

export type Executor = 'graphql-jit' | 'graphql-js';

function defaultExecutor(): Executor {
  return process.env.GRAPHQL_EXECUTOR === 'graphql-js' ? 'graphql-js' : 'graphql-jit';
}

/**
 * Apollo raises a few request errors with an HTTP 4xx but no code (an unsupported persisted-query version, a
 * persisted-query hash that does not match the query), which would read as INTERNAL_SERVER_ERROR and, in
 * production, be masked: they are the client's, so they get BAD_REQUEST and keep their message.
 */
function codeRequestErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const status = ((error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || typeof status !== 'number' || status < 400 || status >= 500) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
}

/** In production, anything not deliberately raised for the client is reported without its message. */
const maskInternalErrors = (logger: Logger) => (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const code = formatted.extensions?.code;
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== undefined) return formatted;
  logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error');
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...(formatted.path ? { path: formatted.path } : {}) };
};

export function createServer({ production, explorer = defaultExplorer(production), plugins = [], logger = silentLogger, executor = defaultExecutor() }: ServerOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // graphql-jit runs operations through Apollo's gateway hook; parsing, validation and plugins are unchanged.
    ...(executor === 'graphql-jit' ? { gateway: jitGateway(buildSchema()) } : { schema: buildSchema() }),
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    // Apollo's default reads NODE_ENV; the mode passed in is what decides (routers compose from `_service`, not
    // introspection). An explorer turned on in production needs it to show the schema.
    introspection: !production || explorer !== 'off',
    validationRules: [knownOperationTypes, ...(production ? limitRules() : [])],
    ...(production ? { parseOptions: { maxTokens: PRODUCTION_LIMITS.maxTokens } } : {}),
    csrfPrevention: true,
    // src/index.ts drains HTTP first and stops Apollo after; Apollo's own SIGTERM handler would stop it under
    // requests still in flight (they got a 500) and then re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    formatError: production ? (formatted, error) => maskInternalErrors(logger)(codeRequestErrors(formatted, error), error) : codeRequestErrors,
    plugins: [
      // Cache-Control from the schema's static hints, once per document; Apollo's plugin would hook every field.
      ApolloServerPluginCacheControlDisabled(),
      staticCacheControl(DEFAULT_MAX_AGE_SECONDS),
      // Federated traces only for routers that ask for them (ftv1 header); error details masked in production.
      ApolloServerPluginInlineTrace({ includeErrors: production ? { masked: true } : { unmodified: true } }),
      // Sandbox loads from Apollo's CDN, so it is the one explorer not served from here; it opens with the README's sample query.
      explorer === 'sandbox'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, document: LANDING_PAGE_QUERY, variables: LANDING_PAGE_VARIABLES })
        : ApolloServerPluginLandingPageDisabled(),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
      ...plugins,
    ],
  });
}
