/**
 * `_entities`, checked before @apollo/subgraph resolves it: every representation must be an object naming one of
 * our entity types and holding one of its keys as a string. The library's resolver throws a plain Error for an
 * unknown or missing `__typename` (which reads as INTERNAL_SERVER_ERROR), and a key of another type would reach
 * the loaders; here either is BAD_USER_INPUT naming the representation. Routers only ever send valid ones.
 * Each entity's own failure stays at its index (below).
 */
import { entitiesResolver } from '@apollo/subgraph/dist/types';
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, quoted } from '../errors';

/** Each entity type's keys (schema/*.graphql @key), each a list of fields. */
const ENTITY_KEYS: Record<string, string[][]> = {
  Occupation: [['code'], ['socCode']],
  Source: [['id']],
};

const EXPECTED = Object.entries(ENTITY_KEYS)
  .map(([type, keys]) => `${type} with a string ${keys.map((k) => k.join(' and ')).join(' or ')}`)
  .join(', or ');

function shown(value: unknown): string {
  return quoted(JSON.stringify(value) ?? String(value));
}

export function checkRepresentation(representation: unknown, index: number): void {
  const typename = (representation as { __typename?: unknown } | null)?.__typename;
  const keys = typeof typename === 'string' && Object.hasOwn(ENTITY_KEYS, typename) ? ENTITY_KEYS[typename] : undefined;
  const fields = representation as Record<string, unknown>;
  if (keys === undefined || Array.isArray(representation) || !keys.some((key) => key.every((field) => typeof fields[field] === 'string'))) {
    throw badUserInput('representations', `representations[${index}] must be an object with __typename ${EXPECTED}; got ${shown(representation)}.`);
  }
}

export function _entities(_source: unknown, { representations }: { representations: unknown[] }, context: unknown, info: GraphQLResolveInfo) {
  representations.forEach(checkRepresentation);
  // A representation whose reference resolver fails (an unknown or malformed code) becomes its error as a value:
  // graphql-jit drops a list item whose promise rejects, which would shift every later entity out of line with
  // its representation, while an Error value is reported at its own index by both executors (tests/jit.test.ts).
  return entitiesResolver({ representations: representations as { __typename: string }[], context, info }).map((entity: unknown) =>
    entity instanceof Promise ? entity.catch((error: unknown) => error) : entity,
  );
}
