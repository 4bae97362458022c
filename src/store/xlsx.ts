/**
 * Reads one sheet of an xlsx workbook as published, through read-excel-file (numbers arrive as numbers, text as
 * text, untrimmed), and reads its cells by column name with checks that name the file, the sheet, the row and the
 * column of a cell that is not what the reader expects.
 */
import { DataFileError } from './errors';

export type Cell = string | number | boolean | Date | null;

/**
 * The rows of the named sheets, each sheet's first row being its row 1 (read-excel-file keeps empty rows in place).
 * One sheet is read alone; for several, the workbook is unpacked once and all its sheets read (cheaper than unpacking
 * it for each, where the others are small).
 */
export async function readXlsxSheets(path: string, displayName: string, sheets: readonly string[]): Promise<Map<string, Cell[][]>> {
  // Loaded on first use: the served resolvers import this module's neighbours for their attributions, and the server,
  // which never reads a workbook, would load the reader at every start (docs/performance.md).
  const { default: readXlsxFile, readSheet, InvalidInputError, SheetNotFoundError } = await import('read-excel-file/node');
  try {
    if (sheets.length === 1) return new Map([[sheets[0]!, (await readSheet(path, sheets[0], { trim: false })) as Cell[][]]]);
    const all = new Map((await readXlsxFile(path, { trim: false })).map(({ sheet, data }) => [sheet, data as Cell[][]]));
    const missing = sheets.find((sheet) => !all.has(sheet));
    if (missing !== undefined) throw new SheetNotFoundError(missing, [...all.keys()]);
    return all;
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw new DataFileError(displayName, null, `has no sheet "${String(error.sheet)}"`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DataFileError(displayName, null, 'file is missing');
    const why = error instanceof InvalidInputError ? error.code : (error as Error).message;
    throw new DataFileError(displayName, null, `cannot be read as an xlsx workbook (${why})`);
  }
}

/** Excel's column letters: 0 is A, 25 is Z, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a cell is, for error messages: `sheet "Table 1.2" row 7 column "Employment, 2024" (D)`. */
export interface SheetPlace {
  file: string;
  sheet: string;
}

export function cellError(place: SheetPlace, row: number, column: string | null, columnIndex: number | null, problem: string): DataFileError {
  const at = column === null ? '' : ` column "${column}" (${columnLetter(columnIndex ?? 0)})`;
  return new DataFileError(place.file, `sheet "${place.sheet}" row ${row}${at}`, problem);
}

/**
 * A sheet laid out as a table: its header row must hold exactly the expected columns, in order, and every row after
 * it is read by column name.
 */
export class SheetTable {
  private readonly index: Map<string, number>;

  constructor(
    readonly place: SheetPlace,
    private readonly rows: Cell[][],
    readonly headerRow: number,
    readonly columns: readonly string[],
  ) {
    const header = (rows[headerRow - 1] ?? []).map((cell) => (cell === null ? '' : String(cell)));
    while (header.length > columns.length && header.at(-1) === '') header.pop();
    if (header.join('\t') !== columns.join('\t')) {
      throw cellError(place, headerRow, null, null, `header is [${header.join(', ')}], expected [${columns.join(', ')}]`);
    }
    this.index = new Map(columns.map((name, i) => [name, i]));
  }

  /** The cells of a row by 1-based row number; null past the sheet's last row. */
  row(rowNumber: number): CellReader | null {
    const cells = this.rows[rowNumber - 1];
    return cells === undefined ? null : new CellReader(this.place, rowNumber, cells, this.index);
  }

  /** The sheet's last row number. */
  get lastRow(): number {
    return this.rows.length;
  }
}

/** One row's cells, read by column name; each check names the cell that fails it. */
export class CellReader {
  constructor(
    readonly place: SheetPlace,
    readonly rowNumber: number,
    private readonly cells: readonly Cell[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  private at(column: string): number {
    const at = this.index.get(column);
    if (at === undefined) throw new Error(`unknown column ${column} in ${this.place.file} sheet ${this.place.sheet}`);
    return at;
  }

  cell(column: string): Cell {
    return this.cells[this.at(column)] ?? null;
  }

  /** Whether every cell of the row is empty. */
  get empty(): boolean {
    return this.cells.every((cell) => cell === null || cell === '');
  }

  fail(column: string, problem: string): never {
    throw cellError(this.place, this.rowNumber, column, this.at(column), problem);
  }

  /** A non-empty text cell. */
  text(column: string): string {
    const value = this.cell(column);
    if (typeof value !== 'string' || value.trim() === '') this.fail(column, `is ${describe(value)}, expected text`);
    return value;
  }

  /** A text cell of a documented format (a SOC code); `expected` describes it. */
  matching(column: string, pattern: RegExp, expected: string): string {
    const value = this.cell(column);
    if (typeof value !== 'string' || !pattern.test(value)) this.fail(column, `is ${describe(value)}, expected ${expected}`);
    return value;
  }

  /**
   * A number, or one of the special values the file defines for this column (`markers`, each by its text). Text
   * that is neither fails: with digits in it as a number that does not parse, else as an unknown marker.
   */
  measured<M extends string>(column: string, markers: readonly M[]): number | M {
    const value = this.cell(column);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && (markers as readonly string[]).includes(value)) return value as M;
    const allowed = markers.length === 0 ? 'no special values in this column' : `only ${markers.map((m) => `"${m}"`).join(', ')} in this column`;
    if (typeof value === 'string' && /\d/.test(value)) this.fail(column, `is ${describe(value)}, which does not parse as a number (the file defines ${allowed})`);
    this.fail(column, `is ${describe(value)}, not a number nor a special value the file defines (${allowed})`);
  }
}

function describe(value: Cell): string {
  if (value === null || value === '') return 'empty';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}
