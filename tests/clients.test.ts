/**
 * Stock GraphQL clients with their default settings, against the development server over real HTTP: Apollo
 * Client's default `InMemoryCache` (no `typePolicies`) runs the README's queries one after another (occupations,
 * career moves, code translations, the change feed) and pages `occupations` and `releaseChanges` with `fetchMore`,
 * with no warning and complete cache reads; the README's `relayStylePagination` policy appends pages; urql (which sends queries as GET by default) and graphql-request (POST, and GET when
 * asked) get their answers. Each client sends its own Accept-Encoding and decompresses large answers transparently,
 * as does `curl --compressed` (the server records what each request asked for and what it sent).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache, gql, type ObservableQuery } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { negotiateCoding } from '../src/http/compression';
import { recordExchanges, serveHttp, type Exchange, type RunningHttp } from './support/http';
import { projectRoot } from './support/paths';

let running: RunningHttp;
let exchanges: Exchange[];
beforeAll(async () => {
  running = await serveHttp({ production: false });
  exchanges = recordExchanges(running.server);
});
afterAll(() => running.stop());

/** What reached the server during `run`, and the coding of each answer. */
async function exchangesDuring(run: () => Promise<void>): Promise<Exchange[]> {
  const from = exchanges.length;
  await run();
  return exchanges.slice(from);
}

/** Each answer went out in the coding the client's own Accept-Encoding picks for a large answer: compressed. */
function expectCompressed(seen: Exchange[]): void {
  expect(seen.length).toBeGreaterThan(0);
  for (const exchange of seen) {
    expect(exchange.acceptEncoding).toMatch(/gzip|br/);
    expect(exchange.contentEncoding).toBe(negotiateCoding(exchange.acceptEncoding, Number.MAX_SAFE_INTEGER));
  }
}

/** The README's operations by name, so the test runs exactly what the README shows. */
function readmeOperations(): Map<string, string> {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const operations = new Map<string, string>();
  for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const { definitions } = parse(block!);
    // A block's fragments go with each of its operations.
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    for (const definition of definitions) {
      const operation = definition as OperationDefinitionNode;
      if (operation.kind === Kind.OPERATION_DEFINITION && operation.name) {
        operations.set(operation.name.value, [operation, ...fragments].map((d) => print(d)).join('\n'));
      }
    }
  }
  return operations;
}

const readme = readmeOperations();
/** The variables the README gives its Legal Secretaries query. */
const LEGAL_SECRETARIES = { code: '43-6012.00' };
const readmeQuery = (name: string) => {
  const query = readme.get(name);
  if (query === undefined) throw new Error(`README has no operation ${name}`);
  return gql(query);
};

/** Everything Apollo Client says on the console while `run` runs: warnings such as "Cache data may be lost". */
async function consoleDuring(run: () => Promise<void>): Promise<unknown[][]> {
  const said: unknown[][] = [];
  const spies = (['warn', 'error', 'log', 'info', 'debug'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void said.push([level, ...args])),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return said;
}

/** The first complete result a watched query delivers. */
function firstComplete<T>(observable: ObservableQuery<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscription = observable.subscribe({
      next: (result) => {
        if (result.data && result.dataState === 'complete') {
          subscription.unsubscribe();
          resolve(result.data as T);
        }
      },
      error: reject,
    });
  });
}

const apollo = (cache = new InMemoryCache()) => new ApolloClient({ link: new HttpLink({ uri: running.url }), cache });

/**
 * Watches the README's query `name` on `client` and fetches the page after the first (at `endCursorOf` it): gives
 * the query, both pages as answered, and everything said on the console meanwhile.
 */
async function firstTwoPages<P>(client: ApolloClient, name: string, endCursorOf: (page: P) => string) {
  const query = readmeQuery(name);
  let first: P | undefined;
  let second: P | undefined;
  const said = await consoleDuring(async () => {
    const observable = client.watchQuery<P>({ query });
    first = await firstComplete(observable);
    second = (await observable.fetchMore({ variables: { after: endCursorOf(first) } })).data as P;
  });
  return { query, said, first: first!, second: second! };
}

/**
 * The README's query `name` and the page after its first, through a client with the default cache, checked for
 * what every paged query must give: nothing said on the console, and both pages in the cache, complete, each under
 * its own arguments.
 */
async function twoPagesWithDefaultCache<P>(name: string, endCursorOf: (page: P) => string): Promise<{ first: P; second: P }> {
  const client = apollo();
  const { query, said, first, second } = await firstTwoPages<P>(client, name, endCursorOf);
  expect(said).toEqual([]);
  expect(client.readQuery({ query })).toEqual(first);
  expect(client.readQuery({ query, variables: { after: endCursorOf(first) } })).toEqual(second);
  client.stop();
  return { first, second };
}

describe('Apollo Client with the default InMemoryCache', () => {
  test("the README's pay and demand queries: no warning, every cache read complete", async () => {
    const client = apollo();
    const queries = ['PayAndDemand', 'ChoosingOccupations', 'CareerMoves'].map(readmeQuery);
    const results: unknown[] = [];
    const said = await consoleDuring(async () => {
      for (const query of queries) results.push((await client.query({ query })).data);
    });
    expect(said).toEqual([]);
    queries.forEach((query, i) => expect(client.readQuery({ query })).toEqual(results[i]));
    expect(Object.keys(client.cache.extract() as Record<string, unknown>)).toEqual(
      expect.arrayContaining(['LaborMarket:43-6012.00/labor-market', 'WageChange:43-6012.00/comparison/23-2011.00/wage-change']),
    );
    client.stop();
  });

  test("the README's queries one after another, with different selections: no warning, every cache read complete", async () => {
    const client = apollo();
    const legal = readmeQuery('LegalSecretaries');
    const card = readmeQuery('OccupationCard');
    const results: Record<string, unknown> = {};
    let legalExchanges: Exchange[] = [];
    const said = await consoleDuring(async () => {
      legalExchanges = await exchangesDuring(async () => {
        results.legal = (await client.query({ query: legal, variables: LEGAL_SECRETARIES })).data;
      });
      // The same occupation, framework and levels again with fewer fields, by the 6-digit SOC code.
      results.card = (await client.query({ query: card, variables: { code: '43-6012' } })).data;
      results.legalCardCode = (await client.query({ query: card, variables: { code: '43-6012.00' } })).data;
      // Another occupation through the same fields.
      results.paralegal = (await client.query({ query: card, variables: { code: '23-2011.00' } })).data;
    });
    expect(said).toEqual([]);
    // The whole framework (~73 KB) came compressed, as fetch asked, and was decompressed by the client.
    expectCompressed(legalExchanges);
    const legalData = results.legal as { occupation: { code: string; framework: { levels: unknown[] } } };
    expect(legalData.occupation.code).toBe('43-6012.00');
    expect(legalData.occupation.framework.levels).toHaveLength(4);
    // Reading each query back from the cache alone gives all it asked for, although later queries selected less.
    expect(client.readQuery({ query: legal, variables: LEGAL_SECRETARIES })).toEqual(results.legal);
    expect(client.readQuery({ query: card, variables: { code: '43-6012' } })).toEqual(results.card);
    expect(client.readQuery({ query: card, variables: { code: '23-2011.00' } })).toEqual(results.paralegal);
    const cacheOnly = await client.query({ query: legal, variables: LEGAL_SECRETARIES, fetchPolicy: 'cache-only' });
    expect(cacheOnly.data).toEqual(results.legal);
    // One normalised entry per occupation, whichever code the query used.
    const extracted = client.cache.extract() as Record<string, unknown>;
    expect(Object.keys(extracted)).toEqual(expect.arrayContaining(['Occupation:43-6012.00', 'Framework:43-6012.00/framework', 'Occupation:23-2011.00']));
    client.stop();
  });

  test('fetchMore on occupations returns the next page, with no warning', async () => {
    type Page = { occupations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { code: string } }[] } };
    const { first, second } = await twoPagesWithDefaultCache<Page>('Occupations', (p) => p.occupations.pageInfo.endCursor);
    expect(first.occupations.edges).toHaveLength(20);
    expect(second.occupations.edges).toHaveLength(20);
    expect(second.occupations.edges[0]!.node.code > first.occupations.edges[19]!.node.code).toBe(true);
  });

  test("the README's career, crosswalk and change-feed queries after the occupation card: no warning, every cache read complete", async () => {
    const client = apollo();
    const card = readmeQuery('OccupationCard');
    const careers = readmeQuery('CareerMoves');
    const translate = readmeQuery('TranslateCode');
    const changes = readmeQuery('ReleaseChanges');
    const results: Record<string, unknown> = {};
    const said = await consoleDuring(async () => {
      results.card = (await client.query({ query: card, variables: { code: '43-6012.00' } })).data;
      results.careers = (await client.query({ query: careers })).data;
      results.translate = (await client.query({ query: translate })).data;
      results.changes = (await client.query({ query: changes })).data;
      // The occupation card again, for an occupation the career moves and translations also reached.
      results.paralegal = (await client.query({ query: card, variables: { code: '23-2011.00' } })).data;
    });
    expect(said).toEqual([]);
    const careersData = results.careers as { occupation: { comparison: { id: string; skillGaps: unknown[] }; careerMoves: { occupation: { code: string } }[] } };
    expect(careersData.occupation.comparison.id).toBe('43-6012.00/comparison/23-2011.00');
    expect(careersData.occupation.comparison.skillGaps.length).toBeGreaterThan(0);
    expect(careersData.occupation.careerMoves).toHaveLength(5);
    const translateData = results.translate as { translateCode: { occupation: { code: string } }[]; occupation: { crosswalks: { isco08: { code: string }[] } } };
    expect(translateData.translateCode.map((t) => t.occupation.code)).toEqual(expect.arrayContaining(['15-1252.00', '15-1253.00']));
    expect(translateData.occupation.crosswalks.isco08.map((c) => c.code)).toEqual(['2619', '3342']);
    expect((results.changes as { releaseChanges: { edges: unknown[] } }).releaseChanges.edges).toHaveLength(3);
    // Each query read back from the cache alone gives all it asked for, whatever the others selected since.
    expect(client.readQuery({ query: card, variables: { code: '43-6012.00' } })).toEqual(results.card);
    expect(client.readQuery({ query: careers })).toEqual(results.careers);
    expect(client.readQuery({ query: translate })).toEqual(results.translate);
    expect(client.readQuery({ query: changes })).toEqual(results.changes);
    expect(client.readQuery({ query: card, variables: { code: '23-2011.00' } })).toEqual(results.paralegal);
    expect((await client.query({ query: careers, fetchPolicy: 'cache-only' })).data).toEqual(results.careers);
    const extracted = client.cache.extract() as Record<string, unknown>;
    expect(Object.keys(extracted)).toEqual(
      expect.arrayContaining(['OccupationComparison:43-6012.00/comparison/23-2011.00', 'OccupationCrosswalks:43-6012.00/crosswalks', 'Occupation:15-1252.00']),
    );
    client.stop();
  });

  test('fetchMore on releaseChanges returns the next page, with no warning', async () => {
    type Page = { releaseChanges: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
    const { first, second } = await twoPagesWithDefaultCache<Page>('ReleaseChanges', (p) => p.releaseChanges.pageInfo.endCursor);
    expect(first.releaseChanges.pageInfo.hasNextPage).toBe(true);
    expect(second.releaseChanges.edges).toHaveLength(3);
    const ids = [...first.releaseChanges.edges, ...second.releaseChanges.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(6);
  });

  test.each([
    ['occupations', 'Occupations', ['filter', 'orderBy'], 'code', 40],
    ['releaseChanges', 'ReleaseChanges', ['from', 'to'], 'id', 6],
  ])("with the README's relayStylePagination policy, fetchMore on %s appends the page", async (field, operation, keyArgs, key, total) => {
    const client = apollo(new InMemoryCache({ typePolicies: { Query: { fields: { [field]: relayStylePagination(keyArgs) } } } }));
    type Page = Record<string, { pageInfo: { endCursor: string }; edges: { node: Record<string, string> }[] }>;
    const { query, said } = await firstTwoPages<Page>(client, operation, (p) => p[field]!.pageInfo.endCursor);
    expect(said).toEqual([]);
    const merged = client.readQuery<Page>({ query })![field]!;
    expect(merged.edges).toHaveLength(total);
    expect(new Set(merged.edges.map((e) => e.node[key])).size).toBe(total);
    client.stop();
  });
});

test("Apollo Client asking for br with its link's headers: decompressed transparently", async () => {
  const client = new ApolloClient({ link: new HttpLink({ uri: running.url, headers: { 'accept-encoding': 'br' } }), cache: new InMemoryCache() });
  const seen = await exchangesDuring(async () => {
    const { data } = await client.query<{ occupation: { framework: { levels: unknown[] } } }>({ query: readmeQuery('LegalSecretaries'), variables: LEGAL_SECRETARIES });
    expect(data!.occupation.framework.levels).toHaveLength(4);
  });
  expect(seen.map((e) => e.contentEncoding)).toEqual(['br']);
  client.stop();
});

test('urql with its default settings (queries as GET)', async () => {
  const sent: string[] = [];
  const client = new UrqlClient({
    url: running.url,
    exchanges: [fetchExchange],
    // Records what urql sends, then sends it unchanged.
    fetch: (input, init) => {
      sent.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
  const result = await client.query(readme.get('OccupationCard')!, { code: '43-6012.00' }).toPromise();
  expect(sent).toEqual(['GET']);
  expect(result.error).toBeUndefined();
  expect(result.data.occupation).toMatchObject({ id: '43-6012.00', title: 'Legal Secretaries and Administrative Assistants' });
  // A large answer over GET: compressed, and decompressed by urql's fetch.
  const seen = await exchangesDuring(async () => {
    const legal = await client.query(readme.get('LegalSecretaries')!, LEGAL_SECRETARIES).toPromise();
    expect(legal.error).toBeUndefined();
    expect(legal.data.occupation.framework.levels).toHaveLength(4);
  });
  expectCompressed(seen);
});

describe('graphql-request', () => {
  const query = readme.get('OccupationCard')!;

  test('POST, its default', async () => {
    const data = await new GraphQLClient(running.url).request<{ occupation: { code: string } }>(query, { code: '43-6012' });
    expect(data.occupation.code).toBe('43-6012.00');
  });

  test("GET, with `method: 'GET'`", async () => {
    const data = await new GraphQLClient(running.url, { method: 'GET' }).request<{ occupation: { code: string } }>(query, { code: '43-6012' });
    expect(data.occupation.code).toBe('43-6012.00');
  });

  test('a large answer, POST and GET: compressed, and decompressed by its fetch', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const seen = await exchangesDuring(async () => {
        const data = await new GraphQLClient(running.url, { method }).request<{ occupation: { framework: { levels: unknown[] } } }>(readme.get('LegalSecretaries')!, LEGAL_SECRETARIES);
        expect(data.occupation.framework.levels).toHaveLength(4);
      });
      expectCompressed(seen);
    }
  });
});

test('curl --compressed: asks for br among others, gets br, prints the JSON', async () => {
  const body = JSON.stringify({ query: readme.get('LegalSecretaries'), variables: LEGAL_SECRETARIES });
  const { stdout } = await promisify(execFile)('curl', ['-s', '--compressed', '-D', '-', '-H', 'content-type: application/json', '--data-binary', body, running.url], { maxBuffer: 8 * 1024 * 1024 });
  const [head = '', json = ''] = stdout.split(/\r\n\r\n/);
  expect(head).toMatch(/^content-encoding: br$/im);
  expect(head).toMatch(/^vary: Accept-Encoding$/im);
  expect(JSON.parse(json).data.occupation.framework.levels).toHaveLength(4);
  expect(exchanges.at(-1)!.acceptEncoding).toMatch(/\bbr\b/);
});
