import type { QueryResolvers } from '../__generated__/resolvers-types';
import { badUserInput, quoted } from '../errors';
import { allSources, coverage, occupationPage } from '../store/queries';
import { loadOccupation } from './codes';
import { checkFirst, connection, decodeCursor, encodeCursor } from './pagination';

export const Query: QueryResolvers = {
  occupation: (_, { code }, { loaders }) => loadOccupation(loaders, code, 'code'),

  occupations: async (_, { first, after, filter }, { store, loaders }) => {
    const size = checkFirst(first);
    const jobZone = filter?.jobZone ?? null;
    if (jobZone !== null && (jobZone < 1 || jobZone > 5)) {
      throw badUserInput('filter', `filter.jobZone must be 1 to 5; got ${jobZone}.`);
    }
    const majorGroup = filter?.majorGroup ?? null;
    if (majorGroup !== null && !/^\d{2}$/.test(majorGroup)) {
      throw badUserInput('filter', `filter.majorGroup must be two digits like 43; got ${quoted(majorGroup)}.`);
    }
    const afterCode = after == null ? null : decodeCursor('occupation', after);
    const { rows, totalCount } = await occupationPage(store.db, {
      first: size,
      afterCode,
      jobZone,
      majorGroup,
      hasFramework: filter?.hasFramework ?? null,
    });
    const nodes = rows.slice(0, size);
    for (const row of nodes) loaders.occupationByCode.prime(row.code, row);
    return connection(nodes, totalCount, afterCode !== null, rows.length > size, (o) => encodeCursor('occupation', o.code));
  },

  sources: (_, __, { store }) => allSources(store.db),

  source: (_, { id }, { loaders }) => loaders.sourceById.load(id),

  dataset: async (_, __, { store }) => ({ meta: store.meta, coverage: await coverage(store.db) }),
};
