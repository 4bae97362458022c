/** The corrections store's ordered migrations, run in place by Kysely's Migrator whenever the store is opened. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const correctionsMigrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
