/**
 * `npm run calibrate:moves`: chooses the LIKELIHOOD ranking's parameters (src/careers/likelihood.ts) on the
 * even-numbered source units of the observed-moves evaluation only, and prints the odd (held-out) half beside them.
 *
 * Every occupation's similarity to every other is computed once (the same numbers as the stored ranking), then a
 * coordinate search over a grid of each parameter in turn maximises recall@10 on the even half (NDCG@10 breaks ties),
 * ranking each occupation's 50 best destinations by score over all 1,015 others, exactly as the importer stores
 * them. The observed moves are read here, as the yardstick; the shipped ranking never reads them.
 *
 * `--sizes=<file.json>` takes employment from a JSON object of O*NET-SOC code -> employment instead of the store (for
 * experiments with other size figures).
 */
import { readFileSync } from 'node:fs';
import { type LikelihoodParameters, LIKELIHOOD_PARAMETERS, likelihoodTerms, medianEmployment, type MoveFacts } from '../src/careers/likelihood';
import { type CareerProfile, codeOrder, forEachSimilarityRow, topScores } from '../src/careers/similarity';
import { readConfig } from '../src/config';
import { STORED_MOVES, readMoveFacts } from '../src/store/careers';
import { ensureStore } from '../src/store/ensure';
import { type ObservedScores, type Ranked, type Ranker, readObservedTruth, scoreObserved } from './eval-moves';

const GRID: Record<keyof LikelihoodParameters, number[]> = {
  similarity: [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 25, 30, 35, 40, 50, 60, 80],
  size: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.5],
  stepUp: [-2, -1.5, -1, -0.75, -0.5, -0.25, 0, 0.25],
};

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const show = (s: ObservedScores) =>
  `even ${percent(s.even.recall)} (NDCG ${s.even.ndcg.toFixed(3)})  odd ${percent(s.odd.recall)} (NDCG ${s.odd.ndcg.toFixed(3)})  all ${percent(s.all.recall)}`;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const store = await ensureStore({ dataDir: config.dataDir, storeFile: config.storeFile, rebuild: true, log: () => {} });
  try {
    const db = store.db;
    const profiles = (await db.selectFrom('career_profile').select(['occupation_code', 'profile']).orderBy('occupation_code').execute()).map(
      (r) => JSON.parse(r.profile) as CareerProfile,
    );
    const n = profiles.length;
    const index = new Map(profiles.map((p, i) => [p.code, i]));
    const similarity = new Float64Array(n * n);
    forEachSimilarityRow(profiles, (i, scores) => similarity.set(scores, i * n));
    const order = codeOrder(profiles);

    const facts: MoveFacts[] = await readMoveFacts(db, profiles.map((p) => p.code));
    if (sizesArg !== undefined) {
      const sizes = JSON.parse(readFileSync(sizesArg.slice('--sizes='.length), 'utf8')) as Record<string, number | null>;
      profiles.forEach((p, i) => (facts[i] = { ...(facts[i] as MoveFacts), employment: sizes[p.code] ?? null }));
    }
    const fallback = medianEmployment(facts);
    const truth = await readObservedTruth(db);
    console.log(`${truth.sources.length} source units (${truth.sources.filter((s) => s.position % 2 === 0).length} even), ${truth.withoutOccupations.length} left out without O*NET occupations`);

    const rankerFor = (p: LikelihoodParameters): Ranker => {
      const cache = new Map<string, Ranked[]>();
      const scores = new Float64Array(n);
      return (code) => {
        const cached = cache.get(code);
        if (cached !== undefined) return cached;
        const i = index.get(code) as number;
        for (let j = 0; j < n; j++) {
          const s = similarity[i * n + j] as number;
          scores[j] = Number.isNaN(s) ? Number.NaN : likelihoodTerms(s, facts[i] as MoveFacts, facts[j] as MoveFacts, fallback, p).score;
        }
        const list = topScores(scores, order, STORED_MOVES).map((t) => ({ code: (profiles[t.j] as CareerProfile).code, score: t.score }));
        cache.set(code, list);
        return list;
      };
    };
    const even = truth.sources.filter((s) => s.position % 2 === 0);
    const objective = (p: LikelihoodParameters) => {
      const s = scoreObserved(truth, rankerFor(p), even).even;
      return s.recall + s.ndcg / 1000;
    };

    let best: LikelihoodParameters = { ...LIKELIHOOD_PARAMETERS };
    let bestValue = objective(best);
    console.log(`start ${JSON.stringify(best)}: ${show(scoreObserved(truth, rankerFor(best)))}`);
    for (let round = 1; round <= 3; round++) {
      let moved = false;
      for (const key of Object.keys(GRID) as (keyof LikelihoodParameters)[]) {
        for (const value of GRID[key]) {
          const candidate = { ...best, [key]: value };
          const v = objective(candidate);
          if (v > bestValue + 1e-12) {
            best = candidate;
            bestValue = v;
            moved = true;
          }
        }
      }
      console.log(`round ${round}: ${JSON.stringify(best)}: even recall ${percent(Math.floor(bestValue * 1000) / 1000)}`);
      if (!moved) break;
    }
    console.log(`chosen on the even half: ${JSON.stringify(best)}`);
    console.log(`  ${show(scoreObserved(truth, rankerFor(best)))}`);
    console.log(`shipped (src/careers/likelihood.ts): ${JSON.stringify(LIKELIHOOD_PARAMETERS)}`);
    console.log(`  ${show(scoreObserved(truth, rankerFor(LIKELIHOOD_PARAMETERS)))}`);
    console.log(`similarity alone: ${show(scoreObserved(truth, rankerFor({ similarity: 1, size: 0, stepUp: 0 })))}`);
  } finally {
    await store.close();
  }
}

if (require.main === module) void main();
