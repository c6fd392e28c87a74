import type { ResultLayout } from '../../sim-core/index.ts';
import type { ExceedanceRequest } from './computeExceedance.ts';

/** Default threshold of `longestSevereShortfallWeeks`: a severe shortage lasting more than 8 weeks. */
export const DEFAULT_SEVERE_SHORTFALL_RUN_WEEKS = 8;
/** Default threshold of `peakPriceMultiple`: the price more than doubles. */
export const DEFAULT_PEAK_PRICE_MULTIPLE = 2;

/**
 * The exceedance probabilities every run reports, for each material at the home region (the
 * region of `policyCost`): P(end-use shortfall above 10% of demand for more than 8 consecutive
 * weeks), i.e. `longestSevereShortfallWeeks` > 8, and P(peak price of components, the
 * manufacturing market end users buy from, above 2× its base price), i.e. `peakPriceMultiple` > 2.
 *
 * @param layout - The run's layout.
 * @returns Requests in layout order (none when the layout has no home region).
 * @example
 * defaultExceedanceRequests(layout).length; // 2 × materials
 */
export function defaultExceedanceRequests(layout: ResultLayout): ExceedanceRequest[] {
  const home = layout.summaries.find((key) => key.metric === 'policyCost')?.region;
  if (home === undefined) return [];
  const requests: ExceedanceRequest[] = [];
  layout.summaries.forEach((key, index) => {
    if (key.region !== home) return;
    if (key.metric === 'peakPriceMultiple' && key.stage === 'manufacturing') requests.push({ index, threshold: DEFAULT_PEAK_PRICE_MULTIPLE });
    if (key.metric === 'longestSevereShortfallWeeks') requests.push({ index, threshold: DEFAULT_SEVERE_SHORTFALL_RUN_WEEKS });
  });
  return requests;
}
