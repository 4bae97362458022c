/** Sandbox is where people learn the graph: every type, field, argument and enum value is described. */
import { isEnumType, isInputObjectType, isObjectType, isIntrospectionType } from 'graphql';
import { buildSchema } from '../src/schema';

/** Types and fields that @apollo/subgraph adds itself. */
const FEDERATION = new Set(['_Service', '_Any', '_Entity', 'FieldSet', 'link__Import', 'link__Purpose', 'federation__Scope', 'federation__Policy', 'federation__ContextFieldValue', 'federation__FieldSet']);
const FEDERATION_FIELDS = new Set(['_service', '_entities']);

test('every type, field, argument and enum value has a description', () => {
  const schema = buildSchema();
  const missing: string[] = [];
  let checked = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || FEDERATION.has(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (FEDERATION_FIELDS.has(field.name)) continue;
        checked += 1;
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
  }
  expect(missing).toEqual([]);
  expect(checked).toBeGreaterThan(150);
});
