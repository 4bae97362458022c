/**
 * `npm run eval:search`: how often job-title search puts the right occupation first.
 *
 * Reads data/search/eval-titles.tsv (title, expected O*NET-SOC code, the kinds of noise in the title), searches
 * each title against the full store, and prints top-1 and top-5 accuracy, the mean reciprocal rank (of the
 * expected code within the first 10 hits, 0 when absent), a breakdown by kind of noise, and every miss. It also
 * checks the set itself: every code exists, and at most 15% of titles are verbatim O*NET alternate or short titles
 * (the set is meant to be what employers write, not the index read back). Exits 1 below the targets
 * (top-1 ≥ 85%, top-5 ≥ 95%) or when the set fails its checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../src/config';
import { isOnetSocCode } from '../src/occupation-code';
import { searchOccupations } from '../src/search/search';
import { ensureStore } from '../src/store/ensure';
import { alternateTitlesByOccupation, occupationPage, occupationsByCode } from '../src/store/queries';
import type { Store } from '../src/store/store';

export const TARGET_TOP1 = 0.85;
export const TARGET_TOP5 = 0.95;
export const MAX_VERBATIM_SHARE = 0.15;
const RANKED = 10;

export interface EvalTitle {
  title: string;
  code: string;
  noise: string[];
}

export interface EvalResult extends EvalTitle {
  /** 1-based rank of the expected code among the first 10 hits; null when absent. */
  rank: number | null;
  top: { code: string; title: string; matchedText: string }[];
}

export interface EvalReport {
  results: EvalResult[];
  top1: number;
  top5: number;
  mrr: number;
  unknownCodes: string[];
  verbatimShare: number;
  byNoise: Map<string, { n: number; top1: number }>;
}

export function readEvalTitles(dataDir: string): EvalTitle[] {
  const [header, ...lines] = readFileSync(join(dataDir, 'search/eval-titles.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (header !== 'title\tcode\tnoise') throw new Error(`data/search/eval-titles.tsv: unexpected header ${JSON.stringify(header)}`);
  return lines.map((line, i) => {
    const [title, code, noise] = line.split('\t');
    if (!title || !code || !isOnetSocCode(code)) throw new Error(`data/search/eval-titles.tsv line ${i + 2}: ${JSON.stringify(line)}`);
    return { title, code, noise: (noise ?? '').split(',').filter(Boolean) };
  });
}

const fold = (s: string) => s.trim().toLowerCase();

export async function evaluateSearch(store: Pick<Store, 'db' | 'meta'>, titles: readonly EvalTitle[]): Promise<EvalReport> {
  const codes = [...new Set(titles.map((t) => t.code))];
  const occupations = new Map((await occupationsByCode(store.db, codes)).map((o) => [o.code, o]));
  const unknownCodes = codes.filter((c) => !occupations.has(c));
  const every = await occupationPage(store.db, { first: 100_000, afterCode: null, jobZone: null, majorGroup: null, hasFramework: null, ranges: [] });
  const allCodes = every.rows.map((o) => o.code);
  const verbatim = new Set<string>();
  for (const a of await alternateTitlesByOccupation(store.db, allCodes)) {
    verbatim.add(fold(a.title));
    if (a.short_title !== null) verbatim.add(fold(a.short_title));
  }
  const titleOf = new Map<string, string>();
  const results: EvalResult[] = [];
  for (const t of titles) {
    const hits = await searchOccupations(store, t.title, { first: RANKED, filter: { jobZone: null, majorGroup: null, hasFramework: null, ranges: [] } });
    const missing = hits.map((h) => h.occupationCode).filter((c) => !titleOf.has(c));
    for (const o of await occupationsByCode(store.db, missing)) titleOf.set(o.code, o.title);
    const index = hits.findIndex((h) => h.occupationCode === t.code);
    results.push({
      ...t,
      rank: index === -1 ? null : index + 1,
      top: hits.slice(0, 3).map((h) => ({ code: h.occupationCode, title: titleOf.get(h.occupationCode) ?? '', matchedText: h.matchedText })),
    });
  }
  const n = results.length;
  const byNoise = new Map<string, { n: number; top1: number }>();
  for (const r of results) {
    for (const kind of r.noise) {
      const entry = byNoise.get(kind) ?? { n: 0, top1: 0 };
      entry.n += 1;
      if (r.rank === 1) entry.top1 += 1;
      byNoise.set(kind, entry);
    }
  }
  return {
    results,
    top1: results.filter((r) => r.rank === 1).length / n,
    top5: results.filter((r) => r.rank !== null && r.rank <= 5).length / n,
    mrr: results.reduce((sum, r) => sum + (r.rank === null ? 0 : 1 / r.rank), 0) / n,
    unknownCodes,
    verbatimShare: titles.filter((t) => verbatim.has(fold(t.title))).length / n,
    byNoise,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function printReport(report: EvalReport, titleOf: (code: string) => string, out: (line: string) => void): boolean {
  const { results } = report;
  const groups = new Set(results.map((r) => r.code.slice(0, 2)));
  out(`[eval] ${results.length} titles across ${groups.size} SOC major groups; ${pct(report.verbatimShare)} are verbatim O*NET alternate/short titles`);
  out(`[eval] top-1 ${pct(report.top1)} (target ${pct(TARGET_TOP1)})   top-5 ${pct(report.top5)} (target ${pct(TARGET_TOP5)})   MRR@${RANKED} ${report.mrr.toFixed(3)}`);
  out(
    `[eval] top-1 by kind of noise: ${[...report.byNoise]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, { n, top1 }]) => `${kind} ${top1}/${n}`)
      .join(', ')}`,
  );
  const misses = results.filter((r) => r.rank !== 1);
  out(`[eval] ${misses.length} misses (expected code not first):`);
  for (const m of misses) {
    out(`  ${JSON.stringify(m.title)} expected ${m.code} ${titleOf(m.code)}, rank ${m.rank ?? `>${RANKED}`}`);
    for (const t of m.top) out(`      ${t.code} ${t.title}  <- ${JSON.stringify(t.matchedText)}`);
  }
  const problems: string[] = [];
  if (report.unknownCodes.length > 0) problems.push(`codes not in the store: ${report.unknownCodes.join(', ')}`);
  if (report.verbatimShare > MAX_VERBATIM_SHARE) problems.push(`more than ${pct(MAX_VERBATIM_SHARE)} of titles are verbatim alternate titles`);
  if (report.top1 < TARGET_TOP1) problems.push(`top-1 below target`);
  if (report.top5 < TARGET_TOP5) problems.push(`top-5 below target`);
  for (const p of problems) out(`[eval] FAIL: ${p}`);
  return problems.length === 0;
}

async function main(): Promise<void> {
  const config = readConfig();
  const store = await ensureStore({ dataDir: config.dataDir, storeFile: config.storeFile, rebuild: true, log: (line) => console.log(line) });
  try {
    const titles = readEvalTitles(config.dataDir);
    const report = await evaluateSearch(store, titles);
    const codes = [...new Set(report.results.map((r) => r.code))];
    const names = new Map((await occupationsByCode(store.db, codes)).map((o) => [o.code, o.title]));
    const ok = printReport(report, (code) => names.get(code) ?? '?', (line) => console.log(line));
    process.exitCode = ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
