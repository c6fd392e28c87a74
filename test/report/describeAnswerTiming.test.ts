/** The answer box's "When" figures (audit 24, M9): months of a felt change in consumption, and the weeks half the runs are short. */
import { describe, expect, it } from 'vitest';
import { describeConsumptionTiming, describeMedianShortSpan, describeTimingClause } from '../../src/report/describeAnswerTiming.ts';
import type { SeriesFan } from '../../src/report/readSeriesCsv.ts';

const period = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const monthly = (mean: number[]) => ({
  period, weeks: period.map(() => 4.33), meanWith: mean.map((m) => 100 + m), meanWithout: period.map(() => 100), mean,
  ciLow: mean, ciHigh: mean, differenceToEnd: mean, differenceToEndCiLow: mean, differenceToEndCiHigh: mean,
});

describe('describeConsumptionTiming', () => {
  it('finds the first and last month beyond 5% in the run\'s direction and the largest month, a gain as well as a loss', () => {
    // 4% is not felt; a +30% month does not count for a loss.
    const loss = describeConsumptionTiming(monthly([-4, -6, 30, -20, -6, -1]), true);
    expect(loss).toEqual({ firstFelt: 'Feb 2026', lastFelt: 'May 2026', everyMonthBetween: false, worst: 'Apr 2026', worstTonnesPerWeek: 20, worstShare: 0.2 });
    // March is a gain, so the loss is not felt in every month between: not "from … to …" (review 24).
    expect(describeTimingClause(loss!, true)).toBe('consumption over 5% below its level without the disruptions first in Feb 2026, last in May 2026, worst in Apr 2026 (20 t/week less, 20%)');
    const unbroken = describeConsumptionTiming(monthly([-4, -6, -8, -20, -6, -1]), true);
    expect(unbroken?.everyMonthBetween).toBe(true);
    expect(describeTimingClause(unbroken!, true)).toContain('below its level without the disruptions from Feb 2026 to May 2026, worst in Apr 2026');
    const gain = describeConsumptionTiming(monthly([0, 0, 8, 0, 0, 0]), false);
    expect(describeTimingClause(gain!, false)).toBe('consumption over 5% above its level without the disruptions in Mar 2026, most in Mar 2026 (8 t/week more, 8%)');
    // Nothing beyond 5%: no timing.
    expect(describeConsumptionTiming(monthly([-1, -2, -3, -4, -5, -1]), true)).toBeUndefined();
  });

  it('names an earlier month already within 5% of the worst when it comes a year or more before it (user audit, session 35)', () => {
    // Fourteen months, Jan 2026 to Feb 2027.
    const months = Array.from({ length: 14 }, (_, i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const long = (mean: number[]) => ({ ...monthly(mean), period: months, weeks: months.map(() => 4.33), meanWith: mean.map((m) => 100 + m), meanWithout: months.map(() => 100) });
    const plateau = (first: number, at: number) => Array.from({ length: 14 }, (_, i) => (i === 13 ? -20 : i === at ? first : -8));
    // Jan 2026 loses 19.5 (within 5% of Feb 2027's 20), thirteen months before: named.
    const late = describeConsumptionTiming(long(plateau(-19.5, 0)), true);
    expect(late?.nearWorstFirst).toBe('Jan 2026');
    expect(describeTimingClause(late!, true)).toBe('consumption over 5% below its level without the disruptions from Jan 2026 to Feb 2027, worst in Feb 2027 (20 t/week less, 20%; within 5% of that already in Jan 2026)');
    // 18.5 is not within 5% of 20: nothing named.
    expect(describeConsumptionTiming(long(plateau(-18.5, 0)), true)?.nearWorstFirst).toBeUndefined();
    // Within 5% but eleven months before (Mar 2026): nothing named, a plateau of months is not misread.
    expect(describeConsumptionTiming(long(plateau(-19.5, 2)), true)?.nearWorstFirst).toBeUndefined();
  });
});

describe('describeMedianShortSpan', () => {
  const fan = (p50: number[]): SeriesFan => ({ metric: 'shortfall', material: 'ndpr', stage: 'endUse', region: 'US', year: p50.map((_, i) => 2026 + i / 12), p5: p50, p25: p50, p50, p75: p50, p95: p50 });
  it('spans the weeks whose median shortfall is above the threshold, and is undefined when none is or without a threshold', () => {
    expect(describeMedianShortSpan(fan([0, 1, 3, 0, 2, 0]), 1.5)).toEqual({ from: 'Mar 2026', to: 'May 2026', everyWeekBetween: false });
    expect(describeMedianShortSpan(fan([0, 2, 3, 2, 0]), 1.5)).toEqual({ from: 'Feb 2026', to: 'Apr 2026', everyWeekBetween: true });
    expect(describeMedianShortSpan(fan([0, 1, 1, 0]), 1.5)).toBeUndefined();
    expect(describeMedianShortSpan(fan([0, 3]), NaN)).toBeUndefined();
  });
});
