import { describe, expect, it } from 'vitest';
import { createSweepDesign, MAX_SWEEP_POINTS } from '../../src/sweep/createSweepDesign.ts';

describe('createSweepDesign', () => {
  it('refuses a design beyond MAX_SWEEP_POINTS before building a point, naming its shape', () => {
    const started = process.memoryUsage().heapUsed;
    expect(() => createSweepDesign([], '1000000000', ['regions.US.engineers=1:5'], 1)).toThrow(
      'sweep: expected at most 10,000 design points, found 1,000,000,000 (--lhs 1000000000); every point runs all its replicates: sweep fewer values, or split the design into several sweeps');
    expect(process.memoryUsage().heapUsed - started).toBeLessThan(50e6); // nothing of the billion points was built
    const values = Array.from({ length: 300 }, (_, i) => i + 1).join(',');
    expect(() => createSweepDesign([`regions.US.engineers=${values}`, `regions.US.graduatesPerYear=${values}`], undefined, [], 1))
      .toThrow(/found 90,000 \(300 values of regions\.US\.engineers × 300 values of regions\.US\.graduatesPerYear\)/);
  });

  it('builds a design at the limit, and grids crossed with a hypercube count both', () => {
    expect(createSweepDesign([], String(MAX_SWEEP_POINTS), ['regions.US.engineers=1:5'], 1).points).toHaveLength(MAX_SWEEP_POINTS);
    expect(() => createSweepDesign(['years=2,3'], String(MAX_SWEEP_POINTS / 2 + 1), ['regions.US.engineers=1:5'], 1)).toThrow(/found 10,002 \(2 values of years × --lhs 5001\)/);
    expect(createSweepDesign(['years=2,3'], '4', ['materials.ndpr.demand.growthPerYear=3%:8%'], 1).points).toHaveLength(8);
  });

  it('warns of a design of one point (audit 25 L1), not of two or more', () => {
    expect(createSweepDesign(['government.reversalProbability=30%'], undefined, [], 1).warning).toMatch(/one point: nothing to compare/);
    expect(createSweepDesign(['government.reversalProbability=30%,40%'], undefined, [], 1).warning).toBeUndefined();
  });
});
