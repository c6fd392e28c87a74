import { canonicalParameterValue } from '../sweep/canonicalParameterValue.ts';
import type { ShapePoint } from './describeSweepShape.ts';
import type { SweepRow, SweepTable } from './readSweepCsv.ts';

/**
 * One metric's rows of a sweep in order of the one swept parameter's value, lowest first, each with
 * the value as the report writes it, so that neighbouring values can be compared step by step
 * whatever order the design ran them in (a grid may be typed high to low).
 *
 * @param sweep - The grid.
 * @param metric - The metric id.
 * @param startYear - The scenario's start year (for dated values).
 * @param label - The value of a parameter at a row, as the report writes it (`30 days`).
 * @returns The ordered points; [] unless exactly one parameter varies, every value is a number
 *   (not a mode), the metric has a row at every point and no two points share a value.
 * @example
 * orderSweepPointsByValue(sweep, 'cumulativeConsumption.ndpr.endUse.US', 2025, (r, p) => String(r.parameters[p]));
 */
export function orderSweepPointsByValue(sweep: SweepTable, metric: string, startYear: number, label: (row: SweepRow, parameter: string) => string): ShapePoint[] {
  const points = [...new Set(sweep.rows.map((r) => r.point))];
  const rows = points.map((point) => sweep.rows.find((r) => r.metric === metric && r.point === point));
  const present = rows.filter((r): r is SweepRow => r !== undefined);
  if (present.length !== points.length) return [];
  const varying = sweep.parameters.filter((p) => new Set(present.map((r) => String(r.parameters[p]))).size > 1);
  if (varying.length !== 1) return [];
  const p = varying[0];
  const keyed = present.map((row) => {
    const v = row.parameters[p];
    return { row, value: typeof v === 'number' ? v : canonicalParameterValue(p, v, startYear).value ?? NaN };
  });
  if (!keyed.every((k) => Number.isFinite(k.value)) || new Set(keyed.map((k) => k.value)).size !== keyed.length) return [];
  return keyed.sort((a, b) => a.value - b.value).map((k) => ({ label: label(k.row, p), row: k.row }));
}
