/**
 * The document every page shares: `lang`, a title, the stylesheet and icon served by this server (nothing from
 * another origin), a header with the job-title search, the page's main content and a footer with the attribution
 * the data's licences ask for. No script: every page reads without one.
 */
import { html, type Html } from './html';

export const STYLESHEET_PATH = '/assets/pages.css';
export const FAVICON_PATH = '/favicon.svg';
export const SEARCH_PATH = '/occupations';

export function occupationPath(code: string): string {
  return `/occupations/${encodeURIComponent(code)}`;
}

export function searchPath(query: string): string {
  return `${SEARCH_PATH}?${new URLSearchParams({ q: query }).toString()}`;
}

export interface PageDocument {
  /** The document's title, before the site's name. */
  title: string;
  main: Html;
  /** The search box's text (the search page fills in what was searched). */
  query?: string;
  /** The dataset's attribution; pages that read none show the O*NET credit alone. */
  attribution?: string | null;
  /** The page's one address, where several lead to it (an occupation by either code form). */
  canonicalPath?: string;
}

export function renderDocument({ title, main, query = '', attribution = null, canonicalPath }: PageDocument): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Skills-framework subgraph</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
${canonicalPath !== undefined && html`<link rel="canonical" href="${canonicalPath}">`}
</head>
<body>
<header class="site">
<a class="home" href="${SEARCH_PATH}">Occupations</a>
<form role="search" action="${SEARCH_PATH}" method="get">
<label for="q">Job title</label>
<input id="q" name="q" type="search" value="${query}" maxlength="200" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main>
${main}
</main>
<footer class="site">
${attribution === null ? html`<p>Occupation data: O*NET, U.S. Department of Labor, Employment and Training Administration, CC BY 4.0.</p>` : html`<p>${attribution}</p>`}
<p>Every page is built from the GraphQL answers this server gives any client: <a href="/">the GraphQL endpoint</a>.</p>
</footer>
</body>
</html>
`}`;
}
