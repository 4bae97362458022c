/**
 * How a data file's column becomes a store column: which store column it fills and which `FieldReader` check reads
 * it. The file specs (onet-files.ts, crosswalk-files.ts) declare their columns with these, once each, and both the
 * expected header and the row mapping come from that one declaration.
 */
import type { Database } from './database';
import type { FieldReader } from './tsv';

/** A column of some store table. */
export type StoreColumn = { [T in keyof Database]: keyof Database[T] & string }[keyof Database];

/** How one file column is stored: the store column it fills, and how its text is read (and checked). */
export interface ColumnReading {
  store: StoreColumn;
  read(reader: FieldReader, column: string): string | number | null;
}

type Check = 'text' | 'optionalText' | 'number' | 'optionalNumber' | 'integer' | 'optionalInteger' | 'flag' | 'optionalFlag' | 'occupationCode';

const reading =
  (check: Check) =>
  (store: StoreColumn): ColumnReading => ({ store, read: (reader, column) => reader[check](column) });

export const text = reading('text');
export const optionalText = reading('optionalText');
export const number = reading('number');
export const optionalNumber = reading('optionalNumber');
export const integer = reading('integer');
export const optionalInteger = reading('optionalInteger');
export const flag = reading('flag');
export const optionalFlag = reading('optionalFlag');
export const occupationCode = reading('occupationCode');

export function choice(store: StoreColumn, choices: readonly string[]): ColumnReading {
  return { store, read: (reader, column) => reader.choice(column, choices) };
}

export function optionalChoice(store: StoreColumn, choices: readonly string[]): ColumnReading {
  return { store, read: (reader, column) => reader.optionalChoice(column, choices) };
}

/** A value of a documented format, e.g. a 2010 SOC code; `expected` describes it for the error message. */
export function matching(store: StoreColumn, format: { pattern: RegExp; expected: string }): ColumnReading {
  return { store, read: (reader, column) => reader.matching(column, format.pattern, format.expected) };
}

/** A file's columns in header order, each with how it is stored (null: read past, checked only by the header). */
export type ColumnDeclaration = readonly (readonly [column: string, stored: ColumnReading | null])[];

/** The store row's fields read from one file row, in header order. */
export function readColumns(columns: ColumnDeclaration, reader: FieldReader): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {};
  for (const [column, stored] of columns) if (stored !== null) row[stored.store] = stored.read(reader, column);
  return row;
}
