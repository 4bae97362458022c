/**
 * What the importer checks once every O*NET file is loaded, so the API can promise what it serves: every element the
 * other files name is in the Content Model Reference (so every `Element` has a description), every DWA's IWA is in
 * the IWA Reference under the same generalized work activity, and every technology and tool commodity is in the
 * UNSPSC Reference (so every one has its class, family and segment). The first problem found is returned, naming the
 * reference file and the file that names what it lacks.
 */
import { sql } from 'kysely';
import type { Db } from './queries';

export interface ModelProblem {
  /** The reference file that lacks something, as named in data/onet/<release>/. */
  file: string;
  problem: string;
}

/** Where an element id is named: the table and column, and which O*NET files fill it (for the message). */
const ELEMENT_REFERENCES = [
  ['element_rating', 'element_id', 'a ratings file (Skills, Knowledge, Work Styles, Interests, Work Values, Education, Training, and Experience)'],
  ['education', 'element_id', 'Education, Training, and Experience'],
  ['education_category', 'element_id', 'Education, Training, and Experience Categories'],
  ['skill_link', 'skill_id', 'Skills to Work Activities / Work Context'],
  ['skill_link', 'target_id', 'Skills to Work Activities / Work Context'],
  ['interest_activity', 'element_id', 'Interests Illustrative Activities'],
  ['interest_occupation', 'element_id', 'Interests Illustrative Occupations'],
  ['riasec_keyword', 'element_id', 'RIASEC Keywords'],
  ['dwa', 'element_id', 'DWA Reference'],
] as const;

export async function findModelProblem(db: Db, files: { contentModel: string; iwa: string; unspsc: string }): Promise<ModelProblem | null> {
  for (const [table, column, namedBy] of ELEMENT_REFERENCES) {
    const missing = await sql<{ id: string }>`
      SELECT DISTINCT ${sql.ref(column)} AS id FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} NOT IN (SELECT id FROM content_element) ORDER BY 1 LIMIT 1`.execute(db);
    const id = missing.rows[0]?.id;
    if (id !== undefined) return { file: files.contentModel, problem: `has no element ${id}, which ${namedBy} names` };
  }
  const dwa = await db
    .selectFrom('dwa as d')
    .leftJoin('iwa as i', 'i.id', 'd.iwa_id')
    .select(['d.id', 'd.iwa_id', 'd.element_id', 'i.element_id as iwa_element_id'])
    .where((eb) => eb.or([eb('i.id', 'is', null), eb('i.element_id', '!=', eb.ref('d.element_id'))]))
    .orderBy('d.id')
    .executeTakeFirst();
  if (dwa !== undefined) {
    return {
      file: files.iwa,
      problem:
        dwa.iwa_element_id === null
          ? `has no IWA ${dwa.iwa_id}, which DWA Reference names for ${dwa.id}`
          : `puts IWA ${dwa.iwa_id} under ${dwa.iwa_element_id}, but DWA Reference puts its DWA ${dwa.id} under ${dwa.element_id}`,
    };
  }
  for (const [table, namedBy] of [['technology_skill', 'Technology Skills'], ['tool', 'Tools Used']] as const) {
    const missing = await db
      .selectFrom(table)
      .select('commodity_code')
      .where('commodity_code', 'not in', db.selectFrom('unspsc_commodity').select('commodity_code'))
      .orderBy('commodity_code')
      .executeTakeFirst();
    if (missing !== undefined) return { file: files.unspsc, problem: `has no commodity ${missing.commodity_code}, which ${namedBy} lists` };
  }
  return null;
}
