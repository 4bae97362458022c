/** Merges the per-type resolver maps; nothing else lives here. */
import type { Resolvers } from '../__generated__/resolvers-types';
import { changesDataset, changesOccupation, changesQuery, changesResolvers } from './changes';
import { correctionsQuery, correctionsResolvers, Mutation } from './corrections';
import { frameworkResolvers } from './framework';
import { Occupation } from './occupation';
import { onetResolvers } from './onet';
import { Query } from './query';
import { referenceOccupation, referenceQuery, referenceResolvers } from './reference';
import { OccupationSearchHit, searchQuery } from './search';
import { sourceResolvers } from './source';

export const resolvers: Resolvers = {
  Query: { ...Query, ...searchQuery, ...correctionsQuery, ...changesQuery, ...referenceQuery },
  Mutation,
  Occupation: { ...Occupation, ...changesOccupation, ...referenceOccupation },
  OccupationSearchHit,
  ...onetResolvers,
  ...frameworkResolvers,
  ...sourceResolvers,
  ...correctionsResolvers,
  ...changesResolvers,
  ...referenceResolvers,
  Dataset: { ...sourceResolvers.Dataset, ...changesDataset },
};
