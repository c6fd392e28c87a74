import { describe, expect, it } from 'vitest';
import { measureConcentration } from '../../src/stats/measureConcentration.ts';

const zeros = (n: number): number[] => Array(n).fill(0);

describe('measureConcentration', () => {
  it('flags a mean that four large runs among thirty carry (the audit finding M2 shape)', () => {
    // 26 runs within ±5 (Σ|noise| = 61), 4 runs of 400–450: mean ≈ +56. Σ|d| = 1,680 + 61 = 1,741; half of it, 870.5, is
    // just missed by the two largest (450 + 420 = 870) and reached by three: k = 3 ≤ max(2, 4.5).
    const noise = [3, -2, 4, -5, 1, 0, -1, 2, -3, 5, -4, 1, 0, 2, -2, 3, -1, 4, -3, 0, 1, -4, 2, -5, 3, 0];
    const c = measureConcentration([...noise, 450, 400, 420, 410]);
    expect(c.runs).toBe(30);
    expect(c.carriedBy).toBe(3);
    expect(c.concentrated).toBe(true);
  });

  it('does not flag a mean that most runs make: normal-looking differences around a clear mean', () => {
    // 30 runs 1..30 shifted: every run positive, the top runs 30, 29, … reach half of 465 (232.5) at the 9th (30+…+22 = 234).
    const c = measureConcentration(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(c.carriedBy).toBe(9);
    expect(c.concentrated).toBe(false);
    // Equal differences: half the sum needs ⌈n/2⌉ runs.
    expect(measureConcentration(Array(30).fill(7))).toEqual({ runs: 30, carriedBy: 15, concentrated: false });
  });

  it('counts runs against the mean in Σ|d|, so two-sided noise needs more carrying runs', () => {
    // Mean +1: the positive runs 10, 10 hold 20 of Σ|d| = 20 + 18·1 = 38, half is 19: k = 2 of 20, flagged (2 ≤ max(2, 3)).
    const lopsided = [10, 10, ...Array(9).fill(1), ...Array(9).fill(-1)];
    expect(measureConcentration(lopsided)).toMatchObject({ runs: 20, carriedBy: 2, concentrated: true });
    // The same shape for a negative mean: the sign does not matter.
    expect(measureConcentration(lopsided.map((d) => -d))).toMatchObject({ carriedBy: 2, concentrated: true });
  });

  it('uses max(2, 15% of n): k = 4 is few at 30 runs, not at 20', () => {
    // Four runs of 100, the rest 10: Σ = 400 + 10(n − 4); half reached after 4 runs of 100 only when 400 ≥ Σ/2.
    const at30 = measureConcentration([100, 100, 100, 100, ...Array(26).fill(10)]); // Σ 660, half 330: k = 4
    expect(at30).toMatchObject({ carriedBy: 4, concentrated: true });
    const at20 = measureConcentration([100, 100, 100, 100, ...Array(16).fill(10)]); // Σ 560, half 280: k = 3 ≤ 3
    expect(at20).toMatchObject({ carriedBy: 3, concentrated: true });
    const wide20 = measureConcentration([100, 100, 100, 100, ...Array(16).fill(30)]); // Σ 880, half 440: 4×100 + 30 + 30 → k = 6 > 3
    expect(wide20).toMatchObject({ carriedBy: 6, concentrated: false });
  });

  it('flags nothing below 5 runs, where half of any sum is in 1 or 2 runs', () => {
    expect(measureConcentration([0, 0, 0, 100])).toEqual({ runs: 4, carriedBy: 1, concentrated: false });
    expect(measureConcentration([5, 5])).toEqual({ runs: 2, carriedBy: 1, concentrated: false });
    expect(measureConcentration([3])).toEqual({ runs: 1, carriedBy: 1, concentrated: false });
    expect(measureConcentration([])).toEqual({ runs: 0, carriedBy: 0, concentrated: false });
    // From 5 runs on one dominant run is flagged, equal runs are not.
    expect(measureConcentration([0, 0, 0, 0, 100])).toEqual({ runs: 5, carriedBy: 1, concentrated: true });
    expect(measureConcentration([4, 4, 4, 4, 4])).toEqual({ runs: 5, carriedBy: 3, concentrated: false });
  });

  it('gives k = 0 and no flag when every difference or the mean is 0, and leaves out NaN and infinite runs', () => {
    expect(measureConcentration(zeros(30))).toEqual({ runs: 30, carriedBy: 0, concentrated: false });
    expect(measureConcentration([5, -5, ...zeros(10)])).toEqual({ runs: 12, carriedBy: 0, concentrated: false });
    expect(measureConcentration([NaN, Infinity, ...zeros(8), 100])).toEqual({ runs: 9, carriedBy: 1, concentrated: true });
  });

  it('does not depend on the order of the runs', () => {
    const values = [450, ...zeros(12), 400, 3, -2, 420, ...zeros(10), 410, 1];
    expect(measureConcentration(values)).toEqual(measureConcentration([...values].reverse()));
  });
});
