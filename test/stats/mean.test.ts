import { describe, expect, it } from 'vitest';
import { mean } from '../../src/stats/mean.ts';

describe('mean', () => {
  it('averages small inputs exactly', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean(Float64Array.of(-1, 1))).toBe(0);
  });
  it('is NaN for an empty input and propagates NaN', () => {
    expect(mean([])).toBeNaN();
    expect(mean([1, NaN])).toBeNaN();
  });
  it('compensates cancellation (Neumaier)', () => {
    expect(mean([1e100, 1, -1e100, 1])).toBe(0.5);
  });
});
