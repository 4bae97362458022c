/** Resolvers for a framework and everything under it; each list comes from one per-occupation loader. */
import type { CompetencyLevelKey, Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired } from '../loaders';
import type { AnchorKind, FrameworkRow } from '../store/database';
import type { DurableLevelShape } from './shapes';

const DURABLE_LEVELS: DurableLevelShape['key'][] = ['EMERGING', 'DEVELOPING', 'APPLYING', 'EXCEEDING'];

const titleCase = (key: string) => key.charAt(0) + key.slice(1).toLowerCase();

async function statementsOfDomain(domain: { occupation_code: string; key: string }, { loaders }: Context) {
  return (await loaders.durableStatementsByOccupation.load(domain.occupation_code)).filter((s) => s.domain_key === domain.key);
}

async function citationsOf(statement: { id: string; occupation_code: string }, { loaders }: Context) {
  const citations = await loaders.citationsByOccupation.load(statement.occupation_code);
  return citations.filter((c) => c.statement_id === statement.id);
}

function anchorList(kind: AnchorKind) {
  return async (f: FrameworkRow, _: unknown, { loaders }: Context) =>
    (await loaders.anchorsByOccupation.load(f.occupation_code)).filter((a) => a.kind === kind).map((a) => a.text);
}

export const frameworkResolvers: Resolvers = {
  Framework: {
    occupation: (f, _, { loaders }) => loadRequired(loaders.occupationByCode, f.occupation_code, "framework's occupation"),
    jobZone: (f) => ({ zone: f.job_zone, name: f.job_zone_name }),
    levels: (f, _, { loaders }) => loaders.competencyLevelsByOccupation.load(f.occupation_code),
    level: async (f, { key }, { loaders }) =>
      (await loaders.competencyLevelsByOccupation.load(f.occupation_code)).find((l) => l.key === key) ?? null,
    aiUsage: (f, _, { loaders }) => loaders.competencyLevelsByOccupation.load(f.occupation_code),
    evidence: (f) => f,
    durableSkills: (f, _, { loaders }) => loaders.durableDomainsByOccupation.load(f.occupation_code),
    anchors: (f) => f,
    sources: (f, _, { loaders }) => loaders.sourcesByOccupation.load(f.occupation_code),
    dataQualityWarnings: (f, _, { loaders }) => loaders.warningsByOccupation.load(f.occupation_code),
    page: (f) => f,
  },
  CompetencyLevel: {
    key: (l) => l.key as CompetencyLevelKey,
    statements: async (l, _, { loaders }) =>
      (await loaders.competencyStatementsByOccupation.load(l.occupation_code)).filter((s) => s.level_key === l.key),
  },
  CompetencyStatement: {
    position: (s) => s.position + 1,
    citations: (s, _, context) => citationsOf(s, context),
  },
  AiUsageLevel: {
    key: (l) => l.key as CompetencyLevelKey,
    statements: async (l, _, { loaders }) =>
      (await loaders.aiUsageStatementsByOccupation.load(l.occupation_code)).filter((s) => s.level_key === l.key),
  },
  CitedStatement: {
    position: (s) => s.position + 1,
    citations: (s, _, context) => citationsOf(s, context),
  },
  EvidencePack: {
    aei: (f) => ({
      taskObservations: f.aei_task_observations,
      augmentSharePercent: f.aei_augment_share_percent,
      timeSavedPercent: f.aei_time_saved_percent,
      aiAutonomy: f.aei_ai_autonomy,
    }),
    safi: (f) => ({
      topSkill: f.safi_top_skill,
      score: f.safi_score,
      scoreMax: f.safi_score_max,
      quadrant: f.safi_quadrant,
      precision: f.safi_precision,
    }),
    wef: (f) => ({ name: f.wef_cluster, id: f.wef_cluster_id }),
  },
  DurableSkillDomain: {
    key: (d) => d.key,
    publishedStatementCount: (d) => d.published_statement_count,
    listedStatementCount: async (d, _, context) => (await statementsOfDomain(d, context)).length,
    levels: async (d, _, context) => {
      const statements = await statementsOfDomain(d, context);
      return DURABLE_LEVELS.map((key) => {
        const atLevel = statements.filter((s) => s.level_key === key);
        return { key, name: atLevel[0]?.level_name ?? titleCase(key), statements: atLevel };
      });
    },
  },
  DurableSkillLevel: {
    statements: (l) => l.statements,
  },
  FrameworkAnchors: {
    publishedCount: (f) => f.published_anchor_count,
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
  PublishedPage: {
    publisher: (f) => f.page_publisher,
    copyright: (f) => f.page_copyright,
    sourcesLine: (f) => f.page_sources_line,
    aiUsageCoverageNote: (f) => f.ai_usage_coverage_note,
    aiUsageIntro: (f) => f.ai_usage_intro,
    durableSkillsIntro: (f) => f.durable_skills_intro,
    anchorsEnrichment: (f) => f.anchors_enrichment,
  },
  Citation: {
    position: (c) => c.position + 1,
    source: (c, _, { loaders }) => loadRequired(loaders.sourceById, c.source_id, 'citation source'),
  },
};
