/**
 * The README's sample queries answer with exactly the bytes recorded in tests/golden/readme-answers.json, which were
 * captured from the server before the code was restructured (issue 12). A change that alters an answer on purpose
 * re-records them: `RECORD_README_ANSWERS=1 npx jest tests/readme-answers.test.ts`, and the diff shows what changed.
 * fetch asks for gzip and decompresses; a client that sends no Accept-Encoding gets the recorded bytes as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawRequest, serveHttp, type RunningHttp } from './support/http';
import { projectRoot } from './support/paths';
import { FULL_FRAMEWORK_QUERY } from '../scripts/operations';

const goldenFile = join(projectRoot, 'tests/golden/readme-answers.json');

/** The README's ```graphql blocks, in order, and the query its curl example sends. */
function readmeRequests(): Record<string, { query: string; variables?: Record<string, unknown> }> {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const [legalSecretaries, entities] = blocks;
  if (legalSecretaries === undefined || entities === undefined) throw new Error('README.md no longer has its two sample GraphQL blocks');
  const variablesOf = (block: string, name: string) => {
    const variables = /# variables:\n((?:# .*\n)+)/.exec(block)?.[1]?.replace(/^# /gm, '');
    if (variables === undefined) throw new Error(`README.md ${name} sample has no variables comment`);
    return JSON.parse(variables) as Record<string, unknown>;
  };
  const curl = /-d '(\{"query".*\})'/.exec(readme)?.[1];
  if (curl === undefined) throw new Error('README.md has no curl sample');
  return {
    LegalSecretaries: { query: legalSecretaries, variables: variablesOf(legalSecretaries, 'Legal Secretaries') },
    Entities: { query: entities, variables: variablesOf(entities, 'entities') },
    curl: JSON.parse(curl) as { query: string },
    FullFramework: { query: FULL_FRAMEWORK_QUERY, variables: { code: '43-6012.00' } },
  };
}

let running: RunningHttp;
beforeAll(async () => {
  running = await serveHttp({ production: true });
});
afterAll(() => running.stop());

test("the README's sample queries answer with the recorded bytes", async () => {
  const answers: Record<string, string> = {};
  for (const [name, body] of Object.entries(readmeRequests())) {
    const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    answers[name] = await response.text();
  }
  if (process.env.RECORD_README_ANSWERS === '1') writeFileSync(goldenFile, `${JSON.stringify(answers, null, 1)}\n`);
  const recorded = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;
  expect(Object.keys(answers)).toEqual(['LegalSecretaries', 'Entities', 'curl', 'FullFramework']);
  for (const name of Object.keys(answers)) expect({ name, answer: answers[name] }).toEqual({ name, answer: recorded[name] });
});

test('with no Accept-Encoding, the same recorded bytes go out uncompressed', async () => {
  const recorded = JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string>;
  for (const [name, body] of Object.entries(readmeRequests())) {
    const response = await rawRequest(running.url, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect({ name, encoding: response.headers['content-encoding'], answer: response.body.toString('utf8') }).toEqual({ name, encoding: undefined, answer: recorded[name] });
  }
});
