/**
 * The change feed between held O*NET releases: `Query.releaseChanges`, `Occupation.changes`, and the dataset's
 * held releases and per-file summary. The importer computed every change (src/store/release-changes.ts); this
 * checks the release arguments against the releases the store holds and pages the rows.
 */
import type { DatasetResolvers, OccupationResolvers, QueryResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { badUserInput, quoted } from '../errors';
import { releaseChangePage, releaseFileSummaries } from '../store/queries';
import { checkFirst, decodeIdCursor, encodeCursor, keysetConnection } from './pagination';
import { releaseSourceIds } from './source';

/** The held releases, oldest first, as the store's build recorded them (data/onet/releases.json). */
function heldReleases(meta: ReadonlyMap<string, string>): string[] {
  return (meta.get('onet_held_releases') ?? '').split(',').filter((v) => v !== '');
}

/** The position of a held release, or BAD_USER_INPUT naming the held ones. */
function releaseIndex(meta: ReadonlyMap<string, string>, argumentName: string, version: string): number {
  const held = heldReleases(meta);
  const index = held.indexOf(version);
  if (index < 0) {
    throw badUserInput(argumentName, `Argument "${argumentName}" must be a release this store holds (${held.join(', ')}); got ${quoted(version)}.`);
  }
  return index;
}

export const changesQuery: QueryResolvers = {
  releaseChanges: async (_, { from, to, first, after }, { store }) => {
    const size = checkFirst(first);
    const fromIndex = releaseIndex(store.meta, 'from', from);
    const toIndex = releaseIndex(store.meta, 'to', to);
    if (fromIndex > toIndex) {
      throw badUserInput('from', `Argument "from" must be a release before "to" (held: ${heldReleases(store.meta).join(', ')}); got ${quoted(from)} after ${quoted(to)}.`);
    }
    const afterId = after == null ? null : decodeIdCursor('releaseChange', after);
    const { rows, totalCount } = await releaseChangePage(store.db, { from, to, first: size, afterId });
    return keysetConnection(rows, totalCount, size, afterId !== null, (c) => encodeCursor('releaseChange', c.id));
  },
};

export const changesOccupation: Pick<OccupationResolvers<Context>, 'changes'> = {
  changes: (o, { since }, { store, loaders }) => {
    const sinceIndex = releaseIndex(store.meta, 'since', since);
    const served = store.meta.get('onet_release') ?? '';
    const servedIndex = heldReleases(store.meta).indexOf(served);
    if (sinceIndex > servedIndex) {
      throw badUserInput('since', `Argument "since" must not be later than the served release ${served}; got ${quoted(since)}.`);
    }
    if (sinceIndex === servedIndex) return [];
    return loaders.releaseChangesByOccupation.load(`${since}\t${served}\t${o.code}`);
  },
};

export const changesDataset: Pick<DatasetResolvers, 'heldReleases' | 'releaseChangeSummary'> = {
  heldReleases: async (d, _, { loaders }) => {
    const sources = await loaders.sourceById.loadMany(releaseSourceIds(d.meta, heldReleases(d.meta)));
    return sources.flatMap((s) => (s instanceof Error || s === null ? [] : [s]));
  },
  releaseChangeSummary: (_, __, { store }) => releaseFileSummaries(store.db),
};

/** A change and a file's summary both name the pair of releases compared. */
const releasePair = {
  from: (p: { from_release: string }) => p.from_release,
  to: (p: { to_release: string }) => p.to_release,
};

export const changesResolvers: Resolvers = {
  ReleaseChange: {
    ...releasePair,
    occupation: (c, _, { loaders }) => (c.occupation_code === null ? null : loaders.occupationByCode.load(c.occupation_code)),
    occupationCode: (c) => c.occupation_code,
  },
  // redatedOrResourced and redatedOrResourcedOccupations are the summary's columns, read with the schema's names.
  ReleaseFileChanges: releasePair,
};
