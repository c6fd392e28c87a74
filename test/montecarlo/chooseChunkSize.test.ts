import { describe, expect, it } from 'vitest';
import { chooseChunkSize } from '../../src/montecarlo/chooseChunkSize.ts';

describe('chooseChunkSize', () => {
  it('keeps the load-balancing default when batches are small', () => {
    expect(chooseChunkSize(100, 2, 1000)).toBe(13);
  });
  it('caps a batch at the byte budget, never below one replicate', () => {
    expect(chooseChunkSize(10_000, 2, 3_935_360)).toBe(8);
    expect(chooseChunkSize(10_000, 2, 3_935_360, 1000)).toBe(1);
    expect(chooseChunkSize(10, 0, 8, 80)).toBe(3);
  });
});
