import type { ChartCollector } from './createChartCollector.ts';
import { createSweepDifferenceSpec } from './createSweepDifferenceSpec.ts';
import { formatDifference } from './formatDifference.ts';
import { formatDifferenceEstimate } from './formatDifferenceEstimate.ts';
import { formatEstimateInUnit } from './formatEstimateInUnit.ts';
import type { SweepRow } from './readSweepCsv.ts';
import { renderTable } from './renderTable.ts';

/** Rows of the per-point table at most: beyond that it stops being read (sweep.csv holds them all). */
const MAX_TABLE_ROWS = 24;

/** Plain words for what the difference column holds, used in the table header and the chart. */
export const PAIRED_DIFFERENCE_WORDS = 'difference from the first point, paired run by run (same random draws)';

/** Whether any row carries a paired difference from point 0 (sweep outputs written since it exists). */
export function hasPairedDifferences(rows: readonly SweepRow[]): boolean {
  return rows.some((r) => r.vsFirstPoint !== undefined);
}

/** A difference whose 95% CI lies wholly on one side of 0. */
function isClear(row: SweepRow): boolean {
  const d = row.vsFirstPoint;
  return d !== undefined && (d.ciLow > 0 || d.ciHigh < 0);
}

/**
 * One sentence on how many later points differ clearly from the first when compared run by run,
 * which can be many even when the points' own intervals all overlap (the shared noise cancels).
 *
 * @param cells - One metric's rows, point 0 first.
 * @returns The sentence, or '' when the rows carry no paired differences.
 * @example
 * describePairedDifferences(cells); // 'Compared run by run with the first point …: 4 of 4 later points differ clearly …'
 */
export function describePairedDifferences(cells: readonly SweepRow[]): string {
  const later = cells.filter((c) => c.vsFirstPoint !== undefined);
  if (later.length === 0) return '';
  const clear = later.filter(isClear).length;
  return `Compared run by run with the first point (same random draws, so the noise both share cancels), ${clear} of ${later.length} later ` +
    `point${later.length === 1 ? '' : 's'} ${clear === 1 ? 'differs' : 'differ'} clearly from it (the 95% CI of the difference excludes 0).`;
}

/**
 * The table of one metric per grid point: the parameter values, the mean with its 95% CI, and
 * the paired difference from the first point of the design (point 0, the reference) with its 95% CI. The first
 * {@link MAX_TABLE_ROWS} points only; '' when the rows carry no paired differences (an older folder).
 *
 * @param cells - One metric's rows in point order (point 0 first when the slice holds it).
 * @param parameters - Swept parameters, in column order.
 * @param label - A parameter's name and a value in words.
 * @param unit - The metric's unit ('' when unknown).
 * @returns The table's HTML.
 * @example
 * html += renderSweepDifferenceTable(cells, sweep.parameters, { name, value }, 't');
 */
export function renderSweepDifferenceTable(
  cells: readonly SweepRow[],
  parameters: readonly string[],
  label: { name: (parameter: string) => string; value: (parameter: string, value: number | string) => string },
  unit: string,
): string {
  if (!hasPairedDifferences(cells)) return '';
  // Quantities that cannot be negative get their interval clipped at 0, as in the charts.
  const clip = (x: number): number => (cells.every((c) => !(c.mean < 0)) ? Math.max(0, x) : x);
  const rows = cells.slice(0, MAX_TABLE_ROWS).map((c) => {
    const d = c.vsFirstPoint;
    // A slice of a larger grid may not hold point 0: its rows still differ from point 0, not from the slice's first.
    const difference = c.point === '0' ? 'reference' : d === undefined ? 'n/a'
      : formatDifferenceEstimate(d.meanDifference, d.ciLow, d.ciHigh, unit);
    // The mean and its interval rounded alike, each with its unit.
    const level = formatEstimateInUnit(c.mean, clip(c.ciLow), clip(c.ciHigh), unit);
    return [c.point, ...parameters.map((p) => label.value(p, c.parameters[p])), `${level.mean} (${level.low} to ${level.high})`, difference];
  });
  const more = cells.length > MAX_TABLE_ROWS ? ` The first ${MAX_TABLE_ROWS} of ${cells.length} points; all in sweep.csv.` : '';
  return renderTable([
    { header: 'Point' }, ...parameters.map((p) => ({ header: label.name(p) })),
    { header: 'Mean (95% CI)', numeric: true }, { header: `Δ: ${PAIRED_DIFFERENCE_WORDS} (95% CI)`, numeric: true },
  ], rows, {
    caption: 'The first point (point 0) is the reference. Every point ran the same numbered runs with the same random draws, so each ' +
      'later point\'s difference is the mean, over the runs, of its result minus the first point\'s result in the same run; ' +
      `noise the two share cancels, and a difference can be clear while the means' intervals overlap.${more}`,
  });
}

/** What {@link renderSweepDifferences} shows: one metric (in one slice of the grid) and how to label it. */
export interface SweepDifferenceInput {
  /** File name of the chart (without extension). */
  chartName: string;
  /** The metric's title (with the slice, if any). */
  title: string;
  /** The metric's rows in point order, point 0 first. */
  cells: readonly SweepRow[];
  /** Swept parameters, in column order. */
  parameters: readonly string[];
  unit: string;
  name: (parameter: string) => string;
  value: (parameter: string, value: number | string) => string;
  /** A row's position on the chart's x axis (the level chart's). */
  xValue: (row: SweepRow) => number | string;
  /** The chart's x-axis title (the level chart's, with its unit on a numeric axis); default the parameter's name. */
  xTitle?: string;
}

/**
 * The paired differences from the first point for one metric: with one swept parameter a chart of
 * them (createSweepDifferenceSpec), then the table ({@link renderSweepDifferenceTable}); '' when
 * the rows carry none.
 *
 * @param input - The metric's rows and labels.
 * @param charts - Collects the chart.
 * @returns The HTML.
 * @example
 * html += await renderSweepDifferences({ chartName: 'sweep-difference-x', title, cells, parameters, unit: 't', name, value, xValue }, charts);
 */
export async function renderSweepDifferences(input: SweepDifferenceInput, charts: ChartCollector): Promise<string> {
  const { cells, parameters, title, unit } = input;
  if (!hasPairedDifferences(cells)) return '';
  let html = '';
  if (parameters.length === 1) {
    const none = { meanDifference: NaN, ciLow: NaN, ciHigh: NaN };
    html += await charts.add(input.chartName, createSweepDifferenceSpec({
      title, unit, xTitle: input.xTitle ?? input.name(parameters[0]),
      // The first point is the reference: its difference from itself is 0, drawn to anchor the line.
      cells: cells.map((r) => ({ x: input.xValue(r), ...(r.point === '0' ? { meanDifference: 0, ciLow: 0, ciHigh: 0 } : r.vsFirstPoint ?? none) })),
    }), {
      title: `Sweep: ${title}, ${PAIRED_DIFFERENCE_WORDS}`,
      description: cells.slice(1).map((r) => `${input.value(parameters[0], r.parameters[parameters[0]])}: ${formatDifference(r.vsFirstPoint?.meanDifference ?? NaN, unit)}`).join('; '),
      caption: `The ${PAIRED_DIFFERENCE_WORDS}, with its 95% confidence interval as a band; the dashed line is no difference.`,
    });
  }
  return html + renderSweepDifferenceTable(cells, parameters, { name: input.name, value: input.value }, unit);
}
