/**
 * The authored framework file format (data/frameworks/<code>.json), as TypeScript types. The published
 * JSON Schema, data/frameworks/framework.schema.json, is the contract; these types mirror it.
 */
/** The level keys, in rank order: the one source the importer, the served document and codegen's enum values use. */
export const COMPETENCY_LEVEL_KEYS = ['EMERGING', 'DEVELOPING', 'PROFICIENT', 'ADVANCED'] as const;
export const DURABLE_LEVEL_KEYS = ['EMERGING', 'DEVELOPING', 'APPLYING', 'EXCEEDING'] as const;
export type CompetencyLevelKey = (typeof COMPETENCY_LEVEL_KEYS)[number];
export type DurableLevelKey = (typeof DURABLE_LEVEL_KEYS)[number];

/** The page's anchor lists, by the name the file and the API give each. */
export const ANCHOR_LISTS = ['relatedTitles', 'rapidsApprenticeships', 'cipCodes', 'skills', 'knowledge', 'abilities', 'workStyles', 'technology', 'tasks'] as const;
export type AnchorList = (typeof ANCHOR_LISTS)[number];

export interface SourceEntry {
  id: string;
  name: string;
  shortName: string | null;
  description: string | null;
  publisher: string | null;
  version: string | null;
  licence: string | null;
  url: string | null;
}

export interface CitationEntry {
  source: string;
  label: string;
  title: string;
  locator: string | null;
}

export interface CitedStatementEntry {
  id: string;
  title: string;
  text: string;
  citations: CitationEntry[];
}

export interface FrameworkFile {
  formatVersion: 1;
  code: string;
  title: string;
  jobZone: { zone: number; name: string };
  version: string;
  context: string;
  page: {
    publisher: string | null;
    copyright: string | null;
    sourcesLine: string | null;
    aiUsageCoverageNote: string | null;
    aiUsageIntro: string | null;
    durableSkillsIntro: string | null;
    anchorsEnrichment: string | null;
  };
  sources: SourceEntry[];
  levels: {
    key: CompetencyLevelKey;
    name: string;
    band: string;
    rank: number;
    statements: { id: string; subject: string; performance: string }[];
  }[];
  aiUsage: { level: CompetencyLevelKey; statements: CitedStatementEntry[] }[];
  evidence: {
    aei: { taskObservations: number; augmentSharePercent: number; timeSavedPercent: number; aiAutonomy: number };
    safi: { topSkill: string; score: number; scoreMax: number; quadrant: string; precision: string };
    wef: { cluster: string; clusterId: string };
  };
  durableSkills: {
    rank: number;
    key: string;
    name: string;
    publishedStatementCount: number;
    levels: { key: DurableLevelKey; name: string; statements: CitedStatementEntry[] }[];
  }[];
  anchors: { publishedAnchorCount: number } & Record<AnchorList, string[]>;
}

export interface DatasetSourcesFile {
  description: string;
  sources: SourceEntry[];
}
