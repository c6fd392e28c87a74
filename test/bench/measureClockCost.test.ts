import { describe, expect, it } from 'vitest';
import { measureClockCost } from '../../bench/measureClockCost.ts';

describe('measureClockCost', () => {
  it('is the time one reading moves the clock by, the cheapest batch kept', () => {
    let now = 0;
    // Each reading costs 2 µs (0.002 ms) on its own clock.
    expect(measureClockCost(() => (now += 0.002))).toBeCloseTo(0.002, 12);
    // One batch interrupted (a 5 ms jump in it) does not count.
    let calls = 0;
    now = 0;
    const interrupted = () => (now += ++calls === 1500 ? 5 : 0.001);
    expect(measureClockCost(interrupted, 1000, 5)).toBeCloseTo(0.001, 12);
  });

  it('is 0 for a clock that does not advance, never negative', () => {
    expect(measureClockCost(() => 42)).toBe(0);
  });
});
