/**
 * Suggested corrections: anyone suggests (rate-limited, checked, stored before the answer), holders of a
 * viewer or admin token list them, admins review them. The answer to a suggestion carries only its id, status
 * and time: nothing a user sent can be read back without a token.
 */
import type { MutationResolvers, QueryResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { Context, CorrectionsContext } from '../context';
import type { Principal, Role } from '../corrections/auth';
import { insertSuggestion, reviewSuggestion, suggestionPage } from '../corrections/queries';
import { CorrectionsUnavailable } from '../corrections/store';
import { badUserInput, forbidden, quoted, rateLimited, serviceUnavailable, unauthenticated } from '../errors';
import { checkSuggestion, checkText, MAX_TEXT_LENGTH, sameSuggestion } from './correction-input';
import { checkFirst, decodeIdCursor, encodeCursor, keysetConnection } from './pagination';

function correctionsOf(context: Context): CorrectionsContext {
  if (context.corrections === undefined) throw new Error('this server was started without a corrections store');
  return context.corrections;
}

/** Runs `work`, turning an unreachable corrections database into SERVICE_UNAVAILABLE (503, Retry-After). */
async function orUnavailable<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CorrectionsUnavailable) throw serviceUnavailable(error.message, error.retryAfterSeconds);
    throw error;
  }
}

/** Who the caller is, once their token holds `role` (admin covers viewer); UNAUTHENTICATED or FORBIDDEN otherwise. */
function requireRole(context: Context, role: Role): Principal {
  const principal = correctionsOf(context).principal();
  if (principal === null) throw unauthenticated('Suggested corrections are for reviewers: send `Authorization: Bearer <token>` with a valid token.');
  if (role === 'admin' && principal.role !== 'admin') throw forbidden('This needs the admin role; the token given has the viewer role.');
  return principal;
}

export const correctionsQuery: QueryResolvers = {
  corrections: async (_, { status, first, after }, context) => {
    requireRole(context, 'viewer');
    const { service } = correctionsOf(context);
    const size = checkFirst(first);
    const afterId = after == null ? null : decodeIdCursor('correction', after);
    const page = { status: status ?? null, first: size, afterId };
    const { rows, totalCount } = await orUnavailable(() => service.store.use((db) => suggestionPage(db, page)));
    return keysetConnection(rows, totalCount, size, afterId !== null, (s) => encodeCursor('correction', s.id));
  },
};

export const Mutation: MutationResolvers = {
  suggestCorrection: async (_, { input }, context, info) => {
    const { service, clientKey } = correctionsOf(context);
    const retryAfterSeconds = await orUnavailable(() => service.limiter.take(clientKey));
    if (retryAfterSeconds > 0) throw rateLimited(retryAfterSeconds);
    const checked = await checkSuggestion(input, context, info.schema);
    const now = new Date().toISOString();
    const suggestion = { ...checked, client_key: clientKey, status: 'pending' as const, created_at: now, updated_at: now };
    const { row, created } = await orUnavailable(() => service.store.use((db) => insertSuggestion(db, suggestion)));
    if (!created && !sameSuggestion(row, checked)) {
      throw badUserInput(
        'input.idempotencyKey',
        'Argument "input.idempotencyKey" was already used for a different suggestion; make a new key for each suggestion.',
      );
    }
    return row;
  },

  reviewCorrection: async (_, { id, decision, note }, context) => {
    const reviewer = requireRole(context, 'admin').name;
    const { service } = correctionsOf(context);
    const suggestionId = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
    if (suggestionId === null) throw badUserInput('id', `Argument "id" is not a suggestion id; got ${quoted(id)}.`);
    const checkedNote = note == null ? null : checkText('note', note, MAX_TEXT_LENGTH).trim() || null;
    const action = { suggestionId, newStatus: decision, reviewer, at: new Date().toISOString(), note: checkedNote };
    const row = await orUnavailable(() => service.store.use((db) => reviewSuggestion(db, action)));
    if (row === null) throw badUserInput('id', `Argument "id" names no suggestion; got ${quoted(id)}.`);
    return row;
  },
};

export const correctionsResolvers: Resolvers = {
  SuggestCorrectionPayload: {
    id: (s) => String(s.id),
    createdAt: (s) => s.created_at,
  },
  Correction: {
    id: (s) => String(s.id),
    occupationCode: (s) => s.occupation_code,
    targetKind: (s) => s.target_kind,
    targetId: (s) => s.target_id,
    suggestedText: (s) => s.suggested_text,
    contact: (s, _, context) => {
      requireRole(context, 'admin');
      return s.contact;
    },
    createdAt: (s) => s.created_at,
    updatedAt: (s) => s.updated_at,
    reviews: (s, _, context) => orUnavailable(() => correctionsOf(context).reviewsBySuggestion.load(s.id)),
  },
  // CorrectionReview's fields are the review's columns, read with the schema's names (corrections/queries.ts).
};
