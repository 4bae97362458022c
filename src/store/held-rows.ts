/**
 * Rows the served store keeps in memory for its life, so that a request for data an earlier request read runs no
 * SQL: the loaders (src/loaders) hold each key's rows here after reading them. The store is read-only and a new
 * build is a new store (and a new process), so what is held never goes stale. Bounded by the number of rows held
 * (a single row, or a key with no rows, counts as one); the least recently used keys go first. A bound of 0 holds
 * nothing. What it costs in memory is measured in docs/performance.md.
 *
 * Recency is kept the CLOCK way: a read only marks its entry; when rows must go, marked entries from the oldest
 * end get a second chance (unmarked and moved to the newest end) and the first unmarked one is dropped. A read
 * then costs one Map lookup, not a delete and a re-insert.
 *
 * SQLite hands every row its own copy of each text value, and held rows repeat a few values many times (dates,
 * releases, scale names, element names, commodity titles): short texts of held rows are replaced by one shared
 * copy, which roughly halves what the rows take.
 *
 * Held rows are also rebuilt as plain objects. On Node 22 and later, better-sqlite3 12 makes each row with V8's
 * `Object::New(isolate, prototype, names, values, count)`, which gives a dictionary-mode object: far more memory
 * than the same row built a property at a time, and every row a shape of its own. Rebuilt, the rows of a query
 * share one hidden class (docs/performance.md, issue 24).
 */

/** Texts up to this length are shared; longer ones (task statements) rarely repeat. */
const SHARED_TEXT_MAX = 80;
/** The shared texts are forgotten (not the rows) past this many, so they stay bounded too. */
const SHARED_TEXTS_MAX = 200_000;
export interface Held {
  value: unknown;
  weight: number;
  /** Read since the eviction sweep last passed it. */
  used: boolean;
}

export class HeldRows {
  private readonly entries = new Map<string, Held>();
  private readonly texts = new Map<string, string>();
  private held = 0;

  constructor(readonly maxRows: number) {}

  get enabled(): boolean {
    return this.maxRows > 0;
  }

  /** How many rows are held now. */
  get rows(): number {
    return this.held;
  }

  /** The entry held for `key` (its value may be null: a key known to have no row), or undefined. */
  get(key: string): Held | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.used = true;
    return entry;
  }

  set(key: string, value: unknown, weight: number): void {
    if (weight > this.maxRows) return;
    value = Array.isArray(value) ? value.map((row: unknown) => this.compact(row)) : this.compact(value);
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.held -= old.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight, used: false });
    this.held += weight;
    // Map keeps insertion order: the first entry is the oldest.
    while (this.held > this.maxRows) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Held];
      this.entries.delete(oldest);
      if (entry.used) {
        entry.used = false;
        this.entries.set(oldest, entry);
      } else this.held -= entry.weight;
    }
  }

  /** A plain object with the row's fields, short texts replaced by their shared copies; anything but a plain object as it is. */
  private compact(row: unknown): unknown {
    if (row === null || typeof row !== 'object' || Object.getPrototypeOf(row) !== Object.prototype) return row;
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row)) copy[name] = typeof value === 'string' && value.length <= SHARED_TEXT_MAX ? this.shared(value) : value;
    return copy;
  }

  private shared(text: string): string {
    const shared = this.texts.get(text);
    if (shared !== undefined) return shared;
    if (this.texts.size >= SHARED_TEXTS_MAX) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }
}
