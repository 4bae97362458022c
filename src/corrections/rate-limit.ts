/**
 * Suggestions per client per minute, as a token bucket per client key. With SQLite the buckets are in this
 * process's memory and each replica limits on its own: behind a load balancer over N replicas a client can get up
 * to N times the limit through. With PostgreSQL they are rows every replica takes from in one atomic statement,
 * so the limit counts across replicas (the README says how exact that is).
 */
import type { IncomingMessage } from 'node:http';
import { sweepRateBuckets, takeRateToken } from './queries';
import type { CorrectionsStore } from './store';

/** Takes one suggestion from a client's allowance: 0 if allowed, else the whole seconds until one will be. */
export interface Limiter {
  readonly perMinute: number;
  take(key: string): number | Promise<number>;
}

/** Whole seconds until a bucket holding `tokens` has one again, at least 1. */
function secondsUntilOne(tokens: number, perMs: number): number {
  // Whole ms first, so float noise (1000.0000001 ms) does not round a second up.
  return Math.max(1, Math.ceil(Math.round((1 - tokens) / perMs) / 1000));
}

function checkPerMinute(perMinute: number): void {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`SUGGESTIONS_PER_MINUTE must be a positive whole number, got ${perMinute}`);
}

export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private sweepAt = 10_000;

  /** `perMinute` suggestions a minute, in bursts of up to `perMinute`; `now` is the clock in ms (tests pass their own). */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    checkPerMinute(perMinute);
    this.perMs = perMinute / 60_000;
  }

  /** Takes one suggestion from the client's allowance: 0 if allowed, else the whole seconds until one will be. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket === undefined ? this.perMinute : Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > this.sweepAt) this.sweep(now);
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return secondsUntilOne(tokens, this.perMs);
  }

  /** Forgets clients whose allowance is full again (they are as good as new); keeps the map bounded by active clients. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    this.sweepAt = Math.max(10_000, this.buckets.size * 2);
  }
}

/** The same token buckets in the corrections database, shared by every replica that uses it. */
export class SharedRateLimiter implements Limiter {
  private takes = 0;

  constructor(
    readonly perMinute: number,
    private readonly store: CorrectionsStore,
    private readonly now: () => number = Date.now,
  ) {
    checkPerMinute(perMinute);
  }

  async take(key: string): Promise<number> {
    const now = this.now();
    const { allowed, tokens } = await this.store.use((db) => takeRateToken(db, key, this.perMinute, now));
    this.takes += 1;
    // Every thousandth take (in each replica) clears out idle buckets; a failed sweep is retried next time.
    if (this.takes % 1000 === 0) void this.store.use((db) => sweepRateBuckets(db, now)).catch(() => {});
    return allowed ? 0 : secondsUntilOne(tokens, this.perMinute / 60_000);
  }
}

/**
 * The key a request is limited under: the first value of `header` when the server is told a trusted proxy sets
 * it (a router's client id, `x-forwarded-for`), else the connection's remote address. Without a trusted proxy the
 * header must stay unset: clients could send any value and escape the limit.
 */
export function clientKeyOf(req: IncomingMessage, header: string | null): string {
  const value = header === null ? undefined : req.headers[header];
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  if (first) return first.slice(0, 200);
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
