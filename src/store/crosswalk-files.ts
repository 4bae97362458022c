/**
 * The crosswalk files the product serves (data/crosswalks/, credited in its PROVENANCE.md): where each lives,
 * its format and exact header, the source id it is served under, and how a row becomes a store row. Codes are
 * checked against each classification's format, so a malformed row fails the build with its file and line.
 */
import type { Insertable } from 'kysely';
import { join } from 'node:path';
import { ONET_SOC, SOC_2018 } from '../occupation-code';
import { ColumnDeclaration, ColumnReading, matching, number, readColumns, text } from './columns';
import type { Database } from './database';
import { DelimitedFormat, readDelimited } from './delimited';
import { requireDeclaredSource } from './errors';
import { FieldReader } from './tsv';

type CrosswalkTable = 'soc_crosswalk' | 'onet_soc_crosswalk' | 'esco_crosswalk';

export interface CrosswalkFileSpec<T extends CrosswalkTable> {
  /** Path below data/. */
  path: string;
  format: DelimitedFormat;
  table: T;
  /** The id in data/sources.json this file is served under. */
  sourceId: string;
  /** The file's exact header, each column with how it is stored (null: not stored). */
  columns: ColumnDeclaration;
}

/** The formats each classification's codes take; the API's input checks describe the same ones. */
export const CODE_FORMATS = {
  soc: { pattern: SOC_2018, expected: 'a SOC code like 43-6012' },
  onetSoc: { pattern: ONET_SOC, expected: 'an O*NET-SOC code like 43-6012.00' },
  isco08: { pattern: /^\d{4}$/, expected: 'a four-digit ISCO-08 unit group code like 3342' },
  escoUri: {
    pattern: /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    expected: 'an ESCO occupation URI like http://data.europa.eu/esco/occupation/0264b794-3771-47aa-a675-78bf13b62ee7',
  },
  confidence: { pattern: /^(0\.5|1\.0|2\.0)$/, expected: 'a confidence of 0.5, 1.0 or 2.0' },
} as const;

function spec<T extends CrosswalkTable>(s: CrosswalkFileSpec<T>): CrosswalkFileSpec<T> {
  return s;
}

/** Nesta's confidence: one of its three levels, stored as a number. */
const confidence: ColumnReading = {
  store: 'confidence',
  read: (reader, column) => Number(reader.matching(column, CODE_FORMATS.confidence.pattern, CODE_FORMATS.confidence.expected)),
};

export const socCrosswalkFile = spec({
  path: 'crosswalks/bls-soc-2010-to-2018.tsv',
  // BLS's four title lines (publisher, committee, date, contact) sit above the header.
  format: { delimiter: '\t', quoted: false, headerLine: 5 },
  table: 'soc_crosswalk',
  sourceId: 'bls-soc-2010-2018',
  columns: [
    ['2010 SOC Code', matching('soc2010_code', CODE_FORMATS.soc)],
    ['2010 SOC Title', text('soc2010_title')],
    ['2018 SOC Code', matching('soc2018_code', CODE_FORMATS.soc)],
    ['2018 SOC Title', text('soc2018_title')],
  ],
});

export const onetSocCrosswalkFile = spec({
  path: 'crosswalks/onet-soc-2010-to-2019.semicolon.csv',
  // A third party's reformatting of O*NET's file: BOM, `;`, CRLF, renamed headers (see PROVENANCE.md).
  format: { delimiter: ';', quoted: true, headerLine: 1 },
  table: 'onet_soc_crosswalk',
  sourceId: 'onet-soc-2010-2019',
  columns: [
    ['soc2010_code', matching('onet2010_code', CODE_FORMATS.onetSoc)],
    ['soc2010_title', text('onet2010_title')],
    ['soc2019_code', matching('onet2019_code', CODE_FORMATS.onetSoc)],
    ['soc2019_title', text('onet2019_title')],
  ],
});

export const escoCrosswalkFile = spec({
  path: 'crosswalks/esco-onet-nesta-nov2020.csv',
  format: { delimiter: ',', quoted: true, headerLine: 1 },
  table: 'esco_crosswalk',
  sourceId: 'nesta-esco-onet-2020',
  columns: [
    ['id', null],
    ['esco_occupation', text('label')],
    ['isco_code', matching('isco_code', CODE_FORMATS.isco08)],
    ['onet_code', matching('onet2010_code', CODE_FORMATS.onetSoc)],
    ['onet_occupation', text('onet2010_title')],
    ['matching_job_titles', null],
    ['semantic_similarity', number('semantic_similarity')],
    ['confidence', confidence],
    ['concept_uri', matching('uri', CODE_FORMATS.escoUri)],
  ],
});

export const crosswalkFiles = [socCrosswalkFile, onetSocCrosswalkFile, escoCrosswalkFile] as const;

/** Reads one crosswalk file into store rows; its source must be one `data/sources.json` declares. */
export function readCrosswalkFile<T extends CrosswalkTable>(
  dataDir: string,
  file: CrosswalkFileSpec<T>,
  declaredSourceIds: ReadonlySet<string>,
): Insertable<Database[T]>[] {
  const displayName = `data/${file.path}`;
  requireDeclaredSource(file.sourceId, displayName, declaredSourceIds);
  const header = file.columns.map(([column]) => column);
  return readDelimited(join(dataDir, file.path), displayName, file.format, header).map((row) => {
    const fields = readColumns(file.columns, new FieldReader(displayName, row));
    const stored: Record<string, unknown> = { line: row.line, ...fields, source_id: file.sourceId };
    return stored as Insertable<Database[T]>;
  });
}
