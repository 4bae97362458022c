/**
 * The job-title search as pages: the hits of SearchPage as links to their occupations, and, with nothing searched
 * yet, the occupations that have an authored framework (SearchStartPage).
 */
import type { SearchPageQuery, SearchStartPageQuery } from '../__generated__/page-operations';
import { html } from './html';
import { occupationPath, renderDocument } from './layout';

const MATCHED_FIELD: Record<SearchPageQuery['searchOccupations'][number]['matchedField'], string> = {
  TITLE: 'title',
  ALTERNATE_TITLE: 'alternate title',
  SHORT_TITLE: 'short title',
  REPORTED_TITLE: 'reported title',
  DESCRIPTION: 'description',
  TASK: 'task',
  TECHNOLOGY: 'technology',
};

export function renderSearchPage(query: string, hits: SearchPageQuery['searchOccupations']): string {
  const main = html`<h1>Occupations matching “${query}”</h1>
${hits.length === 0
  ? html`<p>No occupation matches “${query}”. Try fewer words, or the title as a job posting would write it.</p>`
  : html`<ol class="hits">${hits.map(
      (hit) => html`<li><a href="${occupationPath(hit.occupation.code)}">${hit.occupation.title}</a> <span class="code">${hit.occupation.code}</span>${hit.occupation.hasFramework && html` <span class="flag">framework</span>`}
<br><span class="matched">Matched ${MATCHED_FIELD[hit.matchedField]}: ${hit.matchedText}</span></li>`,
    )}</ol>`}`;
  return renderDocument({ title: `Search: ${query}`, main, query });
}

export function renderSearchStart(data: SearchStartPageQuery): string {
  const main = html`<h1>Occupations</h1>
<p>Search the ${data.dataset.occupationCount} O*NET occupations by job title above, as a posting or a CV would write it (“legal admin asst”, “sr. paralegal”), or open one by its code: <a href="${occupationPath('43-6012.00')}">/occupations/43-6012.00</a> or <a href="${occupationPath('43-6012')}">/occupations/43-6012</a>.</p>
<h2>Occupations with an authored skills framework</h2>
<ul>${data.occupations.edges.map(({ node }) => html`<li><a href="${occupationPath(node.code)}">${node.title}</a> <span class="code">${node.code}</span></li>`)}</ul>`;
  return renderDocument({ title: 'Occupations', main });
}
