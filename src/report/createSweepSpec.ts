import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { formatNumber } from './formatNumber.ts';
import { measureTextWidth } from './measureTextWidth.ts';
import { quantityAxis } from './quantityAxis.ts';

/** One grid point of a swept metric. */
export interface SweepCell {
  x: number | string;
  /** '' when only one parameter was swept. */
  y: number | string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

/** What one sweep chart shows. */
export interface SweepChartInput {
  title: string;
  unit: string;
  xParameter: string;
  /** '' for a one-parameter sweep (drawn as a line with its CI band). */
  yParameter: string;
  cells: SweepCell[];
  /** The metric cannot be negative (tonnes, weeks, prices, costs): CI ends are clipped at 0. */
  nonNegative?: boolean;
  /** Axis titles of the parameters (default: the last two parts of each path). */
  xTitle?: string;
  yTitle?: string;
  /**
   * The points are scattered (a Latin hypercube), not a grid: with two parameters a scatter plot
   * on numeric axes (x and y numbers), not a heat map of categories.
   */
  scattered?: boolean;
}

/**
 * The sweep of one metric over a grid: with two parameters a heat map (cells shaded by the mean,
 * darker = higher, the shading anchored at 0 so small differences look small, each cell labelled
 * with its value so it reads without colour); with one parameter
 * the mean as a line with points and its 95% CI as a band, on an axis fitted to them (not from 0); with scattered points (a Latin
 * hypercube, `scattered`, or more than 12 distinct values; numbers on both axes) a scatter plot at the points' values, shaded
 * from the lowest mean to the highest and labelled with it. Axis titles keep the last two parts of
 * each parameter path (the full paths are in the text beside the chart).
 *
 * @param input - Metric, parameters and cells.
 * @returns A vega-lite spec with inline data.
 * @example
 * createSweepSpec({ title: 'Weeks short', unit: 'weeks', xParameter: 'a', yParameter: 'b', cells });
 */
export function createSweepSpec(input: SweepChartInput): TopLevelSpec {
  const values = input.cells.filter((c) => Number.isFinite(c.mean))
    .map((c) => (input.nonNegative ? { ...c, ciLow: Math.max(0, c.ciLow), ciHigh: Math.max(0, c.ciHigh) } : c));
  const means = values.map((c) => c.mean);
  // Shading and axes start at 0, so a 3% difference looks like 3%, not like black against white.
  const domain = [Math.min(0, ...means), Math.max(0, ...means)];
  const subtitle = `mean per ${input.scattered === true ? 'design' : 'grid'} point${input.yParameter === '' ? ' with its 95% CI (band)' : ''}${input.unit ? `, ${input.unit}` : ''}${input.yParameter === '' ? '; axis not from 0' : `; shading from ${domain[0] < 0 ? formatNumber(domain[0]) : 0} to ${formatNumber(domain[1])}`}`;
  const header = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: input.title, subtitle } };
  if (input.yParameter === '') {
    // Values written with units (`30%`, `12 months`) are categories in their grid order.
    const numeric = values.every((c) => typeof c.x === 'number');
    const x = numeric ? { field: 'x', type: 'quantitative', title: input.xTitle ?? shortName(input.xParameter), scale: { zero: false } }
      : { field: 'x', type: 'ordinal', sort: [...new Set(values.map((c) => c.x))], title: input.xTitle ?? shortName(input.xParameter), axis: { labelAngle: 0 } };
    const ends = values.flatMap((c) => [c.mean, c.ciLow, c.ciHigh]).filter(Number.isFinite);
    const largest = Math.max(0, ...ends.map(Math.abs));
    // A level chart: the axis spans the means and their CIs, not 0, so the variation and the band show
    // (the difference chart beside it keeps 0); tick labels get digits enough to tell ticks apart.
    const y = { type: 'quantitative', title: input.unit || 'mean', scale: { zero: false }, axis: levelAxis(largest, Math.max(...ends) - Math.min(...ends)) };
    return { ...header, width: 420, height: 200, data: { values }, layer: [
      { mark: { type: 'area', color: INK, opacity: 0.25 }, encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' } } },
      { mark: { type: 'line', color: INK, point: { filled: true, color: INK } }, encoding: { x, y: { ...y, field: 'mean' } } },
    ] } as unknown as TopLevelSpec;
  }
  const numeric = values.every((c) => typeof c.x === 'number' && typeof c.y === 'number');
  if (numeric && (input.scattered === true || new Set(values.map((c) => c.x)).size > 12 || new Set(values.map((c) => c.y)).size > 12)) return createScatter(header, input, values);
  const [low, high] = domain;
  const labelled = values.map((c) => ({ ...c, label: formatNumber(c.mean), ink: high > low && (c.mean - low) / (high - low) > 0.55 ? 'white' : '#111' }));
  const sortValues = (key: 'x' | 'y') => [...new Set(values.map((c) => c[key]))].sort((a, b) => parseFloat(String(a)) - parseFloat(String(b)) || String(a).localeCompare(String(b)));
  return {
    ...header,
    // Rows tall enough for the rotated y-axis title to fit beside them.
    width: { step: 80 }, height: { step: Math.max(40, Math.ceil((measureTextWidth(input.yTitle ?? shortName(input.yParameter), 11, true) + 16) / Math.max(1, sortValues('y').length))) },
    data: { values: labelled },
    encoding: {
      x: { field: 'x', type: 'ordinal', sort: sortValues('x'), title: input.xTitle ?? shortName(input.xParameter), axis: { labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', sort: sortValues('y').reverse(), title: input.yTitle ?? shortName(input.yParameter) },
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white' }, encoding: { fill: { field: 'mean', type: 'quantitative', title: input.unit || 'mean', scale: { scheme: 'greys', domain, nice: false }, legend: { values: domain, format: ',.3~r', orient: 'right', gradientLength: Math.max(60, 40 * new Set(values.map((c) => c.y)).size) } } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'label' }, color: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  } as unknown as TopLevelSpec;
}

/** quantityAxis with as many significant digits as ticks over `span` near `largest` need (4 ticks). */
function levelAxis(largest: number, span: number): ReturnType<typeof quantityAxis> {
  const axis = quantityAxis(largest);
  if (!(span > 0) || !(largest > 0)) return axis;
  const digits = Math.min(12, Math.max(2, Math.floor(Math.log10(largest)) - Math.floor(Math.log10(span / 4)) + 1));
  return { ...axis, format: axis.format.replace(/\.\d+~/, `.${digits}~`) };
}

/** The last two parts of a dotted parameter path, short enough for an axis title. */
function shortName(path: string): string {
  return path.split('.').slice(-2).join('.');
}

/** Points labelled with their mean at most; beyond, the labels would cover each other. */
const MAX_LABELLED = 40;

/**
 * Scattered designs: one point per design point at its values (numeric axes, not from 0), shaded
 * from the lowest mean (light) to the highest (dark), so the contrast uses the whole scale, and, for
 * up to {@link MAX_LABELLED} points, labelled with its mean so it reads without colour.
 */
function createScatter(header: { title: { text: string; subtitle: string } }, input: SweepChartInput, values: SweepCell[]): TopLevelSpec {
  const means = values.map((c) => c.mean);
  const domain = [Math.min(...means), Math.max(...means)];
  const mean = { field: 'mean', type: 'quantitative', title: input.unit || 'mean' };
  const subtitle = `mean per design point${input.unit ? `, ${input.unit}` : ''}; shading from the lowest mean (${formatNumber(domain[0])}) to the highest (${formatNumber(domain[1])}), not from 0`;
  const x = { field: 'x', type: 'quantitative', title: input.xTitle ?? shortName(input.xParameter), scale: { zero: false, padding: 16 }, axis: { format: ',~r' } };
  const y = { field: 'y', type: 'quantitative', title: input.yTitle ?? shortName(input.yParameter), scale: { zero: false, padding: 16 }, axis: { format: ',~r' } };
  const labelled = values.map((c) => ({ ...c, label: formatNumber(c.mean) }));
  return {
    ...header, title: { ...header.title, subtitle }, width: 420, height: 260, data: { values: labelled },
    encoding: { x, y },
    layer: [
      { mark: { type: 'point', filled: true, size: 110, stroke: '#111', strokeWidth: 0.7, opacity: 1 },
        encoding: { color: { ...mean, scale: { domain: domain[0] < domain[1] ? domain : [domain[0] - 1, domain[0] + 1], range: ['#e6e6e6', '#111111'] }, legend: { format: ',.3~r', orient: 'right' } } } },
      ...(values.length > MAX_LABELLED ? [] : [{ mark: { type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 10, color: '#222' }, encoding: { text: { field: 'label' } } }]),
    ],
  } as unknown as TopLevelSpec;
}
