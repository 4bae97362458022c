/**
 * Composition with @apollo/composition: ours with the example company subgraph, and ours alone, failing on any
 * error and on any hint not accepted on purpose; and `_service { sdl }` against the files in schema/.
 */
import { composeServices } from '@apollo/composition';
import {
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/schema';
import { startTestServer } from '../support/server';
import { ACCEPTED_HINTS, compose, companySubgraph, isAccepted, skillsSubgraph, type Hint } from './supergraph';

const describeHint = (hint: Hint) => `${hint.definition.code} at ${hint.coordinate ?? '?'}: ${hint.message}`;

function apiSchemaOf(subgraphs: Parameters<typeof compose>[0]): GraphQLSchema {
  return compose(subgraphs).schema.toAPISchema().toGraphQLJSSchema();
}

function fieldsOf(schema: GraphQLSchema, typeName: string): Record<string, string> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type in the API schema`);
  return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
}

describe('composition', () => {
  test('ours and the company subgraph compose, with no hint but the accepted ones', () => {
    const result = compose([skillsSubgraph(), companySubgraph()]);
    expect(result.hints.filter((h) => !isAccepted(h)).map(describeHint)).toEqual([]);

    // Both keys of ours, and the company's own key, reach the supergraph.
    expect(result.supergraphSdl).toContain('@join__type(graph: SKILLS, key: "code")');
    expect(result.supergraphSdl).toContain('@join__type(graph: SKILLS, key: "socCode")');
    expect(result.supergraphSdl).toContain('@join__type(graph: COMPANY, key: "socCode")');

    const api = result.schema.toAPISchema().toGraphQLJSSchema();
    expect(fieldsOf(api, 'JobPosting').occupation).toBe('Occupation!');
    expect(fieldsOf(api, 'Employee').occupation).toBe('Occupation');
    expect(fieldsOf(api, 'Occupation')).toMatchObject({ code: 'ID!', socCode: 'String!', openPostings: '[JobPosting!]!', framework: 'Framework' });
    expect(fieldsOf(api, 'Query')).toMatchObject({ occupation: 'Occupation', jobPostings: 'JobPostingConnection!', employees: '[Employee!]!' });
  });

  test('our subgraph alone composes, with no hint but the accepted ones', () => {
    const result = compose([skillsSubgraph()]);
    expect(result.hints.filter((h) => !isAccepted(h)).map(describeHint)).toEqual([]);
  });

  test('every accepted hint is still produced, so the list holds no stale excuse', () => {
    const produced = [...compose([skillsSubgraph()]).hints, ...compose([skillsSubgraph(), companySubgraph()]).hints];
    for (const accepted of ACCEPTED_HINTS) {
      expect(produced.some((h) => h.definition.code === accepted.code && h.coordinate === accepted.coordinate)).toBe(true);
    }
  });

  test('@inaccessible internals stay in the subgraph and out of the supergraph API', () => {
    const api = apiSchemaOf([skillsSubgraph(), companySubgraph()]);
    expect(api.getType('CacheControlScope')).toBeUndefined();
    const dataset = fieldsOf(api, 'Dataset');
    expect(dataset).not.toHaveProperty('inputHash');
    expect(dataset).not.toHaveProperty('schemaVersion');
    expect(dataset).toMatchObject({ builtAt: 'String!', occupationCount: 'Int!' });
  });

  test('PageInfo is @shareable because a company that pages Relay-style defines it too: without it, composition fails', () => {
    const withoutShareable = visit(loadTypeDefs(), {
      ObjectTypeDefinition: (node) =>
        node.name.value === 'PageInfo' ? { ...node, directives: node.directives?.filter((d) => d.name.value !== 'shareable') } : undefined,
    });
    const result = composeServices([{ ...skillsSubgraph(), typeDefs: withoutShareable }, companySubgraph()]);
    expect(result.errors?.map((e) => e.extensions['code'])).toContain('INVALID_FIELD_SHARING');
    expect(result.errors?.map((e) => e.message).join('\n')).toContain('"PageInfo.hasNextPage"');
  });
});

describe('_service { sdl }', () => {
  /** Federation's own definitions, which @apollo/subgraph adds to what the files declare. */
  const FEDERATION_DIRECTIVES = new Set(['link', 'key', 'shareable', 'inaccessible', 'tag', 'cost', 'listSize']);
  const isFederationMachinery = (definition: DefinitionNode): boolean => {
    if (definition.kind === Kind.SCHEMA_DEFINITION) return true; // schema @link(url: ".../link/v1.0") { query: Query }
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      return FEDERATION_DIRECTIVES.has(definition.name.value) || definition.name.value.startsWith('federation__');
    }
    return 'name' in definition && definition.name !== undefined && /^(_|link__|federation__)/.test(definition.name.value);
  };

  const keyOf = (definition: DefinitionNode) =>
    `${definition.kind} ${'name' in definition && definition.name ? definition.name.value : ''}`;

  /** Each definition printed alone, descriptions all in one quoting style, keyed by kind and name. */
  function definitions(document: DocumentNode): Map<string, string> {
    const uniform = visit(document, { StringValue: (node) => ({ ...node, block: false }) });
    return new Map(uniform.definitions.map((d) => [keyOf(d), print(d)]));
  }

  test('is exactly the files in schema/, plus only federation machinery and the two federation root fields', async () => {
    const t = await startTestServer();
    try {
      const result = await t.run<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(result.errors).toBeUndefined();
      const served = parse(result.data!._service.sdl);

      // The subgraph adds `_entities` and `_service` to Query; take them off before comparing.
      const servedWithoutRootFields = visit(served, {
        ObjectTypeDefinition: (node) =>
          node.name.value === 'Query' ? { ...node, fields: node.fields?.filter((f) => !['_entities', '_service'].includes(f.name.value)) } : undefined,
      });
      const sdl = definitions(servedWithoutRootFields);
      const files = definitions(loadTypeDefs());

      expect(files.size).toBeGreaterThan(45);
      for (const [key, printed] of files) expect({ key, printed: sdl.get(key) }).toEqual({ key, printed });

      const extra = served.definitions.filter((d) => !files.has(keyOf(d)));
      expect(extra.filter((d) => !isFederationMachinery(d)).map(keyOf)).toEqual([]);
      expect(extra.map(keyOf)).toEqual(expect.arrayContaining(['ScalarTypeDefinition _Any', 'UnionTypeDefinition _Entity']));
      expect(print(served.definitions.find((d) => d.kind === Kind.UNION_TYPE_DEFINITION && d.name.value === '_Entity')!)).toBe(
        'union _Entity = Occupation | Source',
      );
    } finally {
      await t.stop();
    }
  });
});
