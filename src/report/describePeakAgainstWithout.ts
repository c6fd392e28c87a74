import { formatNumber } from './formatNumber.ts';
import type { PairedImpact } from './readImpactJson.ts';

/**
 * A caused peak as a reader compares prices: the level without the disruptions and the relative
 * change (ratio of the two means − 1). The paired difference impact.json gives is in units of the
 * starting price, so "+0.929×" read alone passes for +93% when the peak went from 1.28× to 2.21×
 * (+72%).
 *
 * @param peak - impact.json's `disruptionPeakPrice` (or whole-run peak) of a material, `x base`.
 * @returns e.g. `against 1.28× in the same months without them: +72%`; '' when the level without them is not positive.
 * @example
 * describePeakAgainstWithout({ meanWith: 2.213, meanWithout: 1.284 }); // 'against 1.28× in the same months without them: +72%'
 */
export function describePeakAgainstWithout(peak: Pick<PairedImpact, 'meanWith' | 'meanWithout'>): string {
  if (!(peak.meanWithout > 0) || !Number.isFinite(peak.meanWith)) return '';
  const percent = Math.round((peak.meanWith / peak.meanWithout - 1) * 100);
  const change = percent === 0 ? 'under 1% apart' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`;
  return `against ${formatNumber(peak.meanWithout)}× in the same months without them: ${change}`;
}
