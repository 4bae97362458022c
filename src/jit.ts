/**
 * Executes operations with graphql-jit instead of graphql-js, through Apollo Server's `gateway` option: its
 * `load()` may return an executor, which Apollo calls after parsing and validating as usual. graphql-jit compiles
 * each operation once into a function specialised for its selection set (no per-field lookups, fewer promises,
 * and a field without a resolver becomes a plain property read). Compiled operations are kept per parsed
 * document, which Apollo's document cache already reuses.
 *
 * Two instances of the schema: once any request wants per-field hooks (a router asking for federated traces,
 * ftv1), Apollo wraps every field's resolver of the schema it was given, in place and for good. Operations
 * compiled against that schema then call a wrapper for every field, even where no trace is asked for (measurably
 * slower: docs/performance.md). So requests with field hooks run against Apollo's schema, whose wrappers report
 * per-field timings (tests/jit.test.ts), and all others against a second instance Apollo never sees: a copy made
 * with graphql-tools' `mapSchema` (new types and fields, the same resolvers), far cheaper than building it again.
 *
 * Each untraced execution is noted against its request's context (`executionOf`), with the compiled operation it
 * ran, so the HTTP front's fast path (http/fast-path.ts) can run that same operation for later requests of the
 * same shape without Apollo's per-request pipeline.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { mapSchema } from '@graphql-tools/utils';
import type { Context } from './context';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/**
 * Apollo marks a request's context with this symbol (by its description; the symbol itself is internal to
 * @apollo/server) when some plugin wants `willResolveField` for that request.
 */
const FIELD_HOOKS = 'apolloServerExecutionDispatcherWillResolveField';

function wantsFieldHooks(context: object): boolean {
  return Object.getOwnPropertySymbols(context).some((symbol) => symbol.description === FIELD_HOOKS);
}

/**
 * An operation ready to run: compiled against one schema, with its variables coerced by graphql-js first, so bad ones
 * fail exactly as they would there (Apollo turns those errors into BAD_USER_INPUT with a 400); graphql-jit's own
 * errors carry no AST nodes to tell them apart.
 */
export class PreparedOperation {
  constructor(
    private readonly schema: GraphQLSchema,
    readonly operation: OperationDefinitionNode,
    private readonly compiled: CompiledQuery,
  ) {}

  async run(context: Context, variables: Record<string, unknown>): Promise<ExecutionResult> {
    const errors = variableErrors(this.schema, this.operation, variables);
    if (errors !== undefined) return { errors };
    return asGraphQLErrors(await this.compiled.query(undefined, context, variables));
  }
}

function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): readonly GraphQLError[] | undefined {
  return getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 }).errors;
}

/** One prepared operation per (document, operation name), against one schema. */
function compiler(schema: GraphQLSchema) {
  const compiled = new WeakMap<DocumentNode, Map<string, PreparedOperation>>();
  return (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null | undefined): PreparedOperation | ExecutionResult => {
    const name = operationName ?? '';
    let byName = compiled.get(document);
    if (byName === undefined) compiled.set(document, (byName = new Map()));
    let prepared = byName.get(name);
    if (prepared === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // Compilation refuses what validation would have (e.g. an unknown operation name): report it as such.
      if (!isCompiledQuery(result)) return result;
      prepared = new PreparedOperation(schema, operation, result);
      byName.set(name, prepared);
    }
    return prepared;
  };
}

/** An untraced execution: the operation that ran for a request and what it gave. */
export interface Execution {
  prepared: PreparedOperation;
  result: ExecutionResult;
}

/**
 * Executions by their request's loaders: Apollo runs each request on a shallow copy of the context it is given
 * (ApolloServer.ts, cloneObject), which shares the context's per-request loaders.
 */
const executions = new WeakMap<Context['loaders'], Execution>();

/** The untraced execution run for the request with this context, if one ran. */
export function executionOf(context: Context): Execution | undefined {
  return executions.get(context.loaders);
}

/** `schema` goes to Apollo (and runs traced requests); a copy made here, before Apollo can wrap it, runs the rest. */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const compilePlain = compiler(mapSchema(schema));
  const compileTraced = compiler(schema);
  let notify: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      notify = callback;
      return () => (notify = undefined);
    },
    async load() {
      notify?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: async ({ document, operation, operationName, request, context }) => {
          // Apollo hands over whatever operation it found for `operationName`, none when the document has no such
          // operation (or several and no name). graphql-js answers that with an error Apollo turns into a 400
          // (OPERATION_RESOLUTION_FAILURE); do the same before anything reads the operation.
          if (operation === undefined || operation === null) return { errors: [unresolvedOperation(request.operationName)] };
          const variables = request.variables ?? {};
          const traced = wantsFieldHooks(context);
          const prepared = (traced ? compileTraced : compilePlain)(document, operation, operationName);
          // Bad variables are reported before a failed compilation, as when they were coerced first.
          if (!(prepared instanceof PreparedOperation)) return { errors: variableErrors(schema, operation, variables) ?? asGraphQLErrors(prepared).errors };
          const result = await prepared.run(context as Context, variables);
          if (!traced) executions.set((context as Context).loaders, { prepared, result });
          return result;
        },
      };
    },
    async stop() {},
  };
}

/** graphql-js's own wording (execute.ts, buildExecutionContext) for an operation it cannot pick. */
function unresolvedOperation(operationName: string | null | undefined): GraphQLError {
  return new GraphQLError(
    operationName == null ? 'Must provide operation name if query contains multiple operations.' : `Unknown operation named "${operationName}".`,
  );
}

/**
 * graphql-jit's errors leave `extensions` undefined where graphql-js gives `{}`, which Apollo's error
 * normalisation reads through; rebuild them as graphql-js errors with the same message, path and cause.
 */
function asGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? {} });
    return Object.assign(rebuilt, { locations: error.locations });
  });
  return { ...result, errors };
}
