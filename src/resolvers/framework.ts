/**
 * Resolvers for a framework. Its own row serves the title, version, job zone, evidence and page; its lists come
 * from the document the importer stored for it, already shaped like the schema (src/store/framework-document.ts),
 * read and parsed once per request whichever lists are asked for. Everything under those lists is a plain
 * property read.
 */
import type { FrameworkAnchors, Resolvers, SafiPrecision, SafiQuadrant } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { loadRequired } from '../loaders';
import type { FrameworkDocument } from '../store/framework-document';
import type { FrameworkFields } from '../store/queries';
import { identify, ids } from './ids';

const documentOf = async (f: FrameworkFields, { loaders }: Context) =>
  identify(await loadRequired(loaders.frameworkDocumentByOccupation, f.occupation_code, "framework's document"));

/** A resolver returning one list of the framework's document. */
const fromDocument =
  <K extends keyof FrameworkDocument>(list: K) =>
  async (f: FrameworkFields, _: unknown, context: Context) =>
    (await documentOf(f, context))[list];

export const frameworkResolvers: Resolvers = {
  Framework: {
    occupation: (f, _, { loaders }) => loadRequired(loaders.occupationByCode, f.occupation_code, "framework's occupation"),
    jobZone: (f) => ({ id: `${ids.framework(f.occupation_code)}/job-zone`, zone: f.job_zone, publishedLabel: f.job_zone_name, name: f.job_zone_name }),
    levels: fromDocument('levels'),
    level: async (f, { key }, context) => (await documentOf(f, context)).levels.find((l) => l.key === key) ?? null,
    aiUsage: fromDocument('aiUsage'),
    evidence: (f) => f,
    durableSkills: fromDocument('durableSkills'),
    anchors: async (f, _, context) => (await documentOf(f, context)).anchors as FrameworkAnchors,
    sources: fromDocument('sources'),
    // identify() has set every warning's id.
    dataQualityWarnings: async (f, _, context) => (await documentOf(f, context)).dataQualityWarnings as { id: string; path: string; message: string }[],
    page: (f) => f,
  },
  EvidencePack: {
    aei: (f) => ({
      id: `${ids.evidence(f.occupation_code)}/aei`,
      taskObservations: f.aei_task_observations,
      augmentSharePercent: f.aei_augment_share_percent,
      timeSavedPercent: f.aei_time_saved_percent,
      aiAutonomy: f.aei_ai_autonomy,
    }),
    safi: (f) => ({
      id: `${ids.evidence(f.occupation_code)}/safi`,
      topSkill: f.safi_top_skill,
      score: f.safi_score,
      scoreMax: f.safi_score_max,
      // The framework file's schema holds the quadrant to `Q1_…` to `Q4_…` and the precision to `exact`.
      quadrant: f.safi_quadrant.slice(0, 2) as SafiQuadrant,
      quadrantLabel: f.safi_quadrant,
      precision: f.safi_precision.toUpperCase() as SafiPrecision,
    }),
    wef: (f) => ({ name: f.wef_cluster, id: f.wef_cluster_id }),
  },
  CompetencyStatement: {
    title: (s) => s.subject,
    text: (s) => s.performance,
  },
  // PublishedPage's fields are the row's, read with the schema's names (queries.ts, FRAMEWORK_FIELDS).
};
