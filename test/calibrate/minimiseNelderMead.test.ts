import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimiseNelderMead } from '../../src/calibrate/minimiseNelderMead.ts';

describe('minimiseNelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const result = minimiseNelderMead(([x, y]) => (x - 1) ** 2 + 3 * (y + 2) ** 2, [0, 0], { maxEvaluations: 500, pointTolerance: 1e-8, valueTolerance: 1e-12 });
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(-2, 4);
  });
  it('gets close to the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1], { step: 0.5, maxEvaluations: 2000, pointTolerance: 1e-10, valueTolerance: 1e-14 });
    expect(result.value).toBeLessThan(1e-6);
  });
  it('never exceeds its evaluation budget and is deterministic', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }), (budget, start) => {
      let calls = 0;
      const f = (x: number[]) => { calls++; return x.reduce((s, v, i) => s + (i + 1) * (v - i) ** 2, 0); };
      const first = minimiseNelderMead(f, start, { maxEvaluations: budget });
      expect(calls).toBeLessThanOrEqual(budget);
      expect(first.evaluations).toBe(calls);
      const second = minimiseNelderMead(f, start, { maxEvaluations: budget });
      expect(second).toEqual(first);
    }));
  });
  it('never returns a point worse than the start', () => {
    const f = ([x]: number[]) => Math.abs(Math.sin(7 * x)) + 0.1 * x * x;
    const start = f([0.3]);
    expect(minimiseNelderMead(f, [0.3], { maxEvaluations: 40 }).value).toBeLessThanOrEqual(start);
  });
});
