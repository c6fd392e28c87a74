import { formatMultiple } from './formatMultiple.ts';
import type { PairedImpact } from './readImpactJson.ts';

/**
 * A caused peak as a reader compares prices: the level without the disruptions and the peak with
 * them as a multiple of it (ratio of the two means). The paired difference impact.json gives is in
 * units of the starting price, so "+0.929×" read alone passes for +93% when the peak went from 1.28×
 * to 2.21×; and "+620%, a rise of 6.37×" beside it (user audit, session 32) mixed a percentage with a
 * difference that read as a multiple (+620% is 7.2 times the level): one form, the multiple of the
 * level without them ("times as high", not a second "×" beside the levels' multiples of the start, session 32),
 * whatever follows names the difference in units of the starting price.
 *
 * @param peak - impact.json's `disruptionPeakPrice` (or whole-run peak) of a material, `x base`.
 * @returns e.g. `against 1.28× in the same months without them: 1.72 times as high`; '' when the level without them is not positive.
 * @example
 * describePeakAgainstWithout({ meanWith: 2.213, meanWithout: 1.284 }); // 'against 1.28× in the same months without them: 1.72 times as high'
 */
export function describePeakAgainstWithout(peak: Pick<PairedImpact, 'meanWith' | 'meanWithout'>): string {
  if (!(peak.meanWithout > 0) || !Number.isFinite(peak.meanWith)) return '';
  return `against ${formatMultiple(peak.meanWithout)} in the same months without them: ${formatMultiple(peak.meanWith / peak.meanWithout).replace('×', '')} times as high`;
}
