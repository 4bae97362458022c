/**
 * The ordered list of migrations. Kysely's Migrator runs them by name; a store records the last one it
 * applied as `meta.schema_version`, and the server refuses a store from another schema version.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_search';
import * as m0003 from './0003_framework_document';
import * as m0004 from './0004_onet_releases';
import * as m0005 from './0005_careers';
import * as m0006 from './0006_framework_once';
import * as m0007 from './0007_crosswalks';
import * as m0008 from './0008_education_suppress';
import * as m0009 from './0009_career_card';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_search': m0002,
  '0003_framework_document': m0003,
  '0004_onet_releases': m0004,
  '0005_careers': m0005,
  '0006_framework_once': m0006,
  '0007_crosswalks': m0007,
  '0008_education_suppress': m0008,
  '0009_career_card': m0009,
};

export const latestSchemaVersion = Object.keys(migrations).sort().at(-1) ?? '';

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
