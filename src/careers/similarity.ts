/**
 * How similar two occupations are, facet by facet, from their similarity profiles (profile.ts). Pure: no I/O, no
 * store, no GraphQL. The importer ranks every occupation's moves over `forEachSimilarityRow`, which computes bit for bit what
 * `compareProfiles` gives for each pair, and a comparison request calls `compareProfiles` on the same stored
 * profiles, so the similarity a move shows and the one its comparison shows are the same number.
 *
 * Each facet gives a similarity from 0 to 1, or null where either occupation has no data for it:
 * - skills, knowledge (O*NET 29.0 Importance and Level), work styles (Work Styles Impact), interests (RIASEC
 *   Occupational Interest): the cosine of the two occupations' rating vectors after subtracting each element's mean
 *   over all occupations, mapped from [-1, 1] to [0, 1]. Centring makes the profile's shape count, not the fact
 *   that every occupation needs some reading comprehension.
 * - work activities (detailed work activities reached through `Tasks to DWAs`), technology (technology names):
 *   the cosine of IDF-weighted sets, so sharing a rare activity counts more than sharing "maintain records".
 * - tasks (the words of the task statements), titles (the words of the title and alternate titles): the cosine
 *   of TF-IDF word vectors (stems as the job-title search makes them).
 * - job zone: 1 / (1 + |difference of zones|); the zones are compared, never assumed to run 1 to 5.
 *
 * The overall similarity is the weighted mean of the facets both occupations have (FACET_WEIGHTS), so a missing
 * facet is left out rather than counted as a zero. No wages, no observed job-to-job transitions and no list of
 * related occupations go in: O*NET's Related Occupations are the answer key `npm run eval:moves` checks against.
 */

/** A sparse vector: ascending ids and their weights, L2-normalised. */
export interface SparseVector {
  ids: number[];
  weights: number[];
}

/** What an occupation is compared by; built by profile.ts, stored as JSON in `career_profile`. */
export interface CareerProfile {
  code: string;
  jobZone: number | null;
  skills: number[] | null;
  knowledge: number[] | null;
  workStyles: number[] | null;
  interests: number[] | null;
  workActivities: SparseVector | null;
  technology: SparseVector | null;
  tasks: SparseVector | null;
  titles: SparseVector | null;
}

export const FACETS = [
  'skills', 'knowledge', 'workStyles', 'interests', 'workActivities', 'technology', 'tasks', 'titles', 'jobZone',
] as const;
export type Facet = (typeof FACETS)[number];

/**
 * How much each facet counts. Tuned for recall of O*NET's Primary-Short related occupations by a coordinate search
 * (a throwaway prototype, not shipped) over the occupations at even positions in code order only; `npm run
 * eval:moves` reports the other half separately, as the held-out figure. Skills was set to 0.25 by hand afterwards
 * (the search left it at 0) so that it counts.
 */
export const FACET_WEIGHTS: Readonly<Record<Facet, number>> = {
  skills: 0.25,
  knowledge: 1,
  workStyles: 0.1,
  interests: 0.5,
  workActivities: 0.7,
  technology: 0.7,
  tasks: 2.8,
  titles: 2.8,
  jobZone: 0.3,
};

export type FacetSimilarities = Record<Facet, number | null>;

function dense(a: number[] | null, b: number[] | null): number | null {
  if (a === null || b === null) return null;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return clamp((1 + dot) / 2);
}

function sparse(a: SparseVector | null, b: SparseVector | null): number | null {
  if (a === null || b === null) return null;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) dot += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return clamp(dot);
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function jobZoneSimilarity(a: CareerProfile, b: CareerProfile): number | null {
  return a.jobZone === null || b.jobZone === null ? null : 1 / (1 + Math.abs(a.jobZone - b.jobZone));
}

export function facetSimilarities(a: CareerProfile, b: CareerProfile, weights: Readonly<Record<Facet, number>> = FACET_WEIGHTS): FacetSimilarities {
  // A facet weighted 0 is not computed (the tuning script switches facets off this way).
  const on = (f: Facet) => weights[f] !== 0;
  return {
    skills: on('skills') ? dense(a.skills, b.skills) : null,
    knowledge: on('knowledge') ? dense(a.knowledge, b.knowledge) : null,
    workStyles: on('workStyles') ? dense(a.workStyles, b.workStyles) : null,
    interests: on('interests') ? dense(a.interests, b.interests) : null,
    workActivities: on('workActivities') ? sparse(a.workActivities, b.workActivities) : null,
    technology: on('technology') ? sparse(a.technology, b.technology) : null,
    tasks: on('tasks') ? sparse(a.tasks, b.tasks) : null,
    titles: on('titles') ? sparse(a.titles, b.titles) : null,
    jobZone: jobZoneSimilarity(a, b),
  };
}

/** The weighted mean of the facets present, 0 to 1. */
export function combine(facets: FacetSimilarities, weights: Readonly<Record<Facet, number>> = FACET_WEIGHTS): number {
  return weightedMean(FACETS.map((f) => facets[f]), FACETS.map((f) => weights[f]));
}

/** `values[k]` weighted by `weights[k]`, nulls left out; the one place the sum is taken, so ranking and comparison agree. */
function weightedMean(values: readonly (number | null)[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (value === null || value === undefined) continue;
    sum += (weights[k] as number) * value;
    total += weights[k] as number;
  }
  return total === 0 ? 0 : sum / total;
}

export function compareProfiles(a: CareerProfile, b: CareerProfile, weights: Readonly<Record<Facet, number>> = FACET_WEIGHTS) {
  const facets = facetSimilarities(a, b, weights);
  return { similarity: combine(facets, weights), facets };
}

type DenseFacet = 'skills' | 'knowledge' | 'workStyles' | 'interests';
type SparseFacet = 'workActivities' | 'technology' | 'tasks' | 'titles';
const SPARSE: readonly SparseFacet[] = ['workActivities', 'technology', 'tasks', 'titles'];

/**
 * Calls `visit(i, scores)` for every occupation `i` in turn, `scores[j]` being its similarity to occupation `j` (the
 * same numbers as `compareProfiles` on every pair; `scores[i]` is NaN). Computed a row at a time: a sparse facet's dot
 * products come from an inverted index, adding each shared term's product in ascending id order exactly as `sparse()`
 * does, so every sum is bit-for-bit the one a comparison computes. `scores` is reused for the next row.
 */
export function forEachSimilarityRow(
  profiles: readonly CareerProfile[],
  visit: (i: number, scores: Float64Array) => void,
  weights: Readonly<Record<Facet, number>> = FACET_WEIGHTS,
): void {
  const n = profiles.length;
  const at = (i: number) => profiles[i] as CareerProfile;
  // Per sparse facet and term id: the occupations having it and their weights.
  const postings = new Map<SparseFacet, Map<number, { occupations: Int32Array; weights: Float64Array }>>();
  for (const facet of SPARSE) {
    const lists = new Map<number, { occupations: number[]; weights: number[] }>();
    profiles.forEach((p, occupation) => {
      const v = p[facet];
      if (v === null) return;
      v.ids.forEach((id, k) => {
        let list = lists.get(id);
        if (list === undefined) lists.set(id, (list = { occupations: [], weights: [] }));
        list.occupations.push(occupation);
        list.weights.push(v.weights[k] as number);
      });
    });
    postings.set(facet, new Map([...lists].map(([id, l]) => [id, { occupations: Int32Array.from(l.occupations), weights: Float64Array.from(l.weights) }])));
  }
  const dots = new Map(SPARSE.map((f) => [f, new Float64Array(n)]));
  const denseArrays = new Map(
    (FACETS.filter((f) => f !== 'jobZone' && !isSparse(f)) as DenseFacet[]).map((f) => [
      f,
      profiles.map((p) => (p[f] === null ? null : Float64Array.from(p[f]))),
    ]),
  );
  const weightList = FACETS.map((f) => weights[f]);
  const values: (number | null)[] = FACETS.map(() => null);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = at(i);
    for (const facet of SPARSE) {
      const acc = dots.get(facet) as Float64Array;
      acc.fill(0);
      const v = a[facet];
      if (v === null || weights[facet] === 0) continue;
      const index = postings.get(facet) as Map<number, { occupations: Int32Array; weights: Float64Array }>;
      for (let k = 0; k < v.ids.length; k++) {
        const w = v.weights[k] as number;
        const list = index.get(v.ids[k] as number);
        if (list === undefined) continue;
        const { occupations, weights: ws } = list;
        for (let m = 0; m < occupations.length; m++) (acc[occupations[m] as number] as number) += w * (ws[m] as number);
      }
    }
    for (let j = 0; j < n; j++) {
      if (j === i) {
        scores[j] = Number.NaN;
        continue;
      }
      const b = at(j);
      for (let k = 0; k < FACETS.length; k++) {
        const f = FACETS[k] as Facet;
        values[k] =
          weights[f] === 0
            ? null
            : f === 'jobZone'
              ? jobZoneSimilarity(a, b)
              : isSparse(f)
                ? a[f] === null || b[f] === null ? null : clamp((dots.get(f) as Float64Array)[j] as number)
                : denseDot((denseArrays.get(f) as (Float64Array | null)[])[i] as Float64Array | null, (denseArrays.get(f) as (Float64Array | null)[])[j] as Float64Array | null);
      }
      scores[j] = weightedMean(values, weightList);
    }
    visit(i, scores);
  }
}

/**
 * The `first` best of `scores` (NaN never), best first, walking `order` and displacing only on a strictly higher
 * score, so ties stay in that order.
 */
export function topScores(scores: ArrayLike<number>, order: readonly number[], first: number): { j: number; score: number }[] {
  const top: { j: number; score: number }[] = [];
  if (first <= 0) return top;
  for (const j of order) {
    const score = scores[j] as number;
    if (Number.isNaN(score)) continue;
    if (top.length === first && score <= (top[first - 1] as { score: number }).score) continue;
    let k = Math.min(top.length, first - 1);
    while (k > 0 && (top[k - 1] as { score: number }).score < score) k--;
    top.splice(k, 0, { j, score });
    if (top.length > first) top.pop();
  }
  return top;
}

/** The profiles' positions in code order: the order ties are broken in. */
export function codeOrder(profiles: readonly { code: string }[]): number[] {
  return [...profiles.keys()].sort((x, y) => ((profiles[x] as { code: string }).code < (profiles[y] as { code: string }).code ? -1 : 1));
}

/** `dense()` over typed arrays: the same sum in the same order. */
function denseDot(a: Float64Array | null, b: Float64Array | null): number | null {
  if (a === null || b === null) return null;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] as number) * (b[i] as number);
  return clamp((1 + dot) / 2);
}

const isSparse = (f: Facet): f is SparseFacet => (SPARSE as readonly Facet[]).includes(f);
