/** The corrections store's SQL, and only here. Each function takes the Kysely instance it runs on. */
import { Kysely, sql } from 'kysely';
import type { CorrectionsDatabase, NewSuggestion, SuggestionRow, SuggestionStatus } from './database';

export type CorrectionsDb = Kysely<CorrectionsDatabase>;

/**
 * Stores a suggestion unless one with its idempotency key exists; either way returns the stored row. The UNIQUE
 * key decides, so concurrent retries (even from other processes on the same file) end with one row. The
 * statement has committed when this returns.
 */
export async function insertSuggestion(db: CorrectionsDb, suggestion: NewSuggestion): Promise<{ row: SuggestionRow; created: boolean }> {
  const inserted = await db
    .insertInto('suggestion')
    .values(suggestion)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted !== undefined) return { row: inserted, created: true };
  const existing = await db.selectFrom('suggestion').selectAll().where('idempotency_key', '=', suggestion.idempotency_key).executeTakeFirstOrThrow();
  return { row: existing, created: false };
}

export interface SuggestionPageQuery {
  status: SuggestionStatus | null;
  /** Rows to return; one more is read to tell whether there is a next page. */
  first: number;
  afterId: number | null;
}

/** Suggestions in the order they arrived, with the count of all that match the status filter. */
export async function suggestionPage(db: CorrectionsDb, q: SuggestionPageQuery): Promise<{ rows: SuggestionRow[]; totalCount: number }> {
  let filtered = db.selectFrom('suggestion');
  if (q.status !== null) filtered = filtered.where('status', '=', q.status);
  let page = filtered.selectAll().orderBy('id').limit(q.first + 1);
  if (q.afterId !== null) page = page.where('id', '>', q.afterId);
  const [rows, count] = await Promise.all([page.execute(), filtered.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow()]);
  return { rows, totalCount: count.n };
}

/**
 * The reviews of these suggestions, oldest first, the columns a resolver would only rename named as the schema's
 * fields (docs/performance.md, "Renaming resolvers").
 */
export function reviewsBySuggestion(db: CorrectionsDb, ids: readonly number[]) {
  return db
    .selectFrom('review')
    .select(['id', 'suggestion_id', 'reviewer', 'reviewed_at as reviewedAt', 'old_status as oldStatus', 'new_status as newStatus', 'note'])
    .where('suggestion_id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** A review as read for the schema (the CorrectionReview mapper in codegen.ts). */
export type ReviewFields = Awaited<ReturnType<typeof reviewsBySuggestion>>[number];

export interface ReviewAction {
  suggestionId: number;
  newStatus: SuggestionStatus;
  reviewer: string;
  /** ISO 8601 UTC. */
  at: string;
  note: string | null;
}

/**
 * Appends the review to the audit trail and sets the suggestion's status, in one transaction. Its first statement
 * locks the suggestion (SQLite: the write lock; PostgreSQL: the row), so two reviews of one suggestion at once
 * take turns and each audit row records the status the other left. Returns null when there is no such suggestion.
 */
export function reviewSuggestion(db: CorrectionsDb, action: ReviewAction): Promise<SuggestionRow | null> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('suggestion').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', action.suggestionId).execute();
    const audit = await trx
      .insertInto('review')
      .columns(['suggestion_id', 'reviewer', 'reviewed_at', 'old_status', 'new_status', 'note'])
      .expression(
        trx
          .selectFrom('suggestion')
          .select([
            'id',
            sql.val(action.reviewer).as('reviewer'),
            sql.val(action.at).as('reviewed_at'),
            'status',
            sql.val(action.newStatus).as('new_status'),
            sql.val(action.note).as('note'),
          ])
          .where('id', '=', action.suggestionId),
      )
      .returning('id')
      .executeTakeFirst();
    if (audit === undefined) return null;
    return trx
      .updateTable('suggestion')
      .set({ status: action.newStatus, updated_at: action.at })
      .where('id', '=', action.suggestionId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Takes one token from the client's bucket (`perMinute` tokens, refilled continuously) in one atomic upsert, so
 * replicas sharing the database count together. `now` is the caller's clock in ms. Returns whether a token was
 * taken and the tokens left.
 */
export async function takeRateToken(db: CorrectionsDb, clientKey: string, perMinute: number, now: number): Promise<{ allowed: boolean; tokens: number }> {
  const nowMs = sql<number>`cast(${now} as bigint)`;
  const cap = sql<number>`cast(${perMinute} as double precision)`;
  const grown = sql<number>`rate_bucket.tokens + (${nowMs} - rate_bucket.at) * cast(${perMinute / 60_000} as double precision)`;
  const refilled = sql<number>`(case when ${grown} > ${cap} then ${cap} else ${grown} end)`;
  const row = await db
    .insertInto('rate_bucket')
    .values({ client_key: clientKey, tokens: perMinute - 1, at: now, allowed: 1 })
    .onConflict((oc) =>
      oc.column('client_key').doUpdateSet({
        tokens: sql<number>`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
        at: nowMs,
        allowed: sql<number>`case when ${refilled} >= 1 then 1 else 0 end`,
      }),
    )
    .returning(['tokens', 'allowed'])
    .executeTakeFirstOrThrow();
  return { allowed: Number(row.allowed) === 1, tokens: Number(row.tokens) };
}

/** Forgets buckets that have been full again for a while (untouched for a minute): they are as good as new. */
export async function sweepRateBuckets(db: CorrectionsDb, now: number): Promise<void> {
  await db.deleteFrom('rate_bucket').where('at', '<', now - 60_000).execute();
}
