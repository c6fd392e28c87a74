import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout } from '../../sim-core/results.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';
import { computeSummaryStatistics } from '../../src/stats/computeSummaryStatistics.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';

const ticks = 3;
const layout: ResultLayout = {
  ticks,
  ticksPerYear: 12,
  startYear: 2030,
  series: [
    { metric: 'price', material: 'ga', stage: 'processing', region: 'CN', unit: 'USD/t' },
    { metric: 'shortfall', material: 'ga', stage: '', region: '', unit: 't/month' },
  ],
  summaries: [
    { metric: 'peakPriceMultiple', material: 'ga', stage: '', region: '', unit: 'x' },
    { metric: 'recoveryMonths', material: 'ga', stage: '', region: '', unit: 'months' },
  ],
};

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);
const replicateValues = fc.record({
  series: fc.array(value, { minLength: 2 * ticks, maxLength: 2 * ticks }),
  summaries: fc.array(value, { minLength: 2, maxLength: 2 }),
});
/** Replicates plus a permutation of them. */
const shuffledReplicates = fc
  .array(replicateValues, { minLength: 1, maxLength: 25 })
  .chain((rows) => {
    const results: ReplicateResult[] = rows.map((row, replicate) => ({
      replicate,
      series: Float64Array.from(row.series),
      summaries: Float64Array.from(row.summaries),
    }));
    return fc.tuple(fc.constant(results), fc.shuffledSubarray(results, { minLength: results.length }));
  });

/** Deep equality that treats NaN as equal and distinguishes every bit otherwise. */
const same = (a: unknown, b: unknown) => expect(a).toStrictEqual(b);

describe('statistics are pure functions of the set of replicates', () => {
  it('computeSeriesBands does not depend on result order', () => {
    fc.assert(
      fc.property(shuffledReplicates, ([sorted, shuffled]) => {
        same(computeSeriesBands(layout, shuffled), computeSeriesBands(layout, sorted));
      }),
    );
  });
  it('computeSummaryStatistics does not depend on result order', () => {
    fc.assert(
      fc.property(shuffledReplicates, ([sorted, shuffled]) => {
        same(computeSummaryStatistics(layout, shuffled), computeSummaryStatistics(layout, sorted));
      }),
    );
  });
  it('summarizeValues does not depend on value order', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }).chain((values) =>
        fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length }))),
      ([values, shuffled]) => {
        same(summarizeValues(shuffled), summarizeValues(values));
      }),
    );
  });
});
