/**
 * Where people in an occupation actually went (Occupation.observedMoves): the year-to-year occupation changes the
 * Current Population Survey observed out of the survey unit the occupation was measured as, most common first, each
 * destination unit with the O*NET occupations in it as links to their pages. Figures are the unit's, so the page
 * says which unit and which other occupations share it; where the survey has no unit, the graph's reason.
 */
import { html, link, type Html } from './html';
import { occupationPath } from './layout';
import type { OccupationData } from './onet-section';

/** How many of a destination unit's occupations are linked before "and N more". */
const LINKED_OCCUPATIONS = 5;

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

function destination(move: OccupationData['observedMoves']['moves'][number]): Html {
  const { occupations } = move.to;
  const more = occupations.length - LINKED_OCCUPATIONS;
  return html`<li>${move.to.title} <span class="code">${move.to.code}</span>: ${percent(move.shareOfMovers)} of those who moved
${occupations.length > 0 && html`<br><span class="into">O*NET: ${occupations.slice(0, LINKED_OCCUPATIONS).map((o, i) => html`${i > 0 && ', '}<a href="${occupationPath(o.code)}">${o.title}</a>`)}${more > 0 && html` and ${more} more`}</span>`}</li>`;
}

export function renderObservedMoves(occupation: OccupationData): Html {
  const { measuredAs, sharedWith, stayProbability, destinationCount, thin, moves, unavailableReason, source } = occupation.observedMoves;
  return html`
<section id="observed-moves" aria-labelledby="observed-moves-heading">
<h2 id="observed-moves-heading">Where people actually went</h2>
${measuredAs === null
  ? html`<p class="none">${unavailableReason ?? 'No moves are observed for this occupation.'}</p>`
  : html`<p class="note">Year-to-year occupation changes observed in the Current Population Survey (CPS ASEC), for the survey's unit
${measuredAs.title} <span class="code">${measuredAs.code}</span>${sharedWith.length > 0 && html`, which also holds ${sharedWith.map((o, i) => html`${i > 0 && ', '}<a href="${occupationPath(o.code)}">${o.title}</a>`)}`}.
${stayProbability !== null && html`${percent(1 - stayProbability)} of its workers were in another unit a year later`}${destinationCount !== null && html`, in ${destinationCount} units in all`}; each destination below with its share of those who moved.</p>
${thin === true && html`<p class="note">Few observations: too few to rank these destinations with confidence.</p>`}
${moves.length === 0 ? html`<p class="none">No moves out of this unit were observed.</p>` : html`<ol class="moves">${moves.map(destination)}</ol>`}`}
<p class="note">Source: ${link(source.url, source.name)}${source.license !== null && html`, ${source.license}`}.</p>
</section>`;
}
