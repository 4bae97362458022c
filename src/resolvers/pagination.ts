/** Relay connections: page-size limits, opaque cursors, pages the store read by key, and slicing a parent's rows into a page. */
import { badUserInput, quoted } from '../errors';

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function checkFirst(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = 20): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badUserInput('first', `Argument "first" must be between 0 and ${max}; got ${String(first)}.`);
  }
  return value;
}

export function encodeCursor(kind: string, key: string | number): string {
  return Buffer.from(`${kind}:${key}`).toString('base64url');
}

/** Returns the key inside a cursor made by `encodeCursor(kind, …)`, or throws BAD_USER_INPUT naming `after`. */
export function decodeCursor(kind: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(`${kind}:`) || encodeCursor(kind, decoded.slice(kind.length + 1)) !== cursor) {
    throw badUserInput('after', `Argument "after" is not a cursor from this list; got ${quoted(cursor)}.`);
  }
  return decoded.slice(kind.length + 1);
}

/** Returns the id inside a cursor made by `encodeCursor(kind, id)`, or throws BAD_USER_INPUT naming `after`. */
export function decodeIdCursor(kind: string, cursor: string): number {
  const id = Number(decodeCursor(kind, cursor));
  if (!Number.isSafeInteger(id)) throw badUserInput('after', `Argument "after" is not a cursor from this list; got ${quoted(cursor)}.`);
  return id;
}

/** A cursor of a list in the order of a figure: the last item's figure (null where it has none) and its code. */
export function encodeFigureCursor(kind: string, value: number | null, code: string): string {
  return encodeCursor(kind, JSON.stringify([value, code]));
}

/** The figure and code inside a cursor made by `encodeFigureCursor(kind, …)`, or BAD_USER_INPUT naming `after`. */
export function decodeFigureCursor(kind: string, cursor: string): { value: number | null; code: string } {
  const key = decodeCursor(kind, cursor);
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !(parsed[0] === null || typeof parsed[0] === 'number') || typeof parsed[1] !== 'string') {
    throw badUserInput('after', `Argument "after" is not a cursor from this list; got ${quoted(cursor)}.`);
  }
  return { value: parsed[0] as number | null, code: parsed[1] };
}

/**
 * The page of a list the store reads by key (keyset paging): `rows` are up to `first + 1` rows in key order after
 * the `after` cursor's key, or from the start; the row past `first` only tells that a next page exists.
 */
export function keysetConnection<T>(
  rows: readonly T[],
  totalCount: number,
  first: number,
  afterGiven: boolean,
  cursorOf: (row: T) => string,
): Page<T> {
  return connection(rows.slice(0, first), totalCount, afterGiven, rows.length > first, cursorOf);
}

/** Pages through rows already in order, keyed by `keyOf`; `after` is a cursor of the same kind. */
export function pageOf<T>(
  rows: readonly T[],
  kind: string,
  keyOf: (row: T) => string | number,
  first: number | null | undefined,
  after: string | null | undefined,
): Page<T> {
  const size = checkFirst(first);
  let start = 0;
  if (after != null) {
    const afterKey = decodeCursor(kind, after);
    start = rows.findIndex((row) => String(keyOf(row)) === afterKey) + 1;
    if (start === 0) throw badUserInput('after', `Argument "after" points at nothing in this list; got ${quoted(after)}.`);
  }
  const slice = rows.slice(start, start + size);
  return connection(slice, rows.length, start > 0, start + size < rows.length, (row) => encodeCursor(kind, keyOf(row)));
}

/** An edge whose cursor is encoded only if it is asked for (a router's enrichment rarely asks). */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (node: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

function connection<T>(
  nodes: readonly T[],
  totalCount: number,
  hasPreviousPage: boolean,
  hasNextPage: boolean,
  cursorOf: (node: T) => string,
): Page<T> {
  const edges = nodes.map((node) => new Edge(node, cursorOf));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}
