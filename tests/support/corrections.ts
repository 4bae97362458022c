/**
 * The corrections operations against the real reference store and a corrections store of their own (a SQLite file
 * in a temp dir, or a new PostgreSQL database in the `postgres` project), through `executeOperation` with the
 * headers a request would bring; plus tokens whose hashes the server is given.
 */
import assert from 'node:assert';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { type Context, createContext } from '../../src/context';
import { openCorrections, type CorrectionsService } from '../../src/corrections/service';
import { createServer } from '../../src/server';
import type { Store } from '../../src/store/store';
import { testStoreFile } from './paths';
import { newCorrectionsLocation, type CorrectionsLocation } from './postgres';
import { openTestStore } from './store';

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Two admin tokens (one labelled) and a viewer token, as an operator would make them, with their hashes. */
export function makeTokens() {
  const token = () => randomBytes(32).toString('base64url');
  const tokens = { admin: token(), alice: token(), viewer: token() };
  return {
    ...tokens,
    env: {
      ADMIN_TOKEN_SHA256: `${sha256Hex(tokens.admin)}, alice:${sha256Hex(tokens.alice)}`,
      VIEWER_TOKEN_SHA256: sha256Hex(tokens.viewer),
    },
  };
}

export const SUGGEST = /* GraphQL */ `
  mutation Suggest($input: SuggestCorrectionInput!) {
    suggestCorrection(input: $input) { id status createdAt }
  }
`;

export const LIST = /* GraphQL */ `
  query List($status: CorrectionStatus, $first: Int, $after: String) {
    corrections(status: $status, first: $first, after: $after) {
      totalCount
      edges { cursor node { id occupationCode targetKind targetId suggestedText status createdAt updatedAt reviews { reviewer reviewedAt oldStatus newStatus note } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

export const REVIEW = /* GraphQL */ `
  mutation Review($id: ID!, $decision: ReviewDecision!, $note: String) {
    reviewCorrection(id: $id, decision: $decision, note: $note) { id status updatedAt reviews { reviewer oldStatus newStatus note reviewedAt } }
  }
`;

/** A valid suggestion about Legal Secretaries' title, with a fresh idempotency key; override what a test needs. */
export function suggestion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occupationCode: '43-6012.00',
    targetKind: 'FIELD',
    targetId: 'Occupation.title',
    suggestedText: 'Legal Secretaries and Legal Administrative Assistants',
    contact: 'hr@example.com',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export interface RequestHeaders {
  authorization?: string;
  clientKey?: string;
}

export interface CorrectionsHarness {
  dir: string;
  /** Where the corrections are, to reopen them (with `location`) or start a server process on them. */
  location: CorrectionsLocation;
  service: CorrectionsService;
  store: Store;
  server: ApolloServer<Context>;
  tokens: ReturnType<typeof makeTokens>;
  bearer(token: string): string;
  run<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: RequestHeaders,
  ): Promise<FormattedExecutionResult<TData> & { status: number | undefined; headers: Map<string, string> }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  suggestionsPerMinute?: number;
  now?: () => number;
  production?: boolean;
  /** The reference store; the real test store by default. */
  storeFile?: string;
  /** An existing corrections store to reopen (kept by stop()); a new one by default (dropped by stop()). */
  location?: CorrectionsLocation;
  /** The tokens of the store being reopened. */
  tokens?: ReturnType<typeof makeTokens>;
}

/**
 * The reference store and the server a harness reads through. Both only read (the corrections service comes with
 * each request's context), so every harness of a test file on the real store shares one of each per `production`,
 * closed after the file; a harness on another store file (which a test may rebuild) opens its own.
 */
const sharedReadSides = new Map<boolean, Promise<{ store: Store; server: ApolloServer<Context> }>>();
afterAll(async () => {
  const sides = await Promise.all(sharedReadSides.values());
  sharedReadSides.clear();
  for (const { store, server } of sides) {
    await server.stop();
    await store.close();
  }
});

async function openReadSide(storeFile: string, production: boolean) {
  const store = await openTestStore(storeFile);
  const server = createServer({ production });
  await server.start();
  return { store, server };
}

async function readSide(storeFile: string, production: boolean) {
  if (storeFile !== testStoreFile) return { ...(await openReadSide(storeFile, production)), shared: false };
  let side = sharedReadSides.get(production);
  if (side === undefined) sharedReadSides.set(production, (side = openReadSide(storeFile, production)));
  return { ...(await side), shared: true };
}

export async function startCorrections({
  suggestionsPerMinute = 1000,
  now,
  production = false,
  storeFile = testStoreFile,
  location: given,
  tokens = makeTokens(),
}: HarnessOptions = {}): Promise<CorrectionsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
  const location = given ?? (await newCorrectionsLocation(dir));
  const service = await openCorrections({
    ...location.options,
    adminTokenHashes: tokens.env.ADMIN_TOKEN_SHA256,
    viewerTokenHashes: tokens.env.VIEWER_TOKEN_SHA256,
    suggestionsPerMinute,
    ...(now ? { now } : {}),
  });
  const { store, server, shared } = await readSide(storeFile, production);
  return {
    dir,
    location,
    service,
    store,
    server,
    tokens,
    bearer: (token) => `Bearer ${token}`,
    async run<TData>(query: string, variables?: Record<string, unknown>, headers: RequestHeaders = {}) {
      const contextValue = createContext(store, { service, authorization: headers.authorization, clientKey: headers.clientKey ?? '127.0.0.1' });
      const response = await server.executeOperation<TData>({ query, variables }, { contextValue });
      assert(response.body.kind === 'single');
      return { ...response.body.singleResult, status: response.http.status, headers: new Map(response.http.headers) };
    },
    async stop() {
      if (!shared) {
        await server.stop();
        await store.close();
      }
      await service.store.close();
      if (given === undefined) await location.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
