/** Reads schema/*.graphql, the single source of truth that codegen also reads, and builds the subgraph schema. */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';
import { resolvers } from './resolvers';

/** The schema/ folder, found from here whether running from src/ (ts-jest) or dist/src/ (compiled). */
export function schemaDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'schema');
    if (existsSync(join(candidate, 'schema.graphql'))) return candidate;
  }
  throw new Error(`schema/ not found above ${__dirname}`);
}

export function loadTypeDefs(): DocumentNode {
  const dir = schemaDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  return parse(files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
}

export function buildSchema() {
  // Codegen's resolver types are stricter than buildSubgraphSchema's GraphQLResolverMap; they describe the same map.
  return buildSubgraphSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as GraphQLResolverMap<unknown> });
}
