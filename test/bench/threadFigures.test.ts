import { describe, expect, it } from 'vitest';
import { SECOND_CORE_CPU_OVER_WALL, threadFigures } from '../../bench/measureThreads.ts';

describe('threadFigures', () => {
  // Rounds whose speed drifts: the ratio of medians (20 / 16 = 1.25) is not the median of the rounds' ratios (2).
  const times = new Map([[1, [10, 20, 40]], [2, [4, 16, 20]], [-2, [9, 12, 20]]]);

  it('takes the speedup pair by pair, round by round', () => {
    const figures = threadFigures([1, 2], times, new Map([[1, [10, 20, 40]], [2, [8, 32, 40]], [-2, [9, 12, 20]]]));
    expect(figures.speedup).toBe(2); // rounds 2.5, 1.25, 2
    expect(figures.range?.speedup).toEqual([1.25, 2.5]);
    expect(figures.sleepingBarrier?.speedup).toBeCloseTo(20 / 12, 12); // rounds 1.11, 1.67, 2
    expect(figures.msPerTick).toEqual({ 1: 20, 2: 16 });
    expect(figures.cpuOverWall).toEqual({ 1: 1, 2: 2 });
    expect(figures.secondCoreAvailable).toBe(true);
    expect(figures.cpuBoundSpeedup).toBe(1.25); // 2 × CPU(1 thread) ÷ CPU(2 threads), medians 20 and 32
  });

  it('says when the threads shared one core (CPU ÷ wall about 1)', () => {
    const figures = threadFigures([1, 2], times, new Map([[1, [10, 20, 40]], [2, [4, 16, 20]]]));
    expect(figures.cpuOverWall?.['2']).toBeLessThan(SECOND_CORE_CPU_OVER_WALL);
    expect(figures.secondCoreAvailable).toBe(false);
  });
});
