/**
 * How likely a move is, as opposed to how similar the two occupations are: the `LIKELIHOOD` ranking of
 * `careerMoves`. Pure: no I/O, no store, no GraphQL.
 *
 * A move's score is a sum of terms, each from public facts about the two occupations, a log-linear model of the
 * odds that a mover from `from` lands in `to`:
 * - similarity: `similarity` × the similarity (similarity.ts), since skills carry over;
 * - size: `size` × ln(the destination's OEWS employment), since large occupations hire many people from everywhere
 *   (cashiers, retail salespersons, office clerks);
 * - job zone: `stepUp` per job zone climbed, since moves up need preparation a year rarely brings.
 * It never reads the observed moves. The parameters were chosen on the even-numbered source units of
 * `npm run eval:moves` only (`npm run calibrate:moves` repeats the search); its odd half is the held-out figure.
 */
import { type CareerProfile, codeOrder, forEachSimilarityRow, topScores } from './similarity';

/** The two rankings of career moves, as the store and `careerMoves(rank:)` name them. */
export type CareerRanking = 'similarity' | 'likelihood';

/** What the likelihood knows about an occupation besides its similarity to another. */
export interface MoveFacts {
  jobZone: number | null;
  /** Employment (OEWS), or null where none is published. */
  employment: number | null;
}

/** An occupation's facts from its row and its OEWS employment (null where OEWS publishes none for its SOC code). */
export function moveFacts(occupation: { job_zone: number | null }, employment: number | null): MoveFacts {
  return { jobZone: occupation.job_zone, employment };
}

export interface LikelihoodParameters {
  similarity: number;
  size: number;
  /** Per job zone climbed (a negative number lowers the odds); moves down or across add nothing. */
  stepUp: number;
}

/**
 * Chosen by `npm run calibrate:moves` on the even-numbered source units only, from a start of { 20, 1, -0.5 } (a first
 * guess, made before any figure was computed): recall@10 29.8% there, and 34.1% on the held-out odd half
 * (docs/performance.md, "Observed moves and LIKELIHOOD").
 */
export const LIKELIHOOD_PARAMETERS: LikelihoodParameters = { similarity: 20, size: 0.9, stepUp: -0.25 };

/** A move's score and the terms it is the sum of. */
export interface LikelihoodTerms {
  score: number;
  similarityTerm: number;
  sizeTerm: number;
  jobZoneTerm: number;
  /** The employment the size term used; null where the destination has none and `fallbackEmployment` stood in. */
  employment: number | null;
}

/**
 * The terms of a move with the given similarity from `from` into `to`. `fallbackEmployment` stands in for a destination
 * with no published employment (the median of those with one, so it is neither favoured nor buried).
 */
export function likelihoodTerms(
  similarity: number,
  from: MoveFacts,
  to: MoveFacts,
  fallbackEmployment: number,
  p: LikelihoodParameters = LIKELIHOOD_PARAMETERS,
): LikelihoodTerms {
  const similarityTerm = p.similarity * similarity;
  const sizeTerm = p.size * Math.log(Math.max(1, to.employment ?? fallbackEmployment));
  const climbed = from.jobZone === null || to.jobZone === null ? 0 : Math.max(0, to.jobZone - from.jobZone);
  const jobZoneTerm = p.stepUp * climbed;
  return { score: similarityTerm + sizeTerm + jobZoneTerm, similarityTerm, sizeTerm, jobZoneTerm, employment: to.employment };
}

/** The median of the employments published, the stand-in for destinations without one. */
export function medianEmployment(facts: Iterable<MoveFacts>): number {
  const known = [...facts].flatMap((f) => (f.employment === null ? [] : [f.employment])).sort((a, b) => a - b);
  if (known.length === 0) return 1;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? (known[mid] as number) : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
}

export interface RankedMove {
  code: string;
  similarity: number;
  /** The ranking's score: the similarity, or the likelihood score. */
  score: number;
}

/**
 * Each occupation's `first` moves by similarity and by likelihood, best first (ties by code), in one pass over every
 * pair's similarity: the likelihood ranking looks at all occupations, not only the most similar ones (a likely move
 * into a large occupation is often far down the similarity ranking). `facts` are in the order of `profiles`.
 */
export function rankCareerMoves(profiles: readonly CareerProfile[], facts: readonly MoveFacts[], first: number) {
  const order = codeOrder(profiles);
  const fallback = medianEmployment(facts);
  const likelihood = new Float64Array(profiles.length);
  const codeAt = (j: number) => (profiles[j] as CareerProfile).code;
  const ranked: { code: string; bySimilarity: RankedMove[]; byLikelihood: RankedMove[] }[] = [];
  forEachSimilarityRow(profiles, (i, similarity) => {
    for (let j = 0; j < similarity.length; j++) {
      const s = similarity[j] as number;
      likelihood[j] = Number.isNaN(s) ? Number.NaN : likelihoodTerms(s, facts[i] as MoveFacts, facts[j] as MoveFacts, fallback).score;
    }
    ranked.push({
      code: codeAt(i),
      bySimilarity: topScores(similarity, order, first).map((t) => ({ code: codeAt(t.j), similarity: t.score, score: t.score })),
      byLikelihood: topScores(likelihood, order, first).map((t) => ({ code: codeAt(t.j), similarity: similarity[t.j] as number, score: t.score })),
    });
  });
  return { ranked, fallbackEmployment: fallback };
}
