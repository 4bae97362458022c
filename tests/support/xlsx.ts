/**
 * Edits a copy of a published workbook the way the tests need: cutting a sheet down to some of its rows (fixtures)
 * and planting bad cells. It rewrites the sheet's XML inside the zip and leaves every other part as it was, so
 * what the importer reads is the published workbook but for the edit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The zip entry of a sheet, from the workbook's sheet list and its relationships. */
function sheetEntry(parts: Record<string, Uint8Array>, sheet: string): string {
  const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
  const id = new RegExp(`<sheet [^>]*name="${escapeRegExp(escapeXml(sheet))}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))?.[1];
  const target = id === undefined ? undefined : new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
  if (target === undefined) throw new Error(`no sheet ${sheet} in the workbook`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The texts of the workbook's shared strings, by index (rich text runs joined). */
function sharedStrings(parts: Record<string, Uint8Array>): string[] {
  const xml = strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) => [...(si[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''));
}

/** One row of a sheet: its number, its XML, and the text of its cell in a column (shared strings resolved). */
export interface SheetRow {
  number: number;
  xml: string;
  text(column: string): string | null;
}

const ROW = /<row [^>]*?r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

/**
 * Rewrites one sheet of the workbook at `path`, row by row: `edit` returns the row's new XML, or null to drop it.
 * Rows kept are renumbered from 1 (their cells with them), so dropping rows leaves no gap.
 */
export function rewriteRows(path: string, sheet: string, edit: (row: SheetRow) => string | null): void {
  const parts = unzipSync(readFileSync(path));
  const entry = sheetEntry(parts, sheet);
  parts[entry] = strToU8(rewrite(strFromU8(parts[entry]!), sharedStrings(parts), edit));
  // Stored, not deflated: a valid workbook all the same, written in a twentieth of the time (and read a little faster).
  writeFileSync(path, zipSync(parts, { level: 0 }));
}

function rewrite(sheetXml: string, strings: readonly string[], edit: (row: SheetRow) => string | null): string {
  let next = 0;
  return sheetXml.replace(ROW, (rowXml, number: string) => {
    const text = (column: string) => {
      const cell = new RegExp(`<c r="${column}${number}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(rowXml);
      if (cell === null) return null;
      const [, attributes = '', content = ''] = cell;
      if (/t="s"/.test(attributes)) return strings[Number(/<v>(\d+)<\/v>/.exec(content)?.[1])] ?? null;
      if (/t="inlineStr"/.test(attributes)) return unescapeXml(/<t[^>]*>([^<]*)<\/t>/.exec(content)?.[1] ?? '');
      return null;
    };
    const rewritten = edit({ number: Number(number), xml: rowXml, text });
    if (rewritten === null) return '';
    next += 1;
    return rewritten.replace(/(<row [^>]*?r=")\d+"/, `$1${next}"`).replace(/(<c [^>]*?r="[A-Z]+)\d+"/g, `$1${next}"`);
  });
}

/** A column's position: A is 1, Z 26, AA 27. */
const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** A sheet's cells holding shared strings, as inline strings with the same text. */
function inlineStrings(xml: string, strings: readonly string[]): string {
  return xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, before: string, after: string, index: string) =>
    `<c ${before}t="inlineStr"${after}><is><t xml:space="preserve">${escapeXml(strings[Number(index)] ?? '')}</t></is></c>`,
  );
}

/**
 * Cuts a workbook down, for fixtures: of the sheets in `keep`, only the rows each says yes to (renumbered, their text
 * inline); every other sheet emptied, and the shared strings with them. What is left reads as the same cells, for a
 * fraction of the parsing.
 */
export function cutWorkbook(path: string, keep: Record<string, (row: SheetRow) => boolean>): void {
  const parts = unzipSync(readFileSync(path));
  const strings = sharedStrings(parts);
  const kept = new Map(Object.entries(keep).map(([sheet, rows]) => [sheetEntry(parts, sheet), rows]));
  for (const entry of Object.keys(parts).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))) {
    const rows = kept.get(entry);
    const xml = strFromU8(parts[entry]!);
    parts[entry] = strToU8(rows === undefined ? xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>') : inlineStrings(rewrite(xml, strings, (row) => (rows(row) ? row.xml : null)), strings));
  }
  parts['xl/sharedStrings.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');
  writeFileSync(path, zipSync(parts, { level: 0 }));
}

/** A row's XML with cells (by column, e.g. `L`) set to a number or an inline text, whatever they held or if absent. */
export function setCells(row: SheetRow, cells: Record<string, string | number>): string {
  let xml = row.xml;
  for (const [column, value] of Object.entries(cells)) {
    const ref = `${column}${row.number}`;
    const cell = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const match = cell.exec(xml);
    const style = / s="\d+"/.exec(match?.[1] ?? '')?.[0] ?? '';
    const written = typeof value === 'number' ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    if (match !== null) {
      xml = xml.replace(cell, written);
      continue;
    }
    // An empty cell may have no element: the new one goes before the first cell to its right.
    const after = [...xml.matchAll(/<c r="([A-Z]+)\d+"/g)].find((m) => columnNumber(m[1] ?? '') > columnNumber(column));
    xml = after?.index === undefined ? xml.replace(/<\/row>$/, `${written}</row>`) : `${xml.slice(0, after.index)}${written}${xml.slice(after.index)}`;
  }
  return xml;
}
