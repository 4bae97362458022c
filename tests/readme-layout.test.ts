/** The README's layout section matches the tree: everything it names exists, and it names everything in src/. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './support/paths';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const layout = /## Layout\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
/** Each line's first word, with `src/` in front of the lines indented under it. */
const named = layout
  .split('\n')
  .filter((line) => /^\s{0,2}\S/.test(line))
  .map((line) => (line.startsWith('  ') ? `src/${line.trim().split(/\s+/)[0]}` : (line.split(/\s+/)[0] ?? '')));

test('every path the layout names exists', () => {
  expect(named.length).toBeGreaterThan(20);
  expect(named.filter((path) => !existsSync(join(projectRoot, path)))).toEqual([]);
});

test('the layout names every file and folder of src/ (generated code aside)', () => {
  const entries = readdirSync(join(projectRoot, 'src'), { withFileTypes: true })
    .filter((entry) => entry.name !== '__generated__')
    .map((entry) => `src/${entry.name}${entry.isDirectory() ? '/' : ''}`);
  expect(entries.filter((entry) => !named.includes(entry))).toEqual([]);
});
