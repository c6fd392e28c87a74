import { describe, expect, it } from 'vitest';
import { BUSY_LOAD_PER_CORE, describeRunLoad, estimateOwnLoad, isBusy, monteCarloCpuOverWall } from '../../bench/machineLoad.ts';

describe('estimateOwnLoad', () => {
  it('tends to the CPU rate of a long steady run (one busy thread: 1; two: 2; idle: 0)', () => {
    const steady = (rate: number) => [{ wallS: 0, cpuS: 0 }, { wallS: 600, cpuS: 600 * rate }];
    expect(estimateOwnLoad(steady(1), 600)).toBeCloseTo(1, 3);
    expect(estimateOwnLoad(steady(2), 600)).toBeCloseTo(2, 3);
    expect(estimateOwnLoad(steady(0), 600)).toBe(0);
  });

  it('weighs the last minute most, as the kernel\'s 1-minute average does', () => {
    // Busy for a minute, then idle for two: e^-2 − e^-3 of the busy rate is left.
    const busyThenIdle = [{ wallS: 0, cpuS: 0 }, { wallS: 60, cpuS: 60 }, { wallS: 180, cpuS: 60 }];
    expect(estimateOwnLoad(busyThenIdle, 180)).toBeCloseTo(Math.exp(-2) - Math.exp(-3), 6);
    // A 30-second run at one core: 1 − e^-0.5.
    expect(estimateOwnLoad([{ wallS: 0, cpuS: 0 }, { wallS: 30, cpuS: 30 }], 30)).toBeCloseTo(1 - Math.exp(-0.5), 6);
  });

  it('is 0 with fewer than two samples', () => {
    expect(estimateOwnLoad([{ wallS: 5, cpuS: 5 }], 5)).toBe(0);
  });
});

describe('isBusy and the Monte Carlo second core', () => {
  it('marks a load per core above 0.75 busy, not one at it', () => {
    expect(BUSY_LOAD_PER_CORE).toBe(0.75);
    expect([isBusy(0.75), isBusy(0.76), isBusy(2)]).toEqual([false, true, true]);
  });

  it('reads CPU ÷ wall of the 2-worker runs', () => {
    expect(monteCarloCpuOverWall({ seconds: { 1: 6, 2: 4 }, cpuSeconds: { 1: 6, 2: 8 } })).toBe(2);
    expect(monteCarloCpuOverWall({ seconds: { 1: 6 }, cpuSeconds: { 1: 6 } })).toBeNaN();
  });
});

describe('describeRunLoad (bench:decade)', () => {
  it('warns only when the load or the run itself says the wall figure is not comparable', () => {
    expect(describeRunLoad(0.2, 0.3, 0.99)).toBe('load per core 0.20 at the start, 0.30 (others) at the end; CPU ÷ wall 0.99');
    expect(describeRunLoad(0.2, BUSY_LOAD_PER_CORE + 0.01, 0.99)).toMatch(/\nBUSY MACHINE \(load per core above 0\.75\): compare the CPU figure/);
    expect(describeRunLoad(0.2, 0.3, 0.8)).toMatch(/\nBUSY MACHINE \(the run had a core under 90% of its time\)/);
    expect(describeRunLoad(0.9, 0.3, 0.5)).toContain('(load per core above 0.75; the run had a core under 90% of its time)');
  });
});
