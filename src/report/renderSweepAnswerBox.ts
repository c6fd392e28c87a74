import { metricDirection } from '../compare/metricDirection.ts';
import { canonicalParameterValue } from '../sweep/canonicalParameterValue.ts';
import { describeMetricId } from './describeMetricId.ts';
import { eventSubjectOf } from './describeEventSubject.ts';
import { describeParameter, formatParameterValue, formatParameterValues, roundDrawnValues } from './describeParameter.ts';
import { describeSweepShape } from './describeSweepShape.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatQuantity } from './formatQuantity.ts';
import { formatShareOf } from './formatSharePercent.ts';
import { isSweepMetricComplete } from './isSweepMetricComplete.ts';
import { orderSweepPointsByValue } from './orderSweepPointsByValue.ts';
import { pickSweepMetric } from './pickSweepMetric.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import type { SweepRow, SweepTable } from './readSweepCsv.ts';
import type { Tornado, TornadoEntry } from './readTornadoJson.ts';

/** Swept keys that change the runs' horizon, step or calendar: a difference between their points is not an effect. */
const TIMING = new Set(['years', 'ticksPerYear', 'startYear']);

/**
 * What the answer box contrasts: two points (`flip`: the paired difference is read from `from`'s
 * difference to point 0, which is `to`, and negated), or no pair, with a sentence saying why.
 */
type Contrast = { heading: string; from: string; to: string; flip: boolean } | { heading: string; from?: undefined };

/**
 * The answer box at the top of a sweep report: for the sweep's metric (pickSweepMetric: sweep.json's
 * `metric`, i.e. `--metric` or the CLI's default; in older folders the tornado's, else the CLI's
 * default rule) and for the home government's policy
 * cost, a contrast between two design points, paired run by run, with its share of the first one's
 * level (under 0.01%: `<0.01%`); with one numeric parameter over 3 points or more, after the
 * metric's line, the shape across all of them (describeSweepShape: steps between neighbouring
 * values, where the clear gains end, an interior best); then the uncertain parameter that moves the metric most. Every
 * figure is one the section below shows (its sign turned when the contrast ends at point 0).
 *
 * Which two points (the outputs hold each point's paired difference from point 0 only, so the pair
 * must include point 0):
 * - one swept parameter (grid or Latin hypercube): its lowest value to its highest, in that direction
 *   whatever the design order (a one-range hypercube is written lowest first, createLhsPoints); when
 *   neither is point 0 (a grid typed out of order, a hypercube written before its points were sorted)
 *   the box says so and points to the table, as no paired figure for that pair exists; values that
 *   are not quantities (a mode) are contrasted first to last in grid order;
 * - several parameters in a full-factorial grid: corner to corner (every parameter from its first
 *   grid value to its last, together), said so;
 * - several parameters otherwise (a Latin hypercube): no pair is a contrast of anything, so none is
 *   given; the box points to the points table and the tornado.
 * When `years`, `ticksPerYear` or `startYear` takes two values, no contrast: the box says the points
 * run different horizons, steps or calendars, so their difference is not an effect (docs/commands.md, `sweep`).
 * Values of a Latin hypercube are written to the digits that keep them apart (roundDrawnValues).
 * '' without two or more points, or without the paired differences a contrast needs.
 *
 * @param sweep - The grid (sweep.csv/sweep.json), or undefined.
 * @param tornados - tornado.json, or undefined.
 * @param overview - The swept scenario, or undefined.
 * @param materialName - Maps material ids to names.
 * @returns HTML, or ''.
 * @example
 * renderSweepAnswerBox(sweep, tornados, overview, name);
 * // '<div class="answer" …>… From the lowest value of … (0%) to the highest (60%), over 3 points: … −1,670 t, 0.24% of 705,000 t (95% CI …)'
 */
export function renderSweepAnswerBox(sweep: SweepTable | undefined, tornados: readonly Tornado[] | undefined, overview: ScenarioOverview | undefined, materialName: (id: string) => string): string {
  if (sweep === undefined || overview === undefined) return '';
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  // Outputs written before the paired differences existed: nothing the box could say is paired.
  if (points.length < 2 || !sweep.rows.some((r) => r.vsFirstPoint !== undefined)) return '';
  const home = overview.homeRegion;
  const metric = pickSweepMetric(sweep, tornados, overview);
  const row = (id: string, point: string): SweepRow | undefined => sweep.rows.find((r) => r.metric === id && r.point === point);
  const valueAt = (point: string, p: string): number | string => row(sweep.rows[0].metric, point)?.parameters[p] ?? '';
  // Hypercube draws (six significant digits) to the digits that keep them apart, as the section writes them.
  const drawn = new Map(sweep.parameters.map((p) => {
    const values = [...new Set(points.map((point) => valueAt(point, p)))];
    const rounded = sweep.lhs === true ? roundDrawnValues(values) : values;
    return [p, new Map(values.map((v, i) => [v, rounded[i]]))] as const;
  }));
  const shownAt = (point: string, p: string): number | string => drawn.get(p)?.get(valueAt(point, p)) ?? valueAt(point, p);
  // An event's parameter by what the event acts on, not its id alone (describeEventSubject).
  const subjects = eventSubjectOf(overview);
  const contrast = chooseContrast(sweep.parameters, points, valueAt, overview.startYear, materialName, shownAt, subjects);
  if (contrast === undefined) return '';
  // A swept horizon, step or start year: the difference compares runs of different lengths or calendars, not an effect (docs/commands.md, `sweep`).
  const timing = sweep.parameters.filter((p) => TIMING.has(p) && new Set(points.map((point) => String(valueAt(point, p)))).size > 1);
  if (timing.length > 0) {
    const what = timing.map((p) => `${describeParameter(p, materialName, subjects)} (${[...new Set(points.map((point) => formatParameterValue(p, valueAt(point, p), overview.startYear)))].join(', ')})`).join(' and ');
    return '<div class="answer" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>' +
      `<p>${escapeHtml(`This sweep varies ${what}: its points run different horizons, steps or calendars, so their differences (cumulative totals over more or fewer years, for one) compare different runs, not the effect of a parameter, and are not summarised here. Each point's results: the table under Sensitivity.`)}</p>` +
      '<p class="note">A model under its stated assumptions, not forecasts. Every point and its intervals: <a href="#sensitivity">Sensitivity</a>.</p></div>\n';
  }
  const lines = contrast.from === undefined ? [] : [metric, `policyCost.${home}`].flatMap((id) => {
    if (id === undefined) return [];
    const [a, b] = [row(id, contrast.from), row(id, contrast.to)];
    // The outputs pair every point with point 0: with `flip`, point 0 is the end of the contrast.
    const paired = contrast.flip ? a?.vsFirstPoint : b?.vsFirstPoint;
    if (a === undefined || paired === undefined) return [];
    const d = contrast.flip ? { meanDifference: -paired.meanDifference, ciLow: -paired.ciHigh, ciHigh: -paired.ciLow } : paired;
    const unit = sweep.units?.[id] ?? (id.startsWith('policyCost') ? 'USD' : 't');
    const share = a.mean !== 0 && Number.isFinite(a.mean) ? `, ${formatShareOf(Math.abs(d.meanDifference / a.mean), formatQuantity(a.mean, unit))}` : '';
    if (d.meanDifference === 0 && d.ciLow === 0 && d.ciHigh === 0) return [`${describeMetricId(id, materialName)}: no change in any run (paired run by run)`];
    const clear = d.ciLow > 0 || d.ciHigh < 0 ? '' : ': not distinguishable from no change with these runs';
    const shown = formatDifferenceEstimateParts(d.meanDifference, d.ciLow, d.ciHigh, unit);
    return [`${describeMetricId(id, materialName)}: ${shown.mean}${share} (95% CI ${shown.low ?? 'n/a'} to ${shown.high ?? 'n/a'}, paired run by run)${clear}`];
  });
  // A contrast without its paired differences (outputs written before they existed) gives no box.
  if (contrast.from !== undefined && lines.length === 0) return '';
  // The shape across every point, not only the two ends (audit: a plateau or an interior best was hidden), after the metric's own line.
  const shape = metric === undefined || lines.length === 0 || !lines[0].startsWith(describeMetricId(metric, materialName)) ? ''
    : describeSweepShape(orderSweepPointsByValue(sweep, metric, overview.startYear, (r, p) => formatParameterValue(p, shownAt(r.point, p), overview.startYear)), points[0],
      isSweepMetricComplete(sweep, metric), metricDirection(metric.split('.')[0]), sweep.units?.[metric] ?? 't');
  if (shape !== '') lines.splice(1, 0, shape);
  // The tornado's metric is usually the box's own, named in full on its first line: referred back to, not named again mid-sentence.
  const named = metric !== undefined && lines.length > 0 && lines[0].startsWith(describeMetricId(metric, materialName));
  const tornado = tornados?.[0] === undefined ? '' : `<li>${escapeHtml(describeTornadoLeader(tornados[0], materialName, overview.startYear, named && tornados[0].metric === metric, subjects))}</li>`;
  const list = lines.length === 0 && tornado === '' ? '' : `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}${tornado}</ul>`;
  return '<div class="answer" id="answer" role="note" aria-label="Answer"><p class="answer-h"><strong>Answer</strong></p>' +
    `<p>${escapeHtml(contrast.heading)}</p>${list}` +
    '<p class="note">A model under its stated assumptions, not forecasts. Every point, its intervals and the other metrics: <a href="#sensitivity">Sensitivity</a>.</p></div>\n';
}

/**
 * Which uncertain parameter moves the tornado's metric most, said only as far as the runs show it:
 * none when every swing is 0; no clear one when the largest swing's own CI includes 0; else the
 * largest, with its change from its low value to its high (where tornado.json gives the swing's CI,
 * i.e. writes it signed), clearly more than the second or not (tornado.json's `leadOverNext`, paired
 * run by run; older files: the largest alone). With `shownAbove`, the metric is the one the box's
 * first line names: "the consumption above", not its full label again.
 */
function describeTornadoLeader(tornado: Tornado, materialName: (id: string) => string, startYear: number, shownAbove: boolean, subjects: (id: string) => string | undefined): string {
  const [top, next] = tornado.entries;
  const metric = shownAbove ? referBack(describeMetricId(tornado.metric, materialName)) : describeMetricId(tornado.metric, materialName);
  if (top === undefined) return '';
  const unchanged = top.swing === 0 && (top.ciLow === undefined || (top.ciLow === 0 && top.ciHigh === 0));
  // No tornado chart is drawn then (renderSweepSection says so under Sensitivity).
  if (unchanged) return `No uncertain parameter of the scenario moved ${metric} in any run (Sensitivity below).`;
  const name = describeParameter(top.parameter, materialName, subjects);
  if (top.ciLow !== undefined && top.ciHigh !== undefined && !(top.ciLow > 0 || top.ciHigh < 0)) {
    // Naming the largest of swings that are all noise sent a reader after it (user audit, session 28: NdPr demand growth for a cobalt question).
    return `No uncertain parameter's swing of ${metric} is clear of 0 with these runs (the tornado below).`;
  }
  // Its size, beside the sweep's own contrast above: whether the swept policy matters next to the scenario's uncertainties.
  const size = swingSize(top, tornado.unit, startYear);
  const lead = top.leadOverNext === undefined || next === undefined ? ' (the tornado below)'
    // Tested against the next-largest swing only (audit 25, L8): said so, not "more than every other".
    // Kept short: with the swing's size in the sentence, "the next-largest swing, that of" and the old interval clause ran past 45 words.
    : top.leadOverNext.ciLow > 0 ? `, clearly more than the next-largest, ${describeParameter(next.parameter, materialName, subjects)} (paired run by run; the tornado below)`
      : `, though not clearly more than the next-largest, ${describeParameter(next.parameter, materialName, subjects)} (the 95% CI of the two swings' paired difference includes 0; the tornado below)`;
  return `Of the scenario's uncertain parameters, ${name} moves ${metric} most${size}${lead}.`;
}

/**
 * `the consumption above` for `Consumption (received) · NdPr oxide · end use · US`: the label's
 * first part (its kind), lower-cased, without its parenthesis; the full label when that part is not
 * plain words (nothing to shorten safely).
 */
function referBack(label: string): string {
  const kind = label.split(' · ')[0].replace(/\s*\([^)]*\)/g, '');
  return label.includes(' · ') && /^[A-Z][a-z]*(?: [a-z]+)*$/.test(kind) ? `the ${kind.toLowerCase()} above` : label;
}

/**
 * ` (+18,800 t from 4.95%/yr to 9.05%/yr)`: the largest swing as the section words it (high value's
 * result less the low value's, rounded with its CI), '' for an older tornado.json without the CI,
 * whose swing was written unsigned.
 */
function swingSize(entry: TornadoEntry, unit: string, startYear: number): string {
  if (entry.ciLow === undefined || entry.ciHigh === undefined) return '';
  const [low, high] = formatParameterValues(entry.parameter, [entry.low, entry.high], startYear);
  return ` (${formatDifferenceEstimateParts(entry.swing, entry.ciLow, entry.ciHigh, unit).mean} from ${low} to ${high})`;
}

/**
 * The pair of points the box contrasts, and the sentence that introduces it (see renderSweepAnswerBox).
 * undefined when no parameter takes two values.
 */
function chooseContrast(
  parameters: readonly string[], points: readonly string[], valueAt: (point: string, p: string) => number | string,
  startYear: number, materialName: (id: string) => string, shownAt: (point: string, p: string) => number | string = valueAt,
  subjects: (id: string) => string | undefined = () => undefined,
): Contrast | undefined {
  const distinct = (p: string): number => new Set(points.map((point) => String(valueAt(point, p)))).size;
  const varying = parameters.filter((p) => distinct(p) > 1);
  const at = (point: string, ps: readonly string[]): string => ps.map((p) => `${describeParameter(p, materialName, subjects)} ${formatParameterValue(p, shownAt(point, p), startYear)}`).join(', ');
  const [first, last] = [points[0], points[points.length - 1]];
  const over = `over ${points.length} points`;
  if (varying.length === 0) return undefined;
  if (varying.length === 1) {
    const p = varying[0];
    const numbers = points.map((point) => {
      const v = valueAt(point, p);
      return typeof v === 'number' ? v : canonicalParameterValue(p, v, startYear).value ?? NaN;
    });
    if (!numbers.every(Number.isFinite)) {
      return { heading: `From the first value of ${describeParameter(p, materialName, subjects)} in the grid (${at(first, [p])}) to the last (${at(last, [p])}), ${over}:`, from: first, to: last, flip: false };
    }
    // The first point at the smallest and at the largest value.
    const low = points[numbers.indexOf(Math.min(...numbers))];
    const high = points[numbers.indexOf(Math.max(...numbers))];
    const value = (point: string): string => formatParameterValue(p, shownAt(point, p), startYear);
    const heading = `From the lowest value of ${describeParameter(p, materialName, subjects)} (${value(low)}) to the highest (${value(high)}), ${over}:`;
    if (low === first) return { heading, from: low, to: high, flip: false };
    if (high === first) return { heading, from: low, to: high, flip: true };
    return {
      heading: `The paired differences in these outputs are against the first design point (${at(first, [p])}), which is neither the lowest value of the parameter (${value(low)}) nor the highest (${value(high)}): no paired figure from the lowest to the highest exists here. Each point with its paired difference from the first: the points table under Sensitivity.`,
    };
  }
  const factorial = varying.reduce((product, p) => product * distinct(p), 1) === points.length;
  if (factorial) {
    return {
      heading: `From one corner of the grid (${at(first, varying)}) to the opposite corner (${at(last, varying)}), all ${varying.length} swept parameters changing together, ${over} (not the effect of any one of them: the grid under Sensitivity shows each):`,
      from: first, to: last, flip: false,
    };
  }
  return {
    heading: `The ${points.length} design points vary ${varying.length} parameters at once (a Latin hypercube): no two of them contrast one parameter, so no pair is singled out here. Each point with its paired difference from the first (an arbitrary draw): the points table under Sensitivity; each uncertain parameter's own effect: the tornado, where it ran.`,
  };
}
