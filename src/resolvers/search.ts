/** `searchOccupations` and its hit type: check the arguments, run the search, resolve hits through the loaders. */
import type { OccupationSearchHitResolvers, QueryResolvers } from '../__generated__/resolvers-types';
import { badUserInput } from '../errors';
import { loadRequired } from '../loaders';
import { MAX_QUERY_LENGTH } from '../search/normalize';
import { searchOccupations } from '../search/search';
import { checkOccupationFilter } from './filter';
import { checkFirst } from './pagination';

export const MAX_SEARCH_HITS = 50;

export const searchQuery: QueryResolvers = {
  searchOccupations: (_, { query, first, filter }, { store }) => {
    if (query.trim() === '') throw badUserInput('query', 'Argument "query" must not be empty.');
    const length = [...query].length;
    if (length > MAX_QUERY_LENGTH) {
      throw badUserInput('query', `Argument "query" must be at most ${MAX_QUERY_LENGTH} characters; got ${length}.`);
    }
    const size = checkFirst(first, MAX_SEARCH_HITS, 10);
    return searchOccupations(store, query, { first: size, filter: checkOccupationFilter(filter, store.meta) });
  },
};

export const OccupationSearchHit: OccupationSearchHitResolvers = {
  // Every hit's occupation is requested in the same tick, so the loader fetches them all in one statement.
  occupation: (hit, _, { loaders }) => loadRequired(loaders.occupationByCode, hit.occupationCode, 'search hit occupation'),
};
