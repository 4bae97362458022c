/**
 * The corrections store's ordered migrations, run in place by Kysely's Migrator whenever the store is opened. Each
 * migration is written once for both databases and told which one it runs on; only migrations hold
 * dialect-specific SQL, and the queries are the same for both.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001_initial';

export type CorrectionsDialect = 'sqlite' | 'postgres';

export function migrations(dialect: CorrectionsDialect): Record<string, Migration> {
  return { '0001_initial': initial(dialect) };
}

export function correctionsMigrationProvider(dialect: CorrectionsDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
