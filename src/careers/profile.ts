/**
 * Builds every occupation's similarity profile (similarity.ts says what each facet means) from O*NET rows as the
 * store holds them. Pure: the importer passes the rows in and stores the profiles as JSON. Element means and
 * IDF weights are taken over all occupations given, so profiles are built for the whole set at once.
 *
 * Weights are rounded to 6 decimals before anything is compared, so a profile read back from its JSON is exactly
 * the profile the moves were ranked with.
 */
import { indexTerms } from '../search/normalize';
import type { CareerProfile, SparseVector } from './similarity';

export interface CareerInput {
  occupations: readonly { code: string; title: string; jobZone: number | null }[];
  /** Skills and knowledge (IM, LV), work styles (WI) and interests (OI) ratings; other scales are ignored. */
  ratings: readonly { occupationCode: string; domain: string; elementId: string; scaleId: string; value: number }[];
  /** One row per (occupation, detailed work activity). */
  workActivities: readonly { occupationCode: string; dwaId: string }[];
  technologies: readonly { occupationCode: string; name: string }[];
  tasks: readonly { occupationCode: string; statement: string }[];
  alternateTitles: readonly { occupationCode: string; title: string }[];
}

const DENSE_FACETS = [
  ['skills', 'skill', ['IM', 'LV']],
  ['knowledge', 'knowledge', ['IM', 'LV']],
  ['workStyles', 'work_style', ['WI']],
  ['interests', 'interest', ['OI']],
] as const;

/** The official title counts as this many alternate titles in the titles facet. */
const TITLE_REPEAT = 3;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function normalised(values: number[]): number[] | null {
  const norm = Math.hypot(...values);
  return norm === 0 ? null : values.map((v) => round(v / norm));
}

/** Centred rating vectors: each (scale, element) minus its mean over the occupations rated; unrated counts as the mean. */
function denseVectors(rows: CareerInput['ratings'], domain: string, scales: readonly string[]): Map<string, number[] | null> {
  const byOccupation = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.domain !== domain || !scales.includes(r.scaleId)) continue;
    let values = byOccupation.get(r.occupationCode);
    if (values === undefined) byOccupation.set(r.occupationCode, (values = new Map()));
    values.set(`${r.scaleId} ${r.elementId}`, r.value);
  }
  const keys = [...new Set([...byOccupation.values()].flatMap((v) => [...v.keys()]))].sort();
  const means = keys.map((key) => {
    let sum = 0;
    let n = 0;
    for (const values of byOccupation.values()) {
      const v = values.get(key);
      if (v !== undefined) (sum += v), n++;
    }
    return sum / n;
  });
  const vectors = new Map<string, number[] | null>();
  for (const [code, values] of byOccupation) vectors.set(code, normalised(keys.map((key, i) => (values.get(key) ?? (means[i] as number)) - (means[i] as number))));
  return vectors;
}

/** TF-IDF vectors (sublinear tf: 1 + ln count; idf: ln(N / df) over the occupations that have any term). */
function sparseVectors(counts: Map<string, Map<string, number>>): Map<string, SparseVector | null> {
  const df = new Map<string, number>();
  for (const terms of counts.values()) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const ids = new Map([...df.keys()].sort().map((term, i) => [term, i]));
  const n = counts.size;
  const vectors = new Map<string, SparseVector | null>();
  for (const [code, terms] of counts) {
    const entries = [...terms]
      .map(([term, count]) => [ids.get(term) as number, (1 + Math.log(count)) * Math.log(n / (df.get(term) as number))] as const)
      .filter(([, w]) => w > 0)
      .sort((x, y) => x[0] - y[0]);
    const weights = normalised(entries.map(([, w]) => w));
    vectors.set(code, weights === null ? null : { ids: entries.map(([id]) => id), weights });
  }
  return vectors;
}

function countTerms<R extends { occupationCode: string }>(rows: readonly R[], termsOf: (row: R) => readonly string[], repeat = () => 1): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let terms = counts.get(row.occupationCode);
    if (terms === undefined) counts.set(row.occupationCode, (terms = new Map()));
    for (const term of termsOf(row)) terms.set(term, (terms.get(term) ?? 0) + repeat());
  }
  return counts;
}

export function buildProfiles(input: CareerInput): CareerProfile[] {
  const dense = Object.fromEntries(DENSE_FACETS.map(([facet, domain, scales]) => [facet, denseVectors(input.ratings, domain, scales)]));
  const sets = <R extends { occupationCode: string }>(rows: readonly R[], key: (row: R) => string) => {
    const distinct = new Map<string, R>();
    for (const row of rows) distinct.set(`${row.occupationCode}\t${key(row)}`, row);
    return sparseVectors(countTerms([...distinct.values()], (row) => [key(row)]));
  };
  const workActivities = sets(input.workActivities, (r) => r.dwaId);
  const technology = sets(input.technologies, (r) => r.name);
  const tasks = sparseVectors(countTerms(input.tasks, (r) => indexTerms(r.statement)));
  const titleRows = [
    ...input.occupations.flatMap((o) => Array.from({ length: TITLE_REPEAT }, () => ({ occupationCode: o.code, title: o.title }))),
    ...input.alternateTitles,
  ];
  const titles = sparseVectors(countTerms(titleRows, (r) => indexTerms(r.title)));
  return input.occupations.map((o) => ({
    code: o.code,
    jobZone: o.jobZone,
    skills: dense.skills?.get(o.code) ?? null,
    knowledge: dense.knowledge?.get(o.code) ?? null,
    workStyles: dense.workStyles?.get(o.code) ?? null,
    interests: dense.interests?.get(o.code) ?? null,
    workActivities: workActivities.get(o.code) ?? null,
    technology: technology.get(o.code) ?? null,
    tasks: tasks.get(o.code) ?? null,
    titles: titles.get(o.code) ?? null,
  }));
}
