import { formatDifferenceEstimateParts } from './formatDifferenceEstimate.ts';
import { formatEstimate } from './formatEstimate.ts';
import { formatSignedQuantity } from './formatQuantity.ts';
import type { PairedImpact } from './readImpactJson.ts';
import { countOf } from '../text/countOf.ts';

/**
 * Formats a paired impact (scenario as scripted − counterfactual) as a signed change with its 95%
 * confidence interval, the three rounded alike (`formatEstimate`, through `formatDifferenceEstimateParts`
 * for units other than multiples); an interval of zero width is "the same in every run", not a CI.
 *
 * @param impact - From `impact.json`.
 * @param unit - Overrides the impact's own unit (e.g. `x base`).
 * @returns e.g. `+1.29× the starting price (95% CI +1.09× to +1.49×)`, `no change in any run`.
 * @example
 * formatPairedImpact({ unit: 't', n: 100, meanWith: 5, meanWithout: 1, mean: 4, ciLow: 3, ciHigh: 5 }); // '+4.00 t (95% CI +3.00 t to +5.00 t)'
 */
export function formatPairedImpact(impact: PairedImpact, unit = impact.unit): string {
  // Multiples name their reference once, after the mean: `+1.29× the starting price (95% CI +1.09× to +1.49×)`.
  const multiple = unit === 'x base';
  // Multiples round mean and bounds alike (formatEstimate), as the answer box does: one figure, one rounding.
  const estimate = multiple && Number.isFinite(impact.ciLow) && Number.isFinite(impact.ciHigh) ? formatEstimate(impact.mean, impact.ciLow, impact.ciHigh) : undefined;
  const signed = (text: string, x: number): string => (x > 0 ? `+${text}` : text);
  // Other units: the mean and its ends rounded alike too, each end with its unit (`+2,100 t (95% CI +1,680 t to +2,520 t)`).
  const bounded = Number.isFinite(impact.ciLow) && Number.isFinite(impact.ciHigh);
  const other = multiple ? undefined : formatDifferenceEstimateParts(impact.mean, bounded ? impact.ciLow : NaN, bounded ? impact.ciHigh : NaN, unit);
  const q = (x: number, shown?: string): string => (multiple ? `${shown === undefined ? formatSignedQuantity(x, '') : signed(shown, x)}×` : shown ?? formatSignedQuantity(x, unit));
  const value = `${q(impact.mean, estimate?.mean ?? other?.mean)}${multiple ? ' the starting price' : ''}`;
  if (impact.mean === 0 && impact.ciLow === 0 && impact.ciHigh === 0) return 'no change in any run';
  if (!Number.isFinite(impact.ciLow) || !Number.isFinite(impact.ciHigh)) return `${value} (from ${countOf(impact.n, 'run')}, no interval)`;
  const [low, high] = [q(impact.ciLow, estimate?.low ?? other?.low), q(impact.ciHigh, estimate?.high ?? other?.high)];
  if (low === high) return `${value} (the same in every run)`;
  return `${value} (95% CI ${low} to ${high})`;
}
