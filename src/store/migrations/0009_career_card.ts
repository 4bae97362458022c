/**
 * Migration 0009: each occupation's comparison card (src/store/careers.ts): what a comparison reads of one
 * occupation besides its profile (skill and knowledge Importance and Level, detailed work activities), one JSON
 * document written at store build, so a comparison reads both occupations' profiles and cards in one statement
 * instead of shaping rating and activity rows per request. Frozen in time like 0001.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE career_card (
    occupation_code TEXT PRIMARY KEY REFERENCES occupation(code), card TEXT NOT NULL
  ) STRICT`.execute(db);
}
