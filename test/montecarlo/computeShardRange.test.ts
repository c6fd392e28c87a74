import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeShardRange, parseShardSpec } from '../../src/montecarlo/computeShardRange.ts';

describe('computeShardRange', () => {
  it('splits replicates into contiguous ranges', () => {
    expect(computeShardRange(10, { index: 1, count: 3 })).toEqual({ firstReplicate: 0, replicateCount: 3 });
    expect(computeShardRange(10, { index: 2, count: 3 })).toEqual({ firstReplicate: 3, replicateCount: 3 });
    expect(computeShardRange(10, { index: 3, count: 3 })).toEqual({ firstReplicate: 6, replicateCount: 4 });
  });
  it('tiles 0…N−1 exactly for any N and K', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (replicates, count) => {
      let next = 0;
      for (let index = 1; index <= count; index++) {
        const range = computeShardRange(replicates, { index, count });
        expect(range.firstReplicate).toBe(next);
        next += range.replicateCount;
      }
      expect(next).toBe(replicates);
    }));
  });
  it('rejects and refuses malformed shards', () => {
    expect(() => computeShardRange(10, { index: 0, count: 3 })).toThrow(RangeError);
    expect(() => computeShardRange(10, { index: 4, count: 3 })).toThrow(RangeError);
    expect(parseShardSpec('2/4')).toEqual({ index: 2, count: 4 });
    for (const text of ['0/4', '5/4', '2', 'a/b', '2/4/1', '-1/2']) expect(parseShardSpec(text)).toBeUndefined();
  });
});
