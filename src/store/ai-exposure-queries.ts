/**
 * The AI exposure queries. Like queries.ts, each takes many occupation codes and runs one statement, so the number
 * of statements does not grow with the number of parents.
 */
import { sql } from 'kysely';
import type { AiCoverageGapRow, AiMeasureId, AiMeasureRow, AutomationLabel, ExposureLabel, TextMatch } from './database';
import type { Db, OccupationFigure } from './queries';

/** A published figure with the occupation it was read for (its own code's figure, or its SOC code's). */
export type OccupationAiMeasureRow = AiMeasureRow & { occupation_code: string };

/**
 * Every published figure of these occupations: those published for the O*NET-SOC code itself and those published
 * for its SOC code (the two code forms never collide: `43-6012.00` against `43-6012`).
 */
export function aiMeasuresByOccupation(db: Db, codes: readonly string[]): Promise<OccupationAiMeasureRow[]> {
  return db
    .selectFrom('occupation as o')
    .innerJoin('ai_measure as m', (join) => join.on((eb) => eb.or([eb('m.code', '=', eb.ref('o.code')), eb('m.code', '=', eb.ref('o.soc_code'))])))
    .select(['o.code as occupation_code', 'm.code', 'm.measure', 'm.value', 'm.title', 'm.source_id'])
    .where('o.code', 'in', codes)
    .execute();
}

/** Why each of these occupations lacks each source it lacks. */
export function aiCoverageGapsByOccupation(db: Db, codes: readonly string[]): Promise<AiCoverageGapRow[]> {
  return db.selectFrom('ai_coverage_gap').selectAll().where('occupation_code', 'in', codes).execute();
}

/** One task with what both task-level sources say about it; the columns of a source that does not join are null. */
export interface TaskAiExposureRow {
  task_id: number;
  occupation_code: string;
  /** The task's statement today. */
  statement: string;
  penetration: number | null;
  aei_statement: string | null;
  match: TextMatch | null;
  labelled_statement: string | null;
  human_exposure: ExposureLabel | null;
  gpt4_exposure: ExposureLabel | null;
  gpt4_automation: AutomationLabel | null;
}

/** Every task of these occupations, in task-id order, with its AEI penetration and GPTs are GPTs labels. */
export function aiTaskExposureByOccupation(db: Db, codes: readonly string[]): Promise<TaskAiExposureRow[]> {
  return db
    .selectFrom('task as t')
    .leftJoin('task_aei_match as am', 'am.task_id', 't.task_id')
    .leftJoin('aei_task_penetration as p', 'p.line', 'am.line')
    // A label joins only a task of the occupation it was made for (task ids are O*NET's, one occupation each).
    .leftJoin('gpts_task_label as l', (join) => join.onRef('l.task_id', '=', 't.task_id').onRef('l.occupation_code', '=', 't.occupation_code'))
    .select([
      't.task_id', 't.occupation_code', 't.statement', 'p.penetration', 'p.statement as aei_statement', 'am.match',
      'l.statement as labelled_statement', 'l.human_exposure', 'l.gpt4_exposure', 'l.gpt4_automation',
    ])
    .where('t.occupation_code', 'in', codes)
    .orderBy('t.task_id')
    .execute();
}

/**
 * An AI measure as a figure `occupations` filters and orders by: SQL over the `occupation` row being read, the figure
 * published for its code or its SOC code (one of the two at most: a measure's source publishes for one kind), NULL
 * where there is none.
 */
export function aiMeasureFigure(measure: AiMeasureId): OccupationFigure {
  return {
    value: sql<number | null>`(SELECT m.value FROM ai_measure m WHERE m.measure = ${measure} AND m.code IN (occupation.code, occupation.soc_code))`,
  };
}
