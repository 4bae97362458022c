/**
 * A running supergraph: our subgraph (the real HTTP front over the test store) and the example company subgraph
 * on loopback ports the OS picks, with @apollo/gateway in front. Queries cross both ways, and every subgraph
 * call the gateway makes is recorded, so the tests can show our entities arrive in one `_entities` call each,
 * answered with as many SQL statements for 20 parents as for 2.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import pino from 'pino';
import { negotiateCoding } from '../../src/http/compression';
import { recordExchanges, serveHttp, type Exchange, type RunningHttp } from '../support/http';
import { startCompanySubgraph, type RunningCompany } from './company';
import { COMPANY, SKILLS, compose, companySubgraph, skillsSubgraph } from './supergraph';

interface GatewayContext {
  requestId?: string;
}

interface SubgraphCall {
  subgraph: string;
  query: string;
  representations: Record<string, unknown>[];
  /** Our HTTP front (src/http/) reports the request's SQL statement count in development mode. */
  sqlStatements: number | null;
  cacheControl: string | null;
}

/** The gateway's client for one subgraph: forwards `x-request-id`, as a router's header rules would, and records each call. */
class RecordingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    private readonly calls: SubgraphCall[],
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: { request: GatewayGraphQLRequestContext<GatewayContext>['request']; context: GatewayContext }) {
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }

  override didReceiveResponse({
    request,
    response,
  }: Required<Pick<GatewayGraphQLRequestContext<GatewayContext>, 'request' | 'response' | 'context'>>): GatewayGraphQLResponse {
    const statements = response.http?.headers.get('x-sql-statements');
    const representations = request.variables?.['representations'];
    this.calls.push({
      subgraph: this.subgraph,
      query: request.query ?? '',
      representations: Array.isArray(representations) ? (representations as Record<string, unknown>[]) : [],
      sqlStatements: statements == null ? null : Number(statements),
      cacheControl: response.http?.headers.get('cache-control') ?? null,
    });
    return response;
  }
}

let skills: RunningHttp;
let company: RunningCompany;
let gateway: ApolloServer<GatewayContext>;
let gatewayUrl: string;
const calls: SubgraphCall[] = [];
/** The request lines our subgraph logs: what actually reached it. */
const skillsRequests: { requestId: string; operationName: string | null; status: number }[] = [];
/** Each request's Accept-Encoding as it reached our HTTP front, and the coding of our answer. */
let skillsExchanges: Exchange[];

beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void skillsRequests.push(JSON.parse(line)) });
  // The entity cache off: these tests count the SQL statements a batch runs (the loaders' batching), which entities
  // held from an earlier test would hide. tests/fast-path.test.ts tests the entity cache against Apollo's path.
  skills = await serveHttp({ production: false, logger, entityCacheBytes: 0 });
  skillsExchanges = recordExchanges(skills.server);
  company = await startCompanySubgraph();
  const { supergraphSdl } = compose([skillsSubgraph(skills.url), companySubgraph(company.url)]);
  gateway = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({ supergraphSdl, buildService: ({ name, url }) => new RecordingDataSource(name, url!, calls) }),
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({ requestId: req.headers['x-request-id'] as string | undefined }),
  }));
});

afterAll(async () => {
  await gateway?.stop();
  await company?.stop();
  await skills?.stop();
});

/** Runs one operation through the gateway, with the subgraph calls and our request lines it caused. */
async function run<T>(query: string, variables: Record<string, unknown>, requestId: string) {
  calls.length = 0;
  skillsRequests.length = 0;
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  return { ...body, skillsCalls: calls.filter((c) => c.subgraph === SKILLS), companyCalls: calls.filter((c) => c.subgraph === COMPANY) };
}

interface PostingsData {
  jobPostings: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        title: string;
        occupation: {
          code: string;
          socCode: string;
          title: string;
          framework: null | {
            levels: { key: string; statements: { subject: string; citations: { label: string }[] }[] }[];
            aiUsage: { key: string; statements: { title: string; citations: { label: string; source: { id: string; name: string; licence: string | null } }[] }[] }[];
          };
        };
      };
    }[];
  };
}

const POSTINGS_QUERY = /* GraphQL */ `
  query PostingsWithFrameworks($first: Int!) {
    jobPostings(first: $first) {
      totalCount
      edges {
        node {
          id
          title
          occupation {
            code
            socCode
            title
            framework {
              levels { key statements { subject citations { label } } }
              aiUsage { key statements { title citations { label source { id name licence } } } }
            }
          }
        }
      }
    }
  }
`;

describe('postings → occupation → framework levels → statements → citations', () => {
  test('two postings: exact occupations by O*NET-SOC code, the full framework chain, in one _entities call', async () => {
    const result = await run<PostingsData>(POSTINGS_QUERY, { first: 2 }, 'e2e-postings-2');
    expect(result.errors).toBeUndefined();
    const [legal, sustainability] = result.data!.jobPostings.edges.map((e) => e.node);

    expect(legal!.occupation).toMatchObject({ code: '43-6012.00', socCode: '43-6012', title: 'Legal Secretaries and Administrative Assistants' });
    const framework = legal!.occupation.framework!;
    expect(framework.levels.map((l) => [l.key, l.statements.length])).toEqual([
      ['EMERGING', 10],
      ['DEVELOPING', 10],
      ['PROFICIENT', 10],
      ['ADVANCED', 10],
    ]);
    expect(framework.levels[0]!.statements[0]).toEqual({ subject: 'Legal documents and case files', citations: [] });
    const emergingAi = framework.aiUsage[0]!;
    expect(emergingAi.key).toBe('EMERGING');
    expect(emergingAi.statements.map((s) => s.citations.map((c) => c.source.id))).toEqual([['aei'], ['safi']]);
    expect(emergingAi.statements[0]!.citations[0]).toEqual({
      label: 'Anthropic Economic Index',
      source: { id: 'aei', name: 'Anthropic Economic Index', licence: null },
    });

    // 11-1011.03 shares SOC code 11-1011 with Chief Executives: the posting's own code key was used, not socCode.
    expect(sustainability!.occupation).toEqual({ code: '11-1011.03', socCode: '11-1011', title: 'Chief Sustainability Officers', framework: null });

    expect(result.skillsCalls).toHaveLength(1);
    const [call] = result.skillsCalls;
    expect(call!.query).toContain('_entities(representations:');
    expect(call!.representations).toEqual([
      { __typename: 'Occupation', code: '43-6012.00' },
      { __typename: 'Occupation', code: '11-1011.03' },
    ]);
    expect(call!.cacheControl).toBe('max-age=3600, public');
    // What reached our HTTP front: one request, carrying the client's request id.
    expect(skillsRequests.map((r) => [r.requestId, r.status])).toEqual([['e2e-postings-2', 200]]);
  });

  test('twenty postings over twenty occupations: still one _entities call, and as many SQL statements as for two', async () => {
    const two = await run<PostingsData>(POSTINGS_QUERY, { first: 2 }, 'e2e-postings-2b');
    const twenty = await run<PostingsData>(POSTINGS_QUERY, { first: 20 }, 'e2e-postings-20');
    expect(twenty.errors).toBeUndefined();

    const codes = twenty.data!.jobPostings.edges.map((e) => e.node.occupation.code);
    expect(new Set(codes).size).toBe(20);
    expect(twenty.data!.jobPostings.edges.map((e) => e.node.occupation.title)).toContain('Heavy and Tractor-Trailer Truck Drivers');
    expect(twenty.skillsCalls).toHaveLength(1);
    expect(twenty.skillsCalls[0]!.representations).toHaveLength(20);
    expect(skillsRequests).toHaveLength(1);

    const statementsFor2 = two.skillsCalls[0]!.sqlStatements;
    const statementsFor20 = twenty.skillsCalls[0]!.sqlStatements;
    expect(statementsFor2).toBeGreaterThan(0);
    expect(statementsFor20).toBe(statementsFor2);
    // One statement per relation the query touches, not per occupation.
    expect(statementsFor20).toBeLessThan(20);
  });

  test("the gateway's own Accept-Encoding: our large answer goes back compressed, and the gateway decompresses it", async () => {
    const from = skillsExchanges.length;
    const twenty = await run<PostingsData>(POSTINGS_QUERY, { first: 20 }, 'e2e-postings-20-compressed');
    expect(twenty.errors).toBeUndefined();
    expect(twenty.data!.jobPostings.edges[0]!.node.occupation.framework!.levels).toHaveLength(4);
    const [call, ...more] = skillsExchanges.slice(from);
    expect(more).toEqual([]);
    expect(call!.acceptEncoding).toMatch(/gzip|br/);
    expect(call!.contentEncoding).toBeDefined();
    expect(call!.contentEncoding).toBe(negotiateCoding(call!.acceptEncoding, Number.MAX_SAFE_INTEGER));
  });
});

describe('employees → occupation by 6-digit SOC code → openPostings', () => {
  interface EmployeesData {
    employees: { name: string; occupation: null | { code: string; socCode: string; title: string; openPostings: { id: string; title: string }[] } }[];
  }

  test('SOC codes resolve to the canonical O*NET occupation, and openPostings match its exact code', async () => {
    const result = await run<EmployeesData>(
      'query Employees { employees { name occupation { code socCode title openPostings { id title } } } }',
      {},
      'e2e-employees',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees).toEqual([
      {
        name: 'Dana Whitfield',
        occupation: {
          code: '43-6012.00',
          socCode: '43-6012',
          title: 'Legal Secretaries and Administrative Assistants',
          openPostings: [
            { id: 'posting-01', title: 'Legal Secretary, Litigation' },
            { id: 'posting-21', title: 'Legal Secretary, Real Estate' },
          ],
        },
      },
      // 11-1011 covers 11-1011.00 and 11-1011.03; the key resolves to .00, whose postings exclude posting-02's .03.
      { name: 'Morgan Reyes', occupation: { code: '11-1011.00', socCode: '11-1011', title: 'Chief Executives', openPostings: [] } },
      {
        name: 'Sam Okafor',
        occupation: { code: '15-1252.00', socCode: '15-1252', title: 'Software Developers', openPostings: [{ id: 'posting-05', title: 'Software Developer' }] },
      },
      { name: 'Lee Park', occupation: null },
    ]);

    expect(result.skillsCalls).toHaveLength(1);
    expect(result.skillsCalls[0]!.representations).toEqual([
      { __typename: 'Occupation', socCode: '43-6012' },
      { __typename: 'Occupation', socCode: '11-1011' },
      { __typename: 'Occupation', socCode: '15-1252' },
    ]);
    expect(result.skillsCalls[0]!.sqlStatements).toBe(1);
    // openPostings @requires the code, which the gateway fetched from us and hands to the company with the key.
    const postingsCall = result.companyCalls.find((c) => c.query.includes('openPostings'));
    expect(postingsCall!.representations).toEqual([
      { __typename: 'Occupation', socCode: '43-6012', code: '43-6012.00' },
      { __typename: 'Occupation', socCode: '11-1011', code: '11-1011.00' },
      { __typename: 'Occupation', socCode: '15-1252', code: '15-1252.00' },
    ]);
  });
});

describe('occupation → openPostings', () => {
  interface OccupationsData {
    occupations: { totalCount: number; edges: { node: { code: string; openPostings: { title: string; location: string }[] } }[] };
  }

  test('a page of our occupations gets its postings from the company in one call', async () => {
    const result = await run<OccupationsData>(
      'query OfficeJobs { occupations(first: 100, filter: { majorGroup: "43" }) { totalCount edges { node { code openPostings { title location } } } } }',
      {},
      'e2e-occupations',
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.occupations.edges.map((e) => e.node);
    expect(nodes).toHaveLength(result.data!.occupations.totalCount);
    expect(nodes.filter((n) => n.openPostings.length > 0)).toEqual([
      { code: '43-4051.00', openPostings: [{ title: 'Customer Service Representative', location: 'Remote' }] },
      {
        code: '43-6012.00',
        openPostings: [
          { title: 'Legal Secretary, Litigation', location: 'Chicago' },
          { title: 'Legal Secretary, Real Estate', location: 'Denver' },
        ],
      },
      { code: '43-6014.00', openPostings: [{ title: 'Office Administrator', location: 'Austin' }] },
    ]);

    expect(result.skillsCalls).toHaveLength(1);
    expect(result.companyCalls).toHaveLength(1);
    expect(result.companyCalls[0]!.representations).toHaveLength(nodes.length);
    expect(result.companyCalls[0]!.representations[0]).toEqual({ __typename: 'Occupation', socCode: nodes[0]!.code.slice(0, 7), code: nodes[0]!.code });
  });

  test('one occupation asked for by its SOC code, with its postings', async () => {
    const result = await run<{ occupation: { code: string; title: string; openPostings: { id: string }[] } }>(
      'query BySoc($code: String!) { occupation(code: $code) { code title openPostings { id } } }',
      { code: '43-6012' },
      'e2e-by-soc',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupation).toEqual({
      code: '43-6012.00',
      title: 'Legal Secretaries and Administrative Assistants',
      openPostings: [{ id: 'posting-01' }, { id: 'posting-21' }],
    });
  });
});

describe('a code that names no occupation', () => {
  interface Errors {
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  }

  test("a posting's non-nullable occupation: the answer names the unknown code and says NOT_FOUND", async () => {
    const result = await run<{ jobPosting: unknown }>(
      'query WrongCode($id: ID!) { jobPosting(id: $id) { id title occupation { code title } } }',
      { id: 'posting-wrong-code' },
      'e2e-wrong-code',
    );
    // JobPosting.occupation is non-nullable in the company's schema, so the null reaches the posting.
    expect(result.data).toEqual({ jobPosting: null });
    const errors = (result as Errors).errors ?? [];
    const ours = errors.find((e) => e.extensions?.code === 'NOT_FOUND');
    expect(ours?.message).toMatch(/^No occupation has code "99-9999\.00": the O\*NET-SOC taxonomy served here has no such code\./);
    expect(result.skillsCalls).toHaveLength(1);
    expect(result.skillsCalls[0]!.representations).toEqual([{ __typename: 'Occupation', code: '99-9999.00' }]);
  });

  test("an employee's nullable occupation: the employee is kept, its occupation is null, and the error says why", async () => {
    const result = await run<{ employee: unknown }>(
      'query WrongSoc($id: ID!) { employee(id: $id) { id name occupation { code title } } }',
      { id: 'employee-wrong-code' },
      'e2e-wrong-soc',
    );
    expect(result.data).toEqual({ employee: { id: 'employee-wrong-code', name: 'Alex Moreau', occupation: null } });
    const ours = ((result as Errors).errors ?? []).find((e) => e.extensions?.code === 'NOT_FOUND');
    expect(ours?.message).toMatch(/^No occupation has socCode "99-9999"/);
  });
});
