// Starts GraphiQL in the page src/http/explorer.ts serves. React, ReactDOM and GraphiQL are the UMD builds of the
// npm packages, served by this server like this file: nothing is fetched from another origin. The query and
// variables it opens with come from the page (the README's Legal Secretaries query); a link with ?query=,
// &variables= and &operationName= opens with those instead.
(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('explorer-options').textContent);
  var params = new URLSearchParams(window.location.search);
  var opened = params.has('query')
    ? { query: params.get('query'), variables: params.get('variables') || '', operationName: params.get('operationName') || undefined }
    : { query: options.query, variables: options.variables, operationName: undefined };
  var link = function (href, text) {
    return React.createElement('a', { href: href }, text);
  };
  var footer = React.createElement(
    GraphiQL.Footer,
    null,
    React.createElement('p', { className: 'explorer-links' }, 'Occupation pages: ', link('/occupations', '/occupations'), '. ', options.sandboxNote),
  );
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(
      GraphiQL,
      {
        fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
        query: opened.query,
        variables: opened.variables,
        operationName: opened.operationName,
        defaultEditorToolsVisibility: 'variables',
      },
      footer,
    ),
  );
})();
