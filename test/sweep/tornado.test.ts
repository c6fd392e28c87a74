import { describe, expect, it } from 'vitest';
import type { UncertaintySpec } from '../../sim-core/index.ts';
import { computeTornado } from '../../src/sweep/computeTornado.ts';
import { createTornadoSpecs } from '../../src/sweep/createTornadoSpecs.ts';
import { fixParameters } from '../../src/sweep/fixParameters.ts';
import { uncertaintyRange } from '../../src/sweep/uncertaintyRange.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const baseline = loadScenario(new URL('../../scenarios/baseline.yaml', import.meta.url).pathname).spec;

describe('uncertaintyRange', () => {
  it('takes the 5th and 95th percentiles of continuous laws', () => {
    expect(uncertaintyRange({ dist: 'uniform', min: 0, max: 10 })).toEqual({ low: 0.5, high: 9.5, rule: 'p5/p95' });
    const tri = uncertaintyRange({ dist: 'triangular', min: 0, mode: 1, max: 2 });
    // symmetric triangle: F(x) = x²/2 below the mode, so p5 = √0.1
    expect(tri.low).toBeCloseTo(Math.sqrt(0.1), 12);
    expect(tri.high).toBeCloseTo(2 - Math.sqrt(0.1), 12);
    const normal = uncertaintyRange({ dist: 'normal', mean: 5, sd: 2 });
    expect(normal.low).toBeCloseTo(5 - 2 * 1.6448536269514722, 9);
    expect(uncertaintyRange({ dist: 'normal', mean: 5, sd: 2, max: 6 }).high).toBe(6);
    const logn = uncertaintyRange({ dist: 'lognormal', median: 3, sigma: 0.5 });
    expect(logn.low * logn.high).toBeCloseTo(9, 9);
  });

  it('takes min and max of discrete laws', () => {
    expect(uncertaintyRange({ dist: 'discrete', values: [3, 1, 2], weights: [1, 1, 8] })).toEqual({ low: 1, high: 3, rule: 'min/max' });
  });
});

describe('fixParameters and createTornadoSpecs', () => {
  it('removes every uncertainty, sets the values asked for and leaves the input alone', () => {
    // Distributions are drawn in canonical key order (src/scenario/canonicalYaml.ts), so look this one up by path.
    const path = baseline.uncertainties.find((u) => u.path === 'materials.0.demand.growthPerYear')?.path as string;
    const fixed = fixParameters(baseline, [{ path, value: 0.123 }]);
    expect(fixed.uncertainties).toEqual([]);
    expect(fixed.materials[0].demand.growthPerYear).toBe(0.123);
    expect(baseline.uncertainties.length).toBeGreaterThan(0);
    expect(baseline.materials[0].demand.growthPerYear).not.toBe(0.123);
    expect(() => fixParameters(baseline, [{ path: 'materials.0.name', value: 1 }])).toThrow(/no number/);
    expect(() => fixParameters(baseline, [{ path: 'nothing.here', value: 1 }])).toThrow(/no number/);
  });

  it('builds nominal, then low and high per parameter, each moving one parameter only', () => {
    const { parameters, specs } = createTornadoSpecs(baseline);
    expect(specs).toHaveLength(1 + 2 * baseline.uncertainties.length);
    const nominal = JSON.stringify(specs[0]);
    parameters.forEach((parameter, i) => {
      expect(JSON.stringify(specs[1 + 2 * i])).not.toBe(nominal);
      expect(JSON.stringify(fixParameters(specs[1 + 2 * i], [{ path: parameter.uncertainty.path, value: parameter.nominal }]))).toBe(nominal);
      expect(parameter.range.low).toBeLessThanOrEqual(parameter.range.high);
    });
  });
});

describe('computeTornado', () => {
  const uncertainty = (label: string): UncertaintySpec => ({ path: label, label, distribution: { dist: 'uniform', min: 0, max: 1 } });
  const range = { low: 0.05, high: 0.95, rule: 'p5/p95' as const };

  it('ranks parameters by |swing|, the mean paired difference high − low', () => {
    const rows = computeTornado([
      { uncertainty: uncertainty('small'), range, nominal: 0.5, atLow: [1, 2, 3], atHigh: [1.1, 2.1, 3.1] },
      { uncertainty: uncertainty('large'), range, nominal: 0.5, atLow: [5, 6, 7], atHigh: [1, 2, 3] },
      { uncertainty: uncertainty('none'), range, nominal: 0.5, atLow: [1, 2, 3], atHigh: [1, 2, 3] },
    ], [2, 3, 4]);
    expect(rows.map((r) => [r.rank, r.parameter])).toEqual([[1, 'large'], [2, 'small'], [3, 'none']]);
    expect(rows[0]).toMatchObject({ swing: -4, ciLow: -4, ciHigh: -4, meanAtLow: 6, meanAtHigh: 2, meanNominal: 3, n: 3 });
    expect(rows[2].swing).toBe(0);
    // The first's |swing| against the second's, run by run: 4 against 0.1 in every run.
    expect(rows[0].leadOverNext).toEqual({ difference: 3.9, ciLow: 3.9, ciHigh: 3.9, n: 3 });
    expect(rows[1].leadOverNext).toBeUndefined();
  });

  it('says when the first only leads on average: two swings whose paired difference reaches 0', () => {
    const rows = computeTornado([
      { uncertainty: uncertainty('a'), range, nominal: 0.5, atLow: [0, 0, 0, 0], atHigh: [3, 1, 2.5, 1.6] },
      { uncertainty: uncertainty('b'), range, nominal: 0.5, atLow: [0, 0, 0, 0], atHigh: [1, 3, 1.5, 2.4] },
    ], [0, 0, 0, 0]);
    expect(rows[0].parameter).toBe('a');
    expect(rows[0].leadOverNext?.difference).toBeCloseTo(0.05, 12);
    expect(rows[0].leadOverNext?.ciLow).toBeLessThan(0);
    // Nothing moved: no lead to test.
    const still = computeTornado([
      { uncertainty: uncertainty('a'), range, nominal: 0.5, atLow: [1, 2], atHigh: [1, 2] },
      { uncertainty: uncertainty('b'), range, nominal: 0.5, atLow: [1, 2], atHigh: [1, 2] },
    ], [1, 2]);
    expect(still[0].leadOverNext).toBeUndefined();
  });
});
