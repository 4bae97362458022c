/**
 * Cache-Control computed once per document from the schema's @cacheControl hints, instead of Apollo's
 * cache-control plugin, which hooks every resolved field to collect hints that here can only be static (no
 * resolver sets one). The rules are Apollo's: a field's hint, else its composite return type's hint, else the
 * default max-age for root fields and fields returning composite types; scalars inherit; the policy is the
 * lowest max-age and the most private scope met. Only queries without errors are cacheable; anything else, a
 * mutation included, is `no-store`, for CDNs and routers as much as for the response cache.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export interface CachePolicy {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (directive === undefined) return undefined;
  const hint: Hint = {};
  for (const argument of directive.arguments ?? []) {
    const { value } = argument;
    if (argument.name.value === 'maxAge' && value.kind === Kind.INT) hint.maxAge = Number(value.value);
    if (argument.name.value === 'scope' && value.kind === Kind.ENUM) hint.scope = value.value === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
    if (argument.name.value === 'inheritMaxAge' && value.kind === Kind.BOOLEAN) hint.inheritMaxAge = value.value;
  }
  return hint;
}

function typeHint(type: GraphQLNamedType): Hint | undefined {
  return hintOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => hintOf(node.directives)).find((h) => h !== undefined);
}

/** The policy of every field a document selects; fragments count wherever they are defined. */
export function cachePolicyOf(schema: GraphQLSchema, document: DocumentNode, defaultMaxAge: number): CachePolicy {
  const policy: CachePolicy = { maxAge: Number.POSITIVE_INFINITY, scope: 'PUBLIC' };
  const restrict = (hint: Hint) => {
    if (hint.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
    if (hint.scope === 'PRIVATE') policy.scope = 'PRIVATE';
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field == null || parent == null || field.name.startsWith('__')) return;
        const target = getNamedType(field.type);
        const fieldHint = hintOf(field.astNode?.directives);
        const hint: Hint = { ...(isCompositeType(target) ? typeHint(target) : undefined), ...fieldHint };
        const isRoot = parent === schema.getQueryType() || parent === schema.getMutationType();
        if (hint.maxAge === undefined && ((isCompositeType(target) && !hint.inheritMaxAge) || isRoot)) hint.maxAge = defaultMaxAge;
        restrict(hint);
      },
    }),
  );
  return { maxAge: Number.isFinite(policy.maxAge) ? policy.maxAge : defaultMaxAge, scope: policy.scope };
}

export const NOT_CACHEABLE = 'no-store';

/** Whether a Cache-Control header lets anyone cache the answer: what the response and entity caches hold. */
export function isPublic(cacheControl: string | undefined): boolean {
  return /\bpublic\b/.test(cacheControl ?? '');
}

/** Sets Cache-Control on every GraphQL response; the policy is computed once per parsed document. */
export function staticCacheControl(defaultMaxAge: number): ApolloServerPlugin<object> {
  const headers = new WeakMap<DocumentNode, string>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, document, schema, response }) {
          let header = NOT_CACHEABLE;
          const succeeded = response.body.kind === 'single' && response.body.singleResult.errors === undefined;
          if (succeeded && operation?.operation === 'query' && document !== undefined) {
            let cached = headers.get(document);
            if (cached === undefined) {
              const { maxAge, scope } = cachePolicyOf(schema, document, defaultMaxAge);
              cached = maxAge > 0 ? `max-age=${maxAge}, ${scope.toLowerCase()}` : NOT_CACHEABLE;
              headers.set(document, cached);
            }
            header = cached;
          }
          response.http.headers.set('cache-control', header);
        },
      };
    },
  };
}
