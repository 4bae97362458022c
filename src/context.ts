/**
 * The per-request context: a fresh set of loaders over a statement-counting view of the store, and, where the
 * server has a corrections store, the caller's credentials, client key and a fresh loader over that store.
 */
import type DataLoader from 'dataloader';
import type { Principal } from './corrections/auth';
import { type ReviewFields, reviewsBySuggestion } from './corrections/queries';
import type { CorrectionsService } from './corrections/service';
import { createLoaders, groupedLoader, Loaders } from './loaders';
import { StatementCounter, Store } from './store/store';

/** What one request brings: the server's corrections, the caller's Authorization header and client key. */
export interface CorrectionsRequest {
  service: CorrectionsService;
  authorization: string | undefined;
  clientKey: string;
}

export interface CorrectionsContext extends CorrectionsRequest {
  /** Who the Authorization header names, or null (absent, malformed or unknown token); worked out once per request. */
  principal(): Principal | null;
  reviewsBySuggestion: DataLoader<number, ReviewFields[]>;
}

/** Per request: the caller's principal, worked out on first use, and a fresh loader over the corrections store. */
function correctionsContext(request: CorrectionsRequest): CorrectionsContext {
  const { store } = request.service;
  let principal: Principal | null | undefined;
  return {
    ...request,
    principal: () => (principal === undefined ? (principal = request.service.tokens.authenticate(request.authorization)) : principal),
    reviewsBySuggestion: groupedLoader((ids: readonly number[]) => store.use((db) => reviewsBySuggestion(db, ids)), (r) => r.suggestion_id),
  };
}

export interface Context {
  store: Store;
  loaders: Loaders;
  /** How many SQL statements this request has run so far. */
  sqlStatements: StatementCounter;
  /** Suggested corrections, with the caller's credentials and client key; absent where the server has no corrections store. */
  corrections?: CorrectionsContext;
}

export function createContext(store: Store, corrections?: CorrectionsRequest): Context {
  const sqlStatements = new StatementCounter();
  const db = store.db.withPlugin(sqlStatements);
  return { store: { ...store, db }, loaders: createLoaders(db, store.held), sqlStatements, ...(corrections && { corrections: correctionsContext(corrections) }) };
}
