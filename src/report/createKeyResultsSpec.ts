import { formatPercentChange } from './formatPercentChange.ts';
import type { TopLevelSpec } from 'vega-lite';
import type { ValueSummary } from '../stats/summarizeValues.ts';
import { INK } from './chartTheme.ts';
import { formatSignificantLabel } from './formatSignificantLabel.ts';
import { formatWeeks } from './formatWeeks.ts';

/** A paired change as a percentage of the value without the disruptions: mean and 95% CI. */
export interface PercentChange {
  mean: number;
  low: number;
  high: number;
}

/** One material's row of the key-results chart. */
export interface KeyResultRow {
  material: string;
  weeksShort: ValueSummary;
  peakMultiple: ValueSummary;
  /**
   * Peaks of the other traded stages the material's events strike, by product (`magnets`), drawn in
   * the price panel under the quoted one: a magnet quota's damage shows in the magnet price (audit 24, H1).
   */
  otherPeaks?: Array<{ product: string; peak: ValueSummary }>;
  /** The quoted price's product (`refined`), written before its value when the row has `otherPeaks`. */
  quotedProduct?: string;
  /** End users' consumption caused by the disruptions, % (from impact.json); absent without it. */
  consumptionChange?: PercentChange;
}

/**
 * Two dot-and-range panels, one row per material: weeks the home region's end users are short
 * (left out, with a line in the subtitle, when no run has a short week for any material),
 * and the peak price multiple outside the foreign actor's region. Each shows the 90% range of
 * runs (thin line), the middle 50% (thick bar) and the median (dot, with its value written out),
 * so the chart reads without colour. A row with `otherPeaks` draws each below the quoted price as a
 * hollow diamond and a lighter range, both values labelled with their product. With impact.json a third panel gives the change in end users'
 * consumption that the disruptions cause (paired runs: mean as a dot, 95% CI as a line, 0 marked),
 * the loss that price rationing hides from the weeks short.
 *
 * @param rows - Materials in display order.
 * @param weeksTitle - Title of the left panel.
 * @param peakTitle - Title of the right panel.
 * @param withTails - Draw the 90% ranges (false when too few runs stand behind the 5% and 95% tails).
 * @param consumptionTitle - Title of the consumption panel (drawn when a row has `consumptionChange`).
 * @returns A vega-lite spec with inline data.
 * @example
 * createKeyResultsSpec(rows, 'Weeks short: end users in the US', 'Peak refined price outside China');
 */
export function createKeyResultsSpec(rows: readonly KeyResultRow[], weeksTitle: string, peakTitle: string, withTails = true, consumptionTitle = 'Consumption caused by the disruptions'): TopLevelSpec {
  const order = rows.map((r) => r.material);
  const changes = rows.flatMap((r) => (r.consumptionChange === undefined || !Number.isFinite(r.consumptionChange.mean) ? [] : [{ material: r.material, ...r.consumptionChange }]));
  // A weeks panel of zeros in every run took a third of the headline chart and read as "no harm" beside an 8% loss (user audit, session 20): left out, and the subtitle says why.
  const anyShort = rows.some((r) => r.weeksShort.n > 0 && r.weeksShort.max > 0);
  // What dot and number are (median, or mean with its CI in the last panel) is said under each panel's axis.
  const subtitle = withTails ? 'thin line: 90% of runs · thick bar: middle 50% of runs' : 'thick bar: middle 50% of runs (too few runs for 90% ranges)';
  // Rows with a second product's marks need room below the first's.
  const step = rows.some((r) => (r.otherPeaks?.length ?? 0) > 0) ? 34 : 22;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The last panel is a paired change (mean and 95% CI), not a spread of runs: its axis says so.
    title: { text: 'Key results by material', subtitle: anyShort ? subtitle : [subtitle, 'weeks short not drawn: 0 for every material in every run'] },
    hconcat: [
      ...(anyShort ? [createDotRange(rows.map((r) => ({ material: r.material, ...r.weeksShort })), order, weeksTitle, ['weeks', MEDIAN_NOTE], withTails, true, true, [], step)] : []),
      // Later panels leave out the material names: the rows line up with the first panel's.
      createDotRange(rows.map((r) => ({ material: r.material, ...r.peakMultiple, ...labelPrefix(r) })), order, peakTitle, ['× starting price', MEDIAN_NOTE], withTails, !anyShort, false, otherPeakValues(rows), step),
      ...(changes.length > 0 ? [createMeanCi(changes, order, consumptionTitle, step)] : []),
    ],
    spacing: 20,
  } as unknown as TopLevelSpec;
}

/**
 * Said under the spread panels' axes: their numbers are medians of runs, while the table under the
 * chart gives means and the last panel's numbers are means; the subtitle alone left that to be looked up.
 * A second line of the axis title, so the chart stays as wide as before (under the page's 920 px).
 */
const MEDIAN_NOTE = 'dot and number: median';

/** The materials' axis: names on the first panel only; the axis sits a few pixels left of zero so dots at zero stay visible. */
function materialAxis(order: string[], names: boolean): Record<string, unknown> {
  return { field: 'material', type: 'nominal', sort: order, title: null, axis: names ? { labelLimit: 280, offset: 7 } : { labels: false, offset: 7 } };
}

/**
 * A value axis for a panel 130-150 px wide: about three ticks, so labels never run into each other;
 * counts (weeks) get whole-number ticks, and a panel whose values are all 0 gets `whenAllZero` as its
 * domain (vega would otherwise make a zero-width scale labelled `0.000000`).
 */
function valueAxis(title: string | string[], values: readonly number[], counts: boolean, whenAllZero: [number, number] = [0, 1]): Record<string, unknown> {
  const allZero = values.every((v) => v === 0);
  // A count's axis spans at least one: a 95th percentile of 0.15 weeks (one run in 40 short) filled the whole panel of a 0–0.15 axis.
  const largest = Math.max(0, ...values);
  return {
    type: 'quantitative', title,
    scale: allZero ? { domain: whenAllZero } : counts && largest < 1 ? { domain: [0, 1] } : { zero: true },
    axis: { tickCount: 3, labelOverlap: true, ...(counts ? { format: 'd', tickMinStep: 1 } : {}) },
  };
}

/** A dot-range panel's row: the material, its spread and the text before its value (`refined `). */
type DotRangeValue = { material: string; prefix?: string } & ValueSummary;

/** The quoted product's name before its value, on rows that also draw another product's peak. */
function labelPrefix(row: KeyResultRow): { prefix?: string } {
  return (row.otherPeaks?.length ?? 0) > 0 && row.quotedProduct !== undefined ? { prefix: `${row.quotedProduct} ` } : {};
}

/** Every row's other-product peaks, as dot-range values labelled with their product. */
function otherPeakValues(rows: readonly KeyResultRow[]): DotRangeValue[] {
  return rows.flatMap((r) => (r.otherPeaks ?? []).map(({ product, peak }) => ({ material: r.material, prefix: `${product} `, ...peak })));
}

function createDotRange(values: DotRangeValue[], order: string[], title: string, unit: string | string[], withTails: boolean, names: boolean, counts: boolean, below: DotRangeValue[] = [], step = 22): Record<string, unknown> {
  // Weeks are labelled as the text writes them (formatWeeks: "32", not the interpolated median "31.5" beside "median 32 weeks"; audit 24, M6).
  const toRow = (v: DotRangeValue, lower: boolean) => ({ material: v.material, p5: v.p5, p25: v.p25, p50: v.p50, p75: v.p75, p95: v.p95, lower, label: (v.prefix ?? '') + (counts ? formatWeeksLabel(v.p50) : formatSignificantLabel(v.p50)) });
  const rows = [...values.filter((v) => v.n > 0).map((v) => toRow(v, false)), ...below.filter((v) => v.n > 0).map((v) => toRow(v, true))];
  const y = materialAxis(order, names);
  const spanned = rows.flatMap((v) => [withTails ? v.p5 : v.p25, withTails ? v.p95 : v.p75, v.p50]).filter(Number.isFinite);
  const x = valueAxis(unit, spanned, counts);
  const defined = rows.map((v) => ({ ...v, align: labelSide(v.p50, spanned) }));
  // The quoted product's marks sit on the row's line; another product's (a magnet price under a magnet quota) 11 px under them,
  // as a hollow diamond with a lighter range, so the two read apart without colour.
  const marksOf = (lower: boolean): Array<Record<string, unknown>> => {
    // The quoted product's layers are always drawn (a panel of no layers breaks vega's layout), a lower product's only when there is one.
    if (lower && !defined.some((v) => v.lower)) return [];
    const only = [{ filter: `${lower ? '' : '!'}datum.lower` }];
    const yOffset = lower ? 11 : 0;
    return [
      ...(withTails ? [{ transform: only, mark: { type: 'rule', color: INK, strokeWidth: 1.2, yOffset, ...(lower ? { strokeDash: [3, 2] } : {}) }, encoding: { y, x: { ...x, field: 'p5' }, x2: { field: 'p95' } } }] : []),
      { transform: only, mark: { type: 'bar', color: INK, opacity: lower ? 0.25 : 0.45, height: lower ? 6 : 9, yOffset }, encoding: { y, x: { ...x, field: 'p25' }, x2: { field: 'p75' } } },
      { transform: only, mark: lower ? { type: 'point', shape: 'diamond', filled: false, color: INK, strokeWidth: 1.5, size: 50, opacity: 1, yOffset } : { type: 'point', filled: true, color: INK, size: 45, opacity: 1 }, encoding: { y, x: { ...x, field: 'p50' } } },
      // A lower product's label sits level with its range, so it starts past the range's end, not at the diamond.
      ...valueLabels(y, x, lower ? { left: withTails ? 'p95' : 'p75', right: withTails ? 'p5' : 'p25' } : 'p50', only, lower),
    ];
  };
  return {
    title: { text: title, fontSize: 11.5 },
    width: 130, height: { step },
    data: { values: defined },
    layer: [...marksOf(false), ...marksOf(true)],
  };
}

/** Mean (dot, value written out) and 95% CI (line) per material, with a rule at 0: paired changes, not spreads of runs. */
function createMeanCi(values: Array<{ material: string } & PercentChange>, order: string[], title: string, step: number): Record<string, unknown> {
  const rows = values.map((v) => ({ ...v, low: Number.isFinite(v.low) ? v.low : v.mean, high: Number.isFinite(v.high) ? v.high : v.mean, label: formatPercentChange(v.mean) }));
  const y = materialAxis(order, false);
  const spanned = rows.flatMap((v) => [v.low, v.high, 0]).filter(Number.isFinite);
  const x = valueAxis(['% vs. without them', 'dot and number: mean · line: 95% CI'], spanned, false, [-1, 1]);
  const data = rows.map((v) => ({ ...v, align: labelSide(v.mean, spanned) }));
  return {
    title: { text: title, fontSize: 11.5 },
    width: 150, height: { step },
    data: { values: data },
    layer: [
      { mark: { type: 'rule', color: '#888', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', color: INK, strokeWidth: 1.6 }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, color: INK, size: 45, opacity: 1 }, encoding: { y, x: { ...x, field: 'mean' } } },
      ...valueLabels(y, x, 'mean'),
    ],
  };
}

/**
 * Which side of its dot a value's label goes: right of it, except in the last 30% of the axis,
 * where a label on the right would run past the panel and widen the whole chart beyond its column.
 */
function labelSide(value: number, spanned: readonly number[]): 'left' | 'right' {
  const low = Math.min(0, ...spanned);
  const high = Math.max(0, ...spanned);
  return high > low && (value - low) / (high - low) > 0.7 ? 'right' : 'left';
}

/**
 * The value labels beside the dots, on the side `labelSide` chose for each row (`align`): above the
 * dot at `anchor`, or, for a lower product's diamond (`lower`), level with it, past the end of its
 * range on that side (`anchor` per side).
 */
function valueLabels(y: Record<string, unknown>, x: Record<string, unknown>, anchor: string | { left: string; right: string }, filters: ReadonlyArray<Record<string, unknown>> = [], lower = false): Array<Record<string, unknown>> {
  return (['left', 'right'] as const).map((align) => ({
    transform: [...filters, { filter: `datum.align === '${align}'` }],
    mark: { type: 'text', align, dx: align === 'left' ? 6 : -6, dy: -8, fontSize: 10.5, color: '#222', ...(lower ? { dx: align === 'left' ? 8 : -8, dy: 11, baseline: 'middle' } : {}) },
    encoding: { y, x: { ...x, field: typeof anchor === 'string' ? anchor : anchor[align] }, text: { field: 'label' } },
  }));
}


function formatWeeksLabel(value: number): string {
  return Number.isFinite(value) ? formatWeeks(value) : '';
}
