/**
 * Rows held for the life of the store (src/store/held-rows.ts): the bound holds, recently read keys stay, and with
 * rows held a repeated request runs no SQL and answers the same; held or not, a request never runs more statements.
 */
import { HeldRows } from '../src/store/held-rows';
import { ENRICHMENT_QUERY } from '../scripts/operations';
import { startTestServer, type TestServer } from './support/server';

describe('HeldRows', () => {
  test('never holds more rows than its bound: the oldest unread keys go first', () => {
    const rows = new HeldRows(5);
    rows.set('a', [1, 2], 2);
    rows.set('b', [3, 4], 2);
    rows.set('c', [5, 6], 2);
    expect(rows.rows).toBe(4);
    expect(rows.get('a')).toBeUndefined();
    expect(rows.get('b')?.value).toEqual([3, 4]);
    expect(rows.get('c')?.value).toEqual([5, 6]);
  });

  test('a key read since it was held gets a second chance over one never read', () => {
    const rows = new HeldRows(4);
    rows.set('a', [1, 2], 2);
    rows.set('b', [3, 4], 2);
    expect(rows.get('a')?.value).toEqual([1, 2]);
    rows.set('c', [5, 6], 2);
    expect(rows.get('b')).toBeUndefined();
    expect(rows.get('a')?.value).toEqual([1, 2]);
    expect(rows.rows).toBe(4);
  });

  test('holds a key with no row (null) apart from a key never read, and nothing at a bound of 0', () => {
    const rows = new HeldRows(3);
    rows.set('none', null, 1);
    expect(rows.get('none')).toEqual({ value: null, weight: 1, used: true });
    expect(rows.get('other')).toBeUndefined();
    const off = new HeldRows(0);
    off.set('a', [1], 1);
    expect(off.enabled).toBe(false);
    expect(off.get('a')).toBeUndefined();
  });

  // Whether two equal texts are one copy cannot be seen from JavaScript (Object.is compares strings by value); what
  // sharing and rebuilding save is measured in docs/performance.md. What can be seen: the held rows are new plain
  // objects with the same fields, in the same order, and anything else is held as it is.
  test('holds a copy of each plain row, fields in order, and other values as they are', () => {
    const rows = new HeldRows(10);
    const row = { code: '43-6012.00', date: ['07', '2014'].join('/'), score: 4.5, missing: null };
    const dated = new Date(0);
    rows.set('a', [row, dated], 2);
    rows.set('b', row, 1);
    const [heldRow, heldDate] = rows.get('a')?.value as [unknown, unknown];
    expect(heldRow).not.toBe(row);
    expect(Object.getPrototypeOf(heldRow)).toBe(Object.prototype);
    expect(JSON.stringify(heldRow)).toBe(JSON.stringify(row));
    expect(heldDate).toBe(dated);
    expect(JSON.stringify(rows.get('b')?.value)).toBe(JSON.stringify(row));
  });
});

describe('loaders over held rows', () => {
  let held: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    held = await startTestServer({ production: true, heldRows: 150_000 });
    plain = await startTestServer({ production: true });
  });
  afterAll(async () => {
    await held.stop();
    await plain.stop();
  });

  const codes = ['11-1011.00', '15-1252.00', '23-2011.00', '29-1141.00', '43-6012.00', '53-7121.00', '11-9039.00'];
  const representations = codes.map((code) => ({ __typename: 'Occupation', code }));

  test('a repeated enrichment runs no SQL once its rows are held, and answers as a store holding nothing does', async () => {
    const first = await held.run(ENRICHMENT_QUERY, { representations });
    const again = await held.run(ENRICHMENT_QUERY, { representations });
    const reference = await plain.run(ENRICHMENT_QUERY, { representations });
    expect(first.errors).toBeUndefined();
    expect(first.sqlStatements).toBe(reference.sqlStatements);
    expect(again.sqlStatements).toBe(0);
    expect(JSON.stringify(again.data)).toBe(JSON.stringify(reference.data));
    expect(held.store.held.rows).toBeGreaterThan(codes.length);
  });

  test('with some rows held, a batch reads the others in one statement per list, no more than holding nothing', async () => {
    const more = [...representations, { __typename: 'Occupation', code: '45-1011.00' }, { __typename: 'Occupation', code: '55-1011.00' }];
    const partly = await held.run(ENRICHMENT_QUERY, { representations: more });
    const reference = await plain.run(ENRICHMENT_QUERY, { representations: more });
    expect(partly.sqlStatements).toBeGreaterThan(0);
    expect(partly.sqlStatements).toBeLessThanOrEqual(reference.sqlStatements);
    expect(JSON.stringify(partly.data)).toBe(JSON.stringify(reference.data));
  });
});
