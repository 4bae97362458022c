/**
 * The Education, Training, and Experience distributions the API names, and O*NET's scale id of each. Its own file
 * because the occupation and the career-comparison resolvers both read it, and occupation.ts imports careers.ts.
 */
import type { EducationDistribution } from '../__generated__/resolvers-types';

export const EDUCATION_SCALES: Record<EducationDistribution, string> = {
  REQUIRED_LEVEL_OF_EDUCATION: 'RL',
  RELATED_WORK_EXPERIENCE: 'RW',
  ON_SITE_OR_IN_PLANT_TRAINING: 'PT',
  ON_THE_JOB_TRAINING: 'OJ',
};
