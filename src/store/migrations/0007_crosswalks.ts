/**
 * Migration 0007: the crosswalks from other classifications (data/crosswalks/, src/store/crosswalk-files.ts), one
 * table per file, each row keeping its line in the file and the id of the source that published it. Indexed both
 * ways, because `translateCode` reads old code -> new code and `Occupation.crosswalks` reads new -> old. Frozen in
 * time like 0001.
 */
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE soc_crosswalk (
      line INTEGER PRIMARY KEY, soc2010_code TEXT NOT NULL, soc2010_title TEXT NOT NULL, soc2018_code TEXT NOT NULL,
      soc2018_title TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES source(id), UNIQUE (soc2010_code, soc2018_code)
    ) STRICT`,
    sql`CREATE INDEX soc_crosswalk_by_2018 ON soc_crosswalk(soc2018_code, line)`,
    sql`CREATE TABLE onet_soc_crosswalk (
      line INTEGER PRIMARY KEY, onet2010_code TEXT NOT NULL, onet2010_title TEXT NOT NULL, onet2019_code TEXT NOT NULL,
      onet2019_title TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES source(id), UNIQUE (onet2010_code, onet2019_code)
    ) STRICT`,
    sql`CREATE INDEX onet_soc_crosswalk_by_2019 ON onet_soc_crosswalk(onet2019_code, line)`,
    sql`CREATE TABLE esco_crosswalk (
      line INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, label TEXT NOT NULL, isco_code TEXT NOT NULL,
      onet2010_code TEXT NOT NULL, onet2010_title TEXT NOT NULL, confidence REAL NOT NULL,
      semantic_similarity REAL NOT NULL, source_id TEXT NOT NULL REFERENCES source(id)
    ) STRICT`,
    sql`CREATE INDEX esco_crosswalk_by_isco ON esco_crosswalk(isco_code, line)`,
    sql`CREATE INDEX esco_crosswalk_by_onet2010 ON esco_crosswalk(onet2010_code, line)`,
  ]) {
    await statement.execute(db);
  }
}
