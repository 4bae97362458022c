/** Reads schema/*.graphql, the single source of truth that codegen also reads, and builds the subgraph schema. */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, valueFromAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { projectFile } from './project-files';
import { resolvers } from './resolvers';

/** The schema/ folder, found from here whether running from src/ (ts-jest) or dist/src/ (compiled). */
export function schemaDir(): string {
  return dirname(projectFile('schema/schema.graphql'));
}

export function loadTypeDefs(): DocumentNode {
  const dir = schemaDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  return parse(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
}

/**
 * buildSubgraphSchema gives enums their resolver-map values after the schema is built, so an enum argument's default
 * (`direction: CareerDirection = ANY`) would still hold the GraphQL name. Reads each such default again from the SDL.
 */
function enumDefaultsAsValues(schema: GraphQLSchema): GraphQLSchema {
  type Input = { type: Parameters<typeof getNamedType>[0]; defaultValue?: unknown; astNode?: { defaultValue?: Parameters<typeof valueFromAST>[0] } | null };
  const recoerce = (input: Input) => {
    const ast = input.astNode?.defaultValue;
    if (ast !== undefined && isEnumType(getNamedType(input.type))) input.defaultValue = valueFromAST(ast, input.type as Parameters<typeof valueFromAST>[1]);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(recoerce);
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(recoerce);
  }
  return schema;
}

export function buildSchema() {
  // Codegen's resolver types are stricter than buildSubgraphSchema's GraphQLResolverMap; they describe the same map.
  return enumDefaultsAsValues(buildSubgraphSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as GraphQLResolverMap<unknown> }));
}
