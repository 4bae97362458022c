/**
 * The wage chart (src/pages/wage-chart.ts) on its own: where it draws each figure, how a top-coded figure is drawn
 * open-ended, and the text alternative that gives every figure in words.
 */
import { describeWages, wageChart, type WageFigure, type WagePercentiles } from '../src/pages/wage-chart';

const exact = (value: number): WageFigure => ({ value, topCoded: false });
const TOP_CODED = { value: 239_200, topCoded: true };

const annual = (overrides: Partial<WagePercentiles> = {}): WagePercentiles => ({
  unit: 'USD per year',
  percentile10: exact(36_970),
  percentile25: exact(41_610),
  median: exact(49_280),
  percentile75: exact(60_180),
  percentile90: exact(75_110),
  ...overrides,
});

const draw = (wages: WagePercentiles) => wageChart(wages, { id: 'wages', title: 'Annual wages' }).text;

/** The x attributes of the chart's elements of a class (x1 for lines, x and width for the box). */
function xs(svg: string, className: string): number[] {
  return [...svg.matchAll(new RegExp(`class="${className}" x1?="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
}

test('a distribution: whisker from the 10th to the 90th percentile with caps, box from the 25th to the 75th, the median marked between', () => {
  const svg = draw(annual());
  expect(svg).toMatch(/^<svg class="wage-chart" [^>]*role="img" aria-labelledby="wages-title wages-desc">/);
  const [p10, p90] = xs(svg, 'cap');
  const [median] = xs(svg, 'median');
  const box = /class="box" x="([\d.]+)" y="\d+" width="([\d.]+)"/.exec(svg)!;
  const [boxLeft, boxRight] = [Number(box[1]), Number(box[1]) + Number(box[2])];
  expect(p10! < boxLeft && boxLeft < median! && median! < boxRight && boxRight < p90!).toBe(true);
  expect(xs(svg, 'whisker')).toEqual([p10]);
  expect(svg).toContain('>median $49,280</text>');
  expect(svg).not.toContain('open-end');
});

test('positions are to scale from zero: the median sits at its share of the axis', () => {
  const svg = draw(annual());
  const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="\d+" font-size="12" text-anchor="middle" fill="#56606b">\$(\d+)(k?)<\/text>/g)].map((m) => [Number(m[1]), Number(m[2]) * (m[3] === 'k' ? 1000 : 1)]);
  expect(ticks.length).toBeGreaterThanOrEqual(4);
  const [[x0, v0], [x1, v1]] = [ticks[0]!, ticks[ticks.length - 1]!];
  expect(v0).toBe(0);
  const [median] = xs(svg, 'median');
  expect(median).toBeCloseTo(x0! + ((49_280 - v0!) / (v1! - v0!)) * (x1! - x0!), 0);
});

test('a top-coded 90th percentile is drawn open-ended: no cap, a dashed line on to an arrow, and "at least" in words', () => {
  const svg = draw(annual({ percentile75: exact(180_000), percentile90: TOP_CODED }));
  expect(xs(svg, 'cap')).toHaveLength(1);
  expect(svg).toContain('class="open-end"');
  expect(svg).toContain('stroke-dasharray');
  expect(svg).toContain('class="open-end-arrow"');
  expect(svg).toContain('≥ $239,200');
  expect(describeWages(annual({ percentile90: TOP_CODED }))).toBe(
    '10th percentile $36,970; 25th percentile $41,610; median $49,280; 75th percentile $60,180; 90th percentile at least $239,200 (top-coded)',
  );
});

test('a top-coded median leaves the box open on the right and says "median ≥"', () => {
  const svg = draw(annual({ median: TOP_CODED, percentile75: TOP_CODED, percentile90: TOP_CODED }));
  expect(svg).toMatch(/class="box" [^>]*stroke="none"/);
  expect(svg).toMatch(/<path d="M[\d.]+ \d+H[\d.]+V\d+H[\d.]+" fill="none"/);
  expect(svg).toContain('>median ≥ $239,200</text>');
  expect(xs(svg, 'cap')).toHaveLength(1);
});

test('hourly wages in dollars and cents; a figure OEWS does not give is said to be not available', () => {
  const hourly: WagePercentiles = { unit: 'USD per hour', percentile10: exact(17.78), percentile25: null, median: exact(23.69), percentile75: exact(28.93), percentile90: { value: 115, topCoded: true } };
  expect(describeWages(hourly)).toBe('10th percentile $17.78; 25th percentile not available; median $23.69; 75th percentile $28.93; 90th percentile at least $115.00 (top-coded)');
  const svg = draw(hourly);
  expect(svg).toContain('>median $23.69</text>');
  expect(svg).not.toContain('class="box"');
  expect(svg).toContain('<desc id="wages-desc">10th percentile $17.78; 25th percentile not available;');
});

test('no figure at all: a sentence, no chart', () => {
  const none = { unit: 'USD per year', percentile10: null, percentile25: null, median: null, percentile75: null, percentile90: null };
  expect(draw(none)).toBe('<p class="none">No wage figure is published for this occupation.</p>');
});
