/**
 * The change feed from O*NET 30.1 to 30.2, over real HTTP: its counts against both releases' files read directly
 * (and against the figures the 30.2 provenance gives), paging, per-occupation changes, the per-file summary, and
 * the errors for releases the store does not hold.
 */
import { isEnumType } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { changeKinds } from '../src/store/release-changes';
import { readGzLines } from './support/fixtures';
import { serveHttp, type RunningHttp } from './support/http';
import { dataDir } from './support/paths';
import { buildSchema } from '../src/schema';

let running: RunningHttp;
beforeAll(async () => {
  running = await serveHttp({ production: false });
});
afterAll(() => running.stop());

interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

async function post<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** A release file's rows as field arrays, header dropped. */
function rows(release: string, file: string): string[][] {
  return readGzLines(join(dataDir, 'onet', release, file))
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

const byKey = (list: string[][], key: (f: string[]) => string) => new Map(list.map((f) => [key(f), f]));

/** The figures, straight from the two releases' files: nothing here uses the importer's code. */
function countsFromFiles() {
  const zones1 = byKey(rows('30.1', 'Job Zones.txt.gz'), (f) => f[0]!);
  const zones2 = byKey(rows('30.2', 'Job Zones.txt.gz'), (f) => f[0]!);
  const zoneMoves = [...zones2].filter(([code, f]) => zones1.get(code)?.[1] !== f[1]).map(([code, f]) => `${zones1.get(code)?.[1]}->${f[1]}:${code}`);

  const interestKey = (f: string[]) => `${f[0]}|${f[1]}|${f[3]}`;
  const interests1 = byKey(rows('30.1', 'Interests.txt.gz'), interestKey);
  const interests2 = [...byKey(rows('30.2', 'Interests.txt.gz'), interestKey)];
  const changedInterests = interests2.filter(([key, f]) => interests1.get(key)?.[4] !== f[4]);
  const redatedInterests = interests2.filter(([key, f]) => {
    const old = interests1.get(key)!;
    return old[5] !== f[5] || old[6] !== f[6];
  });

  const titleKey = (f: string[]) => `${f[0]}|${f[1]}`;
  const titles1 = byKey(rows('30.1', 'Alternate Titles.txt.gz'), titleKey);
  const titles2 = byKey(rows('30.2', 'Alternate Titles.txt.gz'), titleKey);
  const reported1 = byKey(rows('30.1', 'Sample of Reported Titles.txt.gz'), titleKey);
  const reported2 = byKey(rows('30.2', 'Sample of Reported Titles.txt.gz'), titleKey);
  return {
    zoneMoves: zoneMoves.length,
    zoneMoveKinds: [...new Set(zoneMoves.map((m) => m.split(':')[0]))],
    interestValues: changedInterests.length,
    interestOccupations: new Set(changedInterests.map(([, f]) => f[0])).size,
    redatedInterestOccupations: new Set(redatedInterests.map(([, f]) => f[0])).size,
    titlesAdded: [...titles2.keys()].filter((k) => !titles1.has(k)).length,
    titlesRemoved: [...titles1.keys()].filter((k) => !titles2.has(k)).length,
    titlesChanged: [...titles2].filter(([k, f]) => titles1.has(k) && titles1.get(k)!.slice(2).join('\t') !== f.slice(2).join('\t')).length,
    reportedAdded: [...reported2.keys()].filter((k) => !reported1.has(k)).length,
    reportedRemoved: [...reported1.keys()].filter((k) => !reported2.has(k)).length,
  };
}

interface Change {
  occupation: { code: string; jobZone: { zone: number } | null } | null;
  occupationCode: string | null;
  kind: string;
  file: string;
  subject: string;
  before: string | null;
  after: string | null;
}

const CHANGE_FIELDS = 'occupation { code jobZone { zone } } occupationCode kind file subject before after';

describe('30.1 -> 30.2', () => {
  let feed: Change[];
  let totalCount: number;
  let files: ReturnType<typeof countsFromFiles>;
  beforeAll(async () => {
    files = countsFromFiles();
    feed = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResult<{ releaseChanges: { totalCount: number; edges: { node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }> =
        await post(
          `query($after: String) { releaseChanges(from: "30.1", to: "30.2", first: 100, after: $after) {
            totalCount edges { node { ${CHANGE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
      expect(page.errors).toBeUndefined();
      totalCount = page.data!.releaseChanges.totalCount;
      feed.push(...page.data!.releaseChanges.edges.map((e) => e.node));
      if (!page.data!.releaseChanges.pageInfo.hasNextPage) break;
      after = page.data!.releaseChanges.pageInfo.endCursor;
    }
  });
  const ofKind = (kind: string) => feed.filter((c) => c.kind === kind);

  test('the files give the figures the 30.2 provenance states', () => {
    expect(files).toEqual({
      zoneMoves: 33,
      zoneMoveKinds: ['1->2'],
      interestValues: 4136,
      interestOccupations: 832,
      redatedInterestOccupations: 871,
      titlesAdded: 1063,
      titlesRemoved: 25,
      titlesChanged: 28,
      reportedAdded: 9,
      reportedRemoved: 11,
    });
  });

  test('the feed pages through every change, and its counts match the files', () => {
    expect(feed).toHaveLength(totalCount);
    const zoneMoves = ofKind('JOB_ZONE');
    expect(zoneMoves).toHaveLength(files.zoneMoves);
    expect(new Set(zoneMoves.map((c) => `${c.before}->${c.after}`))).toEqual(new Set(files.zoneMoveKinds));
    // The served occupation already sits in its new zone.
    expect(zoneMoves.every((c) => c.occupation?.jobZone?.zone === 2)).toBe(true);
    expect(ofKind('INTEREST')).toHaveLength(files.interestValues);
    expect(new Set(ofKind('INTEREST').map((c) => c.occupationCode)).size).toBe(files.interestOccupations);
    expect(ofKind('ALTERNATE_TITLE_ADDED')).toHaveLength(files.titlesAdded);
    expect(ofKind('ALTERNATE_TITLE_REMOVED')).toHaveLength(files.titlesRemoved);
    expect(ofKind('ALTERNATE_TITLE_CHANGED')).toHaveLength(files.titlesChanged);
    expect(ofKind('REPORTED_TITLE_ADDED')).toHaveLength(files.reportedAdded);
    expect(ofKind('REPORTED_TITLE_REMOVED')).toHaveLength(files.reportedRemoved);
  });

  test('values are written as the files have them', () => {
    expect(feed).toContainEqual(
      expect.objectContaining({ occupationCode: '43-6012.00', kind: 'INTEREST', subject: 'Conventional (OI)', before: '6.61', after: '6.69' }),
    );
    const added = ofKind('ALTERNATE_TITLE_ADDED')[0]!;
    expect(added).toMatchObject({ before: null, after: expect.stringMatching(/^Short Title: .*; Source\(s\): /) });
    expect(rows('30.2', 'Alternate Titles.txt.gz').some((f) => f[0] === added.occupationCode && f[1] === added.subject)).toBe(true);
  });

  test('scale-level changes have no occupation: the merged Job Zone scale and the moved Level Scale Anchors', () => {
    expect(ofKind('JOB_ZONE_SCALE_REMOVED')).toEqual([
      expect.objectContaining({ occupation: null, occupationCode: null, subject: 'Job Zone 1', before: expect.stringContaining('Name: Job Zone One: Little or No Preparation Needed') }),
    ]);
    expect(ofKind('JOB_ZONE_SCALE_CHANGED')).toContainEqual(
      expect.objectContaining({ occupation: null, subject: 'Job Zone 2: Name', before: 'Job Zone Two: Some Preparation Needed', after: 'Job Zone 1-2: Very Little to Some Preparation Needed' }),
    );
    const anchors = ofKind('LEVEL_SCALE_ANCHOR_CHANGED');
    expect(anchors).toHaveLength(124);
    expect(anchors.every((c) => c.occupation === null)).toBe(true);
  });

  test('Occupation.changes lists the same changes as the feed for that occupation', async () => {
    const mover = ofKind('JOB_ZONE')[0]!.occupationCode!;
    const result = await post<{ occupation: { changes: Change[] } }>(
      `query($code: String!) { occupation(code: $code) { changes(since: "30.1") { ${CHANGE_FIELDS} } } }`,
      { code: mover },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.occupation.changes).toEqual(feed.filter((c) => c.occupationCode === mover));
    expect(result.data!.occupation.changes).toContainEqual(expect.objectContaining({ kind: 'JOB_ZONE', before: '1', after: '2' }));
  });

  test('the dataset summary counts re-dated and re-sourced rows per file instead of listing them', async () => {
    const result = await post<{ dataset: { heldReleases: { id: string }[]; releaseChangeSummary: Record<string, unknown>[] } }>(
      '{ dataset { heldReleases { id } releaseChangeSummary { from to file status added removed changed changes redatedOrResourced redatedOrResourcedOccupations } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.dataset.heldReleases.map((s) => s.id)).toEqual(['onet-30.1', 'onet-30.2-database']);
    const summary = result.data!.dataset.releaseChangeSummary;
    const of = (file: string) => summary.find((s) => s.file === file);
    expect(of('Interests.txt')).toEqual({
      from: '30.1', to: '30.2', file: 'Interests.txt', status: 'CHANGED', added: 0, removed: 0, changed: 4136, changes: 4136,
      redatedOrResourced: expect.any(Number), redatedOrResourcedOccupations: files.redatedInterestOccupations,
    });
    // All 331 zone-2 rows were re-dated, the 33 movers among them.
    expect(of('Job Zones.txt')).toMatchObject({ changed: 33, redatedOrResourced: 331 });
    expect(of('Task Statements.txt')).toMatchObject({ status: 'IDENTICAL', changes: 0 });
    expect(of('Work Values.txt')).toMatchObject({ status: 'NEW', changes: 0 });
    expect(summary.reduce((n, s) => n + (s.changes as number), 0)).toBe(totalCount);
    // Held only from 30.2 on, and the 30.1 files byte for byte (the next test): nothing to say between 30.1 and 30.2.
    expect(summary.filter((s) => UNCHANGED_SINCE_30_1.includes(`${s.file as string}`))).toEqual([]);
  });
});

/** The files the product holds only in 30.2's folder, whose 30.1 originals PROVENANCE.md (A) lists by sha256. */
const UNCHANGED_SINCE_30_1 = ['Content Model Reference.txt', 'IWA Reference.txt', 'UNSPSC Reference.txt', 'DWA Reference.txt', 'Tasks to DWAs.txt'];

test('the files held only from 30.2 on are the 30.1 files byte for byte (sha256 in PROVENANCE.md), so no 30.1 copy is needed', () => {
  const provenance = readFileSync(join(dataDir, 'onet/PROVENANCE.md'), 'utf8');
  for (const file of UNCHANGED_SINCE_30_1) {
    const listed = provenance.split('\n').find((line) => line.startsWith(`| \`${file}\` |`))?.match(/`([0-9a-f]{64})`/)?.[1];
    const held = createHash('sha256').update(gunzipSync(readFileSync(join(dataDir, 'onet/30.2', `${file}.gz`)))).digest('hex');
    expect({ file, sha256: held }).toEqual({ file, sha256: listed });
    expect(existsSync(join(dataDir, 'onet/30.1', `${file}.gz`))).toBe(false);
  }
});

test('the answer is empty since the served release, and bad releases name the held ones', async () => {
  const empty = await post<{ occupation: { changes: unknown[] } }>('{ occupation(code: "43-6012.00") { changes(since: "30.2") { kind } } }');
  expect(empty.data!.occupation.changes).toEqual([]);

  const unknown = await post('{ releaseChanges(from: "29.9", to: "30.2") { totalCount } }');
  expect(unknown.errors?.[0]).toMatchObject({
    message: 'Argument "from" must be a release this store holds (30.1, 30.2); got "29.9".',
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' },
  });
  const since = await post('{ occupation(code: "43-6012.00") { changes(since: "31.0") { kind } } }');
  expect(since.errors?.[0]).toMatchObject({
    message: 'Argument "since" must be a release this store holds (30.1, 30.2); got "31.0".',
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'since' },
  });
  const backwards = await post('{ releaseChanges(from: "30.2", to: "30.1") { totalCount } }');
  expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  const tooMany = await post('{ releaseChanges(from: "30.1", to: "30.2", first: 101) { totalCount } }');
  expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  const same = await post<{ releaseChanges: { totalCount: number } }>('{ releaseChanges(from: "30.2", to: "30.2") { totalCount } }');
  expect(same.data!.releaseChanges.totalCount).toBe(0);
});

test('an `after` cursor of this list with no change id in it is refused, naming the argument', async () => {
  const forged = Buffer.from('releaseChange:abc').toString('base64url');
  const result = await post(`{ releaseChanges(from: "30.1", to: "30.2", after: "${forged}") { totalCount } }`);
  expect(result.errors?.[0]).toMatchObject({
    message: `Argument "after" is not a cursor from this list; got "${forged}".`,
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
});

test('ReleaseChangeKind lists exactly the kinds the importer can give', () => {
  const kind = buildSchema().getType('ReleaseChangeKind');
  if (!isEnumType(kind)) throw new Error('ReleaseChangeKind is not an enum');
  expect(kind.getValues().map((v) => v.name)).toEqual(changeKinds());
});
