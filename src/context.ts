/** The per-request context: a fresh set of loaders over a statement-counting view of the store. */
import { type CorrectionsContext, type CorrectionsRequest, correctionsContext } from './corrections/service';
import { createLoaders, Loaders } from './loaders';
import { StatementCounter, Store } from './store/store';

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
