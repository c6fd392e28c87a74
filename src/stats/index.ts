/** Statistics across replicates: leaf utilities and per-layout summaries. */
export { mean } from './mean.ts';
export { quantile } from './quantile.ts';
export { logGamma } from './logGamma.ts';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts';
export { normalQuantile } from './normalQuantile.ts';
export { studentTUpperTail } from './studentTUpperTail.ts';
export { studentTQuantile } from './studentTQuantile.ts';
export { sampleVariance } from './sampleVariance.ts';
export { sortedWithoutNaN } from './sortedWithoutNaN.ts';
export { confidenceIntervalOfMean, type MeanInterval } from './confidenceIntervalOfMean.ts';
export { exceedanceProbability } from './exceedanceProbability.ts';
export { summarizeValues, type ValueSummary } from './summarizeValues.ts';
export { computeSummaryStatistics, type ReplicateSummaries, type SummaryStatistic } from './computeSummaryStatistics.ts';
export { computeSeriesBands } from './computeSeriesBands.ts';
export { createSeriesBand, recordBandTick, type SeriesBand } from './recordBandTick.ts';
export { computeBlockBands, type SeriesBlock } from './computeBlockBands.ts';
export { type BandRangeTask, computeBandRange } from './computeBandRange.ts';
export { type BandPool, chooseBandWorkers, createBandPool, MIN_POOLED_BAND_VALUES } from './createBandPool.ts';
