/**
 * AI exposure (Occupation.aiExposure), for every occupation: the headline figure of each of the three sources side by
 * side (they are not comparable: each has its own method, scale and release), why a source has none, and the
 * occupation's most AI-exposed tasks two ways: where the Anthropic Economic Index observed AI usage reaching a task
 * (its penetration, above 0 only), and the tasks GPT-4 judged exposed in GPTs are GPTs (E1, then E2).
 */
import type { AiMeasure, ExposureLabel, PageAiTaskFragment } from '../__generated__/page-operations';
import { html, link, type Html } from './html';
import type { OccupationData } from './onet-section';

type AiExposure = OccupationData['aiExposure'];

/** The figures the page shows (operations.graphql asks for these), each in words. */
const MEASURE_NAMES: Partial<Record<AiMeasure, string>> = {
  AEI_OBSERVED_EXPOSURE: 'Observed exposure (AI usage reaching the occupation’s tasks)',
  GPT4_BETA: 'Exposure as GPT-4 rated its tasks (beta)',
  HUMAN_BETA: 'Exposure as human annotators rated its tasks (beta)',
  WWAI_APPLICABILITY: 'AI applicability score',
};

const LABELS: Record<ExposureLabel, string> = {
  E1: 'E1, directly exposed',
  E2: 'E2, exposed through software built on an LLM',
  E0: 'E0, not exposed',
};

function figures(ai: AiExposure): Html {
  if (ai.measures.length === 0) return html`<p class="none">None of the three sources publishes a figure for this occupation.</p>`;
  return html`<table>
<caption>AI exposure, each figure from 0 to 1 on its source's own scale (not comparable across sources)</caption>
<thead><tr><th scope="col">Measure</th><th scope="col">Figure</th><th scope="col">Published for</th><th scope="col">Source</th></tr></thead>
<tbody>${ai.measures.map(
    (m) => html`<tr><th scope="row">${MEASURE_NAMES[m.measure] ?? m.measure}</th><td>${m.value.toFixed(2)}</td><td>${m.publishedForKind === 'SOC_2018' ? html`SOC ${m.publishedFor} (shared)` : m.publishedFor}</td><td>${m.source.shortName ?? m.source.name}</td></tr>`,
  )}</tbody>
</table>`;
}

function observedTasks(tasks: readonly PageAiTaskFragment[]): Html {
  const reached = tasks.filter((task) => (task.aiExposure.aeiPenetration?.value ?? 0) > 0);
  if (reached.length === 0) return html`<p class="none">The Anthropic Economic Index observed no AI usage reaching any of this occupation’s tasks it matched.</p>`;
  return html`<ol class="tasks">${reached.map((task) => html`<li>${task.statement} <span class="note">penetration ${task.aiExposure.aeiPenetration!.value.toFixed(2)}</span></li>`)}</ol>`;
}

function judgedTasks(tasks: readonly PageAiTaskFragment[]): Html {
  const exposed = tasks.filter((task) => task.aiExposure.gptsLabels !== null && task.aiExposure.gptsLabels.gpt4Exposure !== 'E0');
  if (exposed.length === 0) return html`<p class="none">GPT-4 judged none of this occupation’s labelled tasks exposed.</p>`;
  return html`<ol class="tasks">${exposed.map((task) => html`<li>${task.statement} <span class="note">${LABELS[task.aiExposure.gptsLabels!.gpt4Exposure]}</span></li>`)}</ol>`;
}

export function renderAiExposure(occupation: OccupationData): Html {
  const ai = occupation.aiExposure;
  const uncovered = ai.sources.filter((coverage) => !coverage.covered);
  return html`
<section id="ai-exposure" aria-labelledby="ai-exposure-heading">
<h2 id="ai-exposure-heading">AI exposure</h2>
${figures(ai)}
${uncovered.length > 0 && html`<ul class="none">${uncovered.map((coverage) => html`<li>${coverage.reason ?? `${coverage.source.name}: no figure.`}</li>`)}</ul>`}
<h3>Most AI-exposed tasks</h3>
<h4>Where AI usage was observed (Anthropic Economic Index, task penetration 0 to 1)</h4>
${observedTasks(ai.observedTasks.edges.map((edge) => edge.node))}
<h4>Judged exposed by GPT-4 (GPTs are GPTs)</h4>
${judgedTasks(ai.judgedTasks.edges.map((edge) => edge.node))}
<p class="note">Sources: ${ai.sources.map((coverage, i) => html`${i > 0 && '; '}${link(coverage.source.url, coverage.source.name)}${coverage.source.version !== null && html` (${coverage.source.version})`}${coverage.source.license !== null && html`, ${coverage.source.license}`}`)}.</p>
</section>`;
}
