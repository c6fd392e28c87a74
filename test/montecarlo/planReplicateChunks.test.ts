import { describe, expect, it } from 'vitest';
import { planReplicateChunks } from '../../src/montecarlo/planReplicateChunks.ts';

describe('planReplicateChunks', () => {
  it('starts at ⌈replicates / (workers · 4)⌉ and shrinks to single replicates, covering every index once, in order', () => {
    const chunks = planReplicateChunks(100, 2);
    expect(chunks[0]).toEqual({ firstReplicate: 0, replicateCount: 13 });
    expect(chunks.at(-1)?.replicateCount).toBe(1);
    let next = 0;
    for (let i = 0; i < chunks.length; i++) {
      expect(chunks[i].firstReplicate).toBe(next);
      next += chunks[i].replicateCount;
      // Each chunk takes ⌈remaining / 8⌉: never more than the chunk before it.
      expect(chunks[i].replicateCount).toBe(Math.ceil((100 - chunks[i].firstReplicate) / 8));
      if (i > 0) expect(chunks[i].replicateCount).toBeLessThanOrEqual(chunks[i - 1].replicateCount);
    }
    expect(next).toBe(100);
  });
  it('plans inline runs as one worker, with chunks of at least one', () => {
    expect(planReplicateChunks(8, 0).map((chunk) => chunk.replicateCount)).toEqual([2, 2, 1, 1, 1, 1]);
    expect(planReplicateChunks(3, 4).length).toBe(3);
    expect(planReplicateChunks(0, 2)).toEqual([]);
  });
  it('honours an explicit size and rejects invalid ones', () => {
    expect(planReplicateChunks(5, 2, 2).map((chunk) => chunk.firstReplicate)).toEqual([0, 2, 4]);
    expect(() => planReplicateChunks(5, 2, 0)).toThrow(RangeError);
    expect(() => planReplicateChunks(5, 2, 1.5)).toThrow(RangeError);
  });
});
