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
 *
 * An entry keeps the compressed copies made of it (send.ts makes each on first use), and they count against the
 * bound: Accept-Encoding is not part of the key, one entry serves every coding.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isPublic } from '../cache-policy';
import { etagOf, type Answer } from './send';

/** A stored answer: its headers are the ones Apollo produced, without per-request ones. */
export interface CachedResponse extends Answer {
  /** A strong validator for If-None-Match: a hash of the uncompressed body. */
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

/** How many keys seen too few times are remembered for each MB of cache (at least 1,024 in all). */
const SIGHTINGS_PER_MB = 64;

/**
 * A key's length, beginning and end: what a lookup hashes. A key is as long as its request's body (1,362 characters
 * for the full framework), and V8 hashes a new string afresh at every lookup, ~3.3 µs of a hit's ~60; through the
 * fingerprint and an equality check against the stored key (whose hash V8 keeps), ~1.4 µs (docs/performance.md,
 * "The cache-hit path").
 */
function fingerprintOf(key: string): string {
  return `${key.length}\n${key.slice(0, 96)}\n${key.slice(-64)}`;
}

/** Keys stored under one fingerprint at most: keys made alike on purpose cannot make a lookup scan many. */
const MAX_KEYS_PER_FINGERPRINT = 8;

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  /** The keys of `entries` by their fingerprint. */
  private readonly keysByFingerprint = new Map<string, string[]>();
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
    const stored = this.keysByFingerprint.get(fingerprintOf(key))?.find((candidate) => candidate === key);
    if (stored === undefined) return undefined;
    const entry = this.entries.get(stored)!;
    // Most recently used goes last; eviction takes from the front.
    this.entries.delete(stored);
    this.entries.set(stored, entry);
    return entry;
  }

  /** Stores an answer if it fits and its request has now been answered `minUses` times; returns whether it was stored. */
  set(key: string, entry: CachedResponse): boolean {
    const size = costOf(key, entry);
    // One answer may not take more than an eighth of the cache, so a few huge pages cannot flush everything else.
    if (!this.enabled || size > this.maxBytes / 8 || !this.seenEnough(key)) return false;
    const previous = this.entries.get(key);
    if (previous !== undefined) this.remove(key, previous);
    const fingerprint = fingerprintOf(key);
    const keys = this.keysByFingerprint.get(fingerprint) ?? [];
    if (keys.length >= MAX_KEYS_PER_FINGERPRINT) return false;
    this.keysByFingerprint.set(fingerprint, [...keys, key]);
    this.entries.set(key, entry);
    this.bytes += size;
    entry.onCopied = (bytes) => {
      if (this.entries.get(key) !== entry) return;
      this.bytes += bytes;
      this.evictToBound();
    };
    this.evictToBound();
    return true;
  }

  private evictToBound(): void {
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, value);
    }
  }

  private remove(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    const fingerprint = fingerprintOf(key);
    const keys = this.keysByFingerprint.get(fingerprint)?.filter((stored) => stored !== key) ?? [];
    if (keys.length === 0) this.keysByFingerprint.delete(fingerprint);
    else this.keysByFingerprint.set(fingerprint, keys);
    this.bytes -= costOf(key, entry);
    entry.onCopied = undefined;
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

/** Bytes an entry holds: its body, its compressed copies and key (two bytes a character), plus a little for headers and the map. */
function costOf(key: string, entry: CachedResponse): number {
  return entry.body.length + (entry.copiedBytes ?? 0) + 2 * key.length + 512;
}

/** A complete 200 answer whose Cache-Control is public, as a cache entry with its ETag; undefined for anything else. */
export function cacheableEntry(status: number, headers: Record<string, string>, body: string, operationName: string | null): CachedResponse | undefined {
  if (status !== 200 || !isPublic(headers['cache-control'])) return undefined;
  return responseEntry(status, headers, body, operationName);
}

/** An answer with its ETag, as the cache holds it and send.ts sends it (also fixed answers: explorer files, page assets). */
export function responseEntry(status: number, headers: Record<string, string>, body: string, operationName: string | null): CachedResponse {
  const { 'x-request-id': _, ...stored } = headers;
  const bytes = Buffer.from(body);
  return { status, headers: stored, body: bytes, etag: etagOf(bytes), operationName };
}
