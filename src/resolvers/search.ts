/** `searchOccupations` and its hit type: check the arguments, run the search, resolve hits through the loaders. */
import type { OccupationSearchHitResolvers, QueryResolvers, SearchField } from '../__generated__/resolvers-types';
import { badUserInput } from '../errors';
import { loadRequired } from '../loaders';
import { MAX_QUERY_LENGTH } from '../search/normalize';
import { searchOccupations } from '../search/search';
import type { SearchField as StoredField } from '../store/database';
import { checkOccupationFilter } from './filter';
import { checkFirst } from './pagination';

export const MAX_SEARCH_HITS = 50;

const FIELDS: Record<StoredField, SearchField> = {
  title: 'TITLE',
  alternate_title: 'ALTERNATE_TITLE',
  short_title: 'SHORT_TITLE',
  reported_title: 'REPORTED_TITLE',
  description: 'DESCRIPTION',
  task: 'TASK',
  technology: 'TECHNOLOGY',
};

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
  matchedField: (hit) => FIELDS[hit.matchedField],
};
