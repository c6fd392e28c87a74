import { describe, expect, it } from 'vitest';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { computeSweepDifferences } from '../../src/sweep/computeSweepDifferences.ts';
import { computeSweepPreviousDifferences } from '../../src/sweep/computeSweepPreviousDifferences.ts';

const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
// Three points, four replicates each (replicate i of every point saw the same draws).
const columns = [[10, 12, 11, 13], [11, 14, 12, 15], [14, 15, 16, 18]];
const points = columns.map((values) => ({ stats: [{ key: cost, ...summarizeValues(values) }], columnOf: () => values }));

describe('computeSweepPreviousDifferences', () => {
  it('pairs each point with the one before it run by run, as computed by hand', () => {
    const previous = computeSweepPreviousDifferences(points);
    expect(previous[0]).toBeUndefined();
    // Point 2 − point 1 per replicate: 3, 1, 4, 3 → mean 2.75, sd √(4.75/3), t(0.975, 3) = 3.182446.
    const half = 3.182446 * Math.sqrt(4.75 / 3) / 2;
    const d = previous[2]?.[0];
    expect(d?.n).toBe(4);
    expect(d?.meanDifference).toBeCloseTo(2.75, 12);
    expect(d?.ciLow).toBeCloseTo(2.75 - half, 5);
    expect(d?.ciHigh).toBeCloseTo(2.75 + half, 5);
    // On point 1 the previous point is point 0.
    expect(previous[1]).toEqual(computeSweepDifferences(points)[1]);
  });

  it('is narrower than what the differences from point 0 allow for the same step', () => {
    const first = computeSweepDifferences(points);
    const [a, b] = [first[1]?.[0], first[2]?.[0]];
    const d = computeSweepPreviousDifferences(points)[2]?.[0];
    // Same mean as the two differences from point 0 subtracted (every replicate defined) …
    expect(d?.meanDifference).toBeCloseTo((b?.meanDifference ?? NaN) - (a?.meanDifference ?? NaN), 12);
    // … but its own interval: half-width 2.00, where adding the two half-widths gives 0.92 + 1.52 = 2.44.
    const bound = ((b?.ciHigh ?? NaN) - (b?.ciLow ?? NaN)) / 2 + ((a?.ciHigh ?? NaN) - (a?.ciLow ?? NaN)) / 2;
    expect(((d?.ciHigh ?? NaN) - (d?.ciLow ?? NaN)) / 2).toBeCloseTo(2.00223, 4);
    expect(bound).toBeCloseTo(2.44215, 4);
  });

  it('leaves out replicates undefined at either point', () => {
    const gappy = [[NaN, 1, 2, 3], [1, 2, NaN, 5]].map((values) => ({ stats: [{ key: cost, ...summarizeValues(values) }], columnOf: () => values }));
    // Replicates 1 and 3 only: differences 1 and 2.
    expect(computeSweepPreviousDifferences(gappy)[1]?.[0]).toMatchObject({ n: 2, meanDifference: 1.5 });
  });
});
