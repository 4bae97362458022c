/**
 * How pay and demand change along a move between two occupations (`comparison { wageChange outlookChange }`): pure,
 * over the two occupations' figures. A top-coded median (OEWS `#`) is only a lower bound, so a change involving
 * one is a bound on the percent, never an exact percent.
 */

/** A median annual wage: a value, or, where top-coded, the lower bound it is at least. */
export interface MedianWage {
  value: number;
  topCoded: boolean;
}

export interface WageChangeFigures {
  /** Exact, to one decimal: only where both medians are exact. */
  percent: number | null;
  /** Where only the target's median is top-coded: the true change is at least this. */
  percentAtLeast: number | null;
  /** Where only the origin's median is top-coded: the true change is at most this. */
  percentAtMost: number | null;
  /** Why `percent` is null. */
  unavailableReason: string | null;
}

/** To one decimal: rounded for an exact change; down for a lower bound and up for an upper one, so a bound stays true. */
const oneDecimal = (x: number, toward: 'nearest' | 'down' | 'up' = 'nearest') => ({ nearest: Math.round, down: Math.floor, up: Math.ceil })[toward](x * 10) / 10;
const dollars = (x: number) => `$${x.toLocaleString('en-US')}`;

/**
 * (to − from) / from × 100. Where the target is top-coded (at least T) the change is at least (T − from) / from;
 * where the origin is (at least F), the change (to − f) / f falls as f grows, so it is at most (to − F) / F.
 * `fromLabel`/`toLabel` name the two occupations in the reasons.
 */
export function wageChange(from: MedianWage | null, to: MedianWage | null, fromLabel: string, toLabel: string): WageChangeFigures {
  const none = { percent: null, percentAtLeast: null, percentAtMost: null };
  const missing = [from === null ? fromLabel : null, to === null ? toLabel : null].filter((label) => label !== null);
  if (from === null || to === null) return { ...none, unavailableReason: `BLS OEWS May 2024 gives no median annual wage for ${missing.join(' or ')}.` };
  if (from.value <= 0) return { ...none, unavailableReason: `The median annual wage of ${fromLabel} is ${dollars(from.value)}: no percent of it can be taken.` };
  const change = ((to.value - from.value) / from.value) * 100;
  if (from.topCoded && to.topCoded) {
    return { ...none, unavailableReason: `Both medians are top-coded (at least ${dollars(from.value)} a year): how they differ is unknown.` };
  }
  if (to.topCoded) {
    const atLeast = oneDecimal(change, 'down');
    return { ...none, percentAtLeast: atLeast, unavailableReason: `The median of ${toLabel} is top-coded (at least ${dollars(to.value)} a year): the change is at least ${atLeast}%.` };
  }
  if (from.topCoded) {
    const atMost = oneDecimal(change, 'up');
    return { ...none, percentAtMost: atMost, unavailableReason: `The median of ${fromLabel} is top-coded (at least ${dollars(from.value)} a year): the change is at most ${atMost}%.` };
  }
  return { ...none, percent: oneDecimal(change), unavailableReason: null };
}

/** Both ends' projected change in percent, with the reason either is missing. */
export function outlookChange(from: number | null, to: number | null, fromLabel: string, toLabel: string): { from: number | null; to: number | null; unavailableReason: string | null } {
  const missing = [from === null ? fromLabel : null, to === null ? toLabel : null].filter((label) => label !== null);
  return { from, to, unavailableReason: missing.length === 0 ? null : `BLS Employment Projections 2024–34 gives no projected change for ${missing.join(' or ')}.` };
}
