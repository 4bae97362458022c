/**
 * Settings from the environment, read once at startup. A numeric setting that is not a number in its range stops
 * startup with a ConfigError, one line naming the variable, what it must be and what it was; unset or empty
 * settings take their defaults.
 */
import { resolve } from 'node:path';

/** A bad setting: its message names the variable, what it must be and the value given. */
export class ConfigError extends Error {}

/** A whole number from `min` to `max`, or `fallback` when the variable is unset or empty. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new ConfigError(`${name} must be a whole number ${range}, got "${env[name]}"`);
  }
  return value;
}

/**
 * What a browser opening / gets: GraphiQL served from this server (`graphiql`), Apollo Sandbox loaded from Apollo's
 * CDN (`sandbox`), or nothing (`off`).
 */
export type ExplorerMode = 'graphiql' | 'sandbox' | 'off';

const EXPLORER_MODES: readonly ExplorerMode[] = ['graphiql', 'sandbox', 'off'];

/** GraphiQL in development; off in production unless EXPLORER turns one on. */
export function defaultExplorer(production: boolean): ExplorerMode {
  return production ? 'off' : 'graphiql';
}

function explorerMode(env: NodeJS.ProcessEnv, production: boolean): ExplorerMode {
  const text = env.EXPLORER?.trim().toLowerCase();
  if (text === undefined || text === '') return defaultExplorer(production);
  const mode = EXPLORER_MODES.find((m) => m === text);
  if (mode === undefined) throw new ConfigError(`EXPLORER must be one of ${EXPLORER_MODES.join(', ')}, got "${env.EXPLORER}"`);
  return mode;
}

export interface Config {
  port: number;
  /** `production` turns off the explorer (unless EXPLORER says otherwise), stack traces and field suggestions. */
  production: boolean;
  /** What a browser opening / gets (EXPLORER); introspection is on wherever an explorer is. */
  explorer: ExplorerMode;
  dataDir: string;
  storeFile: string;
  /** Largest accepted request body in bytes (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Memory for whole cached responses, in bytes (RESPONSE_CACHE_MB, default 64; 0 turns the cache off). */
  responseCacheBytes: number;
  /** Times a request is answered before its answer is stored (RESPONSE_CACHE_MIN_USES, default 2; 1 stores every answer). */
  responseCacheMinUses: number;
  /**
   * Memory for the JSON text of entities the router's `_entities` batches asked for, in bytes (ENTITY_CACHE_MB, default
   * 32; 0 turns it off): a batch then executes only the entities not held yet (src/http/entity-cache.ts).
   */
  entityCacheBytes: number;
  /** Store rows the loaders keep in memory for the store's life (STORE_HELD_ROWS, default 150,000; 0 holds none). */
  heldRows: number;
  /** Requests of a shape Apollo already answered run without its pipeline (FAST_PATH, default 1; 0 sends all to Apollo). */
  fastPath: boolean;
  /** The suggested-corrections store (CORRECTIONS_FILE, default var/corrections.sqlite); never the reference store. */
  correctionsFile: string;
  /**
   * A PostgreSQL database every replica shares for suggestions, reviews and the rate limit
   * (CORRECTIONS_DATABASE_URL, `postgres://user:password@host:5432/db`); null keeps them in CORRECTIONS_FILE.
   */
  correctionsDatabaseUrl: string | null;
  /** SHA-256 hashes (hex, comma-separated, each optionally `label:hex`) of the admin tokens (ADMIN_TOKEN_SHA256). */
  adminTokenHashes: string | undefined;
  /** The same for viewer tokens, which list suggestions but cannot read contacts or review (VIEWER_TOKEN_SHA256). */
  viewerTokenHashes: string | undefined;
  /** Suggestions each client may send a minute (SUGGESTIONS_PER_MINUTE, default 20): per replica on SQLite, in all on PostgreSQL. */
  suggestionsPerMinute: number;
  /** A header set by a trusted proxy that names the client for the rate limit (CLIENT_KEY_HEADER); else the remote address. */
  clientKeyHeader: string | null;
}

/** Relative paths are resolved against the working directory (npm scripts run in the project root). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const correctionsDatabaseUrl = env.CORRECTIONS_DATABASE_URL?.trim() || null;
  // The value is never echoed: it holds a password.
  if (correctionsDatabaseUrl !== null && !/^postgres(ql)?:\/\/./.test(correctionsDatabaseUrl)) throw new Error('CORRECTIONS_DATABASE_URL must start with postgres:// or postgresql://');
  const storeFile = resolve(env.STORE_FILE ?? 'var/store.sqlite');
  const correctionsFile = resolve(env.CORRECTIONS_FILE ?? 'var/corrections.sqlite');
  if (correctionsDatabaseUrl === null && correctionsFile === storeFile) throw new ConfigError('CORRECTIONS_FILE must not be the reference store (STORE_FILE): rebuilding that would lose suggestions');
  const production = env.NODE_ENV === 'production';
  return {
    port: wholeNumber(env, 'PORT', 4000, 0, 65535),
    production,
    explorer: explorerMode(env, production),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    storeFile,
    maxBodyBytes: wholeNumber(env, 'MAX_BODY_BYTES', 100_000, 1),
    responseCacheBytes: wholeNumber(env, 'RESPONSE_CACHE_MB', 64, 0, 1024 * 1024) * 1024 * 1024,
    responseCacheMinUses: wholeNumber(env, 'RESPONSE_CACHE_MIN_USES', 2, 1, 1000),
    entityCacheBytes: wholeNumber(env, 'ENTITY_CACHE_MB', 32, 0, 1024 * 1024) * 1024 * 1024,
    heldRows: wholeNumber(env, 'STORE_HELD_ROWS', 150_000, 0),
    fastPath: wholeNumber(env, 'FAST_PATH', 1, 0, 1) === 1,
    correctionsFile,
    correctionsDatabaseUrl,
    adminTokenHashes: env.ADMIN_TOKEN_SHA256,
    viewerTokenHashes: env.VIEWER_TOKEN_SHA256,
    suggestionsPerMinute: wholeNumber(env, 'SUGGESTIONS_PER_MINUTE', 20, 1),
    clientKeyHeader: env.CLIENT_KEY_HEADER?.trim().toLowerCase() || null,
  };
}
