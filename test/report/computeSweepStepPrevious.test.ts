import { describe, expect, it } from 'vitest';
import { computeSweepStep } from '../../src/report/computeSweepStep.ts';
import type { SweepRow } from '../../src/report/readSweepCsv.ts';

const row = (point: string, mean: number, first: [number, number, number], previous?: [number, number, number]): SweepRow => ({
  point, parameters: {}, metric: 'm', mean, ciLow: mean - 100, ciHigh: mean + 100,
  vsFirstPoint: { meanDifference: first[0], ciLow: first[1], ciHigh: first[2] },
  ...(previous === undefined ? {} : { vsPreviousPoint: { meanDifference: previous[0], ciLow: previous[1], ciHigh: previous[2] } }),
});

describe('computeSweepStep with the paired difference from the previous point', () => {
  // The quota sweep's 60% → 80% step: +69 t, paired +6 to +132 t; the bound from point 0's differences is far wider.
  const at60 = row('2', 1100, [100, 40, 160], [26, -20, 72]);
  const at80 = row('3', 1169, [169, 100, 238], [69, 6, 132]);

  it('uses vsPreviousPoint for neighbours in the design, paired', () => {
    expect(computeSweepStep(at60, at80, '0', true)).toEqual({ mean: 69, low: 6, high: 132, kind: 'paired' });
  });

  it('turns its sign when the design ran the higher value first (a grid typed high to low)', () => {
    // Design: point 2 at 80%, point 3 at 60% (so point 3's vsPreviousPoint is 60% − 80%).
    const high = row('2', 1169, [169, 100, 238]);
    const low = row('3', 1100, [100, 40, 160], [-69, -132, -6]);
    expect(computeSweepStep(low, high, '0', true)).toEqual({ mean: 69, low: 6, high: 132, kind: 'paired' });
  });

  it('keeps the conservative bound for points not next to each other, and for older folders', () => {
    const at100 = row('4', 1236, [236, 177, 294], [66, 10, 122]);
    const far = computeSweepStep(at60, at100, '0', true);
    expect(far?.kind).toBe('bound');
    // 236 − 100, half-widths 58.5 + 60 added.
    expect(far?.mean).toBe(136);
    expect(far?.low).toBeCloseTo(136 - 118.5, 9);
    const older = computeSweepStep({ ...at60, vsPreviousPoint: undefined }, { ...at80, vsPreviousPoint: undefined }, '0', true);
    expect(older).toMatchObject({ mean: 69, kind: 'bound' });
    expect(older?.low).toBeCloseTo(69 - 129, 9);
  });
});
