import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/calibrate/latinHypercube.ts';

describe('latinHypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 }), (points, dimensions, seed) => {
      const sample = latinHypercube(points, dimensions, seed);
      expect(sample).toHaveLength(points);
      for (let d = 0; d < dimensions; d++) {
        const strata = sample.map((point) => Math.floor(point[d] * points)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: points }, (_, i) => i));
      }
    }), { numRuns: 200 });
  });

  it('is the same sample for the same seed and another for another seed', () => {
    expect(latinHypercube(8, 3, 7)).toEqual(latinHypercube(8, 3, 7));
    expect(latinHypercube(8, 3, 7)).not.toEqual(latinHypercube(8, 3, 8));
  });
});
