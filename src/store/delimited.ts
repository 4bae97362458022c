/**
 * Reads the delimited text files that are not O*NET's plain TSV: the crosswalks, which come as quoted CSV, as
 * semicolon-separated text with a byte-order mark, or as TSV with title lines above the header. csv-parse does the
 * splitting; this checks the header and every row's field count and reports problems with the file and line, in
 * the same `TsvRow` shape the O*NET reader gives, so `FieldReader` parses both.
 */
import { parse } from 'csv-parse/sync';
import { DataFileError } from './errors';
import { readDataFile, TsvRow } from './tsv';

export interface DelimitedFormat {
  /** The field separator, e.g. `,`, `;` or a tab. */
  delimiter: string;
  /** Whether fields may be wrapped in double quotes (CSV); false reads quotes as ordinary characters. */
  quoted: boolean;
  /** The 1-based line of the header row; the lines above it are titles and are skipped. */
  headerLine: number;
}

export function readDelimited(path: string, displayName: string, format: DelimitedFormat, expectedColumns: readonly string[]): TsvRow[] {
  const text = readDataFile(path, displayName);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes as { record, info }; csv-parse's types do not follow the option.
    records = parse(text, {
      delimiter: format.delimiter,
      quote: format.quoted ? '"' : false,
      bom: true,
      from_line: format.headerLine,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new DataFileError(displayName, typeof lines === 'number' ? `line ${lines}` : null, `is not valid delimited text (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  const headerFields = header?.record ?? [];
  if (headerFields.join('\t') !== expectedColumns.join('\t')) {
    throw new DataFileError(
      displayName,
      `line ${format.headerLine}`,
      `header is [${headerFields.join(', ')}], expected [${expectedColumns.join(', ')}]`,
    );
  }
  const index = new Map(expectedColumns.map((name, i) => [name, i]));
  return rows.map(({ record, info }) => {
    const line = info.lines;
    if (record.length !== expectedColumns.length) {
      throw new DataFileError(
        displayName,
        `line ${line}`,
        `has ${record.length} fields, expected ${expectedColumns.length} (${expectedColumns.join(', ')})`,
      );
    }
    return {
      line,
      get(column: string): string {
        const at = index.get(column);
        if (at === undefined) throw new Error(`unknown column ${column} in ${displayName}`);
        return record[at] as string;
      },
    };
  });
}
