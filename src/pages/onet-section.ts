/**
 * An occupation's O*NET anchors, shown for every occupation whether or not a framework is authored for it: the
 * description and job zone, titles, tasks, technology, the ratings (each with the release it comes from, or why it
 * is missing, and what its level looks like by O*NET's Level Scale Anchors), interests, education and O*NET's related
 * occupations.
 */
import type { OccupationPageQuery } from '../__generated__/page-operations';
import { html, type Html } from './html';
import { occupationPath } from './layout';

export type OccupationData = NonNullable<OccupationPageQuery['occupation']>;
type Ratings = OccupationData['skills'];

/** How many ratings of a kind the page lists, most important first. */
const TOP_RATINGS = 10;

const RELATEDNESS: Record<OccupationData['relatedOccupations'][number]['tier'], string> = {
  PRIMARY_SHORT: 'Closest',
  PRIMARY_LONG: 'Close',
  SUPPLEMENTAL: 'Also related',
};

const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));

type LevelAnchors = NonNullable<Ratings['items']>[number]['levelAnchors'];

/**
 * What a level looks like, from O*NET's Level Scale Anchors on either side of it: `at 4 (<example>)`, `between 2
 * (<example>) and 4 (<example>)`, or above the highest or below the lowest anchor; a dash where the element has none.
 */
function levelMeaning(anchored: LevelAnchors): Html | string {
  if (anchored === null) return '–';
  const point = (anchor: NonNullable<typeof anchored.lower>) => html`${String(anchor.value)} (${anchor.description})`;
  const { lower, upper } = anchored;
  if (lower !== null && upper !== null) return lower.id === upper.id ? html`at ${point(lower)}` : html`between ${point(lower)} and ${point(upper)}`;
  if (lower !== null) return html`above ${point(lower)}`;
  if (upper !== null) return html`below ${point(upper)}`;
  return '–';
}

/** The first ratings of a kind as a table of importance and level, or why there are none. */
function ratingsTable(ratings: Ratings, caption: string): Html {
  if (ratings.items === null) return html`<p class="none">${ratings.unavailableReason ?? 'Not available.'}</p>`;
  if (ratings.items.length === 0) return html`<p class="none">O*NET rates none for this occupation.</p>`;
  const shown = ratings.items.slice(0, TOP_RATINGS);
  return html`<table>
<caption>${caption}: ${shown.length} of ${ratings.items.length}, most important first (O*NET ${ratings.release})</caption>
<thead><tr><th scope="col">${caption}</th><th scope="col">Importance (1–5)</th><th scope="col">Level (0–7)</th><th scope="col">What the level looks like (O*NET level anchors)</th></tr></thead>
<tbody>${shown.map((item) => html`<tr><th scope="row">${item.element.name}</th><td>${score(item.importance)}</td><td>${score(item.level)}</td><td class="anchor">${levelMeaning(item.levelAnchors)}</td></tr>`)}</tbody>
</table>`;
}

function names(ratings: Ratings): Html {
  if (ratings.items === null) return html`<p class="none">${ratings.unavailableReason ?? 'Not available.'}</p>`;
  if (ratings.items.length === 0) return html`<p class="none">O*NET rates none for this occupation.</p>`;
  return html`<ul class="tags">${ratings.items.slice(0, TOP_RATINGS).map((item) => html`<li>${item.element.name}</li>`)}</ul>`;
}

function interests(occupation: OccupationData): Html {
  const { items, unavailableReason } = occupation.interests;
  if (items === null) return html`<p class="none">${unavailableReason ?? 'Not available.'}</p>`;
  const profile = items.filter((item) => item.scores.some((s) => s.scaleId === 'OI'));
  return html`<ul>${profile.map((item) => html`<li>${item.element.name}: ${item.scores.find((s) => s.scaleId === 'OI')?.value.toFixed(2)}</li>`)}</ul>`;
}

function education(occupation: OccupationData): Html {
  const rows = occupation.education.filter((level) => level.percent > 0);
  if (rows.length === 0) return html`<p class="none">O*NET publishes no required level of education for this occupation.</p>`;
  const suppressed = rows.some((level) => level.recommendSuppress === true);
  return html`<table>
<caption>Required level of education: percent of respondents (O*NET ${rows[0]?.release})</caption>
<thead><tr><th scope="col">Level</th><th scope="col">Percent</th></tr></thead>
<tbody>${rows.map((level) => html`<tr><th scope="row">${level.label}</th><td>${level.percent.toFixed(1)}%${level.recommendSuppress === true && html`<span class="flag" title="O*NET recommends suppressing this imprecise value"> *</span>`}</td></tr>`)}</tbody>
</table>
${suppressed && html`<p class="note">* O*NET recommends suppressing these values: they are imprecise.</p>`}`;
}

export function renderOnetAnchors(occupation: OccupationData): Html {
  const { alternateTitles, tasks, technologySkills } = occupation;
  const moreTitles = alternateTitles.totalCount - alternateTitles.edges.length;
  const moreTechnology = technologySkills.totalCount - technologySkills.edges.length;
  return html`
<section id="onet" aria-labelledby="onet-heading">
<h2 id="onet-heading">O*NET anchors</h2>
<p>${occupation.description}</p>
<p class="note">O*NET ${occupation.release}, except where a list names another release.</p>
${occupation.jobZone !== null && html`<h3>${occupation.jobZone.name}</h3>
<dl>
<dt>Education</dt><dd>${occupation.jobZone.education}</dd>
<dt>Experience</dt><dd>${occupation.jobZone.experience}</dd>
</dl>`}

<h3>Alternate titles</h3>
${alternateTitles.totalCount === 0
  ? html`<p class="none">None listed.</p>`
  : html`<ul class="tags">${alternateTitles.edges.map(({ node }) => html`<li>${node.title}</li>`)}</ul>
${moreTitles > 0 && html`<p class="note">and ${moreTitles} more.</p>`}`}
${occupation.reportedTitles.length > 0 && html`<h3>Titles incumbents report</h3>
<ul class="tags">${occupation.reportedTitles.map((title) => html`<li>${title.title}</li>`)}</ul>`}

<h3>Tasks</h3>
${tasks.totalCount === 0
  ? html`<p class="none">O*NET lists no tasks for this occupation.</p>`
  : html`<ol class="tasks">${tasks.edges.map(({ node }) => html`<li>${node.statement}${node.type === 'SUPPLEMENTAL' && html` <span class="flag">(supplemental)</span>`}</li>`)}</ol>`}

<h3>Technology</h3>
${technologySkills.totalCount === 0
  ? html`<p class="none">None listed.</p>`
  : html`<ul class="tags">${technologySkills.edges.map(({ node }) => html`<li>${node.name}${node.hot && html` <span class="flag">(hot technology)</span>`}</li>`)}</ul>
${moreTechnology > 0 && html`<p class="note">and ${moreTechnology} more.</p>`}`}

<h3>Skills</h3>
${ratingsTable(occupation.skills, 'Skill')}
<h3>Knowledge</h3>
${ratingsTable(occupation.knowledge, 'Knowledge area')}
<h3>Abilities</h3>
${ratingsTable(occupation.abilities, 'Ability')}
<h3>Work styles</h3>
${names(occupation.workStyles)}
<h3>Interests (RIASEC, 1–7)</h3>
${interests(occupation)}
<h3>Education</h3>
${education(occupation)}

<h3>Related occupations</h3>
${occupation.relatedOccupations.length === 0
  ? html`<p class="none">O*NET lists none.</p>`
  : html`<ol>${occupation.relatedOccupations.map(
      (related) => html`<li><a href="${occupationPath(related.occupation.code)}">${related.occupation.title}</a> <span class="code">${related.occupation.code}</span> <span class="flag">${RELATEDNESS[related.tier]}</span></li>`,
    )}</ol>`}
</section>`;
}
