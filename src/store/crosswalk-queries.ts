/**
 * The crosswalk queries. Like queries.ts, each takes many keys and runs one statement, so the
 * number of statements does not grow with the number of parents. Rows come in file order, and carry how many
 * codes stand on each side of their mapping, from which the API tells one-to-one from split and merged.
 */
import { Selectable, sql } from 'kysely';
import type { Database, EscoCrosswalkRow, OnetSocCrosswalkRow, SocCrosswalkRow } from './database';
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

/** The two crosswalks from one version of a classification to the next: each row maps an old code to a new one. */
const versionCrosswalks = {
  soc_crosswalk: { old: 'soc2010_code', new: 'soc2018_code' },
  onet_soc_crosswalk: { old: 'onet2010_code', new: 'onet2019_code' },
} as const;

type VersionCrosswalk = keyof typeof versionCrosswalks;

/** How many rows of `table` share row `t`'s value in `column`, the row itself included. */
function sharing(table: string, column: string) {
  return sql<number>`(SELECT count(*) FROM ${sql.table(table)} o WHERE ${sql.ref(`o.${column}`)} = ${sql.ref(`t.${column}`)})`;
}

/** A version crosswalk's rows whose old or new code is one of `codes`, in file order, with their mapping counts. */
function versionRows<T extends VersionCrosswalk>(db: Db, table: T, side: 'old' | 'new', codes: readonly string[]) {
  const columns = versionCrosswalks[table];
  const rows = db
    .selectFrom(sql.table(table).as('t'))
    .selectAll()
    .select([sharing(table, columns.old).as('successor_count'), sharing(table, columns.new).as('predecessor_count')])
    .where(sql.ref(`t.${columns[side]}`), 'in', codes)
    .orderBy(sql.ref('t.line'))
    .execute();
  // The table is named at run time, so kysely cannot type its columns: they are the table's row.
  return rows as Promise<(Selectable<Database[T]> & MappingCounts)[]>;
}

/** BLS rows for these 2010 SOC codes. */
export function socCrosswalkBy2010Code(db: Db, codes: readonly string[]): Promise<SocMappingRow[]> {
  return versionRows(db, 'soc_crosswalk', 'old', codes);
}

/** BLS rows leading to these 2018 SOC codes. */
export function socCrosswalkBy2018Code(db: Db, codes: readonly string[]): Promise<SocMappingRow[]> {
  return versionRows(db, 'soc_crosswalk', 'new', codes);
}

/** Taxonomy crosswalk rows for these O*NET-SOC 2010 codes. */
export function onetSocCrosswalkBy2010Code(db: Db, codes: readonly string[]): Promise<OnetSocMappingRow[]> {
  return versionRows(db, 'onet_soc_crosswalk', 'old', codes);
}

/** Taxonomy crosswalk rows leading to these O*NET-SOC 2019 codes. */
export function onetSocCrosswalkBy2019Code(db: Db, codes: readonly string[]): Promise<OnetSocMappingRow[]> {
  return versionRows(db, 'onet_soc_crosswalk', 'new', codes);
}

function escoRows(db: Db) {
  return db
    .selectFrom('esco_crosswalk as t')
    .selectAll('t')
    .select(sharing('esco_crosswalk', 'onet2010_code').as('shared_count'))
    .orderBy('t.line');
}

export function escoCrosswalkByUri(db: Db, uris: readonly string[]): Promise<EscoMappingRow[]> {
  return escoRows(db).where('t.uri', 'in', uris).execute();
}

export function escoCrosswalkByIscoCode(db: Db, iscoCodes: readonly string[]): Promise<EscoMappingRow[]> {
  return escoRows(db).where('t.isco_code', 'in', iscoCodes).execute();
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
