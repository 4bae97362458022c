/**
 * Records the answers of scripts/answer-cases.ts's operations from the store at STORE_FILE (default
 * var/test/store.sqlite, which `npm test` builds) into tests/fixtures/answers-before-issue-11.json.gz. Run it on
 * the code BEFORE a change that must keep answers byte for byte (and again, on that code, when data/ changes):
 *   npm run build && node dist/scripts/capture-answers.js
 * The record in the repository was taken from main at `a5a51b5` (O*NET 30.2; issues 12, 13, 14, 15, 16 merged), without issue 11's changes: its
 * source tree (`git archive`) with this script and the files that were then tests/support/answers.ts and queries.ts copied in.
 * Since then the README's career-moves, translateCode and change-feed queries were named and select ids: their three
 * answers were recorded again, each checked to equal the old one once its `id` fields are taken out. The README's two
 * O*NET-model queries (issue 25, skill levels through their anchors and tasks up to their generalized work activities)
 * are new operations, recorded from the code that added them; the 27 answers recorded before were unchanged byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createContext } from '../src/context';
import { createServer } from '../src/server';
import { openStore } from '../src/store/store';
import { join } from 'node:path';
import { ANSWERS_FILE, answerCases, nextPageCases, root, type AnswerCase } from './answer-cases';

async function main(): Promise<void> {
  const store = await openStore(process.env.STORE_FILE ?? join(root, 'var/test/store.sqlite'));
  const server = createServer({ production: true });
  await server.start();
  const codes = (await store.db.selectFrom('occupation').select('code').orderBy('code').execute()).map((r) => r.code);
  const answers: Record<string, string> = {};
  const run = async (c: AnswerCase) => {
    const response = await server.executeOperation({ query: c.query, variables: c.variables }, { contextValue: createContext(store) });
    if (response.body.kind !== 'single') throw new Error(c.name);
    if (response.body.singleResult.errors !== undefined && c.errorsExpected !== true) throw new Error(`${c.name}: ${JSON.stringify(response.body.singleResult.errors)}`);
    answers[c.name] = JSON.stringify(response.body.singleResult);
  };
  for (const c of answerCases(codes)) await run(c);
  for (const c of nextPageCases(answers['every list field']!)) await run(c);
  writeFileSync(ANSWERS_FILE, gzipSync(JSON.stringify(answers, null, 1)));
  console.log(`${Object.keys(answers).length} answers written to ${ANSWERS_FILE}`);
  await server.stop();
  await store.close();
}

void main();
