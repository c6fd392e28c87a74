import type { SeriesFan } from './readSeriesCsv.ts';

/**
 * Reduces a fan to at most `maxPoints` points for drawing (a 120-pixel chart cannot show 520
 * weeks) without hiding extremes: consecutive ticks are grouped, each group keeps the lowest p5
 * and p25, the highest p75 and p95 (so the bands remain envelopes) and the mean of p50, at the
 * group's mean year. NaN values are ignored within a group.
 *
 * @param fan - Bands of one series.
 * @param maxPoints - Largest number of points to keep (≥ 1).
 * @returns The fan itself when short enough, else a thinned copy.
 * @example
 * thinFan(weeklyFan, 200).year.length; // 174 for 520 weeks
 */
export function thinFan(fan: SeriesFan, maxPoints: number): SeriesFan {
  const n = fan.year.length;
  if (n <= maxPoints) return fan;
  const group = Math.ceil(n / maxPoints);
  const out: SeriesFan = { ...fan, year: [], p5: [], p25: [], p50: [], p75: [], p95: [] };
  for (let start = 0; start < n; start += group) {
    const end = Math.min(n, start + group);
    out.year.push(average(fan.year, start, end));
    out.p5.push(extreme(fan.p5, start, end, Math.min));
    out.p25.push(extreme(fan.p25, start, end, Math.min));
    out.p50.push(average(fan.p50, start, end));
    out.p75.push(extreme(fan.p75, start, end, Math.max));
    out.p95.push(extreme(fan.p95, start, end, Math.max));
  }
  return out;
}

function average(values: number[], start: number, end: number): number {
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i++) if (!Number.isNaN(values[i])) { sum += values[i]; count++; }
  return count === 0 ? NaN : sum / count;
}

function extreme(values: number[], start: number, end: number, pick: (a: number, b: number) => number): number {
  let result = NaN;
  for (let i = start; i < end; i++) if (!Number.isNaN(values[i])) result = Number.isNaN(result) ? values[i] : pick(result, values[i]);
  return result;
}
