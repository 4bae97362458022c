/** The AI exposure files under data/, as the tests that read or break them name them. */
export const AEI_JOBS = 'ai-exposure/aei-labor-market-impacts/job_exposure.csv';
export const AEI_TASKS = 'ai-exposure/aei-labor-market-impacts/task_penetration.csv';
export const GPTS_OCCUPATIONS = 'ai-exposure/gpts-are-gpts/occ_level.csv';
export const GPTS_TASKS = 'ai-exposure/gpts-are-gpts/full_labelset.tsv';
export const WWAI_SCORES = 'ai-exposure/working-with-ai/soc_ai_applicability_scores.csv';
export const WWAI_METRICS = 'ai-exposure/working-with-ai/soc_metrics.csv';
