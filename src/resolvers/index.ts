/** Merges the per-type resolver maps; nothing else lives here. */
import type { Resolvers } from '../__generated__/resolvers-types';
import { changesDataset, changesOccupation, changesQuery, changesResolvers } from './changes';
import { correctionsQuery, correctionsResolvers, Mutation } from './corrections';
import { crosswalksQuery, crosswalksResolvers, occupationCrosswalks } from './crosswalks';
import { frameworkResolvers } from './framework';
import { Occupation } from './occupation';
import { onetResolvers } from './onet';
import { Query } from './query';
import { referenceOccupation, referenceQuery, referenceResolvers } from './reference';
import { OccupationSearchHit, searchQuery } from './search';
import { sourceResolvers } from './source';

export const resolvers: Resolvers = {
  Query: { ...Query, ...searchQuery, ...correctionsQuery, ...changesQuery, ...referenceQuery, ...crosswalksQuery },
  Mutation,
  Occupation: { ...Occupation, ...changesOccupation, ...referenceOccupation, ...occupationCrosswalks },
  OccupationSearchHit,
  ...onetResolvers,
  ...frameworkResolvers,
  ...sourceResolvers,
  ...correctionsResolvers,
  ...changesResolvers,
  ...referenceResolvers,
  ...crosswalksResolvers,
  Dataset: { ...sourceResolvers.Dataset, ...changesDataset },
};
