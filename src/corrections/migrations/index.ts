/**
 * The corrections store's ordered migrations, one list per database, run in place by Kysely's Migrator whenever
 * the store is opened. Only migrations hold dialect-specific SQL; the queries are the same for both.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as pg0001 from './postgres-0001_initial';

export type CorrectionsDialect = 'sqlite' | 'postgres';

export const migrations: Record<CorrectionsDialect, Record<string, Migration>> = {
  sqlite: { '0001_initial': m0001 },
  postgres: { '0001_initial': pg0001 },
};

export function correctionsMigrationProvider(dialect: CorrectionsDialect): MigrationProvider {
  return { getMigrations: async () => migrations[dialect] };
}
