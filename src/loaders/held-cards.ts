/**
 * Career cards (src/store/careers.ts) held parsed for the life of the served store, in a home of their own: the
 * general held rows (src/store/held-rows.ts) are bounded for the router's enrichment rows, and 1,016 cards there made
 * that bound churn (docs/performance.md, Career moves). There is one card per occupation, so holding them all is
 * bounded by the number of occupations; `MAX_HELD_CARDS` caps it for a store with more. Held only where the store
 * holds rows at all (STORE_HELD_ROWS > 0), so a store opened without held rows reads every card from SQL. It lives
 * with the loader that holds the cards, not in the store: what it keeps per card is the comparison domain's
 * (src/careers/compare.ts), and the store does not reach up into the domain.
 */
import { prepareForComparison } from '../careers/compare';
import type { CareerCard } from '../store/careers';
import type { HeldRows } from '../store/held-rows';

/** More than O*NET's 1,016 occupations; past it, cards are read but no longer held. */
export const MAX_HELD_CARDS = 2048;

const byStore = new WeakMap<HeldRows, Map<string, CareerCard>>();

/** The held cards of the store whose held rows are `held`, or undefined where that store holds nothing. */
export function heldCards(held: HeldRows | undefined): Map<string, CareerCard> | undefined {
  if (held === undefined || !held.enabled) return undefined;
  let cards = byStore.get(held);
  if (cards === undefined) byStore.set(held, (cards = new Map()));
  return cards;
}

/**
 * Holds `card` unless the bound is reached, with what comparisons keep per card worked out now (src/careers/compare.ts),
 * so that no comparison of held cards pays for it.
 */
export function holdCard(cards: Map<string, CareerCard>, card: CareerCard): void {
  if (cards.size >= MAX_HELD_CARDS) return;
  prepareForComparison(card);
  cards.set(card.code, card);
}
