/**
 * The example company subgraph (company.graphql): a small, real Apollo subgraph built with buildSubgraphSchema,
 * with postings that name O*NET-SOC codes and employees that name 6-digit SOC codes.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

export interface Posting {
  id: string;
  title: string;
  location: string;
  /** The O*NET-SOC code the applicant tracking system stores. */
  occupationCode: string;
}

export interface Employee {
  id: string;
  name: string;
  /** The 2018 SOC code the HR system stores. */
  socCode: string | null;
}

/**
 * The first 20 postings name 20 different occupations, so a page of 2 and a page of 20 differ only in how many
 * occupations they reference. 11-1011.03 shares its SOC code with 11-1011.00, so it shows which key was used.
 */
export const POSTINGS: readonly Posting[] = [
  ['Legal Secretary, Litigation', 'Chicago', '43-6012.00'],
  ['Head of Sustainability', 'Denver', '11-1011.03'],
  ['Paralegal', 'Chicago', '23-2011.00'],
  ['Office Administrator', 'Austin', '43-6014.00'],
  ['Software Developer', 'Remote', '15-1252.00'],
  ['Staff Accountant', 'Denver', '13-2011.00'],
  ['Registered Nurse', 'Austin', '29-1141.00'],
  ['Retail Associate', 'Chicago', '41-2031.00'],
  ['Line Cook', 'Austin', '35-2014.00'],
  ['Electrician', 'Denver', '47-2111.00'],
  ['CDL Truck Driver', 'Remote', '53-3032.00'],
  ['Customer Service Representative', 'Remote', '43-4051.00'],
  ['Graphic Designer', 'Chicago', '27-1024.00'],
  ['Civil Engineer', 'Denver', '17-2051.00'],
  ['Systems Analyst', 'Austin', '15-1211.00'],
  ['Welder', 'Denver', '51-4121.00'],
  ['Automotive Technician', 'Austin', '49-3023.00'],
  ['Janitor', 'Chicago', '37-2011.00'],
  ['Controller', 'Chicago', '11-3031.01'],
  ['Childcare Worker', 'Austin', '39-9011.00'],
  ['Legal Secretary, Real Estate', 'Denver', '43-6012.00'],
].map(([title, location, occupationCode], i) => ({
  id: `posting-${String(i + 1).padStart(2, '0')}`,
  title: title!,
  location: location!,
  occupationCode: occupationCode!,
}));

export const EMPLOYEES: readonly Employee[] = [
  { id: 'employee-1', name: 'Dana Whitfield', socCode: '43-6012' },
  { id: 'employee-2', name: 'Morgan Reyes', socCode: '11-1011' },
  { id: 'employee-3', name: 'Sam Okafor', socCode: '15-1252' },
  { id: 'employee-4', name: 'Lee Park', socCode: null },
];

/**
 * Records an applicant tracking system or HR system may hold with a code that names no O*NET occupation: reachable
 * by id only, so the lists above stay as they are.
 */
export const WRONG_CODE_POSTING: Posting = { id: 'posting-wrong-code', title: 'Legal Secretary (mistyped code)', location: 'Chicago', occupationCode: '99-9999.00' };
export const WRONG_CODE_EMPLOYEE: Employee = { id: 'employee-wrong-code', name: 'Alex Moreau', socCode: '99-9999' };

/** What this subgraph holds of an occupation: the key it reached it by, and `code` once provided or required. */
interface OccupationRef {
  socCode?: string;
  code?: string;
}

const cursorOf = (posting: Posting) => Buffer.from(posting.id).toString('base64url');

function jobPostings(first: number, after: string | null) {
  const start = after === null ? 0 : POSTINGS.findIndex((p) => cursorOf(p) === after) + 1;
  const page = POSTINGS.slice(start, start + first);
  return {
    totalCount: POSTINGS.length,
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: start + first < POSTINGS.length,
      hasPreviousPage: start > 0,
      startCursor: page[0] ? cursorOf(page[0]) : null,
      endCursor: page.at(-1) ? cursorOf(page.at(-1)!) : null,
    },
  };
}

const resolvers = {
  Query: {
    jobPostings: (_: unknown, args: { first: number; after?: string | null }) => jobPostings(args.first, args.after ?? null),
    employees: () => EMPLOYEES,
    jobPosting: (_: unknown, { id }: { id: string }) => [...POSTINGS, WRONG_CODE_POSTING].find((p) => p.id === id) ?? null,
    employee: (_: unknown, { id }: { id: string }) => [...EMPLOYEES, WRONG_CODE_EMPLOYEE].find((e) => e.id === id) ?? null,
  },
  JobPosting: {
    __resolveReference: (ref: { id: string }) => POSTINGS.find((p) => p.id === ref.id) ?? null,
    // The posting knows the O*NET-SOC code, which the schema @provides.
    occupation: (posting: Posting): OccupationRef => ({ code: posting.occupationCode }),
  },
  Employee: {
    __resolveReference: (ref: { id: string }) => EMPLOYEES.find((e) => e.id === ref.id) ?? null,
    occupation: (employee: Employee): OccupationRef | null => (employee.socCode === null ? null : { socCode: employee.socCode }),
  },
  Occupation: {
    __resolveReference: (ref: OccupationRef) => ref,
    socCode: (occupation: OccupationRef) => occupation.socCode ?? occupation.code?.slice(0, 7),
    openPostings: (occupation: OccupationRef) => {
      // @requires(fields: "code") means the router always sends it; its absence would be a planning bug.
      if (occupation.code === undefined) throw new Error('openPostings ran without the required `code`');
      return POSTINGS.filter((p) => p.occupationCode === occupation.code);
    },
  },
};

export function companyTypeDefs(): DocumentNode {
  return parse(readFileSync(join(__dirname, 'company.graphql'), 'utf8'));
}

export interface RunningCompany {
  url: string;
  stop(): Promise<void>;
}

/** Serves the company subgraph over HTTP on a port the operating system picks. */
export async function startCompanySubgraph(): Promise<RunningCompany> {
  const server = new ApolloServer({
    // The resolver parameters are typed above; buildSubgraphSchema's map type is looser and describes the same thing.
    schema: buildSubgraphSchema({ typeDefs: companyTypeDefs(), resolvers: resolvers as GraphQLResolverMap<unknown> }),
    // Nothing here reports traces; disabling them also keeps the plugin's startup notice out of the test output.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}
