/**
 * The crosswalk files the product serves (data/crosswalks/, credited in its PROVENANCE.md): where each lives,
 * its format and exact header, the source id it is served under, and how a row becomes a store row. Codes are
 * checked against each classification's format, so a malformed row fails the build with its file and line.
 */
import type { Insertable } from 'kysely';
import { join } from 'node:path';
import { ONET_SOC, SOC_2018 } from '../occupation-code';
import type { Database } from './database';
import { DelimitedFormat, readDelimited } from './delimited';
import { DataFileError } from './errors';
import { FieldReader } from './tsv';

type CrosswalkTable = 'soc_crosswalk' | 'onet_soc_crosswalk' | 'esco_crosswalk';

export interface CrosswalkFileSpec<T extends CrosswalkTable> {
  /** Path below data/. */
  path: string;
  format: DelimitedFormat;
  columns: readonly string[];
  table: T;
  /** The id in data/sources.json this file is served under. */
  sourceId: string;
  toRow(read: FieldReader, line: number, sourceId: string): Insertable<Database[T]>;
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

function code(read: FieldReader, column: string, format: keyof typeof CODE_FORMATS): string {
  return read.matching(column, CODE_FORMATS[format].pattern, CODE_FORMATS[format].expected);
}

function spec<T extends CrosswalkTable>(s: CrosswalkFileSpec<T>): CrosswalkFileSpec<T> {
  return s;
}

export const socCrosswalkFile = spec({
  path: 'crosswalks/bls-soc-2010-to-2018.tsv',
  // BLS's four title lines (publisher, committee, date, contact) sit above the header.
  format: { delimiter: '\t', quoted: false, headerLine: 5 },
  columns: ['2010 SOC Code', '2010 SOC Title', '2018 SOC Code', '2018 SOC Title'],
  table: 'soc_crosswalk',
  sourceId: 'bls-soc-2010-2018',
  toRow: (read, line, sourceId) => ({
    line,
    soc2010_code: code(read, '2010 SOC Code', 'soc'),
    soc2010_title: read.text('2010 SOC Title'),
    soc2018_code: code(read, '2018 SOC Code', 'soc'),
    soc2018_title: read.text('2018 SOC Title'),
    source_id: sourceId,
  }),
});

export const onetSocCrosswalkFile = spec({
  path: 'crosswalks/onet-soc-2010-to-2019.semicolon.csv',
  // A third party's reformatting of O*NET's file: BOM, `;`, CRLF, renamed headers (see PROVENANCE.md).
  format: { delimiter: ';', quoted: true, headerLine: 1 },
  columns: ['soc2010_code', 'soc2010_title', 'soc2019_code', 'soc2019_title'],
  table: 'onet_soc_crosswalk',
  sourceId: 'onet-soc-2010-2019',
  toRow: (read, line, sourceId) => ({
    line,
    onet2010_code: code(read, 'soc2010_code', 'onetSoc'),
    onet2010_title: read.text('soc2010_title'),
    onet2019_code: code(read, 'soc2019_code', 'onetSoc'),
    onet2019_title: read.text('soc2019_title'),
    source_id: sourceId,
  }),
});

export const escoCrosswalkFile = spec({
  path: 'crosswalks/esco-onet-nesta-nov2020.csv',
  format: { delimiter: ',', quoted: true, headerLine: 1 },
  columns: [
    'id', 'esco_occupation', 'isco_code', 'onet_code', 'onet_occupation', 'matching_job_titles', 'semantic_similarity',
    'confidence', 'concept_uri',
  ],
  table: 'esco_crosswalk',
  sourceId: 'nesta-esco-onet-2020',
  toRow: (read, line, sourceId) => ({
    line,
    uri: code(read, 'concept_uri', 'escoUri'),
    label: read.text('esco_occupation'),
    isco_code: code(read, 'isco_code', 'isco08'),
    onet2010_code: code(read, 'onet_code', 'onetSoc'),
    onet2010_title: read.text('onet_occupation'),
    confidence: Number(code(read, 'confidence', 'confidence')),
    semantic_similarity: read.number('semantic_similarity'),
    source_id: sourceId,
  }),
});

export const crosswalkFiles = [socCrosswalkFile, onetSocCrosswalkFile, escoCrosswalkFile] as const;

/** Reads one crosswalk file into store rows; its source must be one `data/sources.json` declares. */
export function readCrosswalkFile<T extends CrosswalkTable>(
  dataDir: string,
  file: CrosswalkFileSpec<T>,
  declaredSourceIds: ReadonlySet<string>,
): Insertable<Database[T]>[] {
  const displayName = `data/${file.path}`;
  if (!declaredSourceIds.has(file.sourceId)) {
    throw new DataFileError('data/sources.json', null, `declares no source "${file.sourceId}", which ${displayName} is served under`);
  }
  return readDelimited(join(dataDir, file.path), displayName, file.format, file.columns).map((row) =>
    file.toRow(new FieldReader(displayName, row), row.line, file.sourceId),
  );
}
