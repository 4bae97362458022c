/**
 * The lists of a framework as the API serves them, one JSON document per framework: its competency levels with
 * their statements, AI usage per level, durable-skill domains with their levels, the page's anchor lists, sources
 * and data-quality warnings, shaped like the GraphQL types (field names, 1-based positions, statements under their
 * levels, citations under their statements). The importer builds it straight from the validated framework file
 * (`buildFrameworkDocument`) and stores it in `framework_document`; the `Framework` resolvers read it whole, once per
 * request. The framework's own row serves its title, version, job zone, evidence and page, so asking for those
 * alone never parses the document.
 */
import type { SourceRow } from './database';
import {
  ANCHOR_LISTS,
  type AnchorList,
  type CitationEntry,
  type CitedStatementEntry,
  type CompetencyLevelKey,
  DURABLE_LEVEL_KEYS,
  type DurableLevelKey,
  type FrameworkFile,
  type SourceEntry,
} from './framework-file';

/** A citation's source: its id as stored, the source row once read (`readFrameworkDocument`). */
export interface CitationDocument<S = SourceRow> {
  position: number;
  label: string;
  title: string;
  locator: string | null;
  source: S;
}

/** What every statement has: a stable id, its 1-based position within its level, and its citations. */
interface StatementDocument<S> {
  id: string;
  position: number;
  citations: CitationDocument<S>[];
}

export interface CompetencyStatementDocument<S = SourceRow> extends StatementDocument<S> {
  subject: string;
  performance: string;
}

/** An AI-usage or durable-skill statement (GraphQL `CitedStatement`). */
export interface CitedStatementDocument<S = SourceRow> extends StatementDocument<S> {
  title: string;
  text: string;
}

/** A level: its key and name, and its statements in published order. */
interface LevelDocument<K, T> {
  key: K;
  name: string;
  statements: T[];
}

export interface CompetencyLevelDocument<S = SourceRow> extends LevelDocument<CompetencyLevelKey, CompetencyStatementDocument<S>> {
  band: string;
  rank: number;
}

export type AiUsageLevelDocument<S = SourceRow> = LevelDocument<CompetencyLevelKey, CitedStatementDocument<S>>;
export type DurableSkillLevelDocument<S = SourceRow> = LevelDocument<DurableLevelKey, CitedStatementDocument<S>>;

export interface DurableSkillDomainDocument<S = SourceRow> {
  key: string;
  name: string;
  rank: number;
  publishedStatementCount: number;
  listedStatementCount: number;
  levels: DurableSkillLevelDocument<S>[];
}

/** `S` is what a citation's `source` holds: a source id in the stored JSON, the source row when served. */
export interface FrameworkDocument<S = SourceRow> {
  occupationCode: string;
  levels: CompetencyLevelDocument<S>[];
  aiUsage: AiUsageLevelDocument<S>[];
  durableSkills: DurableSkillDomainDocument<S>[];
  anchors: { publishedCount: number } & Record<AnchorList, string[]>;
  /** Every source the page credits, in its order; every citation's source is one of them. */
  sources: SourceRow[];
  dataQualityWarnings: { path: string; message: string }[];
}

const titleCase = (key: string) => key.charAt(0) + key.slice(1).toLowerCase();

/** A source as the file declares it, as the store's `source` row holds it. */
export function sourceRow(s: SourceEntry): SourceRow {
  return {
    id: s.id, name: s.name, short_name: s.shortName, description: s.description, publisher: s.publisher,
    version: s.version, licence: s.licence, url: s.url,
  };
}

/** Shapes a validated framework file's lists as served, with the warnings found in it. */
export function buildFrameworkDocument(framework: FrameworkFile, warnings: readonly { path: string; message: string }[]): FrameworkDocument<string> {
  const citationsOf = (citations: CitationEntry[]): CitationDocument<string>[] =>
    citations.map((c, i) => ({ position: i + 1, label: c.label, title: c.title, locator: c.locator, source: c.source }));
  const cited = (s: CitedStatementEntry, i: number): CitedStatementDocument<string> => ({
    id: s.id, position: i + 1, title: s.title, text: s.text, citations: citationsOf(s.citations),
  });
  const levels = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const { publishedAnchorCount, ...anchorLists } = framework.anchors;
  return {
    occupationCode: framework.code,
    levels: levels.map((l) => ({
      key: l.key,
      name: l.name,
      band: l.band,
      rank: l.rank,
      statements: l.statements.map((s, i) => ({ id: s.id, position: i + 1, subject: s.subject, performance: s.performance, citations: [] })),
    })),
    aiUsage: levels.map((l) => ({
      key: l.key,
      name: l.name,
      statements: framework.aiUsage.filter((a) => a.level === l.key).flatMap((a) => a.statements).map(cited),
    })),
    durableSkills: [...framework.durableSkills]
      .sort((a, b) => a.rank - b.rank)
      .map((d) => ({
        key: d.key,
        name: d.name,
        rank: d.rank,
        publishedStatementCount: d.publishedStatementCount,
        listedStatementCount: d.levels.reduce((n, l) => n + l.statements.length, 0),
        levels: DURABLE_LEVEL_KEYS.map((key) => {
          const level = d.levels.find((l) => l.key === key);
          return { key, name: level?.name ?? titleCase(key), statements: (level?.statements ?? []).map(cited) };
        }),
      })),
    anchors: { publishedCount: publishedAnchorCount, ...Object.fromEntries(ANCHOR_LISTS.map((list) => [list, anchorLists[list]])) } as FrameworkDocument['anchors'],
    sources: framework.sources.map(sourceRow),
    dataQualityWarnings: warnings.map((w) => ({ path: w.path, message: w.message })),
  };
}

/** Every statement id of a framework, for the store's statement index (corrections name statements by id). */
export function statementIds(document: FrameworkDocument<string>): string[] {
  return allStatements(document).map((s) => s.id);
}

/**
 * The stored JSON, with every character outside ASCII written as a `\u` escape: better-sqlite3 turns an ASCII
 * TEXT value into a JavaScript string much faster than one with any other character (docs/performance.md), and
 * JSON.parse reads the escapes back.
 */
export function writeFrameworkDocument(document: FrameworkDocument<string>): string {
  return JSON.stringify(document).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every statement of a framework: competency, AI-usage and durable-skill. */
function allStatements<S>(document: FrameworkDocument<S>): { id: string; citations: CitationDocument<S>[] }[] {
  return [
    ...document.levels.flatMap((l) => l.statements),
    ...document.aiUsage.flatMap((l) => l.statements),
    ...document.durableSkills.flatMap((d) => d.levels.flatMap((l) => l.statements)),
  ];
}

/**
 * Parses a stored document and points each citation at its source row from the document's `sources`, so the
 * served tree shares one object per source. A citation of a source the document does not list means the store is
 * broken: the importer checks citations against the framework's sources.
 */
export function readFrameworkDocument(json: string): FrameworkDocument {
  const document = JSON.parse(json) as FrameworkDocument<string | SourceRow>;
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  for (const statement of allStatements(document)) {
    for (const citation of statement.citations) {
      const source = sources.get(citation.source as string);
      if (source === undefined) throw new Error(`framework ${document.occupationCode} cites source ${String(citation.source)}, which it does not list`);
      citation.source = source;
    }
  }
  return document as FrameworkDocument;
}
