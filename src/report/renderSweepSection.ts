import { chartFileName } from './chartFileName.ts';
import type { ChartCollector } from './createChartCollector.ts';
import { createSweepSpec } from './createSweepSpec.ts';
import { createTornadoSpec, includesZero } from './createTornadoSpec.ts';
import { describeMetricId } from './describeMetricId.ts';
import { eventSubjectOf } from './describeEventSubject.ts';
import { describeParameter, formatParameterValue, formatParameterValues, roundDrawnValues } from './describeParameter.ts';
import { canonicalParameterValue, canonicalUnitOf } from '../sweep/canonicalParameterValue.ts';
import { renderTable } from './renderTable.ts';
import { describeCrossMaterialSwing } from './describeCrossMaterialSwing.ts';
import { describeUntouchedMaterial } from './describeUntouchedMaterial.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatNumber } from './formatNumber.ts';
import { formatLevelsAlike } from './formatLevelsAlike.ts';
import { formatLevelPair } from './formatLevelPair.ts';
import { formatQuantity, formatSignedQuantity } from './formatQuantity.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatEstimateInUnit } from './formatEstimateInUnit.ts';
import { formatShareOf } from './formatSharePercent.ts';
import { pickHeadlineMetrics } from './pickHeadlineMetrics.ts';
import { pickSweepMetric } from './pickSweepMetric.ts';
import { describePairedDifferences, hasPairedDifferences, renderSweepDifferences } from './renderSweepDifferences.ts';
import { renderSweepStepTable } from './renderSweepStepTable.ts';
import { orderSweepPointsByValue } from './orderSweepPointsByValue.ts';
import { isSweepMetricComplete } from './isSweepMetricComplete.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import type { SweepRow, SweepTable } from './readSweepCsv.ts';
import type { Tornado, TornadoEntry } from './readTornadoJson.ts';

/** A parameter's value in words (formatParameterValue with the scenario's start year). */
type ValueFormat = (parameter: string, value: number | string) => string;

/**
 * Words for the values each parameter takes, labelled together (formatParameterValues: event times
 * to the day when two fall in the same month; with `drawn`, a hypercube's values rounded to the
 * fewest digits that keep them apart, roundDrawnValues); other values alone.
 */
function valueFormat(levels: ReadonlyMap<string, readonly (number | string)[]>, startYear: number | undefined, drawn: (parameter: string) => boolean = () => false): ValueFormat {
  const labels = new Map([...levels].map(([parameter, values]) => {
    const distinct = [...new Set(values)];
    // Hypercube draws (six significant digits) to the digits that keep them apart (8.44 kt/yr, not 8.43557 kt/yr); grid values as typed.
    const texts = formatParameterValues(parameter, drawn(parameter) ? roundDrawnValues(distinct) : distinct, startYear);
    return [parameter, new Map(distinct.map((value, i) => [value, texts[i]]))] as const;
  }));
  return (parameter, value) => labels.get(parameter)?.get(value) ?? formatParameterValue(parameter, value, startYear);
}

const MAX_TORNADOS = 3;
const MAX_GRID_METRICS = 6;
const MAX_SLICES = 4;

/**
 * "Sensitivity": tornado charts (which parameters move the result most, in words and with values
 * in their units; parameters without effect named; when none moves the metric, a plain note instead
 * of the chart, naming the materials the events act on if the metric's is not one) and the sweep grid for the metrics that matter:
 * the tornado's metric and the home region's headline metrics (weeks short, unmet demand, peak
 * price of each targeted material, policy cost), duplicates and metrics that never change left
 * out of the charts but named. Heat maps are shaded from 0; CIs of quantities that cannot be
 * negative are clipped at 0; a note says when the grid points are inside each other's CIs and
 * which swept parameters changed nothing. Where the outputs carry each point's paired difference
 * from the first point (run by run, same random draws), each drawn metric also gets a table of the
 * points with it, a sentence on how many differ clearly, and for one swept parameter a chart of it.
 *
 * @param sweep - The grid from `sweep.csv`/`sweep.json`, or undefined.
 * @param tornados - From `tornado.json`, or undefined.
 * @param overview - The swept scenario (home region, targeted materials), or undefined.
 * @param materialName - Maps material ids to names.
 * @param charts - Collects the charts.
 * @returns The section's HTML.
 * @example
 * html += await renderSweepSection(sweep, tornados, overview, (id) => id, charts);
 */
export async function renderSweepSection(
  sweep: SweepTable | undefined,
  tornados: readonly Tornado[] | undefined,
  overview: ScenarioOverview | undefined,
  materialName: (id: string) => string,
  charts: ChartCollector,
): Promise<string> {
  let html = '';
  // Why there is no tornado, where sweep.json says (the CLI said it on stderr only).
  if ((tornados ?? []).length === 0 && sweep?.tornado === 'off') html += '<p class="note">No tornado chart: it was turned off (<code>--no-tornado</code>), so the scenario\'s uncertain parameters were not swung one at a time.</p>\n';
  if ((tornados ?? []).length === 0 && sweep?.tornado === 'noUncertainParameters') html += '<p class="note">No tornado chart: the scenario declares no uncertain parameters (<code>uncertainties</code>), so there was nothing to swing one at a time.</p>\n';
  for (const [index, tornado] of (tornados ?? []).slice(0, MAX_TORNADOS).entries()) html += await renderTornado(tornado, index, overview, materialName, charts);
  if (sweep !== undefined) html += await renderGrids(sweep, tornados, overview, materialName, charts);
  return html === '' ? '<p>No sweep results in this folder.</p>\n' : html;
}

async function renderTornado(tornado: Tornado, index: number, overview: ScenarioOverview | undefined, materialName: (id: string) => string, charts: ChartCollector): Promise<string> {
  const title = tornado.metric === '' ? 'Which parameters move the result most' : describeMetricId(tornado.metric, materialName);
  const name = (p: string): string => describeParameter(p, materialName, eventSubjectOf(overview));
  const level = valueFormat(new Map(tornado.entries.map((e) => [e.parameter, [e.low, e.high]])), overview?.startYear);
  const top = tornado.entries[0];
  const idle = tornado.entries.filter((e) => e.outputLow === e.outputHigh && (!Number.isFinite(tornado.base) || e.outputLow === tornado.base));
  if (idle.length === tornado.entries.length) return describeIdleTornado(tornado, title, overview, materialName);
  let html = `<p>${escapeHtml(title)}: the largest swing comes from <strong>${escapeHtml(name(top.parameter))}</strong>: ` +
    `${escapeHtml(describeSwing(top, tornado.unit, level, tornado.base))}` +
    (includesZero(top) ? '' : `${escapeHtml(prefixSpace(describeCrossMaterialSwing(top.parameter, tornado.metric, (overview?.materials ?? []).map((m) => m.id), materialName)))}`) +
    (idle.length > 0 ? ` ${escapeHtml(idle.map((e) => name(e.parameter)).join('; '))}: no effect on this metric over ${idle.length === 1 ? 'its' : 'their'} range (the same result at both ends in every run).` : '') + '</p>\n';
  const uncertain = tornado.entries.filter(includesZero);
  html += await charts.add(`tornado-${index + 1}`, createTornadoSpec(tornado, title, {
    parameter: name, level, axisTitle: `${title}${tornado.unit ? ` (${tornado.unit})` : ''}`,
  }), {
    title: `Tornado chart: ${title}`,
    description: tornado.entries.map((e) => `${name(e.parameter)}: ${formatNumber(e.outputLow)} to ${formatNumber(e.outputHigh)}${includesZero(e) ? ' (95% CI of the swing includes 0)' : ''}`).join('; '),
    caption: 'Parameters ranked by how far the result moves between their low and high values (5th and 95th percentiles of their uncertainty; min and max for discrete ones), the others at their nominal values.' +
      (uncertain.length === 0 ? '' : ` ${escapeHtml(`Faded bars with a dashed outline (${uncertain.length} of ${tornado.entries.length}: ${uncertain.map((e) => name(e.parameter)).join('; ')}): the 95% CI of the swing includes 0, so with these runs their effect is not distinguishable from none.`)}`),
  });
  return html;
}

/**
 * The top bar's swing in words: the change from the low to the high value (paired, run by run) with
 * its 95% CI where tornado.json gives one, then the two levels with digits enough to differ.
 */
function describeSwing(entry: TornadoEntry, unit: string, level: ValueFormat, base: number): string {
  const [atLow, atHigh] = formatLevelsAlike(entry.outputLow, entry.outputHigh, unit);
  // tornado.json's swing is high − low; older files wrote its size only.
  const change = Math.sign(entry.swing) === Math.sign(entry.outputHigh - entry.outputLow) ? entry.swing : entry.outputHigh - entry.outputLow;
  const values = `${level(entry.parameter, entry.low)} → ${level(entry.parameter, entry.high)}`;
  // The change and its interval rounded alike (older tornado.json files give no interval).
  const shown = formatDifferenceEstimateParts(change, entry.ciLow ?? NaN, entry.ciHigh ?? NaN, unit);
  const ci = shown.low === undefined ? '' : ` (95% CI ${shown.low} to ${shown.high}, paired run by run)`;
  const zero = includesZero(entry) ? ' The 95% CI includes 0: with these runs the effect is not distinguishable from none.' : '';
  // The chart's axis spans only the bars, so a swing of 0.07% fills it: its size against the result says how much it matters.
  const share = Number.isFinite(base) && base !== 0 ? Math.abs(change / base) : NaN;
  const relative = Number.isFinite(share) ? `, ${formatShareOf(share, 'the result at nominal values')}` : '';
  const small = share < 0.01 ? ' Every swing is under 1% of the result: over these ranges it barely depends on these parameters (the chart\'s axis spans only the bars).' : '';
  return `from its low to its high value (${values}) the result changes by ${shown.low === undefined ? formatSignedQuantity(change, unit) : shown.mean}${relative}${ci}, from ${atLow} to ${atHigh}.${zero}${small}`;
}

/** A sentence with a space before it, or ''. */
function prefixSpace(sentence: string): string {
  return sentence === '' ? '' : ` ${sentence}`;
}

/** A tornado where no parameter moved the metric: said plainly, with a hint when the events never touch its material; no chart. */
function describeIdleTornado(tornado: Tornado, title: string, overview: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  const value = formatQuantity(tornado.entries[0]?.outputLow ?? tornado.base, tornado.unit);
  const untouched = describeUntouchedMaterial(tornado.metric, overview, materialName);
  return `<p class="warning">${escapeHtml(title)}: <strong>no parameter moved this metric.</strong> ` +
    `${escapeHtml(`It is ${value} at the low and the high value of ${tornado.entries.length === 1 ? 'the one parameter' : `each of the ${tornado.entries.length} parameters`} (${tornado.entries.map((e) => describeParameter(e.parameter, materialName, eventSubjectOf(overview))).join('; ')}), so no tornado chart is drawn.`)}` +
    `${untouched === '' ? '' : ` ${escapeHtml(untouched).replace(/--metric (\S+)\.$/, '<code>--metric $1</code>.')}`}</p>\n`;
}

/** The sweep's own metric (pickSweepMetric), then the tornado metrics, then the home headline metrics: each only once, only if in the grid. */
function pickGridMetrics(sweep: SweepTable, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined): string[] {
  const available = new Set(sweep.rows.map((r) => r.metric));
  const headline = pickHeadlineMetrics(overview, available).map((m) => m.id);
  const own = pickSweepMetric(sweep, tornados, overview);
  return [...new Set([...(own === undefined ? [] : [own]), ...(tornados ?? []).map((t) => t.metric), ...headline])].filter((m) => available.has(m));
}

async function renderGrids(sweep: SweepTable, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined, materialName: (id: string) => string, charts: ChartCollector): Promise<string> {
  const [xParameter, yParameter = ''] = sweep.parameters;
  const pointCount = new Set(sweep.rows.map((r) => r.point)).size;
  const startYear = overview?.startYear ?? NaN;
  // A Latin hypercube (or any design that is not a full grid): points placed by their values on numeric axes, not as a grid of categories.
  const axes = isScattered(sweep) ? numericAxes(sweep, startYear) : undefined;
  const others = axes === undefined ? sweep.parameters.slice(2) : [];
  const name = (p: string): string => describeParameter(p, materialName, eventSubjectOf(overview));
  const isDrawn = (p: string): boolean => (sweep.drawnParameters === undefined ? sweep.lhs === true : sweep.drawnParameters.includes(p));
  const value = valueFormat(new Map(sweep.parameters.map((p) => [p, sweep.rows.map((r) => r.parameters[p])])), overview?.startYear, isDrawn);
  const listed = (parameters: readonly string[]): string => parameters.map((p) => `${escapeHtml(name(p))} (<code>${escapeHtml(p)}</code>)`).join(' and ');
  const over = listed(sweep.parameters);
  const gridParameters = sweep.parameters.filter((p) => !isDrawn(p));
  const drawnParameters = sweep.parameters.filter(isDrawn);
  const placed = `so the charts place each point by its values${sweep.parameters.length > 2 ? ` of the first two (the others are in the table and sweep-points.csv)` : ''}`;
  let html = !isScattered(sweep)
    ? `<p>The sweep ran ${pointCount === 1 ? 'one grid point' : `${pointCount} grid points`} over ${over}.</p>\n`
    : gridParameters.length > 0 && drawnParameters.length > 0
      // A grid crossed with a hypercube: the grid's values are the same at each of its points (review 25, M1).
      ? `<p>The sweep ran ${pointCount} design points: each grid value of ${listed(gridParameters)} crossed with a Latin hypercube over ${listed(drawnParameters)}, whose values are drawn afresh for each point, ${placed}.</p>\n`
      : `<p>The sweep ran ${pointCount} design points of a Latin hypercube over ${over}: every point draws ${sweep.parameters.length === 1 ? 'its value' : sweep.parameters.length === 2 ? 'both parameters' : `all ${sweep.parameters.length} parameters`} afresh, ${placed}.</p>\n`;
  if (sweep.parameters.includes('years') && overview !== undefined) {
    // "The scenario at a glance" describes the scenario file, whose horizon no point may have run.
    const years = [...new Set(sweep.rows.map((r) => r.parameters.years))];
    html += `<p class="note">${escapeHtml(`The points ran horizons of ${years.map((y) => formatParameterValue('years', y)).join(', ').replace(/, ([^,]*)$/, ' and $1')}; "The scenario at a glance" gives the scenario file's own (${formatParameterValue('years', overview.years)}), which ${years.some((y) => Number(y) === overview.years) ? 'is one of them' : 'no point ran'}.`)}</p>\n`;
  }
  if (pointCount === 1) return html + renderOnePoint(sweep, tornados, overview, materialName);
  html += renderIdleParameters(sweep, name, value);
  const seen: string[] = [];
  const constant: string[] = [];
  let drawn = 0;
  for (const metric of pickGridMetrics(sweep, tornados, overview)) {
    const rows = sweep.rows.filter((r) => r.metric === metric);
    // On the raw values: means equal to three digits (828,000 t at every point) can still differ clearly run by run.
    const means = rows.map((r) => String(r.mean)).join('|');
    if (isConstant(rows)) { constant.push(`${describeMetricId(metric, materialName)} (${formatQuantity(rows[0]?.mean ?? NaN, sweep.units?.[metric] ?? '')})`); continue; }
    if (seen.includes(means) || drawn >= MAX_GRID_METRICS) continue;
    seen.push(means);
    drawn += 1;
    const sliceOf = (r: SweepRow): string => others.map((o) => `${name(o)} = ${value(o, r.parameters[o])}`).join(', ');
    const slices = [...new Set(rows.map(sliceOf))].slice(0, MAX_SLICES);
    for (const [index, slice] of slices.entries()) {
      const cells = rows.filter((r) => sliceOf(r) === slice);
      const title = describeMetricId(metric, materialName) + (slice === '' ? '' : ` (${slice})`);
      const idle = idleParameters(cells, sweep.parameters).map((p) => `${name(p)} (${levelsOf(cells, p, value)})`);
      const paired = describePairedDifferences(cells);
      html += `<p>${escapeHtml(extremes(title, cells, sweep.units?.[metric] ?? '', name, value, paired !== ''))}${paired === '' ? '' : ` ${escapeHtml(paired)}`}${idle.length === 0 ? '' : ` <strong>No effect of ${escapeHtml(idle.join(' or '))}:</strong> the same result at each of ${idle.length === 1 ? 'its' : 'their'} values.`}</p>\n`;
      const position = (p: string, r: SweepRow): number | string => (axes === undefined ? gridValue(cells, p, r, value) : axes.value(p, r));
      const axisTitle = (p: string): string => (axes === undefined || axes.unit(p) === '' ? name(p) : `${name(p)} (${axes.unit(p)})`);
      html += await charts.add(`sweep-${chartFileName(metric)}${slices.length > 1 ? `-${index + 1}` : ''}`, createSweepSpec({
        title, unit: sweep.units?.[metric] ?? '', xParameter, yParameter, nonNegative: cells.every((c) => c.mean >= 0), xTitle: axisTitle(xParameter), yTitle: yParameter === '' ? undefined : axisTitle(yParameter),
        scattered: axes !== undefined,
        cells: cells.map((r) => ({ x: position(xParameter, r), y: yParameter === '' ? '' : position(yParameter, r), mean: r.mean, ciLow: r.ciLow, ciHigh: r.ciHigh })),
      }), {
        title: `Sweep: ${title}`,
        description: `Mean of ${title} at each ${axes === undefined ? 'grid' : 'design'} point of ${[xParameter, yParameter].filter((p) => p !== '').map(name).join(' and ')}.`,
        caption: yParameter === '' ? `Mean over the runs at each ${axes === undefined ? 'grid' : 'design'} point, with its 95% confidence interval as a band; the axis is fitted to them and does not start at 0, so read the size of the differences off its scale.`
          : axes !== undefined ? 'Each design point at its values, shaded and labelled by its mean over the runs (lightest at the lowest mean, darkest at the highest: the shading does not start at 0); 95% confidence intervals in the table and sweep.csv.'
            : 'Mean over the runs at each grid point, shaded from 0 (95% confidence intervals in sweep.csv).',
      });
      html += await renderSweepDifferences({
        chartName: `sweep-difference-${chartFileName(metric)}${slices.length > 1 ? `-${index + 1}` : ''}`, title, cells, parameters: sweep.parameters,
        unit: sweep.units?.[metric] ?? '', name, value, xValue: (r) => position(xParameter, r), xTitle: axisTitle(xParameter),
      }, charts);
      // One swept parameter: each step to the next value, which the table against point 0 leaves to subtraction.
      if (slice === '' && hasPairedDifferences(cells)) {
        const ordered = orderSweepPointsByValue(sweep, metric, startYear, (r, p) => value(p, r.parameters[p]));
        html += renderSweepStepTable(ordered, sweep.rows[0].point, isSweepMetricComplete(sweep, metric), sweep.units?.[metric] ?? '');
      }
    }
  }
  if (constant.length > 0) html += `<p>The same at every grid point, so not drawn: ${escapeHtml(constant.join('; '))}.</p>\n`;
  return html;
}

/**
 * A design that is not a grid of categories: a Latin hypercube (sweep.json says so), or, in a
 * folder that does not say, several parameters whose points are not their full grid.
 */
function isScattered(sweep: SweepTable): boolean {
  if (sweep.lhs !== undefined) return sweep.lhs;
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  const varying = sweep.parameters.filter((p) => new Set(sweep.rows.map((r) => String(r.parameters[p]))).size > 1);
  const cells = varying.reduce((product, p) => product * new Set(sweep.rows.map((r) => String(r.parameters[p]))).size, 1);
  return varying.length > 1 && cells !== points.length;
}

/** The time a rate-like key is per (`growthPerYear` → `/yr`), for the unit of an axis of percentages. */
function perOf(parameter: string): string {
  const match = /Per(Year|Tick|Week|Month|Day)$/.exec(parameter);
  return match === null ? '' : ({ Year: '/yr', Tick: '/tick', Week: '/week', Month: '/month', Day: '/day' } as Record<string, string>)[match[1]];
}

/**
 * Each point's value of each parameter as a number for a numeric axis (shares as percentages,
 * other quantities in their key's canonical unit), with the axis unit; undefined when a value is
 * not a quantity (a mode), which keeps the categorical grid.
 */
function numericAxes(sweep: SweepTable, startYear: number): { value: (p: string, r: SweepRow) => number; unit: (p: string) => string } | undefined {
  const convert = (p: string, v: number | string): number | undefined => {
    const number = typeof v === 'number' ? v : canonicalParameterValue(p, v, startYear).value;
    return number === undefined ? undefined : canonicalUnitOf(p) === 'share' ? Number((number * 100).toPrecision(12)) : number;
  };
  if (!sweep.rows.every((r) => sweep.parameters.every((p) => convert(p, r.parameters[p]) !== undefined))) return undefined;
  return {
    value: (p, r) => convert(p, r.parameters[p]) ?? NaN,
    unit: (p) => {
      const unit = canonicalUnitOf(p);
      return unit === 'share' ? `%${perOf(p)}` : unit === 'yr since start' ? 'years after the start' : unit;
    },
  };
}

/**
 * A design of one point: nothing to compare. Says so, points to `run`, and gives the sweep's
 * metrics at that point (the ones the charts would show).
 */
function renderOnePoint(sweep: SweepTable, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  const rows = pickGridMetrics(sweep, tornados, overview).slice(0, MAX_GRID_METRICS).flatMap((metric) => {
    const r = sweep.rows.find((row) => row.metric === metric);
    if (r === undefined) return [];
    const floor = r.mean >= 0 ? 0 : -Infinity;
    const shown = formatEstimateInUnit(r.mean, Math.max(floor, r.ciLow), Math.max(floor, r.ciHigh), sweep.units?.[metric] ?? '');
    return [[describeMetricId(metric, materialName), `${shown.mean} (${shown.low} to ${shown.high})`]];
  });
  return '<p class="warning"><strong>One point: nothing to compare.</strong> A sweep compares design points; this one has a single point, ' +
    'so it shows no effect of anything. For the results of one setting, <code>crm-sim run</code> with <code>--set</code> gives the full report; ' +
    'to see an effect, give two or more values.</p>\n' +
    (rows.length === 0 ? '' : renderTable([{ header: 'Metric' }, { header: 'Mean (95% CI)', numeric: true }], rows, { caption: 'The sweep\'s metrics at its one point (all in sweep.csv).' }));
}

/** A grid point's value of a parameter in its unit (`4%/yr`) for a grid of a few values; as written for scattered designs (drawn on a numeric axis). */
function gridValue(cells: readonly SweepRow[], parameter: string, row: SweepRow, format: ValueFormat): number | string {
  const value = row.parameters[parameter];
  return new Set(cells.map((c) => c.parameters[parameter])).size > 12 ? value : format(parameter, value);
}

/**
 * A metric that is the same at every point: one mean (exactly, not to three digits) and no paired
 * difference from point 0 other than 0 with a CI of [0, 0].
 */
function isConstant(rows: readonly SweepRow[]): boolean {
  const d = (r: SweepRow) => r.vsFirstPoint;
  return new Set(rows.map((r) => r.mean)).size <= 1 && rows.every((r) => d(r) === undefined || (d(r)?.meanDifference === 0 && d(r)?.ciLow === 0 && d(r)?.ciHigh === 0));
}

/**
 * Swept parameters that change nothing in `rows`: each row equals every row that differs from it
 * only in that parameter, and some rows do (a Latin hypercube over several ranges, where no two
 * points share the other parameters' values, has no such contrast: nothing is said of it then).
 */
function idleParameters(rows: readonly SweepRow[], parameters: readonly string[]): string[] {
  return parameters.filter((parameter) => {
    const groups = new Map<string, { values: Set<string>; means: Set<number> }>();
    for (const r of rows) {
      const key = `${r.metric}|${parameters.filter((p) => p !== parameter).map((p) => String(r.parameters[p])).join('|')}`;
      const group = groups.get(key) ?? { values: new Set(), means: new Set() };
      group.values.add(String(r.parameters[parameter]));
      group.means.add(r.mean);
      groups.set(key, group);
    }
    const contrasts = [...groups.values()].filter((g) => g.values.size > 1);
    return contrasts.length > 0 && contrasts.every((g) => g.means.size === 1);
  });
}

/** The values a parameter took in the grid, in grid order. */
function levelsOf(rows: readonly SweepRow[], parameter: string, format: ValueFormat): string {
  return [...new Set(rows.map((r) => format(parameter, r.parameters[parameter])))].join(', ');
}

/** A warning naming the swept parameters that changed no reported metric at all. */
function renderIdleParameters(sweep: SweepTable, name: (p: string) => string, format: ValueFormat): string {
  const idle = idleParameters(sweep.rows, sweep.parameters);
  if (idle.length === 0) return '';
  return `<p class="warning"><strong>No effect:</strong> ${idle.map((p) => `changing ${escapeHtml(name(p))} (${escapeHtml(levelsOf(sweep.rows, p, format))})`).join('; ')} ` +
    'left every reported metric exactly the same. Check that the parameter acts in this scenario (for example, that another event does not bind first).</p>\n';
}

/** `paired`: a sentence on the paired differences follows, which says whether the points differ. */
function extremes(title: string, cells: readonly SweepRow[], unit: string, name: (p: string) => string, format: ValueFormat, paired: boolean): string {
  const defined = cells.filter((c) => Number.isFinite(c.mean));
  if (defined.length === 0) return `${title}: no defined values.`;
  const floor = defined.every((c) => c.mean >= 0) ? 0 : undefined;
  // One swept parameter: its value alone, as the chart's axis above names the parameter (its name, an event's
  // subject and id, twice in a line read as a wall: "at CN export quota on refined NdPr oxide (cnQuotaNdpr): quota share 20%").
  const at = (c: SweepRow): string => {
    const entries = Object.entries(c.parameters);
    return entries.length === 1 ? format(entries[0][0], entries[0][1]) : entries.map(([k, v]) => `${name(k)} ${format(k, v)}`).join(', ');
  };
  const low = defined.reduce((a, b) => (b.mean < a.mean ? b : a));
  const high = defined.reduce((a, b) => (b.mean > a.mean ? b : a));
  const overlap = Math.max(...defined.map((c) => c.ciLow)) <= Math.min(...defined.map((c) => c.ciHigh));
  // Each mean rounded alike with its interval (clipped at 0 for a quantity that cannot be negative), money as the tables write it (USD 269 million).
  const estimate = (c: SweepRow): string => {
    const shown = formatEstimateInUnit(c.mean, Math.max(floor ?? -Infinity, c.ciLow), Math.max(floor ?? -Infinity, c.ciHigh), unit);
    return `${shown.mean} (95% CI ${shown.low} to ${shown.high})`;
  };
  // Means whose gap three digits would hide or misstate (828,000 t twice; 829,000 and 830,000 t for 685 t) with the digits
  // their difference needs (formatLevelPair), without intervals that would round alike.
  const [lowText, highText] = formatLevelPair(low.mean, high.mean, unit);
  const close = lowText !== formatQuantity(low.mean, unit) || highText !== formatQuantity(high.mean, unit);
  return (close ? `${title}: lowest mean ${lowText} at ${at(low)}; highest ${highText} at ${at(high)} (with the digits their difference needs; each point's 95% CI is in sweep.csv${paired ? ' and the table below' : ''}).`
    : `${title}: lowest mean ${estimate(low)} at ${at(low)}; highest ${estimate(high)} at ${at(high)}.`) +
    (!overlap ? '' : paired ? ' The 95% CIs of all grid points overlap.'
      // Overlapping intervals do not show that the points are alike: a difference can be clear while they overlap (docs/statistics.md).
      : ' The 95% CIs of all grid points overlap, which does not by itself mean the points are alike: a real difference can be smaller than these intervals, and these outputs carry no paired differences between points that could show it.');
}
