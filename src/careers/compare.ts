/**
 * What a move between two occupations asks and keeps, from O*NET rows as stored: skill and knowledge gaps,
 * transferable skills, direction by job zone, typical education. Pure: the resolvers pass the rows in.
 */
import { FACET_WEIGHTS, FACETS, type CareerProfile, type Facet, type FacetSimilarities } from './similarity';

/** One element's ratings as the store holds them (the fields of an element score row this needs). */
export interface ElementScore {
  element_id: string;
  element_name: string;
  scale_id: string;
  value: number;
}

export interface ElementGap {
  element: { id: string; name: string };
  fromLevel: number;
  toLevel: number;
  toImportance: number;
}

export const DEFAULT_MIN_IMPORTANCE = 3.0;

type Levels = Map<string, { name: string; importance?: number; level?: number }>;
/** Each scores list's levels, worked out once per list: a held card's lists live as long as the store. */
const levelsOf = new WeakMap<readonly ElementScore[], Levels>();

/** Each element's Importance and Level, where both are rated. */
function levels(scores: readonly ElementScore[]): Levels {
  let known = levelsOf.get(scores);
  if (known === undefined) levelsOf.set(scores, (known = readLevels(scores)));
  return known;
}

function readLevels(scores: readonly ElementScore[]): Levels {
  const byElement = new Map<string, { name: string; importance?: number; level?: number }>();
  for (const s of scores) {
    const entry = byElement.get(s.element_id) ?? { name: s.element_name };
    if (s.scale_id === 'IM') entry.importance = s.value;
    if (s.scale_id === 'LV') entry.level = s.value;
    byElement.set(s.element_id, entry);
  }
  return byElement;
}

/** The elements the target rates at importance >= minImportance, with both occupations' levels, by element id. */
function comparedElements(from: readonly ElementScore[], to: readonly ElementScore[], minImportance: number): ElementGap[] {
  const fromLevels = levels(from);
  const rows: ElementGap[] = [];
  for (const [id, target] of levels(to)) {
    const origin = fromLevels.get(id);
    if (target.importance === undefined || target.level === undefined || origin?.level === undefined) continue;
    if (target.importance < minImportance) continue;
    rows.push({ element: { id, name: target.name }, fromLevel: origin.level, toLevel: target.level, toImportance: target.importance });
  }
  return rows.sort((a, b) => (a.element.id < b.element.id ? -1 : a.element.id > b.element.id ? 1 : 0));
}

/** Important target elements whose level is above the origin's, largest (toLevel − fromLevel) × toImportance first. */
export function elementGaps(from: readonly ElementScore[], to: readonly ElementScore[], minImportance = DEFAULT_MIN_IMPORTANCE): ElementGap[] {
  const size = (g: ElementGap) => (g.toLevel - g.fromLevel) * g.toImportance;
  // Sorting is stable, so equal sizes stay in element-id order.
  return comparedElements(from, to, minImportance)
    .filter((g) => g.toLevel > g.fromLevel)
    .sort((a, b) => size(b) - size(a));
}

/** Important target elements where the origin's level already meets the target's, most important first. */
export function transferableElements(from: readonly ElementScore[], to: readonly ElementScore[], minImportance = DEFAULT_MIN_IMPORTANCE): ElementGap[] {
  return comparedElements(from, to, minImportance)
    .filter((g) => g.fromLevel >= g.toLevel)
    .sort((a, b) => b.toImportance - a.toImportance);
}

/** Which way a move goes by job zone: into a higher zone, the same one, or a lower one. */
export type Direction = 'advance' | 'lateral' | 'step_down';
/** A wanted direction: one of the three, or any. */
export type DirectionFilter = Direction | 'any';

/** By comparing the two zones only, so any zone scale works (O*NET 30.2 has four zones, 30.1 five). */
export function direction(fromZone: number | null, toZone: number | null): Direction | null {
  if (fromZone === null || toZone === null) return null;
  return toZone > fromZone ? 'advance' : toZone < fromZone ? 'step_down' : 'lateral';
}

/** The most common category of a distribution; ties go to the lower category. */
export function typicalCategory<R extends { category: number; percent: number }>(rows: readonly R[]): R | null {
  let best: R | null = null;
  for (const row of rows) {
    if (best === null || row.percent > best.percent || (row.percent === best.percent && row.category < best.category)) best = row;
  }
  return best;
}

/** What each facet is computed from, for the reason a facet is null. */
const FACET_DATA: Record<Facet, string> = {
  skills: 'O*NET 29.0 Skills ratings',
  knowledge: 'O*NET 29.0 Knowledge ratings',
  workStyles: 'O*NET Work Styles ratings',
  interests: 'O*NET Interests ratings',
  workActivities: 'detailed work activities (O*NET Tasks to DWAs)',
  technology: 'O*NET Technology Skills',
  tasks: 'O*NET task statements',
  titles: 'titles',
  jobZone: 'O*NET job zone',
};

export interface FacetExplanation {
  similarity: number | null;
  weight: number;
  unavailableReason: string | null;
}

/** Each facet's similarity and weight, or the reason it is missing: which occupation lacks which data. */
export function explainFacets(from: CareerProfile, to: CareerProfile, facets: FacetSimilarities): Record<Facet, FacetExplanation> {
  const explained = {} as Record<Facet, FacetExplanation>;
  for (const facet of FACETS) {
    const similarity = facets[facet];
    const missing = [from, to].filter((p) => (facet === 'jobZone' ? p.jobZone === null : p[facet] === null)).map((p) => p.code);
    // A profile's vector is also null when its values are all exactly average (nothing to compare a direction by).
    const lacking = missing.length > 0 ? missing : [from.code, to.code];
    explained[facet] = {
      similarity,
      weight: FACET_WEIGHTS[facet],
      unavailableReason: similarity !== null ? null : `There are no ${FACET_DATA[facet]} for ${[...new Set(lacking)].join(' or ')}.`,
    };
  }
  return explained;
}
