/**
 * Everything the corrections resolvers need beyond the reference store, one set per server: the corrections
 * store, the access tokens and the rate limit. What each request adds (credentials, client key, a fresh loader)
 * is in src/context.ts.
 */
import { AccessTokens } from './auth';
import { type Limiter, RateLimiter, SharedRateLimiter } from './rate-limit';
import { openCorrectionsStore, type CorrectionsStore, type StoreEvents } from './store';

export interface CorrectionsService {
  store: CorrectionsStore;
  tokens: AccessTokens;
  limiter: Limiter;
  /** The request header that names the client for the rate limit (set by a trusted proxy), or null for the remote address. */
  clientHeader: string | null;
}

export interface CorrectionsOptions {
  /** The SQLite file, used when there is no `databaseUrl`. */
  file: string;
  /** CORRECTIONS_DATABASE_URL: a PostgreSQL database every replica shares. */
  databaseUrl?: string | null | undefined;
  /** ADMIN_TOKEN_SHA256 and VIEWER_TOKEN_SHA256, as configured. */
  adminTokenHashes?: string | undefined;
  viewerTokenHashes?: string | undefined;
  suggestionsPerMinute: number;
  clientHeader?: string | null;
  /** The rate limit's clock, in ms (tests pass their own). */
  now?: () => number;
  /** Told when the corrections database becomes unreachable (also at startup) and when it is back. */
  onAvailability?: StoreEvents['onAvailability'];
}

export async function openCorrections(options: CorrectionsOptions): Promise<CorrectionsService> {
  // Both of these check their settings before the store file is created or opened.
  const tokens = new AccessTokens({ admin: options.adminTokenHashes, viewer: options.viewerTokenHashes });
  const memoryLimiter = new RateLimiter(options.suggestionsPerMinute, options.now);
  const store = await openCorrectionsStore({ file: options.file, databaseUrl: options.databaseUrl }, { onAvailability: options.onAvailability });
  const limiter = store.dialect === 'postgres' ? new SharedRateLimiter(options.suggestionsPerMinute, store, options.now) : memoryLimiter;
  return { store, tokens, limiter, clientHeader: options.clientHeader?.toLowerCase() || null };
}
