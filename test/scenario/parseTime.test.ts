import { describe, expect, it } from 'vitest';
import { formatCalendarDate, parseCalendarDate, parseTime } from '../../src/scenario/parseTime.ts';

describe('parseTime', () => {
  it('reads calendar dates as years since 1 January of the start year', () => {
    expect(parseTime('2026-01', 2025)).toEqual({ ok: true, value: 1 });
    expect(parseTime('2010-07', 2009)).toEqual({ ok: true, value: 1.5 });
    expect(parseTime(2027, 2025)).toEqual({ ok: true, value: 2 });
    expect(parseTime('2027', 2025)).toEqual({ ok: true, value: 2 });
    expect(parseTime('2025-06', 2025)).toEqual({ ok: true, value: 5 / 12 });
  });

  it('counts days as fractions of their month', () => {
    const time = parseTime('2025-03-16', 2025);
    expect(time.ok && time.value).toBeCloseTo(2 / 12 + 15 / 31 / 12, 12);
  });

  it('reads durations and plain numbers as years since start', () => {
    expect(parseTime('18 months', 2025)).toEqual({ ok: true, value: 1.5 });
    expect(parseTime('1.5 yr', 2025)).toEqual({ ok: true, value: 1.5 });
    expect(parseTime(0.25, 2025)).toEqual({ ok: true, value: 0.25 });
  });

  it('allows dates before the start (negative times)', () => {
    expect(parseTime('2024-07', 2025)).toEqual({ ok: true, value: -0.5 });
  });

  it('rejects impossible dates and non-time units', () => {
    expect(parseCalendarDate('2025-13')).toBe('invalid');
    expect(parseCalendarDate('2025-02-30')).toBe('invalid');
    expect(parseTime('2025-02-30', 2025).ok).toBe(false);
    expect(parseTime('3 kt', 2025)).toMatchObject({ ok: false, note: expect.stringContaining('mass') });
    expect(parseTime('soon', 2025).ok).toBe(false);
  });
});

describe('formatCalendarDate', () => {
  it('writes back the dates parseTime reads, months without a day', () => {
    for (const date of ['2026-01', '2026-03', '2026-12', '2026-12-31', '2024-02-29', '1999-11-15', '2040-01']) {
      const time = parseTime(date, 2025);
      expect(time.ok && formatCalendarDate(time.value, 2025)).toBe(date);
    }
  });

  it('says never for a time that never comes', () => {
    expect(formatCalendarDate(Infinity, 2025)).toBe('never');
  });
});
