/**
 * The explorer a browser gets at / (and /graphql) where EXPLORER is `graphiql`: GraphiQL, React and ReactDOM from
 * their npm packages' UMD builds, started by src/explorer/start.js, every file served by this server. The page's
 * Content-Security-Policy allows this origin only, so nothing (no script, font, icon or query) can reach another one;
 * GraphiQL's fonts are embedded in its stylesheet. It opens with the README's Legal Secretaries query and its
 * variables (src/landing-page.ts).
 *
 * Files are read once, on first use, and go out through send.ts like every complete answer: compressed as the
 * request accepts (each coding made once), with an ETag per coding and a 304 on revalidation.
 */
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LANDING_PAGE_QUERY, LANDING_PAGE_VARIABLES } from '../landing-page';
import { projectFile } from '../project-files';
import { responseEntry, type CachedResponse } from './response-cache';
import { sendAnswer } from './send';

/** Only this origin; `data:` for the fonts GraphiQL's stylesheet embeds and the images it draws inline. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const EXPLORER_ASSET_PREFIX = '/explorer/';

/** The files the page loads, by the name they are served under, and where each comes from. */
const ASSETS: Record<string, { contentType: string; path: () => string }> = {
  'react.production.min.js': { contentType: 'text/javascript; charset=utf-8', path: () => packageFile('react', 'umd/react.production.min.js') },
  'react-dom.production.min.js': { contentType: 'text/javascript; charset=utf-8', path: () => packageFile('react-dom', 'umd/react-dom.production.min.js') },
  'graphiql.min.js': { contentType: 'text/javascript; charset=utf-8', path: () => packageFile('graphiql', 'graphiql.min.js') },
  'graphiql.min.css': { contentType: 'text/css; charset=utf-8', path: () => packageFile('graphiql', 'graphiql.min.css') },
  'start.js': { contentType: 'text/javascript; charset=utf-8', path: () => projectFile('src/explorer/start.js') },
  'explorer.css': { contentType: 'text/css; charset=utf-8', path: () => projectFile('src/explorer/explorer.css') },
};

/** A file of an installed package, by the package's own folder (these files are not in the packages' `exports`). */
function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/** JSON inside a <script type="application/json"> element: `<` cannot start a closing tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function shell(): string {
  const options = {
    query: LANDING_PAGE_QUERY,
    variables: JSON.stringify(LANDING_PAGE_VARIABLES, null, 2),
    sandboxNote: "Apollo Sandbox instead: start the server with EXPLORER=sandbox (it loads from Apollo's CDN).",
  };
  const asset = (name: string) => `${EXPLORER_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · Skills-framework subgraph</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<link rel="stylesheet" href="${asset('explorer.css')}">
</head>
<body>
<div id="graphiql"><p class="loading">Loading GraphiQL… It needs JavaScript. Without it, occupations read as pages at <a href="/occupations">/occupations</a>.</p></div>
<script type="application/json" id="explorer-options">${scriptJson(options)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('start.js')}"></script>
</body>
</html>
`;
}

const SECURITY_HEADERS = { 'content-security-policy': EXPLORER_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export class Explorer {
  private page: CachedResponse | undefined;
  private readonly assets = new Map<string, CachedResponse>();

  /** The page, for a browser's GET of the GraphQL path. */
  sendPage(res: ServerResponse, requestId: string): Promise<number> {
    // The same path answers GraphQL by Accept, so caches keep the two apart and revalidate the page.
    this.page ??= responseEntry(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', vary: 'accept', ...SECURITY_HEADERS }, shell(), null);
    return sendAnswer(res, this.page, { 'x-request-id': requestId });
  }

  /** One of the page's files by its path, or undefined when the path names none. */
  sendAsset(pathname: string, res: ServerResponse, requestId: string): Promise<number> | undefined {
    const name = pathname.slice(EXPLORER_ASSET_PREFIX.length);
    const source = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (source === undefined) return undefined;
    let cached = this.assets.get(name);
    if (cached === undefined) {
      const headers = { 'content-type': source.contentType, 'cache-control': 'max-age=3600, public', 'x-content-type-options': 'nosniff' };
      cached = responseEntry(200, headers, readFileSync(source.path(), 'utf8'), null);
      this.assets.set(name, cached);
    }
    return sendAnswer(res, cached, { 'x-request-id': requestId });
  }
}

