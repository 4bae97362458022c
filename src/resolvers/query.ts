/** Query root fields: one occupation by code, pages of occupations, every source, and what the dataset holds. */
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { OccupationRow } from '../store/database';
import { allSources, coverage, occupationPage, orderedOccupationPage } from '../store/queries';
import { loadOccupation } from './codes';
import { checkOccupationFilter, checkOccupationOrder } from './filter';
import { checkFirst, decodeCursor, decodeFigureCursor, encodeCursor, encodeFigureCursor, keysetConnection, type Page } from './pagination';

export const Query: QueryResolvers = {
  occupation: (_, { code }, { loaders }) => loadOccupation(loaders, code, 'code'),

  occupations: async (_, { first, after, filter, orderBy }, { store, loaders }) => {
    const size = checkFirst(first);
    const checked = checkOccupationFilter(filter, store.meta);
    const ordered = checkOccupationOrder(orderBy);
    let page: Page<OccupationRow>;
    if (ordered === null) {
      const afterCode = after == null ? null : decodeCursor('occupation', after);
      const { rows, totalCount } = await occupationPage(store.db, { first: size, afterCode, ...checked });
      page = keysetConnection(rows, totalCount, size, afterCode !== null, (o) => encodeCursor('occupation', o.code));
    } else {
      // A cursor of this order carries the last occupation's figure and code (pagination.ts).
      const { cursorKind, order } = ordered;
      const afterKey = after == null ? null : decodeFigureCursor(cursorKind, after);
      const { rows, figureOf, totalCount } = await orderedOccupationPage(store.db, { first: size, after: afterKey, order, ...checked });
      page = keysetConnection(rows, totalCount, size, afterKey !== null, (o) => encodeFigureCursor(cursorKind, figureOf.get(o.code) ?? null, o.code));
    }
    for (const { node } of page.edges) loaders.occupationByCode.prime(node.code, node);
    return page;
  },

  sources: (_, __, { store }) => allSources(store.db),

  source: (_, { id }, { loaders }) => loaders.sourceById.load(id),

  dataset: async (_, __, { store }) => ({ meta: store.meta, coverage: await coverage(store.db) }),
};
