/**
 * An authored framework as its published page shows it, in the page's order: context, the four competency levels,
 * the AI-usage statements with their citation chips, the evidence pack, the ten durable-skill domains, the page's own
 * source anchors, its sources line and copyright. A chip links to its source in the page's list of sources, which
 * links out where the source has an address.
 */
import type { OccupationPageQuery } from '../__generated__/page-operations';
import { html, link, type Html } from './html';

export type FrameworkData = NonNullable<NonNullable<OccupationPageQuery['occupation']>['framework']>;
type CitedStatement = FrameworkData['aiUsage'][number]['statements'][number];

export function sourceAnchor(sourceId: string): string {
  return `source-${sourceId}`;
}

/** A statement's text with its chips, placed before the sentence's own period as the page places them. */
function citedStatement(statement: CitedStatement): Html {
  const chips = statement.citations.map((c) => html` <a class="chip" href="#${sourceAnchor(c.source.id)}" title="${c.title}">${c.label}</a>`);
  const period = statement.text.endsWith('.') ? '.' : '';
  return html`<li><strong>${statement.title}</strong> — ${period ? statement.text.slice(0, -1) : statement.text}${chips}${period}</li>`;
}

function list(items: readonly string[], empty = 'None listed.'): Html {
  return items.length === 0 ? html`<p class="none">${empty}</p>` : html`<ul class="tags">${items.map((item) => html`<li>${item}</li>`)}</ul>`;
}

function figure(label: string, value: string): Html {
  return html`<li>${label}: <strong>${value}</strong></li>`;
}

/** Numbers as the page prints them: as many decimals as the value has, the autonomy score with two. */
const number = (value: number) => String(value);

export function frameworkHeaderFacts(framework: FrameworkData): Html {
  return html`<li>Job Zone ${framework.jobZone.zone} · ${framework.jobZone.publishedLabel}</li><li>${framework.version}</li>`;
}

export function renderFramework(framework: FrameworkData): Html {
  const { page, evidence, anchors } = framework;
  return html`
<section id="context" aria-labelledby="context-heading">
<h2 id="context-heading">Context covered</h2>
<p>${framework.context}</p>
</section>

<section id="competencies" aria-labelledby="competencies-heading">
<h2 id="competencies-heading">Competency levels</h2>
${framework.levels.map(
  (level) => html`<section class="level" aria-labelledby="level-${level.key}">
<h3 id="level-${level.key}">${level.name}</h3>
<p class="band">${level.band}</p>
<ol>${level.statements.map((s) => html`<li><strong>${s.title}</strong> ${s.text}</li>`)}</ol>
</section>`,
)}
</section>

<section id="ai-usage" aria-labelledby="ai-usage-heading">
<h2 id="ai-usage-heading">AI usage</h2>
${page.aiUsageCoverageNote && html`<p class="note">${page.aiUsageCoverageNote}</p>`}
${page.aiUsageIntro && html`<p>${page.aiUsageIntro}</p>`}
${framework.aiUsage.map(
  (level) => html`<section class="level" aria-labelledby="ai-${level.key}">
<h3 id="ai-${level.key}">${level.name}</h3>
<ol>${level.statements.map(citedStatement)}</ol>
</section>`,
)}
</section>

<section id="evidence" aria-labelledby="evidence-heading">
<h2 id="evidence-heading">Evidence pack</h2>
<div class="evidence">
<section aria-labelledby="aei-heading"><h3 id="aei-heading">AEI usage</h3><ul>
${figure('Task observations', number(evidence.aei.taskObservations))}
${figure('Augment share', `${number(evidence.aei.augmentSharePercent)}%`)}
${figure('Time saved', `${number(evidence.aei.timeSavedPercent)}%`)}
${figure('AI autonomy', evidence.aei.aiAutonomy.toFixed(2))}
</ul></section>
<section aria-labelledby="safi-heading"><h3 id="safi-heading">SAFI positioning</h3><ul>
${figure('Top skill', evidence.safi.topSkill)}
${figure('Score', `${number(evidence.safi.score)} / ${number(evidence.safi.scoreMax)}`)}
${figure('Quadrant', evidence.safi.quadrantLabel)}
${figure('precision', evidence.safi.precision.toLowerCase())}
</ul></section>
<section aria-labelledby="wef-heading"><h3 id="wef-heading">WEF cluster</h3>
<p><strong>${evidence.wef.name}</strong><br><code>${evidence.wef.id}</code></p></section>
</div>
</section>

<section id="durable-skills" aria-labelledby="durable-heading">
<h2 id="durable-heading">Durable skills</h2>
${page.durableSkillsIntro && html`<p>${page.durableSkillsIntro}</p>`}
${framework.durableSkills.map(
  (domain) => html`<section class="domain" aria-labelledby="domain-${domain.key}">
<h3 id="domain-${domain.key}"><span class="rank">${domain.rank}</span> ${domain.name} <span class="count">${domain.publishedStatementCount} statements</span></h3>
${domain.publishedStatementCount !== domain.listedStatementCount && html`<p class="note">The published page says ${domain.publishedStatementCount} statements and lists ${domain.listedStatementCount}.</p>`}
${domain.levels.map(
  (level) => html`<h4>${level.name}</h4>
<ol>${level.statements.map(citedStatement)}</ol>`,
)}
</section>`,
)}
</section>

<section id="source-anchors" aria-labelledby="source-anchors-heading">
<h2 id="source-anchors-heading">Source anchors that ground each statement</h2>
<p class="note">${anchors.publishedCount} anchors${page.anchorsEnrichment && html` · O*NET enrichment: ${page.anchorsEnrichment}`}</p>
<h3>Related titles</h3>
<p>${anchors.relatedTitles.join(' · ')}</p>
<h3>RAPIDS apprenticeships</h3>
${list(anchors.rapidsApprenticeships)}
<h3>O*NET skills</h3>
${list(anchors.skills)}
<h3>Knowledge domains</h3>
${list(anchors.knowledge)}
<h3>Abilities</h3>
${list(anchors.abilities)}
<h3>Work styles</h3>
${list(anchors.workStyles)}
<h3>Technology</h3>
${list(anchors.technology)}
<h3>Tasks · seed anchors for statements</h3>
<ol>${anchors.tasks.map((task) => html`<li>${task}</li>`)}</ol>
<h3>CIP education codes</h3>
${list(anchors.cipCodes)}
</section>

<section id="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
${page.sourcesLine && html`<p>${page.sourcesLine}</p>`}
${page.copyright && html`<p>${page.copyright}</p>`}
<ul class="sources">${framework.sources.map(
  (source) => html`<li id="${sourceAnchor(source.id)}">${link(source.url, html`<strong>${source.name}</strong>`)}${[source.publisher, source.version, source.license]
    .filter((part): part is string => part !== null)
    .map((part) => html` · ${part}`)}</li>`,
)}</ul>
${framework.dataQualityWarnings.length > 0 && html`<h3>Where the published page disagrees with itself</h3>
<ul>${framework.dataQualityWarnings.map((w) => html`<li>${w.message}</li>`)}</ul>`}
</section>`;
}
