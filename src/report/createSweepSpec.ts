import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';

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
}

/**
 * The sweep of one metric over a grid: with two parameters a heat map (cells shaded by the mean,
 * darker = higher, each labelled with its value so it reads without colour); with one parameter
 * the mean as a line with points and its 95% CI as a band; with scattered points (a Latin
 * hypercube, more than 12 distinct values) a scatter plot sized and shaded by the mean. Axis titles keep the last two parts of
 * each parameter path (the full paths are in the text beside the chart).
 *
 * @param input - Metric, parameters and cells.
 * @returns A vega-lite spec with inline data.
 * @example
 * createSweepSpec({ title: 'Weeks short', unit: 'weeks', xParameter: 'a', yParameter: 'b', cells });
 */
export function createSweepSpec(input: SweepChartInput): TopLevelSpec {
  const header = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: input.title, subtitle: input.unit ? `mean per grid point, ${input.unit}` : 'mean per grid point' } };
  const values = input.cells.filter((c) => Number.isFinite(c.mean));
  if (input.yParameter === '') {
    const x = { field: 'x', type: 'quantitative', title: shortName(input.xParameter), scale: { zero: false } };
    const y = { type: 'quantitative', title: input.unit || 'mean', scale: { zero: false } };
    return { ...header, width: 420, height: 200, data: { values }, layer: [
      { mark: { type: 'area', color: INK, opacity: 0.25 }, encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' } } },
      { mark: { type: 'line', color: INK, point: { filled: true, color: INK } }, encoding: { x, y: { ...y, field: 'mean' } } },
    ] } as unknown as TopLevelSpec;
  }
  if (new Set(values.map((c) => c.x)).size > 12 || new Set(values.map((c) => c.y)).size > 12) return createScatter(header, input, values);
  const means = values.map((c) => c.mean);
  const low = Math.min(...means);
  const high = Math.max(...means);
  const labelled = values.map((c) => ({ ...c, label: String(Number(c.mean.toPrecision(3))), ink: high > low && (c.mean - low) / (high - low) > 0.55 ? 'white' : '#111' }));
  const sortValues = (key: 'x' | 'y') => [...new Set(values.map((c) => c[key]))].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  return {
    ...header,
    width: { step: 80 }, height: { step: 40 },
    data: { values: labelled },
    encoding: {
      x: { field: 'x', type: 'ordinal', sort: sortValues('x'), title: shortName(input.xParameter), axis: { labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', sort: sortValues('y').reverse(), title: shortName(input.yParameter) },
    },
    layer: [
      { mark: { type: 'rect', stroke: 'white' }, encoding: { fill: { field: 'mean', type: 'quantitative', title: input.unit || 'mean', scale: { scheme: 'greys' }, legend: { orient: 'right', gradientLength: Math.max(60, 40 * new Set(values.map((c) => c.y)).size) } } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'label' }, color: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  } as unknown as TopLevelSpec;
}

/** The last two parts of a dotted parameter path, short enough for an axis title. */
function shortName(path: string): string {
  return path.split('.').slice(-2).join('.');
}

/** Scattered designs: one point per design point, larger and darker for a higher mean. */
function createScatter(header: Record<string, unknown>, input: SweepChartInput, values: SweepCell[]): TopLevelSpec {
  const mean = { field: 'mean', type: 'quantitative', title: input.unit || 'mean' };
  return {
    ...header, width: 420, height: 260, data: { values },
    mark: { type: 'point', filled: true, stroke: '#111', strokeWidth: 0.5, opacity: 0.9 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: shortName(input.xParameter), scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: shortName(input.yParameter), scale: { zero: false } },
      size: { ...mean, legend: null }, color: { ...mean, scale: { scheme: 'greys' } },
    },
  } as unknown as TopLevelSpec;
}
