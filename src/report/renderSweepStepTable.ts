import { computeSweepStep } from './computeSweepStep.ts';
import type { ShapePoint } from './describeSweepShape.ts';
import { formatDifferenceEstimate } from './formatDifferenceEstimate.ts';
import { renderTable } from './renderTable.ts';

/** Steps in the table at most: a longer sweep's steps are in sweep.csv's differences. */
const MAX_STEPS = 24;

/**
 * The table of steps between neighbouring values of one swept parameter, for one metric: each
 * step's change with its 95% CI and whether that interval is the sweep's paired one (a step from
 * or to point 0, or between points next to each other in the design, which newer outputs pair too)
 * or a conservative bound (between other points, or later points of an older folder:
 * computeSweepStep), and whether it is clear of 0. The caption explains the bound only when a step uses it. It answers "what does the next step buy", which the table against the
 * first point leaves to subtraction without an interval. '' for fewer than 3 points.
 *
 * @param points - The metric's rows in order of the parameter's value (orderSweepPointsByValue).
 * @param reference - The id of point 0.
 * @param complete - Every replicate defines the metric at every point (isSweepMetricComplete).
 * @param unit - The metric's unit.
 * @returns The table's HTML, or ''.
 * @example
 * html += renderSweepStepTable(points, '0', true, 't');
 */
export function renderSweepStepTable(points: readonly ShapePoint[], reference: string, complete: boolean, unit: string): string {
  if (points.length < 3) return '';
  const steps = points.slice(1, MAX_STEPS + 1).map((to, i) => computeSweepStep(points[i].row, to.row, reference, complete));
  const rows = points.slice(1, MAX_STEPS + 1).map((to, i) => {
    const from = points[i];
    const step = steps[i];
    if (step === undefined) return [from.label, to.label, 'n/a', 'not known from these outputs (not every run defines the metric, or an older folder without n)', ''];
    const zero = step.mean === 0 && step.low === 0 && step.high === 0;
    const clear = zero ? 'no change in any run' : step.low > 0 || step.high < 0 ? 'yes' : 'no';
    const kind = step.kind === 'paired' ? 'paired run by run' : 'conservative bound';
    return [from.label, to.label, zero ? '0' : formatDifferenceEstimate(step.mean, step.low, step.high, unit), kind, clear];
  });
  return renderTable([
    { header: 'From' }, { header: 'To' }, { header: 'Change (95% CI)', numeric: true }, { header: 'Interval' }, { header: 'Clear of 0' },
  ], rows, {
    caption: (steps.some((s) => s?.kind === 'bound')
      ? 'Each step to the next value. From or to the first point (point 0), or between points next to each other in the design: the sweep\'s paired 95% CI. ' +
        'Between other points (or later points in an older folder) the outputs hold no paired interval, so a conservative one: the two points\' half-widths added (of their differences from point 0 ' +
        'or of their own means, the narrower), never narrower than the paired one, so a step clear of 0 there is clear, and one that is not may still differ.'
      : 'Each step to the next value, with the sweep\'s 95% CI paired run by run (every point ran the same numbered runs with the same random draws).') +
      (points.length - 1 > MAX_STEPS ? ` The first ${MAX_STEPS} of ${points.length - 1} steps.` : ''),
  });
}
