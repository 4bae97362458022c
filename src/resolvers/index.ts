/** Merges the per-type resolver maps; nothing else lives here. */
import type { Resolvers } from '../__generated__/resolvers-types';
import { correctionsQuery, correctionsResolvers, Mutation } from './corrections';
import { crosswalksQuery, crosswalksResolvers, occupationCrosswalks } from './crosswalks';
import { frameworkResolvers } from './framework';
import { Occupation } from './occupation';
import { onetResolvers } from './onet';
import { Query } from './query';
import { OccupationSearchHit, searchQuery } from './search';
import { sourceResolvers } from './source';

export const resolvers: Resolvers = {
  Query: { ...Query, ...searchQuery, ...correctionsQuery, ...crosswalksQuery },
  Mutation,
  Occupation: { ...Occupation, ...occupationCrosswalks },
  OccupationSearchHit,
  ...onetResolvers,
  ...frameworkResolvers,
  ...sourceResolvers,
  ...correctionsResolvers,
  ...crosswalksResolvers,
};
