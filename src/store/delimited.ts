/**
 * Reads the delimited text files that are not O*NET's plain TSV: the crosswalks, which come as quoted CSV, as
 * semicolon-separated text with a byte-order mark, or as TSV with title lines above the header. csv-parse does the
 * splitting; the header and field counts are checked as for O*NET's files (`checkedRows`), and rows come in the
 * same `TsvRow` shape, so `FieldReader` parses both.
 */
import { parse } from 'csv-parse/sync';
import { DataFileError } from './errors';
import { checkedRows, readDataFile, TsvRow } from './tsv';

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
  return checkedRows(
    displayName,
    { line: format.headerLine, fields: header?.record ?? [] },
    rows.map(({ record, info }) => ({ line: info.lines, fields: record })),
    expectedColumns,
  );
}
