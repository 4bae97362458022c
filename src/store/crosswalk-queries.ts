/**
 * The crosswalk queries. Like queries.ts, each takes many keys and runs one statement, so the
 * number of statements does not grow with the number of parents. Rows come in file order, and carry how many
 * codes stand on each side of their mapping, from which the API tells one-to-one from split and merged.
 */
import { sql } from 'kysely';
import type { EscoCrosswalkRow, OnetSocCrosswalkRow, SocCrosswalkRow } from './database';
import type { Db } from './queries';

export interface MappingCounts {
  /** How many new codes the row's old code maps to (more than one: it was split). */
  successor_count: number;
  /** How many old codes map to the row's new code (more than one: they were merged). */
  predecessor_count: number;
}

export type SocMappingRow = SocCrosswalkRow & MappingCounts;
export type OnetSocMappingRow = OnetSocCrosswalkRow & MappingCounts;
/** An ESCO occupation with how many ESCO occupations Nesta maps to the same O*NET-SOC 2010 occupation. */
export type EscoMappingRow = EscoCrosswalkRow & { shared_count: number };
/** An ESCO occupation reached from a current occupation through the taxonomy crosswalk. */
export type EscoByOccupationRow = EscoCrosswalkRow & { occupation_code: string };

function socRows(db: Db) {
  return db
    .selectFrom('soc_crosswalk as s')
    .selectAll('s')
    .select([
      sql<number>`(SELECT count(*) FROM soc_crosswalk o WHERE o.soc2010_code = s.soc2010_code)`.as('successor_count'),
      sql<number>`(SELECT count(*) FROM soc_crosswalk o WHERE o.soc2018_code = s.soc2018_code)`.as('predecessor_count'),
    ])
    .orderBy('s.line');
}

/** BLS rows for these 2010 SOC codes. */
export function socCrosswalkBy2010Code(db: Db, codes: readonly string[]): Promise<SocMappingRow[]> {
  return socRows(db).where('s.soc2010_code', 'in', codes).execute();
}

/** BLS rows leading to these 2018 SOC codes. */
export function socCrosswalkBy2018Code(db: Db, codes: readonly string[]): Promise<SocMappingRow[]> {
  return socRows(db).where('s.soc2018_code', 'in', codes).execute();
}

function onetSocRows(db: Db) {
  return db
    .selectFrom('onet_soc_crosswalk as t')
    .selectAll('t')
    .select([
      sql<number>`(SELECT count(*) FROM onet_soc_crosswalk o WHERE o.onet2010_code = t.onet2010_code)`.as('successor_count'),
      sql<number>`(SELECT count(*) FROM onet_soc_crosswalk o WHERE o.onet2019_code = t.onet2019_code)`.as('predecessor_count'),
    ])
    .orderBy('t.line');
}

/** Taxonomy crosswalk rows for these O*NET-SOC 2010 codes. */
export function onetSocCrosswalkBy2010Code(db: Db, codes: readonly string[]): Promise<OnetSocMappingRow[]> {
  return onetSocRows(db).where('t.onet2010_code', 'in', codes).execute();
}

/** Taxonomy crosswalk rows leading to these O*NET-SOC 2019 codes. */
export function onetSocCrosswalkBy2019Code(db: Db, codes: readonly string[]): Promise<OnetSocMappingRow[]> {
  return onetSocRows(db).where('t.onet2019_code', 'in', codes).execute();
}

function escoRows(db: Db) {
  return db
    .selectFrom('esco_crosswalk as e')
    .selectAll('e')
    .select(sql<number>`(SELECT count(*) FROM esco_crosswalk o WHERE o.onet2010_code = e.onet2010_code)`.as('shared_count'))
    .orderBy('e.line');
}

export function escoCrosswalkByUri(db: Db, uris: readonly string[]): Promise<EscoMappingRow[]> {
  return escoRows(db).where('e.uri', 'in', uris).execute();
}

export function escoCrosswalkByIscoCode(db: Db, iscoCodes: readonly string[]): Promise<EscoMappingRow[]> {
  return escoRows(db).where('e.isco_code', 'in', iscoCodes).execute();
}

/** The ESCO occupations Nesta maps to an O*NET-SOC 2010 code that the taxonomy crosswalk leads to these occupations. */
export function escoCrosswalkByOccupation(db: Db, codes: readonly string[]): Promise<EscoByOccupationRow[]> {
  return db
    .selectFrom('esco_crosswalk as e')
    .innerJoin('onet_soc_crosswalk as t', 't.onet2010_code', 'e.onet2010_code')
    .selectAll('e')
    .select('t.onet2019_code as occupation_code')
    .where('t.onet2019_code', 'in', codes)
    .orderBy('e.line')
    .execute();
}
