/**
 * Who may read and review suggestions: bearer tokens, known to the server only by their SHA-256 hashes
 * (ADMIN_TOKEN_SHA256, VIEWER_TOKEN_SHA256). A presented token is hashed and compared with every configured hash
 * in constant time, so neither the comparison nor the number of hashes checked depends on how close it came.
 * Tokens themselves are never stored, logged or echoed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** `viewer` lists suggestions (contacts hidden); `admin` also reads contacts and reviews. */
export type Role = 'viewer' | 'admin';

export interface Principal {
  role: Role;
  /** Who the audit trail records: the token's label, or `sha256:` and the first 12 hex digits of its hash. */
  name: string;
}

interface TokenEntry extends Principal {
  hash: Buffer;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Parses a comma-separated list of `<64 hex digits>` or `<label>:<64 hex digits>` entries. Throws naming the
 * variable and the entry's position, never its value.
 */
function parseEntries(variable: string, value: string | undefined, role: Role): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const parts = (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
  parts.forEach((part, index) => {
    const colon = part.lastIndexOf(':');
    const label = colon === -1 ? '' : part.slice(0, colon).trim();
    const hex = (colon === -1 ? part : part.slice(colon + 1)).trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new Error(`${variable} entry ${index + 1} is not a SHA-256 hash (64 hex digits, optionally after "label:")`);
    }
    if (!/^[\w.@-]{0,64}$/.test(label)) throw new Error(`${variable} entry ${index + 1} has a label with characters other than letters, digits, _ . @ -`);
    entries.push({ role, hash: Buffer.from(hex, 'hex'), name: label || `sha256:${hex.slice(0, 12)}` });
  });
  return entries;
}

export class AccessTokens {
  private readonly entries: TokenEntry[];

  constructor({ admin, viewer }: { admin?: string | undefined; viewer?: string | undefined }) {
    this.entries = [...parseEntries('ADMIN_TOKEN_SHA256', admin, 'admin'), ...parseEntries('VIEWER_TOKEN_SHA256', viewer, 'viewer')];
  }

  /** How many tokens are configured (none: nobody can read or review suggestions). */
  get size(): number {
    return this.entries.length;
  }

  /** The principal an `Authorization: Bearer <token>` header names, or null when it is absent, malformed or unknown. */
  authenticate(authorization: string | undefined): Principal | null {
    const token = /^Bearer +([\x21-\x7e]+) *$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return null;
    const presented = sha256(token);
    let match: TokenEntry | null = null;
    for (const entry of this.entries) {
      // Every entry is compared, a match or not; the first match wins.
      if (timingSafeEqual(presented, entry.hash) && match === null) match = entry;
    }
    return match === null ? null : { role: match.role, name: match.name };
  }
}
