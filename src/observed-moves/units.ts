/**
 * The survey's units and their moves, from the CPS ASEC mobility edgelist as read (data/observed-moves/). Pure: no
 * I/O, no store, no GraphQL.
 *
 * Where one survey occupation covers several BLS codes, its flows were divided among them by employment share, so
 * those codes have the same row (every target's probability equal, up to the file's rounding noise), and a "move"
 * between them is someone staying. Such a split group is one unit here: its stay probability is the sum of its
 * probabilities into its own codes, a move into a group is the sum of the probabilities into the group's codes, and
 * the unit's survey employment is the sum of its codes' (each holds its share).
 */

/** One row of the edgelist as the importer read it. */
export interface ObservedEdge {
  /** The file's line, for error messages. */
  line: number;
  source: string;
  target: string;
  /** `transition_prob_BLS_ASECnorm_corr`: the share of the source's workers in the target a year later. */
  probability: number;
  /** `EMPOCCLY_unadj_BLS`: the source's weighted CPS employment, pooled over the survey years. */
  sourceEmployment: number;
}

export interface ObservedUnit {
  /** The lowest of its codes. */
  code: string;
  /** Its codes' titles, in code order, joined by "; ". */
  title: string;
  /** Its 2010 SOC codes in code order: one, or a split group's several. */
  codes: string[];
  stayProbability: number;
  /** The weighted CPS employment of its codes, summed. */
  surveyEmployment: number;
  /** surveyEmployment × (1 − stayProbability). */
  weightedMovers: number;
  /** Destination units, most probable first (ties by code). */
  moves: { unit: string; probability: number }[];
}

/** Below either of these a unit's moves are too few to rank with confidence (`thin`). */
export const THIN_BELOW = { destinations: 10, weightedMovers: 50_000 } as const;

export const isThin = (unit: { destinations: number; weightedMovers: number }) =>
  unit.destinations < THIN_BELOW.destinations || unit.weightedMovers < THIN_BELOW.weightedMovers;

/** Rows of two codes whose probabilities differ by more than this (relatively) are different rows. */
const SAME_ROW_TOLERANCE = 1e-9;

function sameRow(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [target, p] of a) {
    const q = b.get(target);
    if (q === undefined || Math.abs(p - q) > SAME_ROW_TOLERANCE * Math.max(p, q)) return false;
  }
  return true;
}

/**
 * Split groups: codes whose rows are the same and that move into each other. Each code's group, as its codes in
 * code order (a code on its own is a group of one).
 */
export function splitGroups(rows: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string[]> {
  // Only codes with the same targets can have the same row: compare within those sets.
  const byTargets = new Map<string, string[]>();
  for (const code of [...rows.keys()].sort()) {
    const key = [...(rows.get(code) as ReadonlyMap<string, number>).keys()].sort().join(',');
    byTargets.set(key, [...(byTargets.get(key) ?? []), code]);
  }
  const groupOf = new Map<string, string[]>();
  for (const codes of byTargets.values()) {
    for (const code of codes) {
      if (groupOf.has(code)) continue;
      const row = rows.get(code) as ReadonlyMap<string, number>;
      const group = [code];
      for (const other of codes) {
        if (other <= code || groupOf.has(other) || !row.has(other)) continue;
        if (sameRow(row, rows.get(other) as ReadonlyMap<string, number>)) group.push(other);
      }
      for (const member of group) groupOf.set(member, group);
    }
  }
  return groupOf;
}

/** The units, in code order, from the edgelist's rows and every code's title. */
export function observedUnits(edges: readonly ObservedEdge[], titles: ReadonlyMap<string, string>): ObservedUnit[] {
  const rows = new Map<string, Map<string, number>>();
  const employment = new Map<string, number>();
  for (const e of edges) {
    let row = rows.get(e.source);
    if (row === undefined) rows.set(e.source, (row = new Map()));
    row.set(e.target, e.probability);
    employment.set(e.source, e.sourceEmployment);
  }
  const groupOf = splitGroups(rows);
  const unitOf = (code: string) => (groupOf.get(code) ?? [code])[0] as string;
  const units: ObservedUnit[] = [];
  for (const [code, group] of [...groupOf].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (group[0] !== code) continue;
    // The rows are the same: the first code's stands for the group.
    const row = rows.get(code) as Map<string, number>;
    let stay = 0;
    const into = new Map<string, number>();
    for (const [target, p] of row) {
      if (group.includes(target)) stay += p;
      else into.set(unitOf(target), (into.get(unitOf(target)) ?? 0) + p);
    }
    const surveyEmployment = group.reduce((sum, c) => sum + (employment.get(c) ?? 0), 0);
    units.push({
      code,
      title: group.map((c) => titles.get(c) ?? c).join('; '),
      codes: group,
      stayProbability: stay,
      surveyEmployment,
      // The rows sum to 1 up to rounding, so a unit with no moves may stay with 1.0000000001.
      weightedMovers: surveyEmployment * Math.max(0, 1 - stay),
      moves: [...into]
        .map(([unit, probability]) => ({ unit, probability }))
        .sort((a, b) => b.probability - a.probability || (a.unit < b.unit ? -1 : 1)),
    });
  }
  return units;
}
