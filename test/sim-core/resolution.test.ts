import { describe, expect, it } from 'vitest';
import { compileScenario, createReplicateRunner, type ReplicateResult, type ResultLayout } from '../../sim-core/index.ts';
import { studentTQuantile } from '../../src/stats/studentTQuantile.ts';
import { smallBaseline } from './engineHelpers.ts';

const REPLICATES = 12;

/** Per replicate: the mean over ticks of a world total (summed over regions) of one metric and material. */
function perReplicateMeans(layout: ResultLayout, results: ReplicateResult[], metric: string, material: string, stage: string): number[] {
  const indices = layout.series.flatMap((key, i) => (key.metric === metric && key.material === material && key.stage === stage ? [i] : []));
  return results.map((result) => {
    let total = 0;
    for (const i of indices) for (let t = 0; t < layout.ticks; t++) total += result.series[i * layout.ticks + t];
    return total / layout.ticks;
  });
}

function meanAndVariance(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [mean, values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)];
}

describe('resolution invariance', () => {
  // Uncertain parameters are held at their nominal values: the question is agents, not parameters.
  const coarse = compileScenario({ ...smallBaseline(2, 4), uncertainties: [] });
  const fine = compileScenario({ ...smallBaseline(2, 40), uncertainties: [] });
  const run = (compiled: typeof coarse) => {
    const runner = createReplicateRunner(compiled);
    return Array.from({ length: REPLICATES }, (_, i) => runner(11, i));
  };
  const coarseResults = run(coarse);
  const fineResults = run(fine);
  it('has 10× more firms at the fine resolution', () => {
    const firms = (results: ReplicateResult[], layout: ResultLayout) => perReplicateMeans(layout, results, 'firms', '', 'mining')[0];
    expect(firms(fineResults, fine.layout)).toBeGreaterThan(8 * firms(coarseResults, coarse.layout));
  });
  /** True when Welch's test at 99% cannot tell the two sets of per-replicate means apart. */
  const indistinguishable = (a: number[], b: number[]) => {
    const [meanA, varA] = meanAndVariance(a);
    const [meanB, varB] = meanAndVariance(b);
    const standardError = Math.sqrt(varA / a.length + varB / b.length);
    const df = (varA / a.length + varB / b.length) ** 2 / ((varA / a.length) ** 2 / (a.length - 1) + (varB / b.length) ** 2 / (b.length - 1));
    return Math.abs(meanA - meanB) <= studentTQuantile(0.995, Math.max(1, df)) * standardError + 1e-9 * Math.abs(meanA);
  };
  it('has the power to see a real 5% change (control: demand shock at the fine resolution)', () => {
    const shocked = compileScenario({ ...fine.spec, events: [{ kind: 'demandShock', material: 'lithium', multiplier: 1.05, start: 0 }] });
    const shockedResults = run(shocked);
    const base = perReplicateMeans(fine.layout, fineResults, 'demand', 'lithium', 'endUse');
    const more = perReplicateMeans(shocked.layout, shockedResults, 'demand', 'lithium', 'endUse');
    expect(indistinguishable(base, more)).toBe(false);
  });
  it.each([
    ['production', 'ndpr', 'processing'], ['production', 'graphite', 'mining'], ['demand', 'lithium', 'endUse'],
    ['production', 'cobalt', 'manufacturing'], ['demand', 'dy', 'endUse'],
  ])('keeps the mean %s of %s at %s statistically the same (Welch, 99 percent)', (metric, material, stage) => {
    const a = perReplicateMeans(coarse.layout, coarseResults, metric, material, stage);
    const b = perReplicateMeans(fine.layout, fineResults, metric, material, stage);
    expect(a[0]).toBeGreaterThan(0);
    expect(indistinguishable(a, b)).toBe(true);
  });
});
