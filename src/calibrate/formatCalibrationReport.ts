import type { ParameterSpec } from './calibrationSpec.ts';
import type { CalibrationResult } from './runCalibration.ts';
import type { Evaluation, TargetResult } from './evaluateParameters.ts';

/** A number with 3 significant digits (plain text), `n/a` when not finite. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** A band `[lo, hi]` as text (`≤ 1.1`, `≥ 1`, `10–30`). */
export function formatBand([low, high]: readonly (number | null)[]): string {
  if (low === null) return `≤ ${formatFigure(high ?? NaN)}`;
  if (high === null) return `≥ ${formatFigure(low)}`;
  return `${formatFigure(low)}–${formatFigure(high)}`;
}

/** Aligned plain-text table (columns after the first `left` right-aligned). */
function table(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The observed figure, cut to fit a terminal line. */
function shorten(observed: number | string | undefined): string {
  const text = observed === undefined ? '' : String(observed);
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}

/** Smallest and largest finite replicate value, as text. */
function range(t: TargetResult): string {
  const finite = t.values.filter(Number.isFinite);
  return finite.length ? `${formatFigure(Math.min(...finite))}…${formatFigure(Math.max(...finite))}` : 'n/a';
}

/** The per-target table of one evaluation: observed figure, band, simulated mean and range, in band, loss. */
export function formatTargetTable(evaluation: Evaluation): string {
  const rows = evaluation.targets.map((t) => [
    t.episode, t.id, shorten(t.target.observed), formatBand(t.target.band),
    formatFigure(t.mean), range(t), t.inBand ? 'yes' : 'MISSED', t.loss.toFixed(3),
  ]);
  return table(['episode', 'target', 'observed', 'band', 'simulated', 'replicates', 'in band', 'loss'], rows, 2)
    + `total loss ${evaluation.loss.toFixed(3)}; ${evaluation.targets.filter((t) => t.inBand).length} of ${evaluation.targets.length} targets in band\n`;
}

/** The parameter table (start and fitted values, bounds) followed by the fitted evaluation's target table. */
export function formatCalibrationReport(parameters: readonly ParameterSpec[], result: CalibrationResult): string {
  const rows = parameters.map((p, i) => [p.path, formatFigure(result.start.values[i]), String(result.best.values[i]), `${p.min}…${p.max}${p.scale === 'log' ? ' (log)' : ''}`]);
  const head = parameters.length ? table(['parameter', 'start', 'fitted', 'bounds'], rows, 1) + '\n' : '';
  return `${head}${formatTargetTable(result.best)}start loss ${result.start.loss.toFixed(3)} → fitted loss ${result.best.loss.toFixed(3)} after ${result.evaluations} evaluation${result.evaluations === 1 ? '' : 's'}\n`;
}
