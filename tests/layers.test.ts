/**
 * Dependencies point one way: HTTP -> resolvers -> loaders -> store. Reads every import in src/ and checks that the
 * store and the corrections store never reach up into GraphQL, the generated GraphQL types, the resolvers or HTTP,
 * nor the store into the comparison domain (src/careers/compare.ts); and that scripts/ never imports from tests/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './support/paths';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'";]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

/** `file imports specifier` for every import of the files under `dir` that `wrong` matches. */
function importsMatching(dir: string, wrong: (specifier: string) => boolean): string[] {
  const files = sourceFiles(join(projectRoot, dir));
  expect(files.length).toBeGreaterThan(3);
  return files.flatMap((file) =>
    importsOf(file)
      .filter(wrong)
      .map((specifier) => `${relative(projectRoot, file)} imports ${specifier}`),
  );
}

const UPWARD = /^(graphql|@apollo\/.*)$|__generated__|\/resolvers(\/|$)|\/loaders(\/|$)|\/http(\/|$)|\/context$|\/server$|\/errors$/;

test.each(['src/store', 'src/corrections'])('nothing under %s imports GraphQL, generated types, resolvers, loaders or HTTP', (dir) => {
  expect(importsMatching(dir, (specifier) => UPWARD.test(specifier) && !specifier.startsWith('./'))).toEqual([]);
});

test('nothing under src/store imports the comparison domain (the loaders prepare what they hold for it)', () => {
  expect(importsMatching('src/store', (specifier) => /\/careers\/compare$/.test(specifier))).toEqual([]);
});

test('nothing under scripts/ imports from tests/ (what both need lives in scripts/)', () => {
  expect(importsMatching('scripts', (specifier) => /(^|\/)tests\//.test(specifier))).toEqual([]);
});

test('the import scan sees the imports it checks (a resolver file importing generated types)', () => {
  expect(importsOf(join(projectRoot, 'src/resolvers/query.ts'))).toContain('../__generated__/resolvers-types');
});

test('the pages only render answers: nothing under src/pages reads the store, loaders, resolvers or context', () => {
  const files = sourceFiles(join(projectRoot, 'src/pages'));
  expect(files.length).toBeGreaterThan(3);
  const AROUND_THE_GRAPH = /\/store(\/|$)|\/loaders(\/|$)|\/resolvers(\/|$)|\/context$|\/http(\/|$)|\/server$|^graphql$|^@apollo\/|^kysely$|^better-sqlite3$|resolvers-types/;
  const reads = files.flatMap((file) => importsOf(file).filter((specifier) => AROUND_THE_GRAPH.test(specifier)).map((specifier) => `${relative(projectRoot, file)} imports ${specifier}`));
  expect(reads).toEqual([]);
  expect(importsOf(join(projectRoot, 'src/pages/occupation-page.ts'))).toContain('../__generated__/page-operations');
});
