/**
 * Pay and demand (BLS OEWS May 2024 wages and employment, BLS Employment Projections 2024–34), for every occupation:
 * the wage distribution as a chart with its figures in a table beside it, employment, and the 2024–34 projection.
 * A figure BLS does not give is said to be missing with the graph's reason; a top-coded one reads "at least".
 */
import type { OccupationPageQuery } from '../__generated__/page-operations';
import { html, type Html } from './html';
import { occupationPath } from './layout';
import { figureText, isHourly, wageChart, type WagePercentiles } from './wage-chart';

type LaborMarket = NonNullable<OccupationPageQuery['occupation']>['laborMarket'];
type Distribution = NonNullable<LaborMarket['wages']['annual']>;

const persons = (value: number) => new Intl.NumberFormat('en-US').format(value);
const signed = (value: number, text: string) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${text}`;

function wageTable(distribution: Distribution, caption: string): Html {
  const hourly = isHourly(distribution);
  const rows: [string, Distribution['median']][] = [
    ['10th percentile', distribution.percentile10],
    ['25th percentile', distribution.percentile25],
    ['Median', distribution.median],
    ['75th percentile', distribution.percentile75],
    ['90th percentile', distribution.percentile90],
    ['Mean', distribution.mean],
  ];
  return html`<table>
<caption>${caption}</caption>
<tbody>${rows.map(([label, figure]) => html`<tr><th scope="row">${label}</th><td>${figureText(figure, hourly)}</td></tr>`)}</tbody>
</table>`;
}

function wages(laborMarket: LaborMarket, title: string): Html {
  const { annual, hourly, annualUnavailableReason, hourlyUnavailableReason } = laborMarket.wages;
  // Annual wages where OEWS releases them, else hourly (actors, musicians, ...): one chart, the other basis in words.
  const shown = annual ?? hourly;
  if (shown === null) return html`<p class="none">${annualUnavailableReason ?? 'No wage figures.'}</p>`;
  const basis = annual !== null ? 'Annual' : 'Hourly';
  const chartTitle = `${basis} wages, ${title}, BLS OEWS May 2024`;
  return html`<figure class="chart">
${wageChart(shown satisfies WagePercentiles, { id: 'wages', title: chartTitle })}
<figcaption>${chartTitle}, in ${shown.unit}: the 10th to 90th percentile, the 25th to 75th as the box, the median marked.${[shown.percentile10, shown.percentile25, shown.median, shown.percentile75, shown.percentile90].some((f) => f?.topCoded === true) && ' BLS top-codes wages at or above its bound: the chart leaves them open-ended.'}</figcaption>
</figure>
${wageTable(shown, `${basis} wages (${shown.unit})`)}
${annual !== null && hourly === null && hourlyUnavailableReason !== null && html`<p class="note">${hourlyUnavailableReason}</p>`}
${annual === null && annualUnavailableReason !== null && html`<p class="note">${annualUnavailableReason}</p>`}`;
}

function projection(laborMarket: LaborMarket): Html {
  const p = laborMarket.projection;
  if (p.unavailableReason !== null) return html`<p class="none">${p.unavailableReason}</p>`;
  const row = (label: string, value: string | null) => value !== null && html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<dl>
${row(`Employment ${p.baseYear}`, p.employmentBase === null ? null : persons(p.employmentBase))}
${row(`Projected ${p.targetYear}`, p.employmentTarget === null ? null : persons(p.employmentTarget))}
${row(`Change ${p.baseYear}–${p.targetYear}`, p.change === null ? null : `${signed(p.change, persons(Math.abs(p.change)))}${p.changePercent === null ? '' : ` (${signed(p.changePercent, `${Math.abs(p.changePercent).toFixed(1)}%`)})`}`)}
${row('Openings a year', p.openingsPerYear === null ? null : persons(p.openingsPerYear))}
${row('Self-employed', p.selfEmployedPercent === null ? null : `${p.selfEmployedPercent.toFixed(1)}%`)}
${row('Typical education for entry', p.typicalEducation)}
${row('Work experience', p.workExperience)}
${row('On-the-job training', p.onTheJobTraining)}
</dl>`;
}

export function renderLaborMarket(occupation: NonNullable<OccupationPageQuery['occupation']>): Html {
  const { laborMarket } = occupation;
  const { employment } = laborMarket;
  return html`
<section id="pay-and-demand" aria-labelledby="pay-and-demand-heading">
<h2 id="pay-and-demand-heading">Pay and demand</h2>
${laborMarket.unavailableReason !== null
  ? html`<p class="none">${laborMarket.unavailableReason}</p>`
  : html`<p class="note">BLS figures for SOC ${laborMarket.socCode}${laborMarket.socTitle !== null && html` (${laborMarket.socTitle})`}${laborMarket.aggregate && html`, an aggregate of ${laborMarket.aggregatedSocCodes.join(', ')}`}.${laborMarket.sharedWith.length > 0 && html` The same figures serve ${laborMarket.sharedWith.map((other, i) => html`${i > 0 && ', '}<a href="${occupationPath(other.code)}">${other.title}</a>`)}.`}</p>
<h3>Wages</h3>
${wages(laborMarket, occupation.title)}
<h3>Employment</h3>
${employment.value === null
  ? html`<p class="none">${employment.unavailableReason ?? 'Not available.'}</p>`
  : html`<p>${persons(employment.value)} wage and salary jobs in May 2024${employment.relativeStandardError !== null && html` (relative standard error ${employment.relativeStandardError.toFixed(1)}%)`}.</p>`}
<h3>Projection ${laborMarket.projection.baseYear}–${laborMarket.projection.targetYear}</h3>
${projection(laborMarket)}`}
</section>`;
}

