/**
 * How an occupation's tasks reach O*NET's work activities: its task-to-DWA links (Tasks to DWAs) turned into the tree
 * `Occupation.workActivities` serves, generalized (GWA) > intermediate (IWA) > detailed (DWA), each node with the tasks
 * that reach it. Pure: the resolvers pass the links in, as the store orders them (task id, then DWA id).
 */
import { groupBy } from '../group-by';
import type { WorkActivityLinkRow } from '../store/queries';
import type { DetailedWorkActivityShape, GeneralizedWorkActivityShape, IntermediateWorkActivityShape, OccupationWorkActivitiesShape } from './shapes';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Appends a task to a node's tasks once: links come in task-id order, so a repeat can only be the last one added. */
function reach(node: { taskIds: number[] }, taskId: number): void {
  if (node.taskIds.at(-1) !== taskId) node.taskIds.push(taskId);
}

/** Links already built into a tree: a held list of links lives as long as the store, and its tree with it. */
const built = new WeakMap<readonly WorkActivityLinkRow[], OccupationWorkActivitiesShape>();

/** The occupation `code`'s work-activity tree from its links; every level in id order, each node's tasks in task-id order. */
export function workActivityTree(code: string, links: readonly WorkActivityLinkRow[]): OccupationWorkActivitiesShape {
  const known = built.get(links);
  if (known !== undefined) return known;
  const path = (id: string) => `${code}/work-activities/${id}`;
  const generalized = new Map<string, GeneralizedWorkActivityShape>();
  const intermediate = new Map<string, IntermediateWorkActivityShape>();
  const detailed = new Map<string, DetailedWorkActivityShape>();
  for (const link of links) {
    let gwa = generalized.get(link.element_id);
    if (gwa === undefined) {
      gwa = { id: path(link.element_id), occupationCode: code, elementId: link.element_id, taskIds: [], intermediate: [] };
      generalized.set(link.element_id, gwa);
    }
    let iwa = intermediate.get(link.iwa_id);
    if (iwa === undefined) {
      iwa = { id: path(link.iwa_id), occupationCode: code, iwaId: link.iwa_id, taskIds: [], detailed: [] };
      intermediate.set(link.iwa_id, iwa);
      gwa.intermediate.push(iwa);
    }
    let dwa = detailed.get(link.id);
    if (dwa === undefined) {
      dwa = { id: path(link.id), occupationCode: code, dwa: link, taskIds: [] };
      detailed.set(link.id, dwa);
      iwa.detailed.push(dwa);
    }
    for (const node of [gwa, iwa, dwa]) reach(node, link.task_id);
  }
  const tree = { code, generalized: [...generalized.values()].sort(byId) };
  for (const gwa of tree.generalized) {
    gwa.intermediate.sort(byId);
    for (const iwa of gwa.intermediate) iwa.detailed.sort(byId);
  }
  built.set(links, tree);
  return tree;
}

/** Each task's links, grouped once per list of links (a held list lives as long as the store). */
const grouped = new WeakMap<readonly WorkActivityLinkRow[], Map<number, WorkActivityLinkRow[]>>();

/** The DWAs one task is linked to, in DWA-id order, from its occupation's links. */
export function linksOfTask(links: readonly WorkActivityLinkRow[], taskId: number): WorkActivityLinkRow[] {
  let byTask = grouped.get(links);
  if (byTask === undefined) grouped.set(links, (byTask = groupBy(links, (link) => link.task_id)));
  return byTask.get(taskId) ?? [];
}
