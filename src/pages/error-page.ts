/** Pages for what could not be shown: an unknown or malformed code (404), a refused search (400), a failure (500). */
import { html } from './html';
import { renderDocument, SEARCH_PATH } from './layout';

export interface ErrorPage {
  status: number;
  title: string;
  /** Why, in words for the reader: the graph's own message for a refused input. */
  reason: string;
  /** The search box's text. */
  query?: string;
}

export function renderErrorPage({ status, title, reason, query }: ErrorPage): string {
  const main = html`<h1>${title}</h1>
<p>${reason}</p>
<p><a href="${SEARCH_PATH}">Search occupations by job title</a>${status === 404 && ', or open one by its O*NET-SOC code (43-6012.00) or 2018 SOC code (43-6012) at /occupations/<code>'}.</p>`;
  return renderDocument({ title, main, ...(query !== undefined && { query }) });
}
