import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStream } from '../../sim-core/random/createStream.ts';
import { drawDistribution } from '../../sim-core/random/drawDistribution.ts';
import { sampleScenario } from '../../sim-core/sampleScenario.ts';
import type { DistributionSpec, ScenarioSpec } from '../../sim-core/spec.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const { spec } = loadScenario('test/fixtures/scenarios/minimal.yaml', {
  set: ['behaviour.riskAversion={dist: normal, mean: 0.5, sd: 1, min: 0.2, max: 0.6}', 'government.reversalProbability={dist: discrete, values: [0.1, 0.3, 0.5], weights: [1, 0, 3]}'],
});

/** The number at a dotted path of a spec. */
function at(s: ScenarioSpec, path: string): number {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], s) as number;
}

describe('sampleScenario', () => {
  it('draws every uncertainty within its bounds, on many replicates', () => {
    expect(spec.uncertainties).toHaveLength(5);
    for (let replicate = 0; replicate < 200; replicate++) {
      const s = sampleScenario(spec, 7, replicate);
      const elasticity = at(s, 'materials.0.demand.elasticityShortRun');
      expect(elasticity).toBeGreaterThanOrEqual(-0.2);
      expect(elasticity).toBeLessThanOrEqual(-0.05);
      expect(at(s, 'materials.0.demand.growthPerYear')).toBeGreaterThanOrEqual(0.02);
      expect(at(s, 'materials.0.demand.growthPerYear')).toBeLessThan(0.06);
      expect(at(s, 'events.1.start')).toBeGreaterThanOrEqual(0.5);
      expect(at(s, 'behaviour.riskAversion')).toBeGreaterThanOrEqual(0.2);
      expect(at(s, 'behaviour.riskAversion')).toBeLessThanOrEqual(0.6);
      expect([0.1, 0.5]).toContain(s.government.reversalProbability);
    }
  });

  it('actually varies the drawn values across replicates', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, r) => sampleScenario(spec, 1, r).materials[0].demand.growthPerYear));
    expect(draws.size).toBe(20);
  });

  it('is deterministic for a seeded stream and leaves its input unchanged', () => {
    const before = JSON.stringify(spec);
    const a = sampleScenario(spec, 42, 3);
    const b = sampleScenario(spec, 42, 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(spec)).toBe(before);
    const c = sampleScenario(spec, 42, 4);
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    expect(a.materials[0].mining).toEqual(spec.materials[0].mining);
    expect(a.materials[0].mining).not.toBe(spec.materials[0].mining);
  });
});

describe('drawDistribution', () => {
  const laws: DistributionSpec[] = [
    { dist: 'uniform', min: -1, max: 2 },
    { dist: 'triangular', min: 0.3, mode: 0.5, max: 0.7 },
    { dist: 'normal', mean: 0, sd: 5, min: -1, max: 1 },
    { dist: 'discrete', values: [1, 2, 3] },
  ];

  it('stays within the support of bounded laws for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 3 }), (seed, which) => {
        const law = laws[which];
        const x = drawDistribution(createStream(seed, 0, 'test'), law);
        const bounds = law as { min?: number; max?: number };
        const [low, high] = law.dist === 'discrete' ? [1, 3] : [bounds.min as number, bounds.max as number];
        return x >= low && x <= high;
      }),
    );
  });

  it('has about the right mean (lognormal median, triangular mean)', () => {
    const rng = createStream(5, 0, 'moments');
    const n = 20000;
    const tri = Array.from({ length: n }, () => drawDistribution(rng, { dist: 'triangular', min: 0, mode: 1, max: 5 }));
    expect(tri.reduce((a, b) => a + b, 0) / n).toBeCloseTo(2, 1);
    const logs = Array.from({ length: n }, () => drawDistribution(rng, { dist: 'lognormal', median: 10, sigma: 0.5 })).sort((a, b) => a - b);
    expect(logs[n / 2]).toBeGreaterThan(9.5);
    expect(logs[n / 2]).toBeLessThan(10.5);
  });

  it('honours discrete weights', () => {
    const rng = createStream(9, 0, 'discrete');
    const draws = Array.from({ length: 4000 }, () => drawDistribution(rng, { dist: 'discrete', values: [1, 2], weights: [3, 1] }));
    const share = draws.filter((x) => x === 1).length / draws.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });
});
