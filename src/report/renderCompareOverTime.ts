import { PRODUCT } from './computeHeadlineResults.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createCompareOverTimeSpec, type OverTimePanel } from './createCompareOverTimeSpec.ts';
import { escapeHtml } from './escapeHtml.ts';
import { stageProductNoun } from './describeStageProduct.ts';
import { chooseMassUnit } from './chooseMassUnit.ts';
import { formatSplitFigures } from './describeLaterPart.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatScenarioDate } from './formatScenarioDate.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { type FanPanelPlan, planFanPanels } from './planFanPanels.ts';
import type { OverTimeSeriesData } from './readOverTimeCsv.ts';
import { monthStart, splitGainByWindow } from './splitGainByWindow.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';


/**
 * "Over time, by strategy" of a compare report: per material the compared scenarios target, a chart
 * of month-by-month levels (what the home region's end users receive, the quoted price and any
 * other traded stage's price the data keep, the
 * government's stockpile when a strategy holds one: medians of each strategy's runs) and of each
 * alternative's paired difference in what end users receive, with its 95% band; and per
 * alternative, in words, the months in which end users clearly receive more or less than under
 * the reference. '' when the folder has no `over-time.csv` (a folder from before it existed).
 *
 * @param series - From `readOverTimeCsv`, the reference's series first.
 * @param overview - The reference scenario (names, start year, events, price units).
 * @param materialName - Maps material ids to names.
 * @param charts - Collects the charts.
 * @returns The section's HTML, or ''.
 * @example
 * html += await renderCompareOverTime(series, overview, (id) => id, charts);
 */
export async function renderCompareOverTime(series: readonly OverTimeSeriesData[] | undefined, overview: ScenarioOverview | undefined, materialName: (id: string) => string, charts: ChartCollector): Promise<string> {
  if (series === undefined || series.length === 0) return '';
  const strategies = [...new Set(series.map((s) => s.strategy))];
  const [reference, ...alternatives] = strategies;
  const home = series[0].region;
  const homeName = overview?.regions.find((r) => r.id === home)?.name ?? home;
  const windows = overview === undefined ? new Map<string, EventWindow[]>() : eventWindowsByMaterial(overview);
  const windowsOf = (material: string): EventWindow[] => windows.get(material) ?? [];
  const inHome = `in ${regionWithArticle(homeName)}`;
  const unit = periodWord(series[0].weeks);
  let html = `<p>${capitalise(unit)} by ${unit}, for each material the compared scenarios target: what end users ${escapeHtml(inHome)} receive, the price they pay and the government's stockpile ` +
    `(medians of each strategy's runs, each ${unit} the mean of its weeks), and each alternative's paired difference from ${escapeHtml(reference)} in what end users receive ` +
    `(mean of the paired runs with a 95% band that holds for all ${unit}s at once: each ${unit}'s interval is widened for the ${series[0].period.length} ${unit}s (Bonferroni), ` +
    `since chance alone, in ${unit}s that move together, would make long runs of ${unit}s whose own interval excludes 0; each ${unit}'s own interval is in the data). Grey: the reference's events on the material. ` +
    'The totals above say how much a strategy changes; these say when. Data: <code>over-time.csv</code>.</p>\n';
  for (const material of [...new Set(series.map((s) => s.material))]) {
    const of = (measure: string, strategy: string, stage?: string): OverTimeSeriesData | undefined =>
      series.find((s) => s.material === material && s.measure === measure && s.strategy === strategy && (stage === undefined || s.stage === stage));
    const consumption = of('consumption', reference);
    if (consumption === undefined) continue;
    const name = materialName(material);
    const priceUnit = overview?.materials.find((m) => m.id === material)?.priceUnit ?? 'USD/t';
    const divisor = priceUnit === 'USD/kg' ? 1000 : 1;
    const levels = (measure: string, scale = 1, stage?: string): OverTimePanel['lines'] => strategies.flatMap((strategy) => {
      const s = of(measure, strategy, stage);
      return s === undefined ? [] : [{ strategy, year: s.year, value: s.median.map((v) => v / scale) }];
    });
    const panels: OverTimePanel[] = [
      { title: `What end users ${inHome} receive (median)`, unit: 't/week', lines: levels('consumption') },
      {
        title: `Difference from ${reference} in what they receive (mean of paired runs, 95% band for all ${unit}s)`, unit: 't/week', zeroRule: true,
        lines: alternatives.flatMap((strategy) => {
          const s = of('consumption', strategy);
          return s === undefined ? [] : [{ strategy, year: s.year, value: s.meanDifference, low: s.simultaneousCiLow, high: s.simultaneousCiHigh }];
        }),
      },
    ];
    // The quoted price first, then any other traded stage's the events strike or a strategy acts at (magnets under a magnet quota or stockpile).
    const prices = series.filter((s) => s.material === material && (s.measure === 'price' || s.measure === 'otherStagePrice') && s.strategy === reference);
    for (const { measure, stage } of prices) {
      const product = stage === 'manufacturing' ? `Price of ${stageProductNoun(material, stage)}` : `${capitalise(PRODUCT[stage] ?? stage)} price`;
      panels.push({ title: `${product} ${inHome} (median)`, unit: priceUnit, lines: levels(measure, divisor, stage) });
    }
    const stockpiles = levels('stockpile');
    if (stockpiles.some((line) => line.value.some((v) => v > 0))) panels.push({ title: `Government stockpile ${inHome}, refined and in components (median)`, unit: 't', lines: stockpiles });
    const id = `over-time-${material.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const title = `${name}: the strategies ${unit} by ${unit}`;
    html += `<h3>${escapeHtml(name)}</h3>\n<ul>${alternatives.map((strategy) => `<li>${describeWhen(of('consumption', strategy), consumption, strategy, reference, name, windowsOf(material), unit)}</li>`).join('')}</ul>\n`;
    html += await charts.add(id, createCompareOverTimeSpec({
      title, subtitle: describeMarks(homeName, name, windowsOf(material)), strategies, panels, eventWindows: windowsOf(material),
    }), {
      title,
      description: `Monthly medians of what end users ${inHome} receive of ${name}, its price and the government stockpile under ${strategies.join(', ')}, and each alternative's paired difference from ${reference}.`,
      caption: `${escapeHtml(name)}, ${unit} by ${unit}. Levels are medians over each strategy's runs; the difference panel is the mean of the paired differences with a 95% band for all ${unit}s at once.`,
    });
  }
  return html;
}

/**
 * When an alternative's end users clearly receive more or less than under the reference (months
 * whose 95% interval for all months at once excludes 0, so that chance alone calls no month clear in
 * 19 comparisons of 20): how many months, their first and last, the largest difference; then the
 * same count over the months the reference's events are in force.
 */
function describeWhen(alternative: OverTimeSeriesData | undefined, reference: OverTimeSeriesData, label: string, referenceLabel: string, name: string, windows: ReadonlyArray<{ start: number; end: number; openEnded?: boolean }>, unit: string): string {
  const head = `<strong>${escapeHtml(label)}</strong>: `;
  // An arm without the material (a scenario that drops it) has no runs with a value, not "no clear difference".
  if (alternative === undefined || alternative.runs.every((n) => !(n > 0))) return `${head}no values of ${escapeHtml(name)} (the scenario does not model it).`;
  const plural = (n: number): string => `${unit}${n === 1 ? '' : 's'}`;
  const month = (i: number): string => formatScenarioDate(0, monthStart(alternative.period[i]));
  const months = (sign: 1 | -1): number[] => alternative.meanDifference.flatMap((_, i) => ((sign === 1 ? alternative.simultaneousCiLow[i] > 0 : alternative.simultaneousCiHigh[i] < 0) ? [i] : []));
  const side = (sign: 1 | -1, first: boolean): string | undefined => {
    const clear = months(sign);
    if (clear.length === 0) return undefined;
    const largest = clear.reduce((a, b) => (sign * alternative.meanDifference[b] > sign * alternative.meanDifference[a] ? b : a));
    const d = alternative.meanDifference[largest];
    const share = reference.median[largest] > 0 ? `, ${formatPercent(Math.abs(d) / reference.median[largest])}${first ? " of the reference's median" : ''}` : '';
    const span = clear.length === 1 ? month(clear[0]) : `${month(clear[0])} – ${month(clear[clear.length - 1])}`;
    const count = first ? `${clear.length} of ${alternative.period.length} ${plural(alternative.period.length)}` : `${clear.length} ${plural(clear.length)}`;
    return `clearly ${sign === 1 ? 'more' : 'less'}${first ? ` ${name} than under ${referenceLabel}` : ''} in ${count} (${span}; the largest ${sign === 1 ? 'gain' : 'loss'} ${sign === 1 ? '+' : '−'}${formatNumber(Math.abs(d))} t/week in ${month(largest)}${share})`;
  };
  const more = side(1, true);
  const less = side(-1, more === undefined);
  if (more === undefined && less === undefined) return `${head}end users receive no clearly different amount of ${escapeHtml(name)} than under ${escapeHtml(referenceLabel)} in any ${unit}.`;
  let text = `end users receive ${[more, less].filter((p) => p !== undefined).join(', and ')}.`;
  const during = alternative.period.flatMap((period, i) => (windows.some((w) => monthStart(period) >= w.start - 1e-9 && monthStart(period) < w.end - 1e-9) ? [i] : []));
  if (during.length > 0) {
    const count = (sign: 1 | -1): number => months(sign).filter((i) => during.includes(i)).length;
    text += ` While the reference's events on it are in force (${during.length} ${plural(during.length)}): more in ${count(1)}, less in ${count(-1)}.`;
  }
  return head + escapeHtml(text + describeWhenTonnes(alternative, windows));
}

/** The run's mean gain in tonnes split around the events (splitGainByWindow), in words; '' without events. */
function describeWhenTonnes(alternative: OverTimeSeriesData, windows: ReadonlyArray<{ start: number; end: number; openEnded?: boolean }>): string {
  const split = splitGainByWindow(alternative, windows);
  if (split === undefined) return '';
  const unit = chooseMassUnit([split.total, split.before, split.during, split.after]);
  // The periods actually counted, so a window ending mid-month names the month it includes.
  const span = split.firstDuring === undefined || split.lastDuring === undefined ? '' : ` (${formatScenarioDate(0, monthStart(split.firstDuring))} – ${formatScenarioDate(0, monthStart(split.lastDuring))})`;
  const middle = split.openEnded
    ? `while they are in force (from ${split.firstDuring === undefined ? formatScenarioDate(0, split.from) : formatScenarioDate(0, monthStart(split.firstDuring))} to the end of the run)`
    : `from their start to a year after their end${span}`;
  const shown = formatSplitFigures(split, unit);
  const parts = [
    ...(split.hasBefore && split.before !== 0 ? [`${shown.before} before the events`] : []),
    `${shown.during} ${middle}`,
    ...(split.hasAfter ? [shown.later] : []),
  ];
  // One part: the whole gain falls in it (before the events exactly 0, no time after them).
  if (parts.length === 1) return ` Over the run, ${shown.total} on average, all of it ${middle}.`;
  return ` Over the run, ${shown.total} on average: ${parts.join(', ')}.`;
}

/** An event window in calendar years, as planFanPanels gives it. */
type EventWindow = FanPanelPlan['eventWindows'][number];

/**
 * Per material, the windows of the reference's events on it that the over-time view marks and splits
 * a gain around (events in force from the run's start to its end mark nothing).
 *
 * @param overview - The reference scenario.
 * @returns Windows by material id.
 * @example
 * eventWindowsByMaterial(overview).get('ndpr'); // [{ start: 2026, end: 2027.5, … }, …]
 */
export function eventWindowsByMaterial(overview: ScenarioOverview): Map<string, EventWindow[]> {
  return new Map(planFanPanels(overview).map((plan) => [plan.materialId, plan.eventWindows.filter((w) => !w.throughout)]));
}

/** The chart's subtitle: the region, then a key to the event marks it draws (grey spans, dashed starts of open-ended events, dotted announcements). */
function describeMarks(homeName: string, name: string, windows: ReadonlyArray<{ announced?: number; openEnded?: boolean }>): string[] {
  const marks = [
    ...(windows.some((w) => w.openEnded !== true) ? [`grey: the reference's events on ${name} in force`] : []),
    ...(windows.some((w) => w.openEnded === true) ? ['dashed: start of an event lasting to the end of the run'] : []),
    ...(windows.some((w) => w.announced !== undefined) ? ['dotted: announced'] : []),
  ];
  return [homeName, ...(marks.length === 0 ? [] : [marks.join('; ')])];
}

/** What a period of over-time.csv is, from the weeks it covers: a month for weekly or finer ticks, else the tick's length. */
function periodWord(weeks: readonly number[]): string {
  const typical = [...weeks].sort((a, b) => a - b)[Math.floor(weeks.length / 2)] ?? NaN;
  if (typical <= 5) return 'month';
  if (Math.abs(typical - 13) < 0.5) return 'quarter';
  if (Math.abs(typical - 26) < 0.5) return 'half-year';
  if (Math.abs(typical - 52) < 0.5) return 'year';
  return 'period';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
