/**
 * Level keys have one source (src/store/framework-file.ts): the GraphQL enums and the framework file's JSON Schema
 * must list the same keys in the same order. And each enum the store keeps in its own words maps every GraphQL value,
 * argument defaults included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isEnumType, isObjectType } from 'graphql';
import { enumValues } from '../src/resolvers/enums';
import { buildSchema } from '../src/schema';
import { COMPETENCY_LEVEL_KEYS, DURABLE_LEVEL_KEYS } from '../src/store/framework-file';
import { dataDir } from './support/paths';

const schema = buildSchema();

function enumType(name: string) {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum in the schema`);
  return type;
}

type Defs = Record<string, { properties: Record<string, { enum: string[] }> }>;
const defs = (JSON.parse(readFileSync(join(dataDir, 'frameworks/framework.schema.json'), 'utf8')) as { $defs: Defs }).$defs;

test('the GraphQL level enums list the level keys of framework-file.ts, in order', () => {
  expect(enumType('CompetencyLevelKey').getValues().map((v) => v.name)).toEqual([...COMPETENCY_LEVEL_KEYS]);
  expect(enumType('DurableLevelKey').getValues().map((v) => v.name)).toEqual([...DURABLE_LEVEL_KEYS]);
});

test("the framework file's JSON Schema allows exactly those level keys", () => {
  expect(defs.competencyLevel?.properties.key?.enum).toEqual([...COMPETENCY_LEVEL_KEYS]);
  expect(defs.aiUsageLevel?.properties.level?.enum).toEqual([...COMPETENCY_LEVEL_KEYS]);
  expect(defs.durableLevel?.properties.key?.enum).toEqual([...DURABLE_LEVEL_KEYS]);
});

test.each(Object.entries(enumValues))('the schema gives every %s value its store value', (name, values) => {
  const type = enumType(name);
  expect(Object.fromEntries(type.getValues().map((v) => [v.name, v.value as unknown]))).toEqual(values);
});

test('enum argument defaults arrive as the store values, like the values clients send', () => {
  const defaults: [string, unknown][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (!isEnumType(named) || arg.defaultValue === undefined) continue;
        defaults.push([`${type.name}.${field.name}(${arg.name})`, arg.defaultValue]);
        expect(named.getValues().map((v) => v.value as unknown)).toContain(arg.defaultValue);
      }
    }
  }
  expect(defaults).toEqual(expect.arrayContaining([['Occupation.careerMoves(direction)', 'any'], ['Occupation.careerMovesInto(direction)', 'any']]));
});
