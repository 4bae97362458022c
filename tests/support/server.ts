/** Runs operations against the real store through `executeOperation`, counting SQL statements. */
import assert from 'node:assert';
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { type Context, createContext } from '../../src/context';
import { createServer } from '../../src/server';
import type { Store } from '../../src/store/store';
import { testStoreFile } from './paths';
import { openTestStore } from './store';

export interface TestServer {
  store: Store;
  server: ApolloServer<Context>;
  run<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<FormattedExecutionResult<TData> & { sqlStatements: number }>;
  stop(): Promise<void>;
}

/**
 * `storeFile` defaults to the real store; tests that need other data pass a fixture store they built. `heldRows`
 * (default 0: every batch reads the store) lets the loaders hold rows for the life of the store, as the server does.
 */
export async function startTestServer({ production = false, storeFile = testStoreFile, heldRows = 0 } = {}): Promise<TestServer> {
  const store = await openTestStore(storeFile, heldRows);
  const server = createServer({ production });
  await server.start();
  return {
    store,
    server,
    async run<TData>(query: string, variables?: Record<string, unknown>) {
      const contextValue = createContext(store);
      const response = await server.executeOperation<TData>({ query, variables }, { contextValue });
      assert(response.body.kind === 'single');
      return { ...response.body.singleResult, sqlStatements: contextValue.sqlStatements.count };
    },
    async stop() {
      await server.stop();
      await store.close();
    },
  };
}
