/**
 * The lists of a framework as the API serves them, one JSON document per framework: its competency levels with
 * their statements, AI usage per level, durable-skill domains with their levels, the page's anchor lists, sources
 * and data-quality warnings, shaped like the GraphQL types (field names, 1-based positions, statements under their
 * levels, citations under their statements). The importer stores it (migration 0003) and the `Framework` resolvers
 * read it whole, once per request. The framework's rows remain the store's truth: `buildFrameworkDocument` derives
 * the document from them at build time, so the rules that shape them (which statements sit under which level, the
 * listed counts, level names) run once per build instead of on every request. The framework's own row still
 * serves its title, version, job zone, evidence and page, so asking for those alone never parses the document.
 */
import { groupBy } from '../group-by';
import type { SourceRow } from './database';
import { type AnchorList, type CompetencyLevelKey, DURABLE_LEVEL_KEYS, type DurableLevelKey } from './framework-file';
import * as q from './queries';
import type { Db } from './queries';

/** A citation's source: its id as stored, the source row once read (`readFrameworkDocument`). */
export interface CitationDocument<S = SourceRow> {
  position: number;
  label: string;
  title: string;
  locator: string | null;
  source: S;
}

export interface CompetencyStatementDocument<S = SourceRow> {
  id: string;
  position: number;
  subject: string;
  performance: string;
  citations: CitationDocument<S>[];
}

/** An AI-usage or durable-skill statement (GraphQL `CitedStatement`). */
export interface CitedStatementDocument<S = SourceRow> {
  id: string;
  position: number;
  title: string;
  text: string;
  citations: CitationDocument<S>[];
}

export interface CompetencyLevelDocument<S = SourceRow> {
  key: CompetencyLevelKey;
  name: string;
  band: string;
  rank: number;
  statements: CompetencyStatementDocument<S>[];
}

export interface AiUsageLevelDocument<S = SourceRow> {
  key: CompetencyLevelKey;
  name: string;
  statements: CitedStatementDocument<S>[];
}

export interface DurableSkillLevelDocument<S = SourceRow> {
  key: DurableLevelKey;
  name: string;
  statements: CitedStatementDocument<S>[];
}

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

/** Reads one framework's rows from a store (the one being built) and shapes its lists; null if it has no framework. */
export async function buildFrameworkDocument(db: Db, code: string): Promise<FrameworkDocument<string> | null> {
  const codes = [code];
  const [[framework], levels, competencyStatements, aiUsageStatements, domains, durableStatements, citations, anchors, sources, warnings] =
    await Promise.all([
      q.frameworksByOccupation(db, codes),
      q.competencyLevelsByOccupation(db, codes),
      q.competencyStatementsByOccupation(db, codes),
      q.aiUsageStatementsByOccupation(db, codes),
      q.durableDomainsByOccupation(db, codes),
      q.durableStatementsByOccupation(db, codes),
      q.citationsByOccupation(db, codes),
      q.anchorsByOccupation(db, codes),
      q.frameworkSourcesByOccupation(db, codes),
      q.warningsByOccupation(db, codes),
    ]);
  if (framework === undefined) return null;

  const citationsByStatement = groupBy(citations, (c) => c.statement_id);
  const citationsOf = (statementId: string): CitationDocument<string>[] =>
    (citationsByStatement.get(statementId) ?? []).map((c) => ({
      position: c.position + 1, label: c.label, title: c.title, locator: c.locator, source: c.source_id,
    }));
  const cited = (s: { id: string; position: number; title: string; text: string }): CitedStatementDocument<string> => ({
    id: s.id, position: s.position + 1, title: s.title, text: s.text, citations: citationsOf(s.id),
  });
  const competencyByLevel = groupBy(competencyStatements, (s) => s.level_key);
  const aiUsageByLevel = groupBy(aiUsageStatements, (s) => s.level_key);
  const durableByDomain = groupBy(durableStatements, (s) => s.domain_key);
  const anchorsByKind = groupBy(anchors, (a) => a.kind);
  const anchorList = (kind: (typeof anchors)[number]['kind']) => (anchorsByKind.get(kind) ?? []).map((a) => a.text);

  return {
    occupationCode: framework.occupation_code,
    levels: levels.map((l) => ({
      key: l.key as CompetencyLevelKey,
      name: l.name,
      band: l.band,
      rank: l.rank,
      statements: (competencyByLevel.get(l.key) ?? []).map((s) => ({
        id: s.id, position: s.position + 1, subject: s.subject, performance: s.performance, citations: citationsOf(s.id),
      })),
    })),
    aiUsage: levels.map((l) => ({
      key: l.key as CompetencyLevelKey,
      name: l.name,
      statements: (aiUsageByLevel.get(l.key) ?? []).map(cited),
    })),
    durableSkills: domains.map((d) => {
      const statements = durableByDomain.get(d.key) ?? [];
      return {
        key: d.key,
        name: d.name,
        rank: d.rank,
        publishedStatementCount: d.published_statement_count,
        listedStatementCount: statements.length,
        levels: DURABLE_LEVEL_KEYS.map((key) => {
          const atLevel = statements.filter((s) => s.level_key === key);
          return { key, name: atLevel[0]?.level_name ?? titleCase(key), statements: atLevel.map(cited) };
        }),
      };
    }),
    anchors: {
      publishedCount: framework.published_anchor_count,
      relatedTitles: anchorList('related_title'),
      rapidsApprenticeships: anchorList('rapids_apprenticeship'),
      cipCodes: anchorList('cip_code'),
      skills: anchorList('skill'),
      knowledge: anchorList('knowledge'),
      abilities: anchorList('ability'),
      workStyles: anchorList('work_style'),
      technology: anchorList('technology'),
      tasks: anchorList('task'),
    },
    sources: sources.map(({ occupation_code: _, ...source }) => source),
    dataQualityWarnings: warnings.map((w) => ({ path: w.path, message: w.message })),
  };
}

/**
 * The stored JSON, with every character outside ASCII written as a `\u` escape: better-sqlite3 turns an ASCII
 * TEXT value into a JavaScript string ~20x faster than one with any other character (10 µs against 200 µs for
 * the Legal Secretaries document, whose 70 KB hold 145 such characters), and JSON.parse reads the escapes back.
 */
export function writeFrameworkDocument(document: FrameworkDocument<string>): string {
  return JSON.stringify(document).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every statement of a framework that carries citations. */
function citedStatements<S>(document: FrameworkDocument<S>): { citations: CitationDocument<S>[] }[] {
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
  for (const statement of citedStatements(document)) {
    for (const citation of statement.citations) {
      const source = sources.get(citation.source as string);
      if (source === undefined) throw new Error(`framework ${document.occupationCode} cites source ${String(citation.source)}, which it does not list`);
      citation.source = source;
    }
  }
  return document as FrameworkDocument;
}
