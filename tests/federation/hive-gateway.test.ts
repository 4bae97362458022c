/**
 * Hive Gateway (@graphql-hive/gateway-runtime, the runtime of `@graphql-hive/gateway` without its CLI) in front of
 * the composed supergraph: our subgraph over real HTTP and the example company subgraph. The gateway sends its own
 * Accept-Encoding to the subgraphs; our large `_entities` answer goes back compressed in the coding that picks, and
 * the gateway decompresses it into the right data.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { negotiateCoding } from '../../src/http/compression';
import { recordExchanges, serveHttp, type Exchange, type RunningHttp } from '../support/http';
import { startCompanySubgraph, type RunningCompany } from './company';
import { compose, companySubgraph, skillsSubgraph } from './supergraph';

/**
 * The part of the runtime this test uses. Its own types are not imported: they bring graphql-yoga's augmentation of
 * GraphQLErrorExtensions (`http.headers` as a record), which conflicts with Apollo Server's (a Map) in src/errors.ts.
 */
interface GatewayRuntime extends RequestListener {
  dispose(): Promise<void> | void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as { createGatewayRuntime(config: { supergraph: string; logging: boolean | string }): GatewayRuntime };

let skills: RunningHttp;
let company: RunningCompany;
let gateway: GatewayRuntime;
let server: Server;
let gatewayUrl: string;
let exchanges: Exchange[];

beforeAll(async () => {
  skills = await serveHttp({ production: false });
  exchanges = recordExchanges(skills.server);
  company = await startCompanySubgraph();
  const { supergraphSdl } = compose([skillsSubgraph(skills.url), companySubgraph(company.url)]);
  gateway = createGatewayRuntime({ supergraph: supergraphSdl, logging: process.env.HIVE_LOG ?? false });
  server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await gateway?.dispose();
  await company?.stop();
  await skills?.stop();
});

interface PostingsData {
  jobPostings: { edges: { node: { id: string; occupation: { code: string; title: string; framework: null | { levels: { key: string; statements: { subject: string }[] }[] } } } }[] };
}

test("twenty postings with their occupations' frameworks: our answer goes out compressed in the coding Hive Gateway asks for, and arrives whole", async () => {
  const from = exchanges.length;
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Postings { jobPostings(first: 20) { edges { node { id occupation { code title framework { levels { key statements { subject } } } } } } } }',
    }),
  });
  const { data, errors } = (await response.json()) as { data: PostingsData; errors?: unknown[] };
  expect(errors).toBeUndefined();
  const occupations = data.jobPostings.edges.map((e) => e.node.occupation);
  expect(occupations).toHaveLength(20);
  expect(new Set(occupations.map((o) => o.code)).size).toBe(20);
  expect(occupations[0]).toMatchObject({ code: '43-6012.00', title: 'Legal Secretaries and Administrative Assistants' });
  expect(occupations[0]!.framework!.levels.map((l) => [l.key, l.statements.length])).toEqual([
    ['EMERGING', 10],
    ['DEVELOPING', 10],
    ['PROFICIENT', 10],
    ['ADVANCED', 10],
  ]);

  // The one `_entities` call that reached us: the gateway's own Accept-Encoding, and the coding it picks.
  const seen = exchanges.slice(from);
  expect(seen).toHaveLength(1);
  const [call] = seen;
  expect(call!.acceptEncoding).toMatch(/gzip|br/);
  expect(call!.contentEncoding).toBeDefined();
  expect(call!.contentEncoding).toBe(negotiateCoding(call!.acceptEncoding, Number.MAX_SAFE_INTEGER));
});
