/**
 * The federation directives a router acts on: the domain tags (and the contracts they cut from the
 * composed supergraph), @listSize/@cost for demand control, and @cacheControl on every entity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  valueFromASTUntyped,
  visit,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../../src/resolvers/pagination';
import { buildSchema, loadTypeDefs, schemaDir } from '../../src/schema';
import { DEFAULT_MAX_AGE_SECONDS } from '../../src/server';
import { compose, companySubgraph, skillsSubgraph } from './supergraph';

/** O*NET data, authored frameworks, the suggested-corrections write path (admin reads included), BLS pay and demand, observed moves, AI exposure. */
const DOMAIN_TAGS = ['anchors', 'framework', 'corrections', 'labor-market', 'observed-moves', 'ai-exposure'];

/**
 * The schema files this scheme covers. A new domain file joins the list once its types carry a domain tag (the
 * contract tests below already cover every file).
 */
const TAGGED_FILES = [
  'schema.graphql', 'occupation.graphql', 'framework.graphql', 'source.graphql', 'search.graphql', 'corrections.graphql', 'crosswalks.graphql',
  'labor-market.graphql', 'observed-moves.graphql', 'onet-model.graphql', 'changes.graphql', 'onet-reference.graphql', 'ai-exposure.graphql',
];

type WithDirectives = { astNode?: { directives?: readonly ConstDirectiveNode[] } | null | undefined };

function directives(element: WithDirectives, name: string): Record<string, unknown>[] {
  return (element.astNode?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])));
}

const tagsOf = (element: WithDirectives) => directives(element, 'tag').map((args) => String(args['name']));

/** A field's tags, with its parent type's: a tag on an object or interface type counts for all of its fields. */
function effectiveTags(type: GraphQLNamedType, field: WithDirectives): string[] {
  return [...new Set([...tagsOf(type as WithDirectives), ...tagsOf(field)])];
}

const isFederationField = (name: string) => name === '_entities' || name === '_service';

function typesDefinedIn(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    parse(readFileSync(join(schemaDir(), file), 'utf8')).definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])),
  );
}

describe('contract tags', () => {
  const schema = buildSchema();

  test('every type and field in the covered files carries exactly one domain tag', () => {
    const wrong: string[] = [];
    const check = (coordinate: string, tags: string[]) => {
      const domain = tags.filter((t) => DOMAIN_TAGS.includes(t));
      if (domain.length !== 1) wrong.push(`${coordinate}: ${JSON.stringify(domain)}`);
    };
    let checked = 0;
    for (const name of typesDefinedIn(TAGGED_FILES)) {
      const type = schema.getType(name);
      // @inaccessible elements never reach an API schema, so no contract sees them.
      if (type === undefined || directives(type as WithDirectives, 'inaccessible').length > 0) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (isFederationField(field.name)) continue;
          check(`${name}.${field.name}`, effectiveTags(type, field));
          checked += 1;
          // An argument of another domain than its field carries that domain's tag (and only it).
          for (const arg of field.args) if (tagsOf(arg).length > 0) check(`${name}.${field.name}(${arg.name})`, tagsOf(arg));
        }
      } else if (isInputObjectType(type)) {
        check(name, tagsOf(type));
        for (const field of Object.values(type.getFields())) check(`${name}.${field.name}`, tagsOf(field));
      } else if (isEnumType(type)) {
        check(name, tagsOf(type));
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  test('types other subgraphs also define are tagged field by field, never on the type', () => {
    // A tag on Occupation would count for a company's openPostings too (see the contract test below).
    const shared = Object.values(schema.getTypeMap()).filter(
      (type) => type.name === 'Query' || directives(type as WithDirectives, 'key').length > 0 || directives(type as WithDirectives, 'shareable').length > 0,
    );
    expect(shared.map((t) => t.name)).toEqual(expect.arrayContaining(['Occupation', 'PageInfo', 'Query', 'Source']));
    expect(shared.filter((t) => tagsOf(t as WithDirectives).length > 0).map((t) => t.name)).toEqual([]);
  });
});

/**
 * A GraphOS contract's filter, as Apollo documents it: a type's tag counts for its fields; an excluded tag removes
 * what carries it; with included tags, object and interface fields without one are removed, and a type left with
 * no fields goes too. What remains must be a valid schema: no field or argument may refer to a removed type.
 */
function cutContract(schema: GraphQLSchema, { include = [], exclude = [] }: { include?: string[]; exclude?: string[] }) {
  const isMachinery = (name: string) => name.startsWith('__') || /^(join__|link__)/.test(name);
  const hidden = (element: WithDirectives) => directives(element, 'inaccessible').length > 0;
  const removedTypes = new Set<string>();
  const keptFields = new Map<string, GraphQLField<unknown, unknown>[]>();

  for (const type of Object.values(schema.getTypeMap())) {
    if (isMachinery(type.name)) continue;
    const typeTags = tagsOf(type as WithDirectives);
    if (hidden(type as WithDirectives) || typeTags.some((t) => exclude.includes(t))) {
      removedTypes.add(type.name);
      continue;
    }
    if (isUnionType(type) && include.length > 0 && !typeTags.some((t) => include.includes(t))) removedTypes.add(type.name);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const fields = Object.values(type.getFields()).filter((field) => {
      const tags = effectiveTags(type, field);
      if (hidden(field) || tags.some((t) => exclude.includes(t))) return false;
      return include.length === 0 || tags.some((t) => include.includes(t));
    });
    if (fields.length === 0) removedTypes.add(type.name);
    else keptFields.set(type.name, fields);
  }

  const named = (t: GraphQLType) => getNamedType(t).name;
  const fields = new Set<string>();
  const violations: string[] = [];
  for (const [typeName, list] of keptFields) {
    if (removedTypes.has(typeName)) continue;
    for (const field of list) {
      fields.add(`${typeName}.${field.name}`);
      if (removedTypes.has(named(field.type))) violations.push(`${typeName}.${field.name} returns removed ${named(field.type)}`);
      for (const arg of field.args) {
        // An argument tagged with an excluded tag is removed from its field, as a field is from its type.
        const argumentRemoved = hidden(arg) || tagsOf(arg).some((t) => exclude.includes(t));
        if (removedTypes.has(named(arg.type)) && !argumentRemoved) violations.push(`${typeName}.${field.name}(${arg.name}) takes removed ${named(arg.type)}`);
      }
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || removedTypes.has(type.name) || isMachinery(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldRemoved = hidden(field) || tagsOf(field).some((t) => exclude.includes(t));
      if (removedTypes.has(named(field.type)) && !fieldRemoved) violations.push(`${type.name}.${field.name} is of removed ${named(field.type)}`);
    }
  }
  const types = new Set(Object.keys(schema.getTypeMap()).filter((n) => !isMachinery(n) && !removedTypes.has(n)));
  return { types, fields, violations };
}

describe('contracts cut from the supergraph with the company subgraph', () => {
  const supergraph = compose([skillsSubgraph(), companySubgraph()]).schema.toGraphQLJSSchema();

  test('anchors only, by excluding `framework`: valid, and the company fields stay', () => {
    const contract = cutContract(supergraph, { exclude: ['framework'] });
    expect(contract.violations).toEqual([]);
    for (const gone of ['Occupation.framework', 'Occupation.hasFramework', 'Dataset.occupationsWithFrameworks']) expect(contract.fields).not.toContain(gone);
    for (const gone of ['Framework', 'CompetencyStatement', 'Citation', 'CompetencyLevelKey']) expect(contract.types).not.toContain(gone);
    for (const kept of ['Occupation.code', 'Occupation.socCode', 'Occupation.tasks', 'Occupation.openPostings', 'Query.jobPostings', 'Query.sources', 'Source.licence']) {
      expect(contract.fields).toContain(kept);
    }
  });

  test('anchors only, by including `anchors`: valid, and untagged company fields drop out with it', () => {
    const contract = cutContract(supergraph, { include: ['anchors'] });
    expect(contract.violations).toEqual([]);
    for (const kept of ['Query.occupation', 'Query.occupations', 'Occupation.socCode', 'Occupation.relatedOccupations', 'Source.url', 'PageInfo.endCursor']) {
      expect(contract.fields).toContain(kept);
    }
    for (const gone of ['Occupation.framework', 'Occupation.openPostings', 'Query.jobPostings']) expect(contract.fields).not.toContain(gone);
    expect(contract.types).not.toContain('JobPosting');
  });

  test('without `observed-moves` (another licence): valid, and only the observed moves go', () => {
    const contract = cutContract(supergraph, { exclude: ['observed-moves'] });
    expect(contract.violations).toEqual([]);
    expect(contract.fields).not.toContain('Occupation.observedMoves');
    for (const gone of ['ObservedMoves', 'ObservedUnit', 'ObservedMove', 'ObservedUnitMatch']) expect(contract.types).not.toContain(gone);
    for (const kept of ['Occupation.careerMoves', 'Occupation.framework', 'Query.sources']) expect(contract.fields).toContain(kept);
  });

  test('without `labor-market`: valid, the pay and demand fields, arguments and filter ranges gone, the rest kept', () => {
    const contract = cutContract(supergraph, { exclude: ['labor-market'] });
    expect(contract.violations).toEqual([]);
    for (const gone of ['Occupation.laborMarket', 'OccupationComparison.wageChange', 'CareerMove.outlookChange', 'Dataset.laborMarketCoverage']) expect(contract.fields).not.toContain(gone);
    for (const gone of ['LaborMarket', 'WageFigure', 'OccupationOrder', 'FloatRange']) expect(contract.types).not.toContain(gone);
    for (const kept of ['Query.occupations', 'Occupation.comparison', 'OccupationComparison.similarity', 'Occupation.openPostings']) expect(contract.fields).toContain(kept);
  });

  test('a filter range or an order left untagged would break that contract', () => {
    const untagged = visit(loadTypeDefs(), {
      InputValueDefinition: (node) => (node.name.value === 'orderBy' ? { ...node, directives: [] } : undefined),
    });
    const broken = compose([{ ...skillsSubgraph(), typeDefs: untagged }, companySubgraph()]).schema.toGraphQLJSSchema();
    expect(cutContract(broken, { exclude: ['labor-market'] }).violations).toContain('Query.occupations(orderBy) takes removed OccupationOrder');
  });

  test('every tag: everything this subgraph serves', () => {
    const contract = cutContract(supergraph, { include: DOMAIN_TAGS });
    expect(contract.violations).toEqual([]);
    expect(contract.fields).toContain('Occupation.framework');
    expect(contract.fields).toContain('LaborMarket.wages');
    expect(contract.fields).toContain('CompetencyStatement.citations');
  });

  test('without AI exposure, by excluding `ai-exposure`: valid, and every AI field and type goes, Task included', () => {
    const contract = cutContract(supergraph, { exclude: ['ai-exposure'] });
    expect(contract.violations).toEqual([]);
    for (const gone of ['Occupation.aiExposure', 'Task.aiExposure', 'Dataset.aiExposure']) expect(contract.fields).not.toContain(gone);
    for (const gone of ['AiExposure', 'AiMeasure', 'AiMeasureRange', 'TaskAiExposure', 'GptsTaskLabels', 'AiTaskMeasure']) expect(contract.types).not.toContain(gone);
    for (const kept of ['Occupation.tasks', 'Task.statement', 'Task.type', 'Dataset.attribution', 'Occupation.openPostings']) expect(contract.fields).toContain(kept);
  });

  test('anchors only, by including `anchors`: AI exposure drops out with the untagged fields, Task keeps its anchor fields', () => {
    const contract = cutContract(supergraph, { include: ['anchors'] });
    expect(contract.violations).toEqual([]);
    for (const gone of ['Occupation.aiExposure', 'Task.aiExposure', 'Dataset.aiExposure']) expect(contract.fields).not.toContain(gone);
    for (const kept of ['Task.id', 'Task.statement', 'Task.release']) expect(contract.fields).toContain(kept);
  });

  test('anchors with AI exposure, by including both: valid, with the ranking and the task labels', () => {
    const contract = cutContract(supergraph, { include: ['anchors', 'ai-exposure'] });
    expect(contract.violations).toEqual([]);
    for (const kept of ['Occupation.aiExposure', 'AiExposure.rankedTasks', 'Task.aiExposure', 'GptsTaskLabels.labelledStatement', 'Task.statement']) {
      expect(contract.fields).toContain(kept);
    }
    expect(contract.fields).not.toContain('Occupation.framework');
  });

  test('a tag on the Occupation type itself would break the include contract through the company field', () => {
    const typeTagged = visit(loadTypeDefs(), {
      ObjectTypeDefinition: (node) => {
        if (node.name.value !== 'Occupation') return undefined;
        const tag = parse('type X @tag(name: "anchors") { x: Int }').definitions[0];
        if (tag?.kind !== 'ObjectTypeDefinition') throw new Error('unreachable');
        return { ...node, directives: [...(node.directives ?? []), ...(tag.directives ?? [])] };
      },
    });
    const broken = compose([{ ...skillsSubgraph(), typeDefs: typeTagged }, companySubgraph()]).schema.toGraphQLJSSchema();
    expect(cutContract(broken, { include: ['anchors'] }).violations).toContain('Occupation.openPostings returns removed JobPosting');
  });
});

describe('demand control', () => {
  const schema = buildSchema();
  const unwrap = (t: GraphQLType): GraphQLType => (isNonNullType(t) ? t.ofType : t);

  test('every connection is sized by `first`, up to the maximum page size', () => {
    const connections: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type);
        if (!returned.name.endsWith('Connection')) continue;
        connections.push(`${type.name}.${field.name}`);
        expect({ field: `${type.name}.${field.name}`, listSize: directives(field, 'listSize') }).toEqual({
          field: `${type.name}.${field.name}`,
          listSize: [{ assumedSize: MAX_PAGE_SIZE, slicingArguments: ['first'], sizedFields: ['edges'] }],
        });
        const first = field.args.find((a) => a.name === 'first');
        expect(String(first?.type)).toBe('Int');
        expect(first?.defaultValue).toBe(20);
        // sizedFields must name a list field of the connection.
        expect(isObjectType(returned) && isListType(unwrap(returned.getFields()['edges']!.type))).toBe(true);
      }
    }
    expect(connections).toEqual(
      expect.arrayContaining(['Occupation.alternateTitles', 'Occupation.technologySkills', 'Occupation.tasks', 'Occupation.tools', 'Query.occupations']),
    );
  });

  test('every other list in the covered files has an assumed size', () => {
    const unsized: string[] = [];
    let lists = 0;
    for (const name of typesDefinedIn(TAGGED_FILES)) {
      const type = schema.getType(name);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (isFederationField(field.name) || !isListType(unwrap(field.type))) continue;
        // A connection's edges are sized by the field that returns the connection (sizedFields above).
        if (name.endsWith('Connection') && field.name === 'edges') continue;
        lists += 1;
        const [listSize] = directives(field, 'listSize');
        if (typeof listSize?.['assumedSize'] !== 'number') unsized.push(`${name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
    expect(lists).toBeGreaterThan(25);
  });

  test('@cost marks the fields that read more rows than they return', () => {
    const costed = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type)
        ? Object.values(type.getFields()).flatMap((f) => directives(f, 'cost').map((args) => `${type.name}.${f.name}=${String(args['weight'])}`))
        : [],
    );
    expect(costed.sort()).toEqual(
      [
        'Query.occupations=10',
        'Query.searchOccupations=10',
        // Its totalCount reads every change between the two releases (5,437 from 30.1 to 30.2).
        'Query.releaseChanges=5',
        'Occupation.alternateTitles=5',
        'Occupation.tasks=5',
        'Occupation.technologySkills=5',
        'Occupation.tools=5',
        // Like Occupation.tasks: every task of the occupation is ranked to cut a page.
        'AiExposure.rankedTasks=5',
      ].sort(),
    );
  });
});

test('every entity carries a cache hint as long as the server default, for the router to cache `_entities` answers', () => {
  const schema = buildSchema();
  const entities = Object.values(schema.getTypeMap()).filter((t) => directives(t as WithDirectives, 'key').length > 0);
  expect(entities.map((t) => t.name)).toEqual(expect.arrayContaining(['Occupation', 'Source']));
  for (const entity of entities) expect(directives(entity as WithDirectives, 'cacheControl')).toEqual([{ maxAge: DEFAULT_MAX_AGE_SECONDS }]);
});
