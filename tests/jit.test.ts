/** graphql-jit behind Apollo answers exactly as graphql-js does: data, errors, status codes and federated traces. */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { Trace } from '@apollo/usage-reporting-protobuf';
import { defaultFieldResolver, parse, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { type Context, createContext } from '../src/context';
import { jitGateway } from '../src/jit';
import { buildSchema } from '../src/schema';
import { createServer, type Executor } from '../src/server';
import type { Store } from '../src/store/store';
import { openTestStore } from './support/store';
import { FULL_FRAMEWORK_QUERY, OCCUPATION_ENTITIES_QUERY, OCCUPATIONS_WITH_ANCHORS_QUERY } from '../scripts/operations';

let store: Store;
const servers = new Map<Executor, ApolloServer<Context>>();
beforeAll(async () => {
  store = await openTestStore();
  for (const executor of ['graphql-js', 'graphql-jit'] as const) {
    const server = createServer({ production: true, executor });
    await server.start();
    servers.set(executor, server);
  }
});
afterAll(async () => {
  for (const server of servers.values()) await server.stop();
  await store.close();
});

async function post(executor: Executor, body: Record<string, unknown>, extraHeaders: [string, string][] = []) {
  const server = servers.get(executor);
  if (server === undefined) throw new Error(executor);
  const headers = new HeaderMap([['content-type', 'application/json'], ...extraHeaders]);
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: async () => createContext(store) });
  return { status: response.status ?? 200, text: response.body.kind === 'complete' ? response.body.string : '' };
}

test.each([
  ['the full framework', { query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } }],
  ['a page of occupations', { query: OCCUPATIONS_WITH_ANCHORS_QUERY }],
  ['_entities by both keys, with a miss', { query: OCCUPATION_ENTITIES_QUERY, variables: { representations: [{ __typename: 'Occupation', code: '43-6012.00' }, { __typename: 'Occupation', socCode: '23-2011' }, { __typename: 'Occupation', code: '99-9999.99' }] } }],
  ['a malformed code (BAD_USER_INPUT)', { query: '{ occupation(code: "x") { code } }' }],
  ['wrong variable types (400)', { query: 'query($code: String!) { occupation(code: $code) { code } }', variables: { code: 7 } }],
  ['a missing required variable (400)', { query: 'query($code: String!) { occupation(code: $code) { code } }' }],
  ['_service', { query: '{ _service { sdl } }' }],
])('%s: the same status and bytes from both executors', async (_, body) => {
  const js = await post('graphql-js', body);
  const jit = await post('graphql-jit', body);
  expect(jit.status).toBe(js.status);
  expect(jit.text).toBe(js.text);
  expect(js.text.length).toBeGreaterThan(20);
});

test('an internal error is masked the same way, with its path', async () => {
  const closed = await openTestStore();
  await closed.close();
  const server = servers.get('graphql-jit');
  if (server === undefined) throw new Error('no jit server');
  const response = await server.executeOperation({ query: '{ occupation(code: "43-6012.00") { title } }' }, { contextValue: createContext(closed) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  expect(response.body.singleResult.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['occupation'] }]);
});

test('a router asking for federated traces gets per-field timings from graphql-jit too', async () => {
  const { text } = await post('graphql-jit', { query: '{ occupation(code: "43-6012.00") { title jobZone { zone } } }' }, [['apollo-federation-include-trace', 'ftv1']]);
  const ftv1 = (JSON.parse(text) as { extensions: { ftv1: string } }).extensions.ftv1;
  const root = Trace.decode(Buffer.from(ftv1, 'base64')).root;
  const occupation = root?.child?.[0];
  expect(occupation?.responseName).toBe('occupation');
  expect(occupation?.child?.map((c) => c.responseName)).toEqual(['title', 'jobZone']);
});

test("after a traced request, untraced operations run against a schema whose resolvers Apollo has not wrapped", async () => {
  const gateway = jitGateway(buildSchema());
  let apolloSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (apolloSchema = apiSchema));
  const { executor } = await gateway.load({ apollo: { graphRef: 'test@current' } } as never);
  if (apolloSchema === undefined || !executor) throw new Error('the gateway did not load');
  // What Apollo does, in place, to the schema it was given once a request wants per-field hooks (ftv1 traces).
  const title = (apolloSchema.getType('Occupation') as GraphQLObjectType).getFields().title!;
  const resolve = title.resolve;
  let wrapped = 0;
  title.resolve = (...args) => {
    wrapped += 1;
    return (resolve ?? defaultFieldResolver)(...args);
  };
  const document = parse('{ occupation(code: "43-6012.00") { title } }');
  const run = async (context: Context) => {
    const operation = document.definitions[0] as OperationDefinitionNode;
    const result = await executor({ document, operation, operationName: null, request: { variables: {} }, context } as never);
    expect(result).toEqual({ data: { occupation: { title: 'Legal Secretaries and Administrative Assistants' } } });
  };
  await run(createContext(store));
  expect(wrapped).toBe(0);
  const traced = createContext(store);
  Object.defineProperty(traced, Symbol('apolloServerExecutionDispatcherWillResolveField'), { value: () => undefined });
  await run(traced);
  expect(wrapped).toBe(1);
});
