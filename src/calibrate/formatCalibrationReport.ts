import type { ParameterSpec } from './calibrationSpec.ts';
import type { CalibrationResult } from './runCalibration.ts';
import type { Evaluation, TargetResult } from './evaluateParameters.ts';
import { countOf } from '../text/countOf.ts';

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

/** A target's place against its band: `edge` when a bound is within 2 MCSE of its mean (in or out is then not settled), else `yes` or `MISSED`. */
export function bandStatus(t: Pick<TargetResult, 'inBand' | 'edge'>): 'yes' | 'edge' | 'MISSED' {
  return t.edge ? 'edge' : t.inBand ? 'yes' : 'MISSED';
}

/** `30 of 39 targets in band, 2 at an edge, 7 missed`: a target at an edge is counted in neither of the others. */
export function describeBandCount(evaluation: Evaluation): string {
  const count = (status: string): number => evaluation.targets.filter((t) => bandStatus(t) === status).length;
  return `${count('yes')} of ${evaluation.targets.length} targets in band, ${count('edge')} at an edge, ${count('MISSED')} missed`;
}

/** `replicates 0-5`. */
function replicateRange(evaluation: Evaluation): string {
  const { first, count } = evaluation.replicates;
  return `replicates ${first}-${first + count - 1}`;
}

/**
 * The per-target table of one evaluation: observed figure, band, simulated mean, its Monte Carlo
 * standard error (sd/√R; n/a for `aggregate: max`) and range, in band (`edge` when a bound is within
 * 2 MCSE of the mean), loss; then a legend of MCSE and edge (the totals: formatFreshCheck).
 */
export function formatTargetTable(evaluation: Evaluation): string {
  const rows = evaluation.targets.map((t) => [
    t.episode, t.id, shorten(t.target.observed), formatBand(t.target.band),
    formatFigure(t.mean), formatFigure(t.mcse), range(t), bandStatus(t), t.loss.toFixed(3),
  ]);
  return table(['episode', 'target', 'observed', 'band', 'simulated', 'MCSE', 'replicates', 'in band', 'loss'], rows, 2)
    + 'MCSE: Monte Carlo standard error of the mean, sd/√R over the replicates (n/a for a target scored on its maximum); edge: a band bound within 2 MCSE of the mean, so whether it is in or out is not settled by these replicates\n';
}

/**
 * The fresh check beside the fit's own figures: the total loss and band count on the replicates the
 * fit used (in sample: tuned to them, optimistic) and on as many fresh ones (out of sample), then
 * the targets whose status differs between the two.
 */
export function formatFreshCheck(result: Pick<CalibrationResult, 'best' | 'fresh'>): string {
  const line = (label: string, e: Evaluation, note: string) => `${label} (${replicateRange(e)}, ${note}): total loss ${e.loss.toFixed(3)}; ${describeBandCount(e)}\n`;
  const changed = result.best.targets.flatMap((t, i) => {
    const again = result.fresh.targets[i];
    return again === undefined || bandStatus(again) === bandStatus(t) ? [] : [`${t.episode}/${t.id} ${bandStatus(t)} → ${bandStatus(again)}`];
  });
  return line('in sample', result.best, 'those every evaluation runs') + line('out of sample', result.fresh, 'fresh draws, same seed')
    + (changed.length === 0 ? 'no target changes status on the fresh replicates\n' : `changed on the fresh replicates: ${changed.join('; ')}\n`);
}

/** The parameter table (start and fitted values, bounds) followed by the fitted evaluation's target table and the fresh check. */
export function formatCalibrationReport(parameters: readonly ParameterSpec[], result: CalibrationResult): string {
  const rows = parameters.map((p, i) => [p.path, formatFigure(result.start.values[i]), String(result.best.values[i]), `${p.min}…${p.max}${p.scale === 'log' ? ' (log)' : ''}`]);
  const head = parameters.length ? table(['parameter', 'start', 'fitted', 'bounds'], rows, 1) + '\n' : '';
  return `${head}${formatTargetTable(result.best)}${formatFreshCheck(result)}start loss ${result.start.loss.toFixed(3)} → fitted loss ${result.best.loss.toFixed(3)} after ${countOf(result.evaluations, 'evaluation')}\n`;
}
