import { describe, expect, it } from 'vitest';
import { planReplicateChunks } from '../../src/montecarlo/planReplicateChunks.ts';

describe('planReplicateChunks', () => {
  it('uses ⌈replicates / (workers · 4)⌉ by default and covers every index once', () => {
    const chunks = planReplicateChunks(100, 2);
    expect(chunks.length).toBe(8);
    expect(chunks[0]).toEqual({ firstReplicate: 0, replicateCount: 13 });
    expect(chunks.at(-1)).toEqual({ firstReplicate: 91, replicateCount: 9 });
    expect(chunks.reduce((sum, chunk) => sum + chunk.replicateCount, 0)).toBe(100);
  });
  it('plans inline runs as one worker, with chunks of at least one', () => {
    expect(planReplicateChunks(8, 0).map((chunk) => chunk.replicateCount)).toEqual([2, 2, 2, 2]);
    expect(planReplicateChunks(3, 4).length).toBe(3);
    expect(planReplicateChunks(0, 2)).toEqual([]);
  });
  it('honours an explicit size and rejects invalid ones', () => {
    expect(planReplicateChunks(5, 2, 2).map((chunk) => chunk.firstReplicate)).toEqual([0, 2, 4]);
    expect(() => planReplicateChunks(5, 2, 0)).toThrow(RangeError);
    expect(() => planReplicateChunks(5, 2, 1.5)).toThrow(RangeError);
  });
});
