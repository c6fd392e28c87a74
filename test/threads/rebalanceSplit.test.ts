import { describe, expect, it } from 'vitest';
import { rebalanceSplit } from '../../src/threads/rebalanceSplit.ts';

describe('rebalanceSplit', () => {
  it('moves the boundary cell from the slower part to the faster one', () => {
    const left = Int32Array.of(0, 4, 8);
    rebalanceSplit(left, [6, 4], new Array(8).fill(1)); // a left cell costs 1.5 ms: a gap of 2 is under 1.5 × 1.5
    expect([...left]).toEqual([0, 4, 8]);
    rebalanceSplit(left, [8, 4], new Array(8).fill(1)); // a left cell costs 2 ms: a gap of 4 is over 1.5 × 2
    expect([...left]).toEqual([0, 3, 8]);
    const right = Int32Array.of(0, 4, 8);
    rebalanceSplit(right, [4, 8], new Array(8).fill(1));
    expect([...right]).toEqual([0, 5, 8]);
  });
  it('leaves a split alone when the times differ by less than the move would shift (noise)', () => {
    const bounds = Int32Array.of(0, 14, 28);
    rebalanceSplit(bounds, [1.0, 1.05], new Array(28).fill(7246));
    expect([...bounds]).toEqual([0, 14, 28]);
  });
  it('weighs a cell by its slots: an empty cell moves freely, a part keeps one cell', () => {
    const bounds = Int32Array.of(0, 2, 3);
    rebalanceSplit(bounds, [5, 1], [10, 0, 10]);
    expect([...bounds]).toEqual([0, 1, 3]);
    rebalanceSplit(bounds, [5, 1], [10, 0, 10]);
    expect([...bounds]).toEqual([0, 1, 3]);
  });
  it('handles every boundary of a three-part split', () => {
    const bounds = Int32Array.of(0, 3, 6, 9);
    rebalanceSplit(bounds, [9, 3, 9], new Array(9).fill(1));
    expect([...bounds]).toEqual([0, 2, 7, 9]);
  });
});
