/**
 * The entity cache: the router's `_entities` batches answered from the JSON text of each entity's answer, held per
 * compiled selection and representation, so a batch executes only the representations not seen before.
 *
 * Why it is sound: the reference store is read-only for the life of the process and no resolver reads the caller,
 * so the answer to one representation under one compiled selection never changes, and it does not depend on the
 * other representations of the batch (each goes through its own `__resolveReference` and its own subtree; the
 * loaders only batch the reads). A router's batches are new combinations of the same 1,016 occupations, so after a
 * first pass nearly every entity is held, and a batch is spliced from held text as a bare server sends held bytes.
 *
 * Why the bytes are Apollo's: `JSON.stringify` is compositional, so the text of `{"data":{"_entities":[a,b]}}`
 * is `{"data":{"_entities":[` + the text of a + `,` + the text of b + `]}}`; Apollo's body is that and a newline.
 *
 * What it holds, and only that (fast-path.ts decides): operations that are exactly one root field
 * `_entities(representations: $var)`, $var their only variable, whose Apollo answer was a 200 without errors and
 * Cache-Control public (the response cache's rule: nothing per caller, nothing uncacheable); and entities that
 * came from an execution without any error. A representation is keyed by its JSON text as re-serialised from the
 * request, so the same entity written with its keys in another order is held twice, never answered wrongly.
 *
 * Bounded in bytes (ENTITY_CACHE_MB; 0 turns it off), least recently used evicted first (lru-cache). Each entry
 * counts its key and text at two bytes a character (V8 holds a string in one byte a character when it can, two when
 * it must) and a fixed overhead for the map entry.
 */
import { Kind, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Bytes counted per entry beside its strings: the map's entry and the two string headers. */
const ENTRY_OVERHEAD = 96;

/** Where an `_entities` operation's answer goes and what it reads. */
export interface EntitiesOperation {
  /** The variable that holds the representations. */
  variable: string;
  /** The field's key in the answer's data: `_entities`, or its alias. */
  responseKey: string;
  /** The answer's text before the entities: `{"data":{"_entities":[` (the field's alias, if it has one). */
  head: string;
}

/**
 * The operation's `_entities` field and variable when the operation is a query of exactly `_entities(representations:
 * $var)`, with $var its only variable and no directives on the field (an @include could drop it); else undefined.
 * Validation leaves $var no other place to be used: nothing else takes a list of `_Any`.
 */
export function entitiesOperationOf(operation: OperationDefinitionNode): EntitiesOperation | undefined {
  const [field, ...more] = operation.selectionSet.selections;
  const [definition, ...moreVariables] = operation.variableDefinitions ?? [];
  if (operation.operation !== 'query' || field?.kind !== Kind.FIELD || more.length > 0 || definition === undefined || moreVariables.length > 0) return undefined;
  if (field.name.value !== '_entities' || (field.directives?.length ?? 0) > 0) return undefined;
  const [argument, ...moreArguments] = field.arguments ?? [];
  const variable = definition.variable.name.value;
  if (argument?.name.value !== 'representations' || argument.value.kind !== Kind.VARIABLE || argument.value.name.value !== variable || moreArguments.length > 0) return undefined;
  const responseKey = field.alias?.value ?? field.name.value;
  return { variable, responseKey, head: `{"data":{${JSON.stringify(responseKey)}:[` };
}

/**
 * An entity's text as held: what JSON.stringify writes for it as a list element (an entity is an object or null), as
 * one flat string. V8's JSON.stringify returns a rope of the pieces it wrote (a cons string); held as such, every
 * request's join and UTF-8 encoding walked them again, and the server spent five times the CPU per 20-code batch
 * (docs/performance.md, "The entity cache"). Decoding the text's UTF-8 gives the same characters as one flat string:
 * JSON.stringify writes lone surrogates as escapes, so the text is well-formed and the round trip is exact.
 */
export function entityText(entity: unknown): string {
  const text = (JSON.stringify(entity) as string | undefined) ?? 'null';
  return Buffer.from(text).toString();
}

/** The answer's text after the entities (Apollo ends its body with a newline). */
export const ENTITIES_TAIL = ']}}\n';

export class EntityCache {
  /** Entity text by `<selection id>:<representation's JSON text>`; undefined when the cache is off. */
  private readonly entries: LRUCache<string, string> | undefined;
  private readonly selections = new WeakMap<object, string>();
  private nextSelection = 0;

  /** `maxBytes` 0 turns the cache off. */
  constructor(readonly maxBytes: number) {
    // An entry larger than the whole bound is not stored (lru-cache's maxEntrySize defaults to maxSize).
    if (maxBytes > 0) this.entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (text, key) => costOf(key, text) });
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }

  /** The key prefix for one compiled selection (any object that stands for it, the prepared operation here). */
  prefixOf(selection: object): string {
    let prefix = this.selections.get(selection);
    if (prefix === undefined) this.selections.set(selection, (prefix = `${(this.nextSelection += 1)}:`));
    return prefix;
  }

  /** The held text, now the most recently used. */
  get(key: string): string | undefined {
    return this.entries?.get(key);
  }

  /** Holds a text, evicting the least recently used until the bound holds. */
  set(key: string, text: string): void {
    this.entries?.set(key, text);
  }
}

function costOf(key: string, text: string): number {
  return 2 * (key.length + text.length) + ENTRY_OVERHEAD;
}
