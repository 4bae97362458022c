/** createServer(store): the ApolloServer that the HTTP entry point and the tests share. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from './context';
import { buildSchema } from './schema';

/** Every answer changes only with a new store build; an hour lets CDNs and routers cache without going stale for long. */
export const DEFAULT_MAX_AGE_SECONDS = 3600;

export interface ServerOptions {
  production: boolean;
  plugins?: ApolloServerPlugin<Context>[];
}

/** In production, anything not deliberately raised for the client is reported without its message. */
function maskInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== 'INTERNAL_SERVER_ERROR' && code !== undefined) return formatted;
  const original = unwrapResolverError(error);
  console.error(JSON.stringify({ level: 'error', msg: 'internal error', error: String((original as Error)?.stack ?? original) }));
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...(formatted.path ? { path: formatted.path } : {}) };
}

export function createServer({ production, plugins = [] }: ServerOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildSchema(),
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: production ? maskInternalErrors : undefined,
    plugins: [
      ApolloServerPluginCacheControl({ defaultMaxAge: DEFAULT_MAX_AGE_SECONDS }),
      // Federated traces only for routers that ask for them (ftv1 header); error details masked in production.
      ApolloServerPluginInlineTrace({ includeErrors: production ? { masked: true } : { unmodified: true } }),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
      ...plugins,
    ],
  });
}
