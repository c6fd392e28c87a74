import { describe, expect, it } from 'vitest';
import { splitCells } from '../../src/threads/splitCells.ts';

describe('splitCells', () => {
  it('splits equal cells evenly', () => {
    expect([...splitCells(Int32Array.of(4, 4, 4, 4), 2)]).toEqual([0, 2, 4]);
  });
  it('balances by weight, not by count', () => {
    expect([...splitCells(Int32Array.of(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 2)]).toEqual([0, 1, 11]);
  });
  it('covers every cell once, in order, with empty ranges allowed', () => {
    const bounds = splitCells(Int32Array.of(0, 0, 5, 0, 0, 5, 0), 3);
    expect(bounds[0]).toBe(0);
    expect(bounds[3]).toBe(7);
    for (let i = 0; i < 3; i++) expect(bounds[i + 1]).toBeGreaterThanOrEqual(bounds[i]);
  });
  it('gives one range when there is one part', () => {
    expect([...splitCells(Int32Array.of(3, 1), 1)]).toEqual([0, 2]);
  });
});
