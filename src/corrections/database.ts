/**
 * The corrections store's tables: what users suggest and what administrators decided. A store of its own
 * (CORRECTIONS_FILE), separate from the read-only reference store, so rebuilding that never touches these rows.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** Where a suggestion is in review. */
export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

/**
 * What a suggestion says is wrong: a framework statement (by its id), one entry of a framework's anchor lists
 * (`<list>/<1-based position>`, e.g. `skills/3`), or a field of an occupation or of anything under it
 * (`<Type>.<field>`, e.g. `Occupation.title`).
 */
export type TargetKind = 'statement' | 'anchor' | 'field';

export interface SuggestionTable {
  id: Generated<number>;
  /** The O*NET-SOC code of the occupation the suggestion is about (a 2018 SOC code is stored resolved). */
  occupation_code: string;
  target_kind: TargetKind;
  target_id: string;
  suggested_text: string;
  /** An email address, or null where the user gave none. */
  contact: string | null;
  /** Chosen by the client; a retry with the same key gets the same suggestion back. */
  idempotency_key: string;
  /** Who sent it, as the rate limit keys clients (an IP address or a trusted client header). */
  client_key: string;
  status: SuggestionStatus;
  /** ISO 8601 UTC, e.g. `2025-06-01T12:00:00.000Z`. */
  created_at: string;
  /** When the status last changed (created_at until the first review). */
  updated_at: string;
}

/** One review action, appended and never changed: the audit trail. */
export interface ReviewTable {
  id: Generated<number>;
  suggestion_id: number;
  /** The reviewer's token label, or `sha256:` and the first 12 hex digits of its hash. */
  reviewer: string;
  /** ISO 8601 UTC. */
  reviewed_at: string;
  old_status: SuggestionStatus;
  new_status: SuggestionStatus;
  note: string | null;
}

/** A client's rate-limit token bucket, shared by every replica (PostgreSQL only: with SQLite it is in memory). */
export interface RateBucketTable {
  client_key: string;
  /** Suggestions left, fractional while refilling. */
  tokens: number;
  /** When `tokens` was computed, in ms since the epoch. */
  at: number;
  /** 1 if the last take got a token, else 0. */
  allowed: number;
}

export interface CorrectionsDatabase {
  suggestion: SuggestionTable;
  review: ReviewTable;
  rate_bucket: RateBucketTable;
}

export type SuggestionRow = Selectable<SuggestionTable>;
export type NewSuggestion = Insertable<SuggestionTable>;
export type ReviewRow = Selectable<ReviewTable>;
