/**
 * Migration 0008: O*NET's Recommend Suppress flag on Education, Training, and Experience rows (0/1, NULL where
 * O*NET gives `n/a`), which 0001 dropped. Frozen in time like 0001.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE education ADD COLUMN recommend_suppress INTEGER`.execute(db);
}
