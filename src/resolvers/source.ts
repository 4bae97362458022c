import type { Resolvers } from '../__generated__/resolvers-types';
import { CROSSWALK_ATTRIBUTION, CROSSWALK_SOURCE_IDS } from '../crosswalks/translate';
import { loadRequired } from '../loaders';

const ATTRIBUTION =
  'O*NET 30.1 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), ' +
  'used under the CC BY 4.0 license. Skills and Knowledge ratings: O*NET 29.0 Database, same publisher and licence.';

export const sourceResolvers: Resolvers = {
  Source: {
    __resolveReference: (reference, { loaders }) => loaders.sourceById.load(reference.id),
    shortName: (s) => s.short_name,
  },
  Dataset: {
    releases: async (d, _, { loaders }) => {
      const ids = [`onet-${d.meta.get('onet_release')}`, `onet-${d.meta.get('onet_supplement_release')}`];
      const sources = await loaders.sourceById.loadMany(ids);
      return sources.flatMap((s) => (s instanceof Error || s === null ? [] : [s]));
    },
    builtAt: (d) => d.meta.get('built_at') ?? '',
    schemaVersion: (d) => d.meta.get('schema_version') ?? '',
    inputHash: (d) => d.meta.get('input_hash') ?? '',
    occupationCount: (d) => d.coverage.occupationCount,
    occupationsWithAnchors: (d) => d.coverage.occupationsWithAnchors,
    occupationsWithFrameworks: (d) => d.coverage.occupationsWithFrameworks,
    attribution: () => `${ATTRIBUTION} ${CROSSWALK_ATTRIBUTION}`,
    // The importer refuses crosswalks whose source is not declared, so a missing one is a broken store.
    crosswalks: (_, __, { loaders }) => Promise.all(CROSSWALK_SOURCE_IDS.map((id) => loadRequired(loaders.sourceById, id, 'crosswalk source'))),
  },
};
