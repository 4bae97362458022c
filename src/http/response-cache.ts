/**
 * A whole-response cache in front of Apollo Server. Every answer here changes only with a new store build, so a
 * repeated query can be answered with the bytes already sent, skipping parsing, validation, execution and
 * serialisation. The key is everything that can change the answer: the request's method, query string and
 * body (query text, variables, operation name, extensions) and the headers Apollo reads (content type and CSRF
 * headers, accept, the federated-trace header). One cache serves one store for the life of the process, so keys
 * need no store prefix. It is bounded in bytes and evicts the least recently used entry.
 *
 * An answer is stored only once its request has been seen `minUses` times (as nginx's proxy_cache_min_uses), so
 * the router's `_entities` batches, which are never alike, do not fill memory with answers nobody asks for again.
 * Requests seen fewer times are remembered by a SHA-256 of their key, a bounded number of them, oldest forgotten first.
 *
 * Only answers whose Cache-Control is public are stored (never mutations or errors: see cache-policy.ts), and never
 * answers to requests that carry credentials.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface CachedResponse {
  status: number;
  /** The response headers Apollo produced, without per-request ones. */
  headers: Record<string, string>;
  body: Buffer;
  /** A strong validator for If-None-Match: a hash of the body. */
  etag: string;
  operationName: string | null;
}

/** Headers that change what Apollo answers (or whether it answers at all), so they are part of the key. */
const KEY_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollo-federation-include-trace'] as const;

/** Requests with credentials are answered per caller (e.g. admin corrections); they never touch the cache. */
export function hasCredentials(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || headers.cookie !== undefined;
}

export function cacheKey(method: string, search: string, headers: IncomingHttpHeaders, body: string): string {
  let key = `${method}\n${search}`;
  for (const name of KEY_HEADERS) key += `\n${headers[name] ?? ''}`;
  return `${key}\n${body}`;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** How many keys seen too few times are remembered for each MB of cache (at least 1,024 in all). */
const SIGHTINGS_PER_MB = 64;

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  /** Digests of keys answered but not yet stored, with how many times each was answered. */
  private readonly sightings = new Map<string, number>();
  private readonly maxSightings: number;

  /** `maxBytes` 0 turns the cache off; `minUses` is how many times a request is answered before its answer is stored. */
  constructor(
    readonly maxBytes: number,
    readonly minUses = 1,
  ) {
    this.maxSightings = Math.max(1024, Math.ceil((maxBytes / (1024 * 1024)) * SIGHTINGS_PER_MB));
  }

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      // Most recently used goes last; eviction takes from the front.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Stores an answer if it fits and its request has now been answered `minUses` times; returns whether it was stored. */
  set(key: string, entry: CachedResponse): boolean {
    const size = costOf(key, entry);
    // One answer may not take more than an eighth of the cache, so a few huge pages cannot flush everything else.
    if (!this.enabled || size > this.maxBytes / 8 || !this.seenEnough(key)) return false;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.bytes -= costOf(key, previous);
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= costOf(oldest, value);
    }
    return true;
  }

  /** Counts one more answer to this key; true once it reaches `minUses`. */
  private seenEnough(key: string): boolean {
    if (this.minUses <= 1) return true;
    const digest = createHash('sha256').update(key).digest('base64');
    const uses = (this.sightings.get(digest) ?? 0) + 1;
    this.sightings.delete(digest);
    if (uses >= this.minUses) return true;
    this.sightings.set(digest, uses);
    if (this.sightings.size > this.maxSightings) this.sightings.delete(this.sightings.keys().next().value!);
    return false;
  }
}

/** Bytes an entry holds: its body and key (two bytes a character), plus a little for headers and the map. */
function costOf(key: string, entry: CachedResponse): number {
  return entry.body.length + 2 * key.length + 512;
}

/** Answers from a cached response: 304 when the client already holds these bytes, else the bytes. Returns the status. */
export function sendCached(res: ServerResponse, req: IncomingMessage, entry: CachedResponse, requestId: string, extra: Record<string, string> = {}): number {
  if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, { etag: entry.etag, 'cache-control': entry.headers['cache-control'] ?? '', 'x-request-id': requestId });
    res.end();
    return 304;
  }
  res.writeHead(entry.status, { ...entry.headers, ...extra, 'content-length': String(entry.body.length), 'x-request-id': requestId });
  res.end(entry.body);
  return entry.status;
}

/** A complete 200 answer whose Cache-Control is public, as a cache entry with its ETag; undefined for anything else. */
export function cacheableEntry(status: number, headers: Record<string, string>, body: string, operationName: string | null): CachedResponse | undefined {
  if (status !== 200 || !/\bpublic\b/.test(headers['cache-control'] ?? '')) return undefined;
  return responseEntry(status, headers, body, operationName);
}

/** An answer with its ETag, as the cache holds it and sendCached sends it (also fixed answers: explorer files, page assets). */
export function responseEntry(status: number, headers: Record<string, string>, body: string, operationName: string | null): CachedResponse {
  const { 'x-request-id': _, ...stored } = headers;
  const bytes = Buffer.from(body);
  const etag = etagOf(bytes);
  return { status, headers: { ...stored, etag }, body: bytes, etag, operationName };
}
