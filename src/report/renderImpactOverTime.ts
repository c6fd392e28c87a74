import type { ChartCollector } from './createChartCollector.ts';
import { chooseMassUnit, PER_TONNE } from './chooseMassUnit.ts';
import { isNegligible } from './comparisonFigures.ts';
import { createCompareOverTimeSpec } from './createCompareOverTimeSpec.ts';
import { inSentence } from './describeMaterialResult.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatSplitFigures } from './describeLaterPart.ts';
import { formatEstimate } from './formatEstimate.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import type { ImpactReading, MonthlyConsumption } from './readImpactJson.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { eventWindowsByMaterial } from './renderCompareOverTime.ts';
import { monthStart, splitGainByWindow } from './splitGainByWindow.ts';

/** Materials drawn at most (those the disruptions change most clearly first). */
const MAX_MATERIALS = 4;
const WITH = 'with the disruptions';
const WITHOUT = 'without them';

/**
 * "What the disruptions take, month by month" of a run report: per material whose home end users
 * clearly receive a different amount over the run (impact.json's `homeConsumption`, CI excluding
 * 0, and not negligibly: the CI reaches beyond 0.1% of what they receive without the disruptions), a chart of what they receive each month with the scenario's disruptive events and without
 * them (means of the paired runs), and the paired difference with each month's 95% interval; in words, the
 * largest monthly loss (or gain, when the disruptions raise consumption) with its interval and the run's loss split into before the events (the announcement), from their
 * start to a year after their end, and later. '' without monthly figures (impact.json from before
 * session 17, or no disruption).
 *
 * @param impact - From `readImpactJson`.
 * @param overview - The scenario (names, events, home region).
 * @param charts - Collects the charts.
 * @param hasMonthlyCsv - Whether the folder holds `impact-monthly.csv` (written since session 29), which the
 *   section then names as its data; older folders have only impact.json's `monthlyConsumption`.
 * @returns The section's HTML, or ''.
 * @example
 * html += await renderImpactOverTime(impact, overview, charts, await fileExists(join(folder, 'impact-monthly.csv')));
 */
export async function renderImpactOverTime(impact: ImpactReading | undefined, overview: ScenarioOverview | undefined, charts: ChartCollector, hasMonthlyCsv = false): Promise<string> {
  if (impact === undefined || overview === undefined) return '';
  const drawn = [...impact.byMaterial].flatMap(([material, m]) => {
    const total = m.homeConsumption;
    // Clearly different, and by more than a negligible share of what they receive (gallium's +0.1 t in 230 is not drawn).
    const clear = total !== undefined && (total.ciLow > 0 || total.ciHigh < 0) && !isNegligible(total.mean, total.ciLow, total.ciHigh, total.meanWithout);
    return clear && m.monthlyConsumption !== undefined ? [{ material, total: total.mean, monthly: m.monthlyConsumption }] : [];
  }).sort((a, b) => Math.abs(b.total) - Math.abs(a.total)).slice(0, MAX_MATERIALS);
  if (drawn.length === 0) return '';
  const homeName = overview.regions.find((r) => r.id === overview.homeRegion)?.name ?? overview.homeRegion;
  const inHome = `in ${regionWithArticle(homeName)}`;
  const windows = eventWindowsByMaterial(overview);
  let html = `<p>What end users ${escapeHtml(inHome)} receive each month with the scenario's disruptive events and in the same runs without them ` +
    `(${impact.replicates} paired runs; each month the mean of its weeks), and the difference with its 95% CI, one interval per month. ` +
    `Totals are in Key results; this says when. Data: ${hasMonthlyCsv ? '<code>impact-monthly.csv</code> (one row per material and month), or ' : ''}<code>impact.json</code>, <code>monthlyConsumption</code>.</p>\n`;
  for (const { material, total, monthly } of drawn) {
    const name = overview.materials.find((m) => m.id === material)?.name ?? material;
    const id = `impact-over-time-${material.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const materialWindows = windows.get(material) ?? [];
    const year = monthly.period.map((p, i) => monthStart(p) + monthly.weeks[i] / 104);
    // A material the disruptions leave end users more of is not "taken"; one no event names has no grey band to explain (user audit, session 35: gallium).
    const title = `${name}: what the disruptions ${total < 0 ? 'take' : 'change'}, month by month`;
    const shading = materialWindows.length === 0 ? `no event names ${name}: it moves with the other materials' markets`
      : `grey: the events on ${name} in force${materialWindows.some((w) => w.announced !== undefined) ? '; dotted: announced' : ''}`;
    html += `<h3>${escapeHtml(name)}</h3>\n<p>${escapeHtml(describeMonthlyLoss(monthly, total, name, inHome, materialWindows))}</p>\n`;
    html += await charts.add(id, createCompareOverTimeSpec({
      title,
      subtitle: [homeName, shading],
      strategies: [WITH, WITHOUT], eventWindows: materialWindows,
      panels: [
        { title: `What end users ${inHome} receive (mean of the paired runs)`, unit: 't/week', lines: [{ strategy: WITH, year, value: monthly.meanWith }, { strategy: WITHOUT, year, value: monthly.meanWithout }] },
        { title: 'Difference: with − without (mean of paired runs, 95% CI)', unit: 't/week', zeroRule: true, lines: [{ strategy: WITH, year, value: monthly.mean, low: monthly.ciLow, high: monthly.ciHigh }] },
      ],
    }), {
      title,
      description: `What end users ${inHome} receive of ${name} each month with and without the scenario's disruptive events, and the paired difference with its 95% confidence interval.`,
      caption: `${escapeHtml(name)}, month by month: means of ${impact.replicates} paired runs with and without the disruptive events; the lower panel is their difference with each month's own 95% CI.`,
    });
  }
  return html;
}

/** The largest monthly loss (or gain, when the run's clear total is a gain) and the run's loss split around the events, in words. */
function describeMonthlyLoss(monthly: MonthlyConsumption, total: number, name: string, inHome: string, windows: ReadonlyArray<{ start: number; end: number; openEnded?: boolean }>): string {
  // The sign of the clear total the section draws, not of any one noisy month.
  const loses = total < 0;
  const sign = loses ? -1 : 1;
  const worst = monthly.mean.reduce((a, _, i) => (sign * monthly.mean[i] > sign * monthly.mean[a] ? i : a), 0);
  const size = Math.abs(monthly.mean[worst]);
  const share = monthly.meanWithout[worst] > 0 ? `${formatPercent(size / monthly.meanWithout[worst])} of what they receive without them` : '';
  const month = formatScenarioDate(0, monthStart(monthly.period[worst]));
  // That month's own interval: the largest of many monthly means leans away from 0, so it is given, not only the mean; the three rounded alike.
  const [low, high] = loses ? [-monthly.ciHigh[worst], -monthly.ciLow[worst]] : [monthly.ciLow[worst], monthly.ciHigh[worst]];
  const bounded = Number.isFinite(low) && Number.isFinite(high);
  // Kilograms or grams for a small material: "0.860 kg/week", not "0.000860 t/week" (user audit, session 35).
  const unit = chooseMassUnit([size]);
  const scale = PER_TONNE[unit];
  const shown = bounded ? formatEstimate(size * scale, low * scale, high * scale) : { mean: formatNumber(size * scale), low: '', high: '' };
  const ci = bounded ? `that month's 95% CI ${shown.low} to ${shown.high} ${unit}/week` : '';
  const notes = [share, ci].filter((part) => part !== '').join('; ');
  let text = `The largest monthly ${loses ? 'loss' : 'gain'}: end users ${inHome} receive ${shown.mean} ${unit}/week ${loses ? 'less' : 'more'} ${inSentence(name)} in ${month}${notes === '' ? '' : ` (${notes})`}.`;
  const series: OverTimeSeriesData = {
    strategy: WITH, material: '', measure: 'consumption', stage: 'endUse', region: '', unit: 't/week', period: monthly.period, year: [], weeks: monthly.weeks,
    runs: [], median: [], p5: [], p95: [], meanDifference: monthly.mean, ciLow: monthly.ciLow, ciHigh: monthly.ciHigh, simultaneousCiLow: [], simultaneousCiHigh: [],
    differenceToEnd: monthly.differenceToEnd, differenceToEndCiLow: monthly.differenceToEndCiLow, differenceToEndCiHigh: monthly.differenceToEndCiHigh,
  };
  const split = splitGainByWindow(series, windows);
  if (split !== undefined) {
    const unit = chooseMassUnit([split.total, split.before, split.during, split.after]);
    const shown = formatSplitFigures(split, unit);
    const middle = split.openEnded ? 'while they are in force' : 'from their start to a year after their end';
    const parts = [
      ...(split.hasBefore && split.before !== 0 ? [`${shown.before} before the events start`] : []),
      `${shown.during} ${middle}`,
      ...(split.hasAfter ? [shown.later] : []),
    ];
    // One part: the whole loss falls in it.
    text += parts.length === 1 ? ` Over the run, ${shown.total} on average, all of it ${middle}.` : ` Over the run, ${shown.total} on average: ${parts.join(', ')}.`;
    // A loss that carries on past the events rests on how fast thrift reverses, which no episode calibrates (audit 24, H4).
    if (loses && split.hasAfter && split.after < 0) {
      text += ' The later part comes from end users’ slow undoing of the thrift the high prices brought, at a speed no historical episode calibrates (docs/model.md, G26).';
    }
  }
  return text;
}
