/** Query root fields: one occupation by code, pages of occupations, every source, and what the dataset holds. */
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { allSources, coverage, occupationPage } from '../store/queries';
import { loadOccupation } from './codes';
import { checkOccupationFilter } from './filter';
import { checkFirst, connection, decodeCursor, encodeCursor } from './pagination';

export const Query: QueryResolvers = {
  occupation: (_, { code }, { loaders }) => loadOccupation(loaders, code, 'code'),

  occupations: async (_, { first, after, filter }, { store, loaders }) => {
    const size = checkFirst(first);
    const checked = checkOccupationFilter(filter, store.meta);
    const afterCode = after == null ? null : decodeCursor('occupation', after);
    const { rows, totalCount } = await occupationPage(store.db, { first: size, afterCode, ...checked });
    const nodes = rows.slice(0, size);
    for (const row of nodes) loaders.occupationByCode.prime(row.code, row);
    return connection(nodes, totalCount, afterCode !== null, rows.length > size, (o) => encodeCursor('occupation', o.code));
  },

  sources: (_, __, { store }) => allSources(store.db),

  source: (_, { id }, { loaders }) => loaders.sourceById.load(id),

  dataset: async (_, __, { store }) => ({ meta: store.meta, coverage: await coverage(store.db) }),
};
