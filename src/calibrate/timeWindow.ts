import { parseCalendarDate } from '../scenario/parseTime.ts';
import type { DateSpec } from './calibrationSpec.ts';

/** The run clock extractors need. */
export interface Clock {
  readonly ticks: number;
  readonly ticksPerYear: number;
  readonly startYear: number;
}

/** A date of a calibration spec as a fractional calendar year (`2010-07` → 2010.5; numbers as given). */
export function calendarYear(date: DateSpec): number {
  if (typeof date === 'number') return date;
  const year = parseCalendarDate(date);
  if (typeof year !== 'number') throw new RangeError(`not a date: ${date}`);
  return year;
}

/** The tick whose interval contains calendar time `year`, clamped to the run. */
export function tickAt(clock: Clock, year: number): number {
  const t = Math.floor((year - clock.startYear) * clock.ticksPerYear + 1e-9);
  return Math.min(clock.ticks - 1, Math.max(0, t));
}

/**
 * Ticks `[first, end)` of the calendar window `[from, to)`: from the tick containing `from` to the
 * tick containing `to` (excluded), the rule events use for their start (sim-core compileEvents);
 * at least one tick, clamped to the run.
 */
export function ticksIn(clock: Clock, from: DateSpec, to: DateSpec): [number, number] {
  const first = tickAt(clock, calendarYear(from));
  const end = Math.min(clock.ticks, Math.floor((calendarYear(to) - clock.startYear) * clock.ticksPerYear + 1e-9));
  return [first, Math.max(end, first + 1)];
}

/** Ticks per month of the run (4.33 at weekly ticks). */
export function ticksPerMonth(clock: Clock): number {
  return clock.ticksPerYear / 12;
}

/** Mean of `values` over ticks `[first, end)`. */
export function meanOver(values: Float64Array, [first, end]: [number, number]): number {
  let sum = 0;
  for (let t = first; t < end; t++) sum += values[t];
  return sum / (end - first);
}

/** Tick of the largest value within `[first, end)` (the first one on ties). */
export function argMax(values: Float64Array, [first, end]: [number, number]): number {
  let best = first;
  for (let t = first + 1; t < end; t++) if (values[t] > values[best]) best = t;
  return best;
}

/** The calendar month containing `date`, as a window `[start of month, start of next month)`. */
export function monthOf(date: DateSpec): [number, number] {
  const year = calendarYear(date);
  const start = Math.floor(year * 12 + 1e-9) / 12;
  return [start, start + 1 / 12];
}
