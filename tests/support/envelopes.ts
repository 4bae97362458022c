/**
 * Generated GraphQL-over-HTTP envelopes (fast-check): `query`, `operationName`, `variables` and `extensions`, each
 * absent, of a wrong type, a wrong value, odd characters, or naming an absent or extra operation, plus unknown keys.
 * tests/envelope-property.test.ts sends them to find any 5xx; tests/fast-path.test.ts sends them through both of
 * the server's paths and compares the answers.
 */
import fc from 'fast-check';
import { FULL_FRAMEWORK_QUERY } from '../../scripts/operations';

const OPERATIONS = [
  'query A { __typename }',
  'query A { __typename } query B { dataset { occupationCount } }',
  'query Occ($code: String!) { occupation(code: $code) { id code title framework { id version } } }',
  'query Page($first: Int, $after: String) { occupations(first: $first, after: $after) { totalCount edges { node { id } } } }',
  'query Search($q: String!) { searchOccupations(query: $q, first: 3) { score occupation { code } } }',
  'query Ent($representations: [_Any!]!) { _entities(representations: $representations) { ... on Occupation { code title } } }',
  'mutation Suggest($input: SuggestCorrectionInput!) { suggestCorrection(input: $input) { id } }',
  'query Review { corrections { totalCount } }',
  'subscription S { occupation }',
  '{ occupation(code: "43-6012.00") { ...F } } fragment F on Occupation { code }',
  FULL_FRAMEWORK_QUERY,
];

/** Any JSON value, with strings of any UTF-16 code units (lone surrogates and controls included). */
const oddString = fc.string({ unit: 'binary', maxLength: 60 });
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    oddString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A field of the envelope: absent, or a value of any type. */
const absentOr = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

const query = fc.oneof(
  fc.constantFrom(...OPERATIONS),
  // A real operation cut short or with odd characters spliced in.
  fc.tuple(fc.constantFrom(...OPERATIONS), fc.nat(), oddString).map(([q, at, odd]) => q.slice(0, at % (q.length + 1)) + odd + q.slice(at % (q.length + 1))),
  oddString,
  anyJson,
);

const operationName = fc.oneof(fc.constantFrom('A', 'B', 'C', 'Occ', 'Page', 'Suggest', 'Review', 'S', ''), oddString, anyJson);

const variables = fc.oneof(
  fc.record(
    {
      code: fc.oneof(fc.constantFrom('43-6012.00', '43-6012', '99-9999.00', '43-60'), oddString, anyJson),
      first: fc.oneof(fc.integer({ min: -5, max: 200 }), anyJson),
      after: fc.oneof(oddString, fc.constant('b2NjdXBhdGlvbjo0My02MDEyLjAw'), anyJson),
      q: fc.oneof(fc.constantFrom('legal secretary', 'RN', ''), oddString, anyJson),
      representations: fc.oneof(
        fc.array(fc.record({ __typename: fc.constantFrom('Occupation', 'Source', 'Nope'), code: fc.oneof(oddString, anyJson), socCode: fc.oneof(oddString, anyJson) }, { requiredKeys: [] }), { maxLength: 5 }),
        anyJson,
      ),
      input: fc.oneof(
        fc.record(
          {
            occupationCode: fc.oneof(fc.constant('43-6012.00'), oddString),
            targetKind: fc.oneof(fc.constantFrom('FIELD', 'STATEMENT', 'ANCHOR'), oddString),
            targetId: fc.oneof(fc.constant('Occupation.title'), oddString),
            suggestedText: oddString,
            idempotencyKey: fc.oneof(fc.uuid(), oddString),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

const extensions = fc.oneof(
  fc.record({ persistedQuery: fc.oneof(fc.record({ version: fc.oneof(fc.constant(1), anyJson), sha256Hash: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), oddString, anyJson) }, { requiredKeys: [] }), anyJson) }, { requiredKeys: [] }),
  anyJson,
);

export const envelope = fc.record(
  {
    query: absentOr(query),
    operationName: absentOr(operationName),
    variables: absentOr(variables),
    extensions: absentOr(extensions),
  },
  { requiredKeys: [] },
).chain((base) => fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 2 }).map((extra) => ({ ...extra, ...base })));
