/** Query root fields: one occupation by code, pages of occupations, every source, and what the dataset holds. */
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { allSources, coverage, occupationPage } from '../store/queries';
import { loadOccupation } from './codes';
import { checkOccupationFilter } from './filter';
import { checkFirst, decodeCursor, encodeCursor, keysetConnection } from './pagination';

export const Query: QueryResolvers = {
  occupation: (_, { code }, { loaders }) => loadOccupation(loaders, code, 'code'),

  occupations: async (_, { first, after, filter }, { store, loaders }) => {
    const size = checkFirst(first);
    const checked = checkOccupationFilter(filter, store.meta);
    const afterCode = after == null ? null : decodeCursor('occupation', after);
    const { rows, totalCount } = await occupationPage(store.db, { first: size, afterCode, ...checked });
    const page = keysetConnection(rows, totalCount, size, afterCode !== null, (o) => encodeCursor('occupation', o.code));
    for (const { node } of page.edges) loaders.occupationByCode.prime(node.code, node);
    return page;
  },

  sources: (_, __, { store }) => allSources(store.db),

  source: (_, { id }, { loaders }) => loaders.sourceById.load(id),

  dataset: async (_, __, { store }) => ({ meta: store.meta, coverage: await coverage(store.db) }),
};
