import { describe, expect, it } from 'vitest';
import type { ReplicateResult } from '../../sim-core/results.ts';
import { createReplicateTaskHandler } from '../../src/montecarlo/createReplicateTaskHandler.ts';

function countingFactory() {
  const compiles: number[] = [];
  const factory = (compiled: { offset: number }) => {
    compiles.push(compiled.offset);
    return (masterSeed: number, replicate: number): ReplicateResult => ({
      replicate,
      series: Float64Array.of(masterSeed + replicate + compiled.offset),
      summaries: new Float64Array(0),
    });
  };
  return { compiles, factory };
}

describe('createReplicateTaskHandler', () => {
  it('compiles once per scenario hash and runs the range in order', () => {
    const { compiles, factory } = countingFactory();
    const handle = createReplicateTaskHandler(factory);
    const batch = handle({ scenarioHash: 'h1', compiled: { offset: 100 }, masterSeed: 1, firstReplicate: 4, replicateCount: 3 });
    expect(batch.firstReplicate).toBe(4);
    expect(batch.results.map((result) => result.series[0])).toEqual([105, 106, 107]);
    handle({ scenarioHash: 'h1', masterSeed: 1, firstReplicate: 7, replicateCount: 1 });
    handle({ scenarioHash: 'h2', compiled: { offset: 200 }, masterSeed: 1, firstReplicate: 0, replicateCount: 1 });
    expect(compiles).toEqual([100, 200]);
  });
  it('evicts the oldest runner beyond the cache size and explains a missing scenario', () => {
    const { compiles, factory } = countingFactory();
    const handle = createReplicateTaskHandler(factory, 1);
    handle({ scenarioHash: 'a', compiled: { offset: 1 }, masterSeed: 0, firstReplicate: 0, replicateCount: 1 });
    handle({ scenarioHash: 'b', compiled: { offset: 2 }, masterSeed: 0, firstReplicate: 0, replicateCount: 1 });
    expect(() => handle({ scenarioHash: 'a', masterSeed: 0, firstReplicate: 0, replicateCount: 1 })).toThrow(/no compiled scenario/);
    expect(compiles).toEqual([1, 2]);
  });
  it('rejects a runner that returns the wrong replicate', () => {
    const handle = createReplicateTaskHandler(() => () => ({ replicate: 0, series: new Float64Array(0), summaries: new Float64Array(0) }));
    expect(() => handle({ scenarioHash: 'x', compiled: {}, masterSeed: 0, firstReplicate: 1, replicateCount: 1 })).toThrow(/replicate 0/);
  });
});

describe('createReplicateTaskHandler keep hook', () => {
  it('applies keep to each result before the next replicate runs (a reusing runner stays correct)', () => {
    const buffer = new Float64Array(1);
    const reusing = () => (masterSeed: number, replicate: number): ReplicateResult => {
      buffer[0] = masterSeed * 10 + replicate;
      return { replicate, series: buffer, summaries: new Float64Array(0) };
    };
    const copying = createReplicateTaskHandler(reusing, 4, (result) => ({ ...result, series: result.series.slice() }));
    const batch = copying({ scenarioHash: 'h', compiled: {}, masterSeed: 1, firstReplicate: 0, replicateCount: 3 });
    expect(batch.results.map((result) => result.series[0])).toEqual([10, 11, 12]);
    const aliasing = createReplicateTaskHandler(reusing);
    expect(aliasing({ scenarioHash: 'h', compiled: {}, masterSeed: 1, firstReplicate: 0, replicateCount: 3 }).results.map((r) => r.series[0])).toEqual([12, 12, 12]);
  });
});
