import { TRADED_STAGES, type TradedStage } from '../../sim-core/index.ts';

/**
 * The stage whose price a report and impact.json quote for a material, from the stages its
 * disruptions strike: refined (processing) whenever one strikes it, the price markets and history
 * quote (a ban on refined metal and on components was quoted at the component price when the
 * component event came first); else the first traded stage struck; else processing.
 *
 * @param stages - The stages the material's events strike, in event order.
 * @returns `mining`, `processing` or `manufacturing`.
 * @example
 * quotedPriceStage(['manufacturing', 'processing']); // 'processing'
 */
export function quotedPriceStage(stages: readonly string[]): TradedStage {
  if (stages.includes('processing')) return 'processing';
  return stages.find((s): s is TradedStage => (TRADED_STAGES as readonly string[]).includes(s)) ?? 'processing';
}
