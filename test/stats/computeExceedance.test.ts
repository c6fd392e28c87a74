import { describe, expect, it } from 'vitest';
import { computeExceedance } from '../../src/stats/computeExceedance.ts';
import { defaultExceedanceRequests } from '../../src/stats/defaultExceedanceRequests.ts';
import { wilsonInterval } from '../../src/stats/wilsonInterval.ts';
import type { ResultLayout } from '../../sim-core/results.ts';

const key = (metric: string, stage: string, region: string, material = 'ndpr') => ({ metric, material, stage, region, unit: 'u' });
const layout: ResultLayout = {
  ticks: 1, ticksPerYear: 52, startYear: 2025, series: [],
  summaries: [
    key('peakPriceMultiple', 'processing', 'US'), key('peakPriceMultiple', 'manufacturing', 'US'), key('peakPriceMultiple', 'manufacturing', 'CN'),
    key('longestSevereShortfallWeeks', 'endUse', 'US'), key('longestSevereShortfallWeeks', 'endUse', 'CN'),
    key('policyCost', '', 'US', ''),
  ],
};
const replicate = (r: number, values: number[]) => ({ replicate: r, summaries: Float64Array.from(values) });

describe('computeExceedance', () => {
  it('counts defined values strictly above the threshold, with a Wilson interval', () => {
    const results = [replicate(0, [0, 3, 0, 9, 0, 0]), replicate(1, [0, 2, 0, 8, 0, 0]), replicate(2, [0, 1, 0, NaN, 0, 0]), replicate(3, [0, 2.5, 0, 12, 0, 0])];
    const [price, weeks] = computeExceedance(layout, results, [{ index: 1, threshold: 2 }, { index: 3, threshold: 8 }]);
    expect(price).toMatchObject({ key: layout.summaries[1], threshold: 2, probability: 0.5, n: 4 });
    expect(weeks).toMatchObject({ probability: 2 / 3, n: 3 }); // NaN left out, 8 is not above 8
    expect({ low: weeks.ciLow, high: weeks.ciHigh }).toEqual(wilsonInterval(2, 3));
    const reversed = computeExceedance(layout, [...results].reverse(), [{ index: 3, threshold: 8 }]);
    expect(reversed[0]).toEqual(weeks);
  });
  it('defaults to the home region: peak component price above 2x and severe shortfall beyond 8 weeks', () => {
    expect(defaultExceedanceRequests(layout)).toEqual([{ index: 1, threshold: 2 }, { index: 3, threshold: 8 }]);
    expect(defaultExceedanceRequests({ ...layout, summaries: layout.summaries.slice(0, 5) })).toEqual([]);
  });
});
