/**
 * Reads O*NET's tab-separated release files (gzipped or not, CRLF or LF line endings) and checks their shape:
 * the header must be exactly the expected columns, and every row must have that many fields.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isOnetSocCode } from '../occupation-code';
import { DataFileError } from './errors';

export interface TsvRow {
  /** 1-based line number in the file, for error messages. */
  line: number;
  get(column: string): string;
}

export function readDataFile(path: string, displayName: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(displayName, null, code === 'ENOENT' ? 'file is missing' : `cannot be read (${code})`);
  }
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new DataFileError(displayName, null, `is not valid gzip (${(error as Error).message})`);
    }
  }
  return bytes.toString('utf8');
}

export function readTsv(path: string, displayName: string, expectedColumns: readonly string[]): TsvRow[] {
  const lines = readDataFile(path, displayName).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const [header = '', ...rows] = lines;
  return checkedRows(
    displayName,
    { line: 1, fields: header.split('\t') },
    rows.map((text, i) => ({ line: i + 2, fields: text.split('\t') })),
    expectedColumns,
  );
}

/** A row of a delimited file, split into fields, with its 1-based line number. */
export interface SplitRow {
  line: number;
  fields: string[];
}

/**
 * Checks a delimited file's header against the expected columns and every row's field count, naming the line that
 * is off; the rows come back as `TsvRow`s that read fields by column name.
 */
export function checkedRows(displayName: string, header: SplitRow, rows: SplitRow[], expectedColumns: readonly string[]): TsvRow[] {
  if (header.fields.join('\t') !== expectedColumns.join('\t')) {
    throw new DataFileError(
      displayName,
      `line ${header.line}`,
      `header is [${header.fields.join(', ')}], expected [${expectedColumns.join(', ')}]`,
    );
  }
  const index = new Map(expectedColumns.map((name, i) => [name, i]));
  return rows.map(({ line, fields }) => {
    if (fields.length !== expectedColumns.length) {
      throw new DataFileError(
        displayName,
        `line ${line}`,
        `has ${fields.length} fields, expected ${expectedColumns.length} (${expectedColumns.join(', ')})`,
      );
    }
    return {
      line,
      get(column: string): string {
        const at = index.get(column);
        if (at === undefined) throw new Error(`unknown column ${column} in ${displayName}`);
        return fields[at] as string;
      },
    };
  });
}

/** Field parsers that name the file, line and column when a value is not what O*NET documents. */
export class FieldReader {
  constructor(
    private readonly displayName: string,
    private readonly row: TsvRow,
  ) {}

  private fail(column: string, problem: string): never {
    throw new DataFileError(this.displayName, `line ${this.row.line}`, `column "${column}" ${problem}`);
  }

  text(column: string): string {
    const value = this.row.get(column);
    if (value.trim() === '') this.fail(column, 'is empty');
    return value;
  }

  /** `n/a` (O*NET's marker for no value) becomes null. */
  optionalText(column: string): string | null {
    const value = this.row.get(column);
    return value === 'n/a' || value === '' ? null : value;
  }

  number(column: string): number {
    const value = this.row.get(column);
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed)) this.fail(column, `is "${value}", expected a number`);
    return parsed;
  }

  /** A number on a bounded scale, e.g. a share from 0 to 1; one outside it is an error, never clamped. */
  numberBetween(column: string, minimum: number, maximum: number): number {
    const parsed = this.number(column);
    if (parsed < minimum || parsed > maximum) this.fail(column, `is ${this.row.get(column)}, outside its scale of ${minimum} to ${maximum}`);
    return parsed;
  }

  optionalNumber(column: string): number | null {
    const value = this.row.get(column);
    return value === 'n/a' || value === '' ? null : this.number(column);
  }

  integer(column: string): number {
    const parsed = this.number(column);
    if (!Number.isInteger(parsed)) this.fail(column, `is "${this.row.get(column)}", expected a whole number`);
    return parsed;
  }

  optionalInteger(column: string): number | null {
    const value = this.row.get(column);
    return value === 'n/a' || value === '' ? null : this.integer(column);
  }

  /** One of a closed set of values. */
  choice<T extends string>(column: string, choices: readonly T[]): T {
    const value = this.row.get(column);
    if ((choices as readonly string[]).includes(value)) return value as T;
    return this.fail(column, `is "${value}", expected one of ${choices.join(', ')}`);
  }

  /** One of a closed set of values, or null for `n/a` or empty. */
  optionalChoice<T extends string>(column: string, choices: readonly T[]): T | null {
    const value = this.optionalText(column);
    if (value === null || (choices as readonly string[]).includes(value)) return value as T | null;
    return this.fail(column, `is "${value}", expected one of ${choices.join(', ')}`);
  }

  /** O*NET's Y/N flags, as SQLite's 0/1. */
  flag(column: string): 0 | 1 {
    const value = this.row.get(column);
    if (value === 'Y') return 1;
    if (value === 'N') return 0;
    return this.fail(column, `is "${value}", expected Y or N`);
  }

  optionalFlag(column: string): 0 | 1 | null {
    const value = this.row.get(column);
    return value === 'n/a' || value === '' ? null : this.flag(column);
  }

  /** A value of a documented format, e.g. a 2010 SOC code; `expected` describes it for the error message. */
  matching(column: string, pattern: RegExp, expected: string): string {
    const value = this.row.get(column);
    if (!pattern.test(value)) this.fail(column, `is "${value}", expected ${expected}`);
    return value;
  }

  occupationCode(column: string): string {
    const value = this.row.get(column);
    if (!isOnetSocCode(value)) this.fail(column, `is "${value}", expected an O*NET-SOC code like 43-6012.00`);
    return value;
  }
}
