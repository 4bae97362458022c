/**
 * Reads and validates authored framework files: JSON syntax, the published JSON Schema, and the rules a
 * schema cannot express (the code exists in O*NET, citations name declared sources, statement ids are
 * unique). Also finds what the published page itself disagrees with, as data-quality warnings.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import { DataFileError } from './errors';
import type { FrameworkFile } from './framework-file';
import { readDataFile } from './tsv';

export interface DataQualityWarning {
  occupationCode: string;
  file: string;
  path: string;
  message: string;
}

/** `/levels/0/statements/3/id` -> `$.levels[0].statements[3].id` */
function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `has unknown property "${String(params.additionalProperty)}"`;
  if (error.keyword === 'required') return `is missing required property "${String(params.missingProperty)}"`;
  return error.message ?? error.keyword;
}

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

export function parseJsonFile(path: string, displayName: string): unknown {
  const text = readDataFile(path, displayName);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    throw new DataFileError(
      displayName,
      position === undefined ? null : `line ${lineOf(text, Number(position))}`,
      `is not valid JSON (${message})`,
    );
  }
}

export type FrameworkValidator = (value: unknown, displayName: string) => FrameworkFile;

export function compileFrameworkSchema(schema: unknown, schemaName: string): FrameworkValidator {
  let validate;
  try {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validate = ajv.compile<FrameworkFile>(schema as object);
  } catch (error) {
    throw new DataFileError(schemaName, null, `is not a valid JSON Schema (${(error as Error).message})`);
  }
  return (value, displayName) => {
    if (validate(value)) return value;
    const errors = (validate.errors ?? []).slice(0, 10);
    const details = errors.map((e) => `${jsonPath(e.instancePath)} ${describeSchemaError(e)}`).join('; ');
    const first = errors[0];
    throw new DataFileError(
      displayName,
      first ? `at ${jsonPath(first.instancePath)}` : null,
      `does not match the framework schema: ${details}`,
    );
  };
}

/** Checks one framework against the store's O*NET occupations and the ids seen in earlier frameworks. */
export function checkFrameworkReferences(
  framework: FrameworkFile,
  displayName: string,
  expectedCode: string,
  occupationCodes: ReadonlySet<string>,
  statementIdsSeen: Map<string, string>,
): void {
  const fail = (path: string, problem: string): never => {
    throw new DataFileError(displayName, `at ${path}`, problem);
  };
  if (framework.code !== expectedCode) {
    fail('$.code', `is "${framework.code}", but the file is named for ${expectedCode}`);
  }
  if (!occupationCodes.has(framework.code)) {
    fail('$.code', `"${framework.code}" is not an O*NET-SOC code in the served O*NET release's Occupation Data`);
  }
  const sourceIds = new Set<string>();
  framework.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) fail(`$.sources[${i}].id`, `duplicate source id "${source.id}"`);
    sourceIds.add(source.id);
  });
  const checkId = (id: string, path: string) => {
    const earlier = statementIdsSeen.get(id);
    if (earlier !== undefined) fail(`${path}.id`, `duplicate statement id "${id}" (first used at ${earlier})`);
    statementIdsSeen.set(id, `${displayName} ${path}`);
  };
  const checkCitations = (citations: FrameworkFile['aiUsage'][number]['statements'][number]['citations'], path: string) =>
    citations.forEach((citation, i) => {
      if (!sourceIds.has(citation.source)) {
        fail(
          `${path}.citations[${i}].source`,
          `cites source "${citation.source}", which is not declared in $.sources (declared: ${[...sourceIds].join(', ')})`,
        );
      }
    });
  framework.levels.forEach((level, l) =>
    level.statements.forEach((statement, s) => checkId(statement.id, `$.levels[${l}].statements[${s}]`)),
  );
  framework.aiUsage.forEach((level, l) =>
    level.statements.forEach((statement, s) => {
      const path = `$.aiUsage[${l}].statements[${s}]`;
      checkId(statement.id, path);
      checkCitations(statement.citations, path);
    }),
  );
  framework.durableSkills.forEach((domain, d) =>
    domain.levels.forEach((level, l) =>
      level.statements.forEach((statement, s) => {
        const path = `$.durableSkills[${d}].levels[${l}].statements[${s}]`;
        checkId(statement.id, path);
        checkCitations(statement.citations, path);
      }),
    ),
  );
}

/** Where the published page disagrees with itself or with O*NET. Reported, stored, and never "fixed". */
export function findDataQualityWarnings(
  framework: FrameworkFile,
  file: string,
  onet: { title: string; jobZone: number | null },
): DataQualityWarning[] {
  const warnings: DataQualityWarning[] = [];
  const warn = (path: string, message: string) =>
    warnings.push({ occupationCode: framework.code, file, path, message });

  framework.durableSkills.forEach((domain, d) => {
    const listed = domain.levels.reduce((sum, level) => sum + level.statements.length, 0);
    if (listed !== domain.publishedStatementCount) {
      warn(
        `$.durableSkills[${d}].publishedStatementCount`,
        `${domain.name}: the page's headline says ${domain.publishedStatementCount} statements, but it lists ${listed}`,
      );
    }
  });
  const a = framework.anchors;
  const anchorTotal =
    a.tasks.length + a.skills.length + a.knowledge.length + a.abilities.length + a.workStyles.length + a.technology.length;
  if (anchorTotal !== a.publishedAnchorCount) {
    warn(
      '$.anchors.publishedAnchorCount',
      `the page says ${a.publishedAnchorCount} anchors, but its tasks, skills, knowledge, abilities, work styles and technology lists hold ${anchorTotal}`,
    );
  }
  if (framework.title !== onet.title) {
    warn('$.title', `title "${framework.title}" differs from the O*NET title "${onet.title}"`);
  }
  if (framework.jobZone.zone !== onet.jobZone) {
    warn('$.jobZone.zone', `job zone ${framework.jobZone.zone} differs from O*NET's ${onet.jobZone ?? 'none'}`);
  }
  return warnings;
}
