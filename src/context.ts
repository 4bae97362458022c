/** The per-request context: a fresh set of loaders over a statement-counting view of the store. */
import { createLoaders, Loaders } from './loaders';
import { StatementCounter, Store } from './store/store';

export interface Context {
  store: Store;
  loaders: Loaders;
  /** How many SQL statements this request has run so far. */
  sqlStatements: StatementCounter;
}

export function createContext(store: Store): Context {
  const sqlStatements = new StatementCounter();
  const db = store.db.withPlugin(sqlStatements);
  return { store: { ...store, db }, loaders: createLoaders(db), sqlStatements };
}
