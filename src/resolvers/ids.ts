/**
 * The `id` of every type a client can identify, so caches that normalise by `id` (Apollo Client's default
 * `InMemoryCache`, urql's Graphcache) keep each object once and merge what different queries select, instead of
 * replacing nested objects and losing fields. Ids are paths from the occupation's code, in the form the framework
 * file already gives its statements (`43-6012.00/competency/emerging/01`): a level is that path without the
 * statement's number, a citation adds `/citations/<position>`. Objects whose parent holds no more than a part of
 * their id get it where they are built: a comparison's facets, gaps and changes (careers.ts) and a translation's
 * steps (crosswalks.ts), under `ids.comparison` and `ids.translation`. Types whose content depends on the
 * arguments (connections, edges, page info, search hits) have none: clients page them with a field policy (README).
 */
import type { Resolvers } from '../__generated__/resolvers-types';
import type { FrameworkDocument } from '../store/framework-document';

const lower = (key: string) => key.toLowerCase();

/** Paths shared by the resolvers that build an id and the document ids set below. */
export const ids = {
  framework: (code: string) => `${code}/framework`,
  evidence: (code: string) => `${code}/evidence`,
  elementRatings: (code: string, kind: string) => `${code}/${kind}`,
  comparison: (from: string, to: string) => `${from}/comparison/${to}`,
  laborMarket: (code: string) => `${code}/labor-market`,
  translation: (path: readonly { system: string; code: string }[]) => `translations/${path.map((s) => `${s.system}:${s.code}`).join('/')}`,
};

const identified = new WeakSet<object>();

/**
 * Sets `id` on the lists of a framework's document that carry none in the stored JSON (levels, domains,
 * citations, warnings, anchors), once per parsed document. The document is parsed per request, so nothing
 * outlives it.
 */
export function identify(document: FrameworkDocument): FrameworkDocument {
  if (identified.has(document)) return document;
  identified.add(document);
  const code = document.occupationCode;
  const cite = (statement: { id: string; citations: object[] }) =>
    statement.citations.forEach((citation, i) => Object.assign(citation, { id: `${statement.id}/citations/${i + 1}` }));
  for (const level of document.levels) {
    Object.assign(level, { id: `${code}/competency/${lower(level.key)}` });
    level.statements.forEach(cite);
  }
  for (const level of document.aiUsage) {
    Object.assign(level, { id: `${code}/ai-usage/${lower(level.key)}` });
    level.statements.forEach(cite);
  }
  for (const domain of document.durableSkills) {
    const domainId = `${code}/durable/${domain.key}`;
    Object.assign(domain, { id: domainId });
    for (const level of domain.levels) {
      Object.assign(level, { id: `${domainId}/${lower(level.key)}` });
      level.statements.forEach(cite);
    }
  }
  document.dataQualityWarnings.forEach((warning, i) => Object.assign(warning, { id: `${ids.framework(code)}/warnings/${i + 1}` }));
  Object.assign(document.anchors, { id: `${ids.framework(code)}/anchors` });
  return document;
}

/** `id` resolvers for the types whose parent holds what the id is made of. */
export const idResolvers: Resolvers = {
  Occupation: { id: (o) => o.code },
  Framework: { id: (f) => ids.framework(f.occupation_code) },
  EvidencePack: { id: (f) => ids.evidence(f.occupation_code) },
  PublishedPage: { id: (f) => `${ids.framework(f.occupation_code)}/page` },
  JobZone: { id: (z) => `job-zone/${z.zone}` },
  AlternateTitle: { id: (t) => `${t.occupation_code}/alternate-titles/${t.id}` },
  ReportedTitle: { id: (t) => `${t.occupation_code}/reported-titles/${t.id}` },
  TechnologySkill: { id: (s) => `${s.occupation_code}/technology-skills/${s.id}` },
  Tool: { id: (t) => `${t.occupation_code}/tools/${t.id}` },
  EducationLevel: { id: (e) => `${e.occupation_code}/education/${e.scale_id}/${e.category}` },
  RelatedOccupation: { id: (r) => `${r.occupation_code}/related/${r.related_code}` },
  Dataset: { id: () => 'dataset' },
  CareerMove: { id: (m) => (m.other === 'to' ? `${m.from}/career-moves/${m.to}` : `${m.to}/career-moves-into/${m.from}`) },
  OccupationComparison: { id: (c) => ids.comparison(c.from.code, c.to.code) },
  CodeTranslation: { id: (t) => ids.translation(t.path) },
  OccupationCrosswalks: { id: (o) => `${o.code}/crosswalks` },
  ClassificationCode: { id: (c) => `${c.sourceId}/${c.code}` },
  IscoCode: { id: (c) => `${c.sourceId}/isco-08/${c.code}` },
  EscoOccupation: { id: (e) => `${e.occupation_code}/crosswalks/esco/${e.line}` },
  ReleaseChange: { id: (c) => `release-changes/${c.from_release}/${c.to_release}/${c.id}` },
  ReleaseFileChanges: { id: (f) => `release-changes/${f.from_release}/${f.to_release}/files/${f.file}` },
  EmergingTask: { id: (t) => `${t.occupation_code}/emerging-tasks/${t.id}` },
  InterestType: { id: (t) => `interest-types/${t.elementId}` },
  RiasecKeyword: { id: (k) => `interest-types/${k.element_id}/keywords/${k.id}` },
  SkillLink: { id: (l) => `skill-links/${l.skill_id}/${l.target_id}` },
  LevelAnchor: { id: (a) => `level-anchors/${a.element_id}/${a.scale_id}/${a.value}` },
  OccupationWorkActivities: { id: (w) => `${w.code}/work-activities` },
  JobZoneAssignment: { id: (a) => `${a.occupation_code}/job-zone-assignment` },
  UnspscCategory: { id: (c) => `unspsc/${c.code}` },
};
