import { describe, expect, it } from 'vitest';
import { resolveExceedOptions } from '../../src/cli/resolveExceedOptions.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';
import type { ResultLayout } from '../../sim-core/results.ts';

const key = (metric: string, material: string, stage: string, region: string) => ({ metric, material, stage, region, unit: 'u' });
const layout: ResultLayout = {
  ticks: 1, ticksPerYear: 52, startYear: 2025, series: [],
  summaries: [key('maxShortfallShare', 'ndpr', 'endUse', 'US'), key('maxShortfallShare', 'ndpr', 'endUse', 'CN'), key('maxShortfallShare', 'dy', 'endUse', 'US'), key('policyCost', '', '', 'US')],
};

describe('resolveExceedOptions', () => {
  it('resolves whole ids and prefixes of whole parts, numbers and percentages', () => {
    expect(resolveExceedOptions(layout, ['maxShortfallShare.ndpr.endUse.US>0.1'])).toEqual([{ index: 0, threshold: 0.1 }]);
    expect(resolveExceedOptions(layout, ['maxShortfallShare.ndpr > 25%'])).toEqual([{ index: 0, threshold: 0.25 }, { index: 1, threshold: 0.25 }]);
    expect(resolveExceedOptions(layout, ['policyCost>1e9', 'policyCost.US>1e9'])).toEqual([{ index: 3, threshold: 1e9 }]);
    expect(resolveExceedOptions(layout, ['maxShortfallShare>-0.5'])).toHaveLength(3);
  });
  it('rejects malformed options and unknown metrics as usage errors', () => {
    for (const bad of ['maxShortfallShare', 'maxShortfallShare>', '>3', 'maxShortfallShare<3', 'maxShortfallShare>abc']) {
      expect(() => resolveExceedOptions(layout, [bad])).toThrow(UsageError);
    }
    expect(() => resolveExceedOptions(layout, ['maxShortfallShare.nd>1'])).toThrow(/no summary metric "maxShortfallShare.nd"/);
    expect(() => resolveExceedOptions(layout, ['maxShortfalShare.ndpr.endUse.US>1'])).toThrow(/did you mean "maxShortfallShare.ndpr.endUse.US"/);
  });
});
