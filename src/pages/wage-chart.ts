/**
 * A wage distribution drawn as inline SVG: the 10th to 90th percentile as a whisker, the 25th to 75th as a box, the
 * median marked and labelled, on an axis from zero. A top-coded figure (BLS OEWS `#`: the wage is at least the bound)
 * is drawn open-ended: from its bound the line runs on, dashed, to an arrow at the edge, and nothing claims where it
 * ends. Every figure is also given as text (the chart's title and description, and the table beside it), so the
 * chart is never the only way to read them. No style attribute: presentation attributes only (the pages' CSP).
 */
import { html, type Html } from './html';

export interface WageFigure {
  value: number;
  topCoded: boolean;
}

export interface WagePercentiles {
  /** `USD per year` or `USD per hour`. */
  unit: string;
  percentile10: WageFigure | null;
  percentile25: WageFigure | null;
  median: WageFigure | null;
  percentile75: WageFigure | null;
  percentile90: WageFigure | null;
}

const WIDTH = 640;
const HEIGHT = 118;
const MARGIN = 24;
const AXIS_Y = 84;
const BOX_TOP = 34;
const BOX_BOTTOM = 62;
const WHISKER_Y = (BOX_TOP + BOX_BOTTOM) / 2;

const POINTS = [
  ['percentile10', '10th percentile'],
  ['percentile25', '25th percentile'],
  ['median', 'median'],
  ['percentile75', '75th percentile'],
  ['percentile90', '90th percentile'],
] as const;

export function isHourly(wages: WagePercentiles): boolean {
  return /hour/i.test(wages.unit);
}

/** Dollars as OEWS prints them: whole dollars a year, cents an hour. */
export function dollars(value: number, hourly: boolean): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: hourly ? 2 : 0, maximumFractionDigits: hourly ? 2 : 0 }).format(value);
}

/** A figure in words: `$49,280`, or `at least $239,200 (top-coded)`. */
export function figureText(figure: WageFigure | null, hourly: boolean): string {
  if (figure === null) return 'not available';
  return figure.topCoded ? `at least ${dollars(figure.value, hourly)} (top-coded)` : dollars(figure.value, hourly);
}

/** A round step for about four ticks up to `top`. */
function tickStep(top: number): number {
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

function tickLabel(value: number, hourly: boolean): string {
  if (hourly || value < 1000) return `$${value}`;
  return `$${value / 1000}k`;
}

/** The text alternative: every figure, in order, in words. */
export function describeWages(wages: WagePercentiles): string {
  const hourly = isHourly(wages);
  return POINTS.map(([key, label]) => `${label} ${figureText(wages[key], hourly)}`).join('; ');
}

export function wageChart(wages: WagePercentiles, { id, title }: { id: string; title: string }): Html {
  const hourly = isHourly(wages);
  const known = POINTS.map(([key]) => wages[key]).filter((figure): figure is WageFigure => figure !== null);
  if (known.length === 0) return html`<p class="none">No wage figure is published for this occupation.</p>`;
  // Room past the highest figure: for the arrow of an open end, and so a bound never sits on the edge.
  const highest = Math.max(...known.map((figure) => figure.value));
  const step = tickStep(highest * 1.2);
  const top = Math.ceil((highest * 1.2) / step) * step;
  const x = (value: number) => MARGIN + (value / top) * (WIDTH - 2 * MARGIN);
  const right = WIDTH - MARGIN;
  const at = (figure: WageFigure | null) => (figure === null ? null : x(figure.value));
  // Everything from the first top-coded figure up is only known to be at least its bound.
  const openFrom = POINTS.map(([key]) => wages[key]).find((figure) => figure?.topCoded === true) ?? null;
  const { percentile10: p10, percentile25: p25, median, percentile75: p75, percentile90: p90 } = wages;
  const low = at(p10) ?? at(p25) ?? at(median);
  const high = openFrom !== null ? x(openFrom.value) : (at(p90) ?? at(p75) ?? at(median));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const round = (n: number) => Math.round(n * 10) / 10;

  const parts: Html[] = [];
  parts.push(html`<line x1="${MARGIN}" y1="${AXIS_Y}" x2="${right}" y2="${AXIS_Y}" stroke="#8a939c" stroke-width="1"/>`);
  for (const tick of ticks) {
    parts.push(html`<line x1="${round(x(tick))}" y1="${AXIS_Y}" x2="${round(x(tick))}" y2="${AXIS_Y + 5}" stroke="#8a939c"/>`);
    parts.push(html`<text x="${round(x(tick))}" y="${AXIS_Y + 19}" font-size="12" text-anchor="middle" fill="#56606b">${tickLabel(tick, hourly)}</text>`);
  }
  if (low !== null && high !== null) {
    parts.push(html`<line class="whisker" x1="${round(low)}" y1="${WHISKER_Y}" x2="${round(high)}" y2="${WHISKER_Y}" stroke="#1f5fa8" stroke-width="2"/>`);
  }
  for (const cap of [p10, p90]) {
    const cx = at(cap);
    if (cx !== null && cap !== null && !cap.topCoded && cap !== openFrom) {
      parts.push(html`<line class="cap" x1="${round(cx)}" y1="${BOX_TOP + 6}" x2="${round(cx)}" y2="${BOX_BOTTOM - 6}" stroke="#1f5fa8" stroke-width="2"/>`);
    }
  }
  const boxLeft = at(p25);
  const boxRight = p75 === null ? null : x(p75.value);
  if (boxLeft !== null && boxRight !== null) {
    const open = p75?.topCoded === true;
    parts.push(html`<rect class="box" x="${round(boxLeft)}" y="${BOX_TOP}" width="${round(boxRight - boxLeft)}" height="${BOX_BOTTOM - BOX_TOP}" fill="#dbe6f3" stroke="${open ? 'none' : '#1f5fa8'}" stroke-width="2"/>`);
    if (open) {
      // Three sides: the right one is not known.
      parts.push(html`<path d="M${round(boxRight)} ${BOX_TOP}H${round(boxLeft)}V${BOX_BOTTOM}H${round(boxRight)}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`);
    }
  }
  if (openFrom !== null) {
    const from = x(openFrom.value);
    parts.push(html`<line class="open-end" x1="${round(from)}" y1="${WHISKER_Y}" x2="${right - 8}" y2="${WHISKER_Y}" stroke="#1f5fa8" stroke-width="2" stroke-dasharray="5 4"/>`);
    parts.push(html`<path class="open-end-arrow" d="M${right - 10} ${WHISKER_Y - 6}L${right} ${WHISKER_Y}L${right - 10} ${WHISKER_Y + 6}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`);
    parts.push(html`<text x="${round(from)}" y="${BOX_BOTTOM + 14}" font-size="12" text-anchor="start" fill="#1d232b">≥ ${dollars(openFrom.value, hourly)}</text>`);
  }
  const mx = at(median);
  if (mx !== null && median !== null) {
    parts.push(html`<line class="median" x1="${round(mx)}" y1="${BOX_TOP - 8}" x2="${round(mx)}" y2="${BOX_BOTTOM + 8}" stroke="#1d232b" stroke-width="3"/>`);
    parts.push(html`<text x="${round(mx)}" y="${BOX_TOP - 13}" font-size="13" font-weight="bold" text-anchor="middle" fill="#1d232b">median ${median.topCoded ? '≥ ' : ''}${dollars(median.value, hourly)}</text>`);
  }

  return html`<svg class="wage-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${describeWages(wages)}.</desc>
${parts}
</svg>`;
}
