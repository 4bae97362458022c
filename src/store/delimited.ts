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
  const options = {
    delimiter: format.delimiter,
    quote: format.quoted ? '"' : false,
    bom: true,
    from_line: format.headerLine,
    relax_column_count: true,
  } as const;
  let records: { record: string[]; line: number }[];
  try {
    records = recordsWithLines(text, options);
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new DataFileError(displayName, typeof lines === 'number' ? `line ${lines}` : null, `is not valid delimited text (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  return checkedRows(
    displayName,
    { line: format.headerLine, fields: header?.record ?? [] },
    rows.map(({ record, line }) => ({ line, fields: record })),
    expectedColumns,
  );
}

/**
 * Each record with the line it ends on, for the errors that name it. csv-parse's `info` option gives that line but
 * makes a parse two to three times as costly (docs/performance.md, "AI exposure"), so it is asked for only when a
 * record spans lines: where the file has as many records as lines from the header on (csv-parse returns a blank line
 * as a record too), record i is on line `from_line + i`.
 */
function recordsWithLines(text: string, options: { from_line: number } & Record<string, unknown>): { record: string[]; line: number }[] {
  const plain = parse(text, options) as string[][];
  if (plain.length === linesFrom(text, options.from_line)) return plain.map((record, i) => ({ record, line: options.from_line + i }));
  // With `info: true` each record comes as { record, info }; csv-parse's types do not follow the option.
  const withInfo = parse(text, { ...options, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return withInfo.map(({ record, info }) => ({ record, line: info.lines }));
}

/** How many lines a text has from line `first` (1-based) on; a final line break ends the last line, not a new one. */
function linesFrom(text: string, first: number): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks += 1;
  const lines = breaks + (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
  return lines - (first - 1);
}
