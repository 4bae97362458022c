/**
 * Observed moves (schema/observed-moves.graphql): the unit an occupation was measured as and that unit's moves, read
 * through batched loaders; the figures are stored as the survey published them (src/store/observed-moves.ts).
 */
import type { ObservedMoveResolvers, ObservedMovesResolvers, ObservedUnitResolvers, OccupationResolvers, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired, type Loaders } from '../loaders';
import { isThin } from '../observed-moves/units';
import type { ObservedMoveRow, ObservedOccupationRow } from '../store/database';
import { OBSERVED_MOVES_SOURCE_ID } from '../store/observed-moves-files';
import { checkFirst } from './pagination';

/** How many moves `observedMoves(first:)` lists at most. */
export const MAX_OBSERVED_MOVES = 100;

/** An occupation's observed moves: its row (the unit it was measured as, or why none) and how many moves to list. */
export interface ObservedMovesShape {
  measured: ObservedOccupationRow;
  first: number;
}

/** A move, with its origin unit's stay probability for `shareOfMovers`. */
export type ObservedMoveShape = ObservedMoveRow & { stayProbability: number };

/** The measured unit's row, or null where the occupation has none. */
function unitOf(m: ObservedMovesShape, loaders: Loaders) {
  const code = m.measured.unit_code;
  return code === null ? Promise.resolve(null) : loadRequired(loaders.observedUnitByCode, code, 'observed unit');
}

export const occupationObservedMoves: Pick<OccupationResolvers<Context>, 'observedMoves'> = {
  observedMoves: async (o, { first }, { loaders }) => ({
    measured: await loadRequired(loaders.observedOccupationByCode, o.code, 'observed-moves row of occupation'),
    first: checkFirst(first, MAX_OBSERVED_MOVES, 10),
  }),
};

export const ObservedMoves: ObservedMovesResolvers<Context> = {
  id: (m) => `${m.measured.occupation_code}/observed-moves`,
  measuredAs: (m, _, { loaders }) => unitOf(m, loaders),
  match: (m) => m.measured.unit_match,
  soc2010Codes: (m) => (m.measured.soc2010_codes === '' ? [] : m.measured.soc2010_codes.split(',')),
  sharedWith: async (m, _, { loaders }) => {
    if (m.measured.unit_code === null) return [];
    const others = (await loaders.observedOccupationsByUnit.load(m.measured.unit_code)).filter((r) => r.occupation_code !== m.measured.occupation_code);
    return Promise.all(others.map((r) => loadRequired(loaders.occupationByCode, r.occupation_code, 'observed-moves occupation')));
  },
  stayProbability: async (m, _, { loaders }) => (await unitOf(m, loaders))?.stay_probability ?? null,
  destinationCount: async (m, _, { loaders }) => (await unitOf(m, loaders))?.destinations ?? null,
  weightedMovers: async (m, _, { loaders }) => (await unitOf(m, loaders))?.weighted_movers ?? null,
  thin: async (m, _, { loaders }) => {
    const unit = await unitOf(m, loaders);
    return unit === null ? null : isThin({ destinations: unit.destinations, weightedMovers: unit.weighted_movers });
  },
  moves: async (m, _, { loaders }) => {
    const unit = await unitOf(m, loaders);
    if (unit === null) return [];
    const moves = await loaders.observedMovesByUnit.load(unit.code);
    return moves.slice(0, m.first).map((row): ObservedMoveShape => ({ ...row, stayProbability: unit.stay_probability }));
  },
  unavailableReason: (m) => m.measured.unavailable_reason,
  source: (_, __, { loaders }) => loadRequired(loaders.sourceById, OBSERVED_MOVES_SOURCE_ID, 'observed-moves source'),
};

export const ObservedUnit: ObservedUnitResolvers<Context> = {
  id: (u) => `observed-units/${u.code}`,
  codes: (u, _, { loaders }) => loaders.observedUnitCodesByUnit.load(u.code),
  splitGroup: async (u, _, { loaders }) => (await loaders.observedUnitCodesByUnit.load(u.code)).length > 1,
  occupations: async (u, _, { loaders }) => {
    const rows = await loaders.observedOccupationsByUnit.load(u.code);
    return Promise.all(rows.map((r) => loadRequired(loaders.occupationByCode, r.occupation_code, 'observed-moves occupation')));
  },
};

export const ObservedMove: ObservedMoveResolvers<Context> = {
  id: (m) => `observed-units/${m.unit_code}/moves/${m.to_unit}`,
  to: (m, _, { loaders }) => loadRequired(loaders.observedUnitByCode, m.to_unit, 'observed unit'),
  // A unit that stays with certainty has no moves, so the divisor is never 0 here.
  shareOfMovers: (m) => m.probability / (1 - m.stayProbability),
};

export const observedMovesResolvers: Resolvers = {
  ObservedMoves,
  ObservedUnit,
  ObservedMove,
  ObservedUnitCode: { id: (c) => `observed-units/${c.unit_code}/codes/${c.soc2010_code}`, code: (c) => c.soc2010_code },
};
