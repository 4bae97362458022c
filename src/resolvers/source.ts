/** Resolvers for Source (a federation entity, by id) and Dataset (build metadata, coverage and attribution). */
import type { Resolvers } from '../__generated__/resolvers-types';
import { CROSSWALK_ATTRIBUTION, CROSSWALK_SOURCE_IDS } from '../crosswalks/translate';
import { LABOR_MARKET_ATTRIBUTION } from '../store/labor-market-files';
import { loadRequired } from '../loaders';
import { OBSERVED_MOVES_ATTRIBUTION } from '../store/observed-moves-files';
import { AI_ATTRIBUTION } from '../store/ai-exposure-files';

/** The attribution the O*NET licence asks for, naming the releases the store serves. */
const attribution = (served: string, supplement: string) =>
  `O*NET ${served} Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), ` +
  `used under the CC BY 4.0 license. Skills and Knowledge ratings: O*NET ${supplement} Database, same publisher and licence.`;

/** The source ids of O*NET releases, as data/onet/releases.json declares them (recorded in the store's meta). */
export function releaseSourceIds(meta: ReadonlyMap<string, string>, versions: readonly string[]): string[] {
  const sourceOf = JSON.parse(meta.get('onet_release_sources') ?? '{}') as Record<string, string>;
  return versions.map((v) => sourceOf[v] ?? '');
}

export const sourceResolvers: Resolvers = {
  Source: {
    __resolveReference: (reference, { loaders }) => loaders.sourceById.load(reference.id),
    shortName: (s) => s.short_name,
    license: (s) => s.licence,
  },
  Dataset: {
    releases: async (d, _, { loaders }) => {
      const ids = releaseSourceIds(d.meta, [d.meta.get('onet_release') ?? '', d.meta.get('onet_supplement_release') ?? '']);
      const sources = await loaders.sourceById.loadMany(ids);
      return sources.flatMap((s) => (s instanceof Error || s === null ? [] : [s]));
    },
    builtAt: (d) => d.meta.get('built_at') ?? '',
    schemaVersion: (d) => d.meta.get('schema_version') ?? '',
    inputHash: (d) => d.meta.get('input_hash') ?? '',
    occupationCount: (d) => d.coverage.occupationCount,
    occupationsWithAnchors: (d) => d.coverage.occupationsWithAnchors,
    occupationsWithFrameworks: (d) => d.coverage.occupationsWithFrameworks,
    attribution: (d) =>
      `${attribution(d.meta.get('onet_release') ?? '', d.meta.get('onet_supplement_release') ?? '')} ${CROSSWALK_ATTRIBUTION} ${LABOR_MARKET_ATTRIBUTION} ${OBSERVED_MOVES_ATTRIBUTION} ${AI_ATTRIBUTION}`,
    // The importer refuses crosswalks whose source is not declared, so a missing one is a broken store.
    crosswalks: (_, __, { loaders }) => Promise.all(CROSSWALK_SOURCE_IDS.map((id) => loadRequired(loaders.sourceById, id, 'crosswalk source'))),
  },
};
