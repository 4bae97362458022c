/**
 * One occupation's page, from the answer to the OccupationPage operation: its title and codes, the published
 * framework where one is authored (framework-section.ts, in the published page's order), its O*NET anchors
 * (onet-section.ts) and its closest career moves, each linking to its own page.
 */
import type { CareerDirection, OccupationPageQuery } from '../__generated__/page-operations';
import { frameworkHeaderFacts, renderFramework } from './framework-section';
import { html, type Html } from './html';
import { occupationPath, renderDocument } from './layout';
import { type OccupationData, renderOnetAnchors } from './onet-section';

/** A move's direction by job zone, in words (ANY is only ever an argument). */
const DIRECTION: Record<CareerDirection, string> = { ADVANCE: 'a step up in preparation', LATERAL: 'the same preparation', STEP_DOWN: 'a step down in preparation', ANY: 'either way' };

function careerMoves(occupation: OccupationData): Html {
  const moves = occupation.careerMoves;
  return html`
<section id="career-moves" aria-labelledby="career-moves-heading">
<h2 id="career-moves-heading">Closest career moves</h2>
${moves.length === 0
  ? html`<p class="none">No career moves are computed for this occupation.</p>`
  : html`<p class="note">Occupations that ask for the most similar skills, knowledge, activities and technology (similarity 0 to 1); not observed moves, wages or demand.</p>
<ol class="moves">${moves.map(
      (move) => html`<li><a href="${occupationPath(move.occupation.code)}">${move.occupation.title}</a> <span class="code">${move.occupation.code}</span>
<span class="similarity">similarity ${move.similarity.toFixed(3)}</span>${move.direction !== null && html`, ${DIRECTION[move.direction]}`}
${move.skillGaps !== null && move.skillGaps.length > 0 && html`<br><span class="gaps">Skills to build: ${move.skillGaps.map((gap, i) => html`${i > 0 && ', '}${gap.element.name} (${gap.fromLevel.toFixed(2)} → ${gap.toLevel.toFixed(2)})`)}</span>`}</li>`,
    )}</ol>`}
</section>`;
}

/** The page's sections after the framework: O*NET anchors, then the moves. */
function sections(occupation: OccupationData): Html[] {
  return [renderOnetAnchors(occupation), careerMoves(occupation)];
}

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
<li><a href="#onet">O*NET anchors</a></li>
<li><a href="#career-moves">Career moves</a></li>
</ul></nav>
${framework !== null && renderFramework(framework)}
${sections(occupation)}
</article>`;
  return renderDocument({ title: `${occupation.title} (${occupation.code})`, main, attribution: dataset.attribution, canonicalPath: occupationPath(occupation.code) });
}
