import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../sim-core/index.ts';
import { computePairedDifference } from '../../src/compare/computePairedDifference.ts';
import { mean } from '../../src/stats/mean.ts';
import { sampleVariance } from '../../src/stats/sampleVariance.ts';
import { studentTQuantile } from '../../src/stats/studentTQuantile.ts';

/** Width of the Welch (unpaired, independent samples) 95% interval of mean(b) − mean(a). */
function unpairedWidth(a: number[], b: number[]): number {
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return 2 * studentTQuantile(0.975, df) * Math.sqrt(va + vb);
}

/** Two arms sharing noise: aᵢ = noiseᵢ, bᵢ = noiseᵢ + effect + small own noise. */
function sharedNoiseArms(seed: number, n: number, effect: number): { a: number[]; b: number[] } {
  const rng = createStream(seed, 0, 'test');
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const shared = 100 * (rng.nextFloat() - 0.5);
    a.push(shared);
    b.push(shared + effect + (rng.nextFloat() - 0.5));
  }
  return { a, b };
}

describe('computePairedDifference', () => {
  it('builds its interval on the differences: with shared noise it is far narrower than the unpaired one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 8, max: 80 }), fc.double({ min: -5, max: 5, noNaN: true }), (seed, n, effect) => {
        const { a, b } = sharedNoiseArms(seed, n, effect);
        const paired = computePairedDifference(a, b, 'lower');
        const pairedWidth = paired.ciHigh - paired.ciLow;
        expect(pairedWidth).toBeLessThan(unpairedWidth(a, b) / 10);
        const differences = b.map((x, i) => x - a[i]);
        expect(paired.meanDifference).toBeCloseTo(mean([...differences].sort((x, y) => x - y)), 9);
        expect(paired.ciLow).toBeLessThanOrEqual(paired.meanDifference);
        expect(paired.ciHigh).toBeGreaterThanOrEqual(paired.meanDifference);
      }),
      { numRuns: 50 },
    );
  });

  it('gives exactly zero for identical arms', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }), (values) => {
        const paired = computePairedDifference(values, values, 'lower');
        expect([paired.meanDifference, paired.ciLow, paired.ciHigh, paired.pBetter, paired.pWorse]).toEqual([0, 0, 0, 0, 0]);
        expect(paired.n).toBe(values.length);
      }),
    );
  });

  it('counts better and worse by direction, ties in neither', () => {
    const first = [10, 10, 10, 10];
    const alternative = [8, 12, 10, 9];
    expect(computePairedDifference(first, alternative, 'lower')).toMatchObject({ n: 4, pBetter: 0.5, pWorse: 0.25, meanDifference: -0.25 });
    expect(computePairedDifference(first, alternative, 'higher')).toMatchObject({ pBetter: 0.25, pWorse: 0.5 });
    const none = computePairedDifference(first, alternative, 'none');
    expect(none.pBetter).toBeNaN();
    expect(none.pWorse).toBeNaN();
  });

  it('leaves out replicates undefined in either arm', () => {
    const paired = computePairedDifference([1, NaN, 3, 4], [2, 5, NaN, 6], 'lower');
    expect(paired).toMatchObject({ n: 2, meanA: 2.5, meanB: 4, meanDifference: 1.5, pWorse: 1 });
    expect(computePairedDifference([NaN], [1], 'lower').meanDifference).toBeNaN();
  });

  it('leaves out a pair with the same infinity in both arms, from n and the interval alike', () => {
    const paired = computePairedDifference([Infinity, 1, 2, 4], [Infinity, 2, 3, 4.5], 'lower');
    expect(paired.n).toBe(3);
    expect(paired.meanA).toBeCloseTo(7 / 3, 12);
    expect(paired.meanDifference).toBeCloseTo(2.5 / 3, 12);
    expect(paired.pBetter + paired.pWorse).toBe(1);
  });

  it('refuses arms of different lengths', () => {
    expect(() => computePairedDifference([1, 2], [1], 'lower')).toThrow(RangeError);
  });
});
