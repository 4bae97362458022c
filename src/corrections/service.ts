/**
 * Everything the corrections resolvers need beyond the reference store, one set per server: the corrections
 * store, the access tokens and the rate limit. What each request adds (credentials, client key, a fresh loader)
 * is in src/context.ts.
 */
import { AccessTokens } from './auth';
import { RateLimiter } from './rate-limit';
import { openCorrectionsStore, type CorrectionsStore } from './store';

export interface CorrectionsService {
  store: CorrectionsStore;
  tokens: AccessTokens;
  limiter: RateLimiter;
  /** The request header that names the client for the rate limit (set by a trusted proxy), or null for the remote address. */
  clientHeader: string | null;
}

export interface CorrectionsOptions {
  file: string;
  /** ADMIN_TOKEN_SHA256 and VIEWER_TOKEN_SHA256, as configured. */
  adminTokenHashes?: string | undefined;
  viewerTokenHashes?: string | undefined;
  suggestionsPerMinute: number;
  clientHeader?: string | null;
  /** The rate limit's clock, in ms (tests pass their own). */
  now?: () => number;
}

export async function openCorrections(options: CorrectionsOptions): Promise<CorrectionsService> {
  // Both of these check their settings before the store file is created or opened.
  const tokens = new AccessTokens({ admin: options.adminTokenHashes, viewer: options.viewerTokenHashes });
  const limiter = new RateLimiter(options.suggestionsPerMinute, options.now);
  const store = await openCorrectionsStore(options.file);
  return { store, tokens, limiter, clientHeader: options.clientHeader?.toLowerCase() || null };
}
