import type { TopLevelSpec } from 'vega-lite';
import { INK } from './chartTheme.ts';
import { quantityAxis } from './quantityAxis.ts';

/** One grid point's paired difference from the first point (0 with no interval at the first point itself). */
export interface SweepDifferenceCell {
  x: number | string;
  meanDifference: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * The companion panel of a one-parameter sweep chart: each point's paired difference from the
 * first point (run by run, same random draws) as a line with its 95% CI as a band and a rule at 0,
 * so an effect smaller than the run-to-run spread of the levels can be seen. The x axis is drawn
 * like the level chart's (numbers on a numeric axis, values with units as categories in grid order).
 *
 * @param input - Title, unit, axis title and cells in grid order, the first point's at 0.
 * @returns A vega-lite spec with inline data.
 * @example
 * createSweepDifferenceSpec({ title: 'Consumption', unit: 't', xTitle: 'Reversal probability', cells });
 */
export function createSweepDifferenceSpec(input: { title: string; unit: string; xTitle: string; cells: readonly SweepDifferenceCell[] }): TopLevelSpec {
  const values = input.cells.filter((c) => Number.isFinite(c.meanDifference));
  const numeric = values.every((c) => typeof c.x === 'number');
  const x = numeric ? { field: 'x', type: 'quantitative', title: input.xTitle, scale: { zero: false } }
    : { field: 'x', type: 'ordinal', sort: [...new Set(values.map((c) => c.x))], title: input.xTitle, axis: { labelAngle: 0 } };
  const largest = Math.max(0, ...values.flatMap((c) => [Math.abs(c.meanDifference), Math.abs(c.ciLow), Math.abs(c.ciHigh)]).filter(Number.isFinite));
  const y = { type: 'quantitative', title: `difference${input.unit ? ` (${input.unit})` : ''}`, scale: { zero: true }, axis: quantityAxis(largest) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The metric's long name goes in the smaller subtitle: the level chart above carries it as its title.
    title: { text: 'Difference from the first point', subtitle: [input.title, 'paired run by run (same random draws); band: 95% CI'] },
    width: 420, height: 160,
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      { data: { values }, mark: { type: 'area', color: INK, opacity: 0.25 }, encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' } } },
      { data: { values }, mark: { type: 'line', color: INK, point: { filled: true, color: INK } }, encoding: { x, y: { ...y, field: 'meanDifference' } } },
    ],
  } as unknown as TopLevelSpec;
}
