import { describe, expect, it } from 'vitest';
import { createReplicateMerger } from '../../src/montecarlo/createReplicateMerger.ts';

const result = (replicate: number) => ({ replicate, series: new Float64Array(0), summaries: new Float64Array(0) });

describe('createReplicateMerger', () => {
  it('places batches by index whatever their arrival order', () => {
    const merger = createReplicateMerger(4);
    expect(merger.add({ firstReplicate: 2, results: [result(2), result(3)] })).toBe(2);
    merger.add({ firstReplicate: 0, results: [result(0), result(1)] });
    expect(merger.finish().map((r) => r.replicate)).toEqual([0, 1, 2, 3]);
  });
  it('rejects duplicates, strays and gaps', () => {
    const merger = createReplicateMerger(2);
    merger.add({ firstReplicate: 0, results: [result(0)] });
    expect(() => merger.add({ firstReplicate: 0, results: [result(0)] })).toThrow(/twice/);
    expect(() => merger.add({ firstReplicate: 5, results: [result(5)] })).toThrow(/slot/);
    expect(() => merger.finish()).toThrow(/replicate 1 is missing/);
  });
});
