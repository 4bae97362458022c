/**
 * Records the answers of scripts/answer-cases.ts's operations from the store at STORE_FILE (default
 * var/test/store.sqlite, which `npm test` builds) into tests/fixtures/answers-before-issue-11.json.gz, or, with the
 * argument `issue-22`, issue 22's cases into answers-before-issue-22.json.gz. Run it on the code BEFORE a change
 * that must keep answers byte for byte (and again, on that code, when data/ changes):
 *   npm run build && node dist/scripts/capture-answers.js [issue-22]
 * Issue 22's record was taken from main at `e71d7da` (before pay and demand): its source tree (`git archive`) with
 * this script and the files that were then tests/support/answers.ts and queries.ts copied in, over the same O*NET data.
 * The record in the repository was taken from main at `a5a51b5` (O*NET 30.2; issues 12, 13, 14, 15, 16 merged), without issue 11's changes: its
 * source tree (`git archive`) with this script and the files that were then tests/support/answers.ts and queries.ts copied in.
 * Since then the README's career-moves, translateCode and change-feed queries were named and select ids: their three
 * answers were recorded again, each checked to equal the old one once its `id` fields are taken out.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createContext } from '../src/context';
import { createServer } from '../src/server';
import { openStore } from '../src/store/store';
import { join } from 'node:path';
import { ANSWERS_FILE, answerCases, issue22Cases, ISSUE_22_ANSWERS_FILE, nextPageCases, root, type AnswerCase } from './answer-cases';

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
  const issue22 = process.argv[2] === 'issue-22';
  if (issue22) {
    for (const c of issue22Cases()) await run(c);
  } else {
    for (const c of answerCases(codes)) await run(c);
    for (const c of nextPageCases(answers['every list field']!)) await run(c);
  }
  const file = issue22 ? ISSUE_22_ANSWERS_FILE : ANSWERS_FILE;
  writeFileSync(file, gzipSync(JSON.stringify(answers, null, 1)));
  console.log(`${Object.keys(answers).length} answers written to ${file}`);
  await server.stop();
  await store.close();
}

void main();
