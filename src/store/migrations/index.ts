/**
 * The reference store's migrations: one, the whole schema (0013_store.ts), since a store is always built fresh.
 * Kysely's Migrator runs it by name; a store records that name as `meta.schema_version`, and the server refuses
 * a store from another schema version.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0013 from './0013_store';

export const migrations: Record<string, Migration> = {
  '0013_store': m0013,
};

export const latestSchemaVersion = Object.keys(migrations).sort().at(-1) ?? '';

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
