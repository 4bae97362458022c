/** Composition with `@apollo/composition`, and the composition hints this project accepts on purpose. */
import { composeServices, type CompositionSuccess } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import { loadTypeDefs } from '../../src/schema';
import { companyTypeDefs } from './company';

/** The subgraph names a supergraph.yaml gives the two (docs/supergraph.md uses the same). */
export const SKILLS = 'skills';
export const COMPANY = 'company';

export interface Subgraph {
  name: string;
  typeDefs: DocumentNode;
  url: string;
}

export const skillsSubgraph = (url = 'http://skills.invalid/'): Subgraph => ({ name: SKILLS, typeDefs: loadTypeDefs(), url });
export const companySubgraph = (url = 'http://company.invalid/'): Subgraph => ({ name: COMPANY, typeDefs: companyTypeDefs(), url });

/**
 * Hints accepted on purpose, each with the reason. Any other hint fails the composition tests, and so does an
 * entry here that no composition produces any more.
 */
export const ACCEPTED_HINTS: readonly { code: string; coordinate: string; why: string }[] = [
  {
    code: 'UNUSED_ENUM_TYPE',
    coordinate: 'CacheControlScope',
    why:
      'The enum only types the scope argument of @cacheControl, a directive Apollo Server reads in the subgraph and ' +
      'composition drops. It is @inaccessible, so it never reaches a supergraph API; composition still mentions it.',
  },
];

/** The package does not export its hint class; this is its shape. */
export type Hint = CompositionSuccess['hints'][number];

export const isAccepted = (hint: Hint) =>
  ACCEPTED_HINTS.some((a) => a.code === hint.definition.code && a.coordinate === hint.coordinate);

/** Composes, failing loudly with every error message. */
export function compose(subgraphs: Subgraph[]): CompositionSuccess {
  const result = composeServices(subgraphs);
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}
