/**
 * Generated inputs for translateCode (fast-check): any system with codes from the crosswalk files, random well-formed
 * codes and arbitrary strings. Every answer is either translations whose every source is a declared one and whose
 * path runs from the code given to the occupation returned, or BAD_USER_INPUT for a code not in the system's format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CODE_FORMATS } from '../src/store/crosswalk-files';
import { releaseSourceIds } from '../src/resolvers/source';
import { dataDir } from './support/paths';
import { startTestServer, TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const declared = new Set(
  (JSON.parse(readFileSync(join(dataDir, 'sources.json'), 'utf8')) as { sources: { id: string }[] }).sources.map((s) => s.id),
);

/** Codes that occur in the files, so generated cases reach real translations and not only empty lists. */
const fileText = (file: string) => readFileSync(join(dataDir, 'crosswalks', file), 'utf8');
const matches = (text: string, pattern: RegExp) => [...new Set(text.match(pattern) ?? [])];
const known = {
  SOC_2010: matches(fileText('bls-soc-2010-to-2018.tsv'), /^\d{2}-\d{4}(?=\t)/gm),
  SOC_2018: matches(fileText('bls-soc-2010-to-2018.tsv'), /(?<=\t)\d{2}-\d{4}(?=\t)/g),
  ONET_SOC_2010: matches(fileText('onet-soc-2010-to-2019.semicolon.csv'), /^\d{2}-\d{4}\.\d{2}/gm),
  ONET_SOC_2019: matches(fileText('onet-soc-2010-to-2019.semicolon.csv'), /(?<=;)\d{2}-\d{4}\.\d{2}/g),
  ISCO_08: matches(fileText('esco-onet-nesta-nov2020.csv'), /(?<=^\d+,[^\n]*?,)\d{4}(?=,\d{2}-\d{4}\.\d{2},)/gm),
  ESCO: matches(fileText('esco-onet-nesta-nov2020.csv'), /http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}/g),
};
const FORMAT = {
  SOC_2010: CODE_FORMATS.soc.pattern,
  SOC_2018: CODE_FORMATS.soc.pattern,
  ONET_SOC_2010: CODE_FORMATS.onetSoc.pattern,
  ONET_SOC_2019: CODE_FORMATS.onetSoc.pattern,
  ISCO_08: CODE_FORMATS.isco08.pattern,
  ESCO: CODE_FORMATS.escoUri.pattern,
};
type System = keyof typeof known;
const systems = Object.keys(known) as System[];

test('the sample of known codes is not empty for any system', () => {
  for (const system of systems) expect({ system, some: known[system].length > 10 }).toEqual({ system, some: true });
});

const QUERY = `query ($system: CodeSystem!, $code: String!) {
  translateCode(system: $system, code: $code) { occupation { code } source { id } path { system code source { id } } }
}`;
type Answer = { occupation: { code: string }; source: { id: string }; path: { system: string; code: string; source: { id: string } | null }[] }[];

test('every answer is well-sourced translations or BAD_USER_INPUT for a malformed code', async () => {
  const onetRelease = releaseSourceIds(t.store.meta, [t.store.meta.get('onet_release') ?? ''])[0] ?? '';
  const cases = fc.constantFrom(...systems).chain((system) =>
    fc.tuple(
      fc.constant(system),
      fc.oneof(
        fc.constantFrom(...known[system]),
        fc.stringMatching(FORMAT[system]),
        fc.string({ maxLength: 60 }),
        fc.constantFrom(...known[systems[(systems.indexOf(system) + 1) % systems.length] as System]),
      ),
    ),
  );
  let translated = 0;
  await fc.assert(
    fc.asyncProperty(cases, async ([system, code]) => {
      const result = await t.run<{ translateCode: Answer }>(QUERY, { system, code });
      if (!FORMAT[system].test(code.trim())) {
        expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
        return;
      }
      expect(result.errors).toBeUndefined();
      for (const tr of result.data?.translateCode ?? []) {
        translated += 1;
        const sources = [tr.source.id, ...tr.path.flatMap((s) => (s.source ? [s.source.id] : []))];
        expect(sources.filter((id) => !declared.has(id) && id !== onetRelease)).toEqual([]);
        expect(tr.path[0]).toMatchObject({ system, code: code.trim(), source: null });
        expect(tr.path.at(-1)).toMatchObject({ system: 'ONET_SOC_2019', code: tr.occupation.code });
      }
    }),
    { numRuns: 150, seed: 15 },
  );
  // The generated cases did reach real translations.
  expect(translated).toBeGreaterThan(50);
});
