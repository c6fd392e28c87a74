import { describe, expect, it } from 'vitest';
import { computeBlockBands } from '../../src/stats/computeBlockBands.ts';
import { chooseBandWorkers } from '../../src/stats/chooseBandWorkers.ts';
import { createBandPool } from '../../src/stats/createBandPool.ts';

const key = (i: number) => ({ metric: `m${i}`, material: 'ndpr', stage: '', region: '', unit: 'x' });

describe('createBandPool', () => {
  it('computes on worker threads the bytes computeBlockBands gives on one thread', async () => {
    const seriesCount = 5;
    const replicateCount = 7;
    const ticks = 3;
    const shared = new Float64Array(new SharedArrayBuffer(seriesCount * replicateCount * ticks * 8));
    for (let i = 0; i < shared.length; i++) shared[i] = i % 11 === 0 ? NaN : Math.sin(i) * 1000;
    const keys = Array.from({ length: 9 }, (_, i) => key(i));
    const block = { firstSeries: 2, seriesCount, replicateCount, ticks, values: shared };
    const pool = createBandPool(2);
    try {
      const bands = await pool.compute(keys, block);
      expect(bands.map((band) => band.key.metric)).toEqual(['m2', 'm3', 'm4', 'm5', 'm6']);
      expect(bands).toEqual(computeBlockBands(keys, { ...block, values: Float64Array.from(shared) }));
      await expect(pool.compute(keys, { ...block, values: new Float64Array(shared.length) })).rejects.toThrow(/SharedArrayBuffer/);
    } finally {
      await pool.destroy();
    }
  });

  it('keeps small runs on the main thread', () => {
    expect(chooseBandWorkers(2, 1000 * 1058 * 520)).toBe(2);
    expect(chooseBandWorkers(2, 5 * 1058 * 12)).toBe(0);
  });
});
