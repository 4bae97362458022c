/**
 * Everything the corrections resolvers need beyond the reference store: the corrections store, the access
 * tokens and the rate limit (one set per server), and what each request adds to them (credentials, client key,
 * a fresh loader).
 */
import type DataLoader from 'dataloader';
import { groupedLoader } from '../loaders';
import { AccessTokens, type Principal } from './auth';
import type { ReviewRow } from './database';
import { reviewsBySuggestion } from './queries';
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

/** What one request brings: the server's corrections, the caller's Authorization header and client key. */
export interface CorrectionsRequest {
  service: CorrectionsService;
  authorization: string | undefined;
  clientKey: string;
}

export interface CorrectionsContext extends CorrectionsRequest {
  /** Who the Authorization header names, or null (absent, malformed or unknown token); worked out once per request. */
  principal(): Principal | null;
  reviewsBySuggestion: DataLoader<number, ReviewRow[]>;
}

/** Per request: the caller's principal, worked out on first use, and a fresh loader over the corrections store. */
export function correctionsContext(request: CorrectionsRequest): CorrectionsContext {
  const { store } = request.service;
  let principal: Principal | null | undefined;
  return {
    ...request,
    principal: () => (principal === undefined ? (principal = request.service.tokens.authenticate(request.authorization)) : principal),
    reviewsBySuggestion: groupedLoader((ids: readonly number[]) => store.use((db) => reviewsBySuggestion(db, ids)), (r) => r.suggestion_id),
  };
}
