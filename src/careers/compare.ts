/**
 * What a move between two occupations asks and keeps, from O*NET rows as stored: skill and knowledge gaps,
 * transferable skills, activities and technology carried over, direction by job zone, typical education. Pure: the
 * resolvers pass the rows in. What a comparison reads of one list (a scores list's elements by id, a list's keys, a
 * technology list in answer order) is worked out once per list and kept in a WeakMap beside it: the lists of held
 * cards and held rows live as long as the store, so a comparison of held occupations builds only its answer's objects.
 */
import type { ElementScore } from '../store/careers';
import { FACET_WEIGHTS, FACETS, type CareerProfile, type Facet, type FacetSimilarities } from './similarity';

export interface ElementGap {
  /** The `idPrefix` the gap function was given, followed by the element's id. */
  id: string;
  element: { id: string; name: string };
  fromLevel: number;
  toLevel: number;
  toImportance: number;
}

export const DEFAULT_MIN_IMPORTANCE = 3.0;

/**
 * A scores list's elements by id (code-unit order), with their Importance and Level (NaN where that scale is not
 * rated) at the same position. The gap functions merge two of these in one pass; the element objects are shared by
 * every gap built from them.
 */
interface RatedElements {
  ids: string[];
  elements: { id: string; name: string }[];
  importance: Float64Array;
  level: Float64Array;
}

/** Each scores list's elements, worked out once per list: a held card's lists live as long as the store. */
const ratedOf = new WeakMap<readonly ElementScore[], RatedElements>();

function rated(scores: readonly ElementScore[]): RatedElements {
  let known = ratedOf.get(scores);
  if (known === undefined) ratedOf.set(scores, (known = readRated(scores)));
  return known;
}

function readRated(scores: readonly ElementScore[]): RatedElements {
  const byElement = new Map<string, { name: string; importance: number; level: number }>();
  for (const s of scores) {
    let entry = byElement.get(s.element_id);
    if (entry === undefined) byElement.set(s.element_id, (entry = { name: s.element_name, importance: Number.NaN, level: Number.NaN }));
    if (s.scale_id === 'IM') entry.importance = s.value;
    if (s.scale_id === 'LV') entry.level = s.value;
  }
  const ids = [...byElement.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = ids.map((id) => byElement.get(id) as { name: string; importance: number; level: number });
  return {
    ids,
    elements: ids.map((id, k) => ({ id, name: (entries[k] as { name: string }).name })),
    importance: Float64Array.from(entries, (e) => e.importance),
    level: Float64Array.from(entries, (e) => e.level),
  };
}

/**
 * Works out what comparisons keep per list of a card (its elements by id, its activity ids) now rather than in the
 * first comparison that reads them: for a card about to be held for the life of the store.
 */
export function prepareForComparison(card: { skills: readonly ElementScore[]; knowledge: readonly ElementScore[]; activities: readonly Activity[] }): void {
  rated(card.skills);
  rated(card.knowledge);
  keysOf(card.activities, 'id', activityIds);
}

const gapSize = (g: ElementGap) => (g.toLevel - g.fromLevel) * g.toImportance;

/**
 * The elements the target rates at importance >= minImportance with a level, that the origin also rates a level
 * for, and whose levels are a gap (`gaps`: the target's above) or not (the origin's meets it); in element-id order,
 * each inserted into `rows` by `before` (stable: equal ones stay in id order), `rows` cut at `first`.
 */
function compared(from: readonly ElementScore[], to: readonly ElementScore[], minImportance: number, gaps: boolean, idPrefix: string, first: number, before: (a: ElementGap, b: ElementGap) => boolean): ElementGap[] {
  const origin = rated(from);
  const target = rated(to);
  const rows: ElementGap[] = [];
  if (first <= 0) return rows;
  let i = 0;
  for (let j = 0; j < target.ids.length; j++) {
    const toImportance = target.importance[j] as number;
    const toLevel = target.level[j] as number;
    // NaN (not rated) fails both comparisons.
    if (!(toImportance >= minImportance) || Number.isNaN(toLevel)) continue;
    const id = target.ids[j] as string;
    while (i < origin.ids.length && (origin.ids[i] as string) < id) i++;
    if (origin.ids[i] !== id) continue;
    const fromLevel = origin.level[i] as number;
    if (Number.isNaN(fromLevel) || (gaps ? !(toLevel > fromLevel) : !(fromLevel >= toLevel))) continue;
    const row: ElementGap = { id: idPrefix + id, element: target.elements[j] as ElementGap['element'], fromLevel, toLevel, toImportance };
    let k = rows.length;
    if (k === first && !before(row, rows[k - 1] as ElementGap)) continue;
    if (k < first) rows.push(row);
    else k--;
    for (; k > 0 && before(row, rows[k - 1] as ElementGap); k--) rows[k] = rows[k - 1] as ElementGap;
    rows[k] = row;
  }
  return rows;
}

const largerGap = (a: ElementGap, b: ElementGap) => gapSize(a) > gapSize(b);
const moreImportant = (a: ElementGap, b: ElementGap) => a.toImportance > b.toImportance;

/**
 * Important target elements whose level is above the origin's, largest (toLevel − fromLevel) × toImportance first
 * (equal sizes in element-id order), the first `first`; each gap's id is `idPrefix` and the element's id.
 */
export function elementGaps(from: readonly ElementScore[], to: readonly ElementScore[], minImportance = DEFAULT_MIN_IMPORTANCE, idPrefix = '', first = Infinity): ElementGap[] {
  return compared(from, to, minImportance, true, idPrefix, first, largerGap);
}

/** Important target elements where the origin's level already meets the target's, most important first (ties in element-id order). */
export function transferableElements(from: readonly ElementScore[], to: readonly ElementScore[], minImportance = DEFAULT_MIN_IMPORTANCE, idPrefix = ''): ElementGap[] {
  return compared(from, to, minImportance, false, idPrefix, Infinity, moreImportant);
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
  /** The `idPrefix` `explainFacets` was given, followed by the facet's name. */
  id: string;
  similarity: number | null;
  weight: number;
  unavailableReason: string | null;
}

/**
 * Each facet's similarity and weight, or the reason it is missing: which occupation lacks which data; with `id`,
 * each facet's id being `idPrefix`, `/` and its name.
 */
export function explainFacets(from: CareerProfile, to: CareerProfile, facets: FacetSimilarities, idPrefix = ''): Record<Facet, FacetExplanation> & { id: string } {
  const explained = { id: idPrefix } as Record<Facet, FacetExplanation> & { id: string };
  for (const facet of FACETS) {
    const similarity = facets[facet];
    explained[facet] = {
      id: `${idPrefix}/${facet}`,
      similarity,
      weight: FACET_WEIGHTS[facet],
      unavailableReason: similarity !== null ? null : `There are no ${FACET_DATA[facet]} for ${lacking(facet, from, to)}.`,
    };
  }
  return explained;
}

/** Which of the two occupations has no data for `facet`: one code, or both joined by "or". */
function lacking(facet: Facet, from: CareerProfile, to: CareerProfile): string {
  const missing = (p: CareerProfile) => (facet === 'jobZone' ? p.jobZone === null : p[facet] === null);
  const a = missing(from);
  const b = missing(to);
  // A profile's vector is also null when its values are all exactly average (nothing to compare a direction by):
  // then neither lacks the data as such, and both are named.
  if (a !== b) return a ? from.code : to.code;
  return from.code === to.code ? from.code : `${from.code} or ${to.code}`;
}

/** A target's items that carry over from the origin, and those that are new to it. */
export interface Split<T> {
  carriedOver: T[];
  new: T[];
}

/**
 * The target's items split by whether the origin has one with the same `key`, each half in the target's order.
 * The origin's keys are collected once per list (a held list lives as long as the store).
 */
function splitByKey<T, K extends keyof T>(from: readonly T[], to: readonly T[], key: K, kept: WeakMap<readonly T[], Set<T[K]>>): Split<T> {
  const known = keysOf(from, key, kept);
  const carriedOver: T[] = [];
  const fresh: T[] = [];
  for (const item of to) (known.has(item[key]) ? carriedOver : fresh).push(item);
  return { carriedOver, new: fresh };
}

/** The `key` of each item of `items`, collected once per list into `kept`. */
function keysOf<T, K extends keyof T>(items: readonly T[], key: K, kept: WeakMap<readonly T[], Set<T[K]>>): Set<T[K]> {
  let known = kept.get(items);
  if (known === undefined) {
    known = new Set<T[K]>();
    for (const item of items) known.add(item[key]);
    kept.set(items, known);
  }
  return known;
}

interface Activity {
  id: string;
}
const activityIds = new WeakMap<readonly Activity[], Set<string>>();

/** The target's detailed work activities the origin also performs (same id), and those it does not, in the target's order. */
export function splitActivities<A extends Activity>(from: readonly A[], to: readonly A[]): Split<A> {
  return splitByKey<A, 'id'>(from, to, 'id', activityIds as unknown as WeakMap<readonly A[], Set<A['id']>>);
}

interface Technology {
  id: number;
  example: string;
  hot: number;
}
const technologyNames = new WeakMap<readonly Technology[], Set<string>>();
const technologyInOrder = new WeakMap<readonly Technology[], readonly Technology[]>();
const hotFirst = (a: Technology, b: Technology) => b.hot - a.hot || (a.example < b.example ? -1 : a.example > b.example ? 1 : a.id - b.id);

/**
 * The target's technology the origin also lists (same name), and that it does not; each hot first, then by name
 * (then id). The target's list is put in that order once per list.
 */
export function splitTechnology<T extends Technology>(from: readonly T[], to: readonly T[]): Split<T> {
  let ordered = technologyInOrder.get(to) as readonly T[] | undefined;
  if (ordered === undefined) technologyInOrder.set(to, (ordered = [...to].sort(hotFirst)));
  return splitByKey<T, 'example'>(from, ordered, 'example', technologyNames as unknown as WeakMap<readonly T[], Set<T['example']>>);
}
