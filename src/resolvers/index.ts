/** Merges the per-type resolver maps and the enums' store values; nothing else lives here. */
import type { Resolvers } from '../__generated__/resolvers-types';
import { aiExposureOccupation, aiExposureResolvers } from './ai-exposure';
import { CareerMove, OccupationComparison } from './careers';
import { changesDataset, changesOccupation, changesQuery, changesResolvers } from './changes';
import { correctionsQuery, correctionsResolvers, Mutation } from './corrections';
import { crosswalksQuery, crosswalksResolvers, occupationCrosswalks } from './crosswalks';
import { _entities } from './entities';
import { enumValues } from './enums';
import { frameworkResolvers } from './framework';
import { idResolvers } from './ids';
import { observedMovesResolvers, occupationObservedMoves } from './observed-moves';
import { careerMoveLaborMarket, comparisonLaborMarket, datasetLaborMarket, laborMarketResolvers, occupationLaborMarket } from './labor-market';
import { Occupation } from './occupation';
import { onetResolvers } from './onet';
import { modelOccupation, modelResolvers } from './onet-model';
import { Query } from './query';
import { referenceOccupation, referenceQuery, referenceResolvers } from './reference';
import { OccupationSearchHit, searchQuery } from './search';
import { sourceResolvers } from './source';

/** Field maps of the same type are merged, so one file can add fields (the ids) to types another file resolves. */
function merge(...maps: Resolvers[]): Resolvers {
  const merged: Record<string, object> = {};
  for (const map of maps) for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  return merged as Resolvers;
}

export const resolvers: Resolvers = merge(
  {
    Query: { ...Query, ...searchQuery, ...correctionsQuery, ...changesQuery, ...referenceQuery, ...crosswalksQuery },
    Mutation,
    Occupation: { ...Occupation, ...changesOccupation, ...referenceOccupation, ...modelOccupation, ...occupationCrosswalks, ...occupationLaborMarket, ...occupationObservedMoves, ...aiExposureOccupation },
    CareerMove: { ...CareerMove, ...careerMoveLaborMarket },
    OccupationComparison: { ...OccupationComparison, ...comparisonLaborMarket },
    OccupationSearchHit,
  },
  // Replaces @apollo/subgraph's own `_entities` (resolvers given to buildSubgraphSchema are added after it).
  { Query: { _entities } } as Resolvers,
  onetResolvers,
  modelResolvers,
  frameworkResolvers,
  sourceResolvers,
  correctionsResolvers,
  changesResolvers,
  referenceResolvers,
  crosswalksResolvers,
  observedMovesResolvers,
  aiExposureResolvers,
  { Dataset: changesDataset } as Resolvers,
  { Dataset: datasetLaborMarket } as Resolvers,
  laborMarketResolvers as Resolvers,
  idResolvers,
  enumValues,
);
