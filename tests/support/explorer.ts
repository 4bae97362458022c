/** What the explorer page loads, in the order it loads them: every one a path on this server. */
export const EXPLORER_LOADS = [
  '/favicon.svg',
  '/explorer/graphiql.min.css',
  '/explorer/explorer.css',
  '/explorer/react.production.min.js',
  '/explorer/react-dom.production.min.js',
  '/explorer/graphiql.min.js',
  '/explorer/start.js',
];
