/**
 * The store side of observed moves: the rows the importer writes, built from the files as read
 * (observed-moves-files.ts) and the crosswalks as read, and the queries the loaders run, each one statement per batch.
 */
import type { Insertable } from 'kysely';
import { measureOccupations } from '../observed-moves/measure';
import { observedUnits } from '../observed-moves/units';
import type { Database, ObservedMoveRow, ObservedOccupationRow, ObservedUnitCodeRow, ObservedUnitRow } from './database';
import { OBSERVED_MOVES_SOURCE_ID, type ObservedMovesFiles } from './observed-moves-files';
import type { Db } from './queries';

export interface ObservedMovesInput {
  files: ObservedMovesFiles;
  occupations: readonly string[];
  taxonomy: readonly { onet2010_code: string; onet2019_code: string }[];
  soc: readonly { soc2010_code: string; soc2018_code: string }[];
}

export function observedMoveRows({ files, occupations, taxonomy, soc }: ObservedMovesInput) {
  const units = observedUnits(files.edges, files.titles);
  const unitOfCode = new Map(units.flatMap((u) => u.codes.map((c): [string, string] => [c, u.code])));
  return {
    units: units.map(
      (u): Insertable<Database['observed_unit']> => ({
        code: u.code,
        title: u.title,
        stay_probability: u.stayProbability,
        destinations: u.moves.length,
        survey_employment: u.surveyEmployment,
        weighted_movers: u.weightedMovers,
        source_id: OBSERVED_MOVES_SOURCE_ID,
      }),
    ),
    codes: units.flatMap((u) =>
      u.codes.map((c): Insertable<Database['observed_unit_code']> => ({ soc2010_code: c, unit_code: u.code, title: files.titles.get(c) ?? c })),
    ),
    moves: units.flatMap((u) =>
      u.moves.map((m, i): Insertable<Database['observed_move']> => ({ unit_code: u.code, rank: i + 1, to_unit: m.unit, probability: m.probability })),
    ),
    occupations: measureOccupations({ occupations, taxonomy, soc, unitOfCode }).map(
      (m): Insertable<Database['observed_occupation']> => ({
        occupation_code: m.code,
        unit_code: m.unit,
        unit_match: m.match,
        soc2010_codes: m.soc2010Codes.join(','),
        unavailable_reason: m.unavailableReason,
      }),
    ),
  };
}

export function observedOccupationsByCode(db: Db, codes: readonly string[]): Promise<ObservedOccupationRow[]> {
  return db.selectFrom('observed_occupation').selectAll().where('occupation_code', 'in', codes).execute();
}

/** The occupations measured as each unit, in code order. */
export function observedOccupationsByUnit(db: Db, units: readonly string[]): Promise<ObservedOccupationRow[]> {
  return db.selectFrom('observed_occupation').selectAll().where('unit_code', 'in', units).orderBy('occupation_code').execute();
}

export function observedUnitsByCode(db: Db, codes: readonly string[]): Promise<ObservedUnitRow[]> {
  return db.selectFrom('observed_unit').selectAll().where('code', 'in', codes).execute();
}

/** Each unit's 2010 SOC codes, in code order. */
export function observedUnitCodesByUnit(db: Db, units: readonly string[]): Promise<ObservedUnitCodeRow[]> {
  return db.selectFrom('observed_unit_code').selectAll().where('unit_code', 'in', units).orderBy('soc2010_code').execute();
}

/** Each unit's moves, most probable first. */
export function observedMovesByUnit(db: Db, units: readonly string[]): Promise<ObservedMoveRow[]> {
  return db.selectFrom('observed_move').selectAll().where('unit_code', 'in', units).orderBy('rank').execute();
}
