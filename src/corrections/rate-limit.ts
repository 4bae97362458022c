/**
 * Suggestions per client per minute, as a token bucket per client key, in this process's memory. Each replica
 * limits on its own: behind a load balancer over N replicas a client can get up to N times the limit through.
 */
import type { IncomingMessage } from 'node:http';

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private sweepAt = 10_000;

  /** `perMinute` suggestions a minute, in bursts of up to `perMinute`; `now` is the clock in ms (tests pass their own). */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`SUGGESTIONS_PER_MINUTE must be a positive whole number, got ${perMinute}`);
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
    // Whole ms first, so float noise (1000.0000001 ms) does not round a second up.
    return Math.max(1, Math.ceil(Math.round((1 - tokens) / this.perMs) / 1000));
  }

  /** Forgets clients whose allowance is full again (they are as good as new); keeps the map bounded by active clients. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    this.sweepAt = Math.max(10_000, this.buckets.size * 2);
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
