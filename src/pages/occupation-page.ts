/**
 * One occupation's page, from the answer to the OccupationPage operation: its title and codes, the published
 * framework where one is authored (framework-section.ts, in the published page's order), then the sections every
 * occupation has (SECTIONS): its O*NET anchors (onet-section.ts), pay and demand (labor-market-section.ts), AI
 * exposure (ai-exposure-section.ts), its closest career moves, each linking to its own page with the move's change
 * of median wage, and where people actually went (observed-moves-section.ts).
 */
import type { CareerDirection, OccupationPageQuery } from '../__generated__/page-operations';
import { renderAiExposure } from './ai-exposure-section';
import { frameworkHeaderFacts, renderFramework } from './framework-section';
import { html, type Html } from './html';
import { renderLaborMarket } from './labor-market-section';
import { occupationPath, renderDocument } from './layout';
import { renderObservedMoves } from './observed-moves-section';
import { type OccupationData, renderOnetAnchors } from './onet-section';
import { dollars } from './wage-chart';

/** A move's direction by job zone, in words (ANY is only ever an argument). */
const DIRECTION: Record<CareerDirection, string> = { ADVANCE: 'a step up in preparation', LATERAL: 'the same preparation', STEP_DOWN: 'a step down in preparation', ANY: 'either way' };

type WageChange = OccupationData['careerMoves'][number]['wageChange'];

/** The target's median annual wage and how it compares (`; median $61,010, 12.7% more`): exact only where both medians are. */
function wageChange({ to, percent, percentAtLeast, percentAtMost }: WageChange): string {
  if (to === null) return '';
  const median = `; median ${to.topCoded ? 'at least ' : ''}${dollars(to.value, false)}`;
  const change = (value: number) => `${Math.abs(value).toFixed(1)}% ${value >= 0 ? 'more' : 'less'}`;
  if (percent !== null) return `${median}, ${change(percent)}`;
  if (percentAtLeast !== null) return `${median}, at least ${change(percentAtLeast)}`;
  if (percentAtMost !== null) return `${median}, at most ${change(percentAtMost)}`;
  return median;
}

function careerMoves(occupation: OccupationData): Html {
  const moves = occupation.careerMoves;
  return html`
<section id="career-moves" aria-labelledby="career-moves-heading">
<h2 id="career-moves-heading">Closest career moves</h2>
${moves.length === 0
  ? html`<p class="none">No career moves are computed for this occupation.</p>`
  : html`<p class="note">Occupations that ask for the most similar skills, knowledge, activities and technology (similarity 0 to 1), with the target's median annual wage (BLS OEWS May 2024).</p>
<ol class="moves">${moves.map(
      (move) => html`<li><a href="${occupationPath(move.occupation.code)}">${move.occupation.title}</a> <span class="code">${move.occupation.code}</span>
<span class="similarity">similarity ${move.similarity.toFixed(3)}</span>${move.direction !== null && html`, ${DIRECTION[move.direction]}`}${wageChange(move.wageChange)}
${move.skillGaps !== null && move.skillGaps.length > 0 && html`<br><span class="gaps">Skills to build: ${move.skillGaps.map((gap, i) => html`${i > 0 && ', '}${gap.element.name} (${gap.fromLevel.toFixed(2)} → ${gap.toLevel.toFixed(2)})`)}</span>`}</li>`,
    )}</ol>`}
</section>`;
}

/**
 * The sections every occupation's page has after the framework, in order: each renders its whole `<section>` with
 * this id, and the page's navigation lists it by its label. A new section is its fields in operations.graphql, a
 * renderer of its own and one line here.
 */
const SECTIONS: readonly { id: string; label: string; render: (occupation: OccupationData) => Html }[] = [
  { id: 'onet', label: 'O*NET anchors', render: renderOnetAnchors },
  { id: 'pay-and-demand', label: 'Pay and demand', render: renderLaborMarket },
  { id: 'ai-exposure', label: 'AI exposure', render: renderAiExposure },
  { id: 'career-moves', label: 'Career moves', render: careerMoves },
  { id: 'observed-moves', label: 'Where people went', render: renderObservedMoves },
];

export function renderOccupationPage(occupation: OccupationData, dataset: OccupationPageQuery['dataset']): string {
  const { framework } = occupation;
  const main = html`<article>
<header class="occupation">
<h1>${occupation.title}</h1>
<ul class="facts"><li>SOC ${occupation.code}</li>${framework === null
    ? html`<li>2018 SOC ${occupation.socCode}</li>${occupation.jobZone !== null && html`<li>Job Zone ${occupation.jobZone.zone}</li>`}`
    : frameworkHeaderFacts(framework)}</ul>
${framework === null && html`<p class="note">No skills framework is authored for this occupation yet; its O*NET anchors follow.</p>`}
</header>
<nav aria-label="On this page"><ul>
${framework !== null && html`<li><a href="#competencies">Competency levels</a></li><li><a href="#ai-usage">AI usage</a></li><li><a href="#evidence">Evidence pack</a></li><li><a href="#durable-skills">Durable skills</a></li><li><a href="#source-anchors">Source anchors</a></li>`}
${SECTIONS.map(({ id, label }) => html`<li><a href="#${id}">${label}</a></li>`)}
</ul></nav>
${framework !== null && renderFramework(framework)}
${SECTIONS.map(({ render }) => render(occupation))}
</article>`;
  return renderDocument({ title: `${occupation.title} (${occupation.code})`, main, attribution: dataset.attribution, canonicalPath: occupationPath(occupation.code) });
}
