import { describe, expect, it } from 'vitest';
import { describeParameter, formatParameterValue, formatParameterValues } from '../../src/report/describeParameter.ts';
import { parseTime } from '../../src/scenario/parseTime.ts';

/** Years since the start of 2025 of a date as the loader reads it. */
function yearsAt(date: string): number {
  const time = parseTime(date, 2025);
  if (!time.ok) throw new Error(date);
  return time.value;
}

describe('formatParameterValue: event times', () => {
  it('gives the month a time falls in, not the nearest month', () => {
    // 2.05 years after 1 Jan 2025 is 19 Jan 2027 on the loader's calendar (months as twelfths).
    expect(formatParameterValue('events.q.end', 2.05, 2025)).toBe('Jan 2027');
    expect(formatParameterValue('events.q.end', 2.05, 2025, true)).toBe('19 Jan 2027');
    expect(formatParameterValue('events.q.end', 1.97, 2025)).toBe('Dec 2026');
    expect(formatParameterValue('events.q.end', yearsAt('2027-01-31'), 2025)).toBe('Jan 2027');
    // sweep.csv holds a grid value typed 2027 as the number 2027: a calendar year, as the loader reads it.
    expect(formatParameterValue('events.q.end', 2027, 2025)).toBe('Jan 2027');
    expect(formatParameterValue('events.q.end', 2027.5, 2025)).toBe('Jul 2027');
  });

  it('gives back the day of every date the loader reads, months of any length and leap days included', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2029, 0, 1); time += 86_400_000) {
      const date = new Date(time);
      const typed = date.toISOString().slice(0, 10);
      const expected = `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
      expect(formatParameterValue('events.q.start', yearsAt(typed), 2025, true), typed).toBe(expected);
      expect(formatParameterValue('events.q.start', yearsAt(typed), 2025), typed).toBe(expected.replace(/^\d+ /, ''));
    }
  });

  it('tells apart the ends of a range that fall in one month by their day, and only then', () => {
    expect(formatParameterValues('events.q.end', [2.005, 2.075], 2025)).toEqual(['2 Jan 2027', '28 Jan 2027']);
    expect(formatParameterValues('events.q.end', [1.97, 2.03], 2025)).toEqual(['Dec 2026', 'Jan 2027']);
    expect(formatParameterValues('events.q.end', [2.05, 2.95], 2025)).toEqual(['Jan 2027', 'Dec 2027']);
    // The same value twice is no clash; other keys are unaffected.
    expect(formatParameterValues('events.q.end', [2.05, 2.05], 2025)).toEqual(['Jan 2027', 'Jan 2027']);
    expect(formatParameterValues('events.q.quotaShare', [0.41, 0.59], 2025)).toEqual(['41%', '59%']);
  });
});

describe('formatParameterValue: rates', () => {
  it('gives every rate-like key the time it is per, from its name', () => {
    expect(formatParameterValue('materials.ndpr.demand.growthPerYear', 0.05)).toBe('5%/yr');
    expect(formatParameterValue('behaviour.attritionPerYear', 0.05)).toBe('5%/yr');
    expect(formatParameterValue('events.s.carryingCostSharePerYear', 0.02)).toBe('2%/yr');
    expect(formatParameterValue('market.priceAdjustmentPerTick', 0.1)).toBe('10%/tick');
    expect(formatParameterValue('market.maxLogPriceStepPerTick', 0.15)).toBe('0.15/tick');
    expect(formatParameterValue('materials.ndpr.discovery.discoveriesPerYear', 0.3)).toBe('0.3/yr');
    // Units that already hold the time are left alone.
    expect(formatParameterValue('events.s.costUsdPerYear', 5e7)).toBe('USD 50 million/yr');
    expect(formatParameterValue('materials.ndpr.mining.capacityTonnesPerYear', 2e4)).toBe('20,000 t/yr');
  });

  it('adds the time to a rate typed as a percentage or a plain number, not to one typed with a unit', () => {
    expect(formatParameterValue('behaviour.attritionPerYear', '5%')).toBe('5%/yr');
    expect(formatParameterValue('market.priceAdjustmentPerTick', '10 %')).toBe('10%/tick');
    expect(formatParameterValue('materials.ndpr.discovery.discoveriesPerYear', '0.3')).toBe('0.3/yr');
    expect(formatParameterValue('events.s.targetDays', '30days')).toBe('30 days');
    expect(formatParameterValue('events.s.costUsdPerYear', '50MUSD')).toBe('50 MUSD');
  });
});

describe('describeParameter', () => {
  it('names demand parameters so that they read as one phrase after the material', () => {
    const name = (id: string): string => (id === 'ndpr' ? 'NdPr oxide' : id);
    expect(describeParameter('materials.ndpr.demand.growthPerYear', name)).toBe('NdPr oxide: demand growth per year');
    // Not "demand maximum thrifting", which a sentence could not take a possessive of.
    expect(describeParameter('materials.ndpr.demand.maxThrift', name)).toBe('NdPr oxide: demand thrifting limit');
    expect(describeParameter('materials.ndpr.demand.byRegion.US', name)).toBe('NdPr oxide: demand in US');
  });
});
