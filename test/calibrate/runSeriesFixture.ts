import type { RunSeries } from '../../src/calibrate/runSeries.ts';

/**
 * A synthetic run for extractor tests: named series given as functions of the tick, weekly ticks
 * from `startYear`.
 */
export function fakeRun(series: Record<string, (t: number) => number>, ticks = 520, startYear = 2010, ticksPerYear = 52): RunSeries {
  const values = Object.fromEntries(Object.entries(series).map(([name, f]) => [name, Float64Array.from({ length: ticks }, (_, t) => f(t))]));
  return {
    ticks, ticksPerYear, startYear,
    get(ref) {
      const refs = typeof ref === 'string' ? [ref] : ref;
      const out = new Float64Array(ticks);
      for (const r of refs) {
        const v = values[r];
        if (!v) throw new RangeError(`no series ${r}`);
        v.forEach((x, t) => { out[t] += x; });
      }
      return out;
    },
  };
}
