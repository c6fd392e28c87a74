import type { ReplicateResult, ResultLayout } from '../../sim-core/index.ts';
import type { SeriesSpec } from './calibrationSpec.ts';

/** One replicate's series as the extractors see them: by name, with the run's clock. */
export interface RunSeries {
  /** Ticks in the run. */
  readonly ticks: number;
  readonly ticksPerYear: number;
  /** Calendar year of tick 0 (tick t covers [startYear + t/ticksPerYear, startYear + (t+1)/ticksPerYear)). */
  readonly startYear: number;
  /** Per-tick values of a series `metric:material:stage:region`, or the sum of several. */
  get(ref: SeriesSpec): Float64Array;
}

/** Index of each series key `metric:material:stage:region` in a layout. */
export function indexSeries(layout: ResultLayout): Map<string, number> {
  const index = new Map<string, number>();
  layout.series.forEach((key, i) => index.set(`${key.metric}:${key.material}:${key.stage}:${key.region}`, i));
  return index;
}

/** Normalises a reference to four colon-separated parts (`price:dy` → `price:dy::`). */
export function seriesKeyOf(ref: string): string {
  const parts = ref.split(':');
  while (parts.length < 4) parts.push('');
  return parts.join(':');
}

/**
 * Wraps a replicate's result as {@link RunSeries}. Unknown series names throw, listing the closest
 * metric, so a misspelt target fails loudly rather than reading zeros.
 * @param index - from {@link indexSeries} (shared by every replicate of a scenario)
 */
export function createRunSeries(layout: ResultLayout, index: Map<string, number>, result: ReplicateResult): RunSeries {
  const T = layout.ticks;
  const cache = new Map<string, Float64Array>();
  const one = (ref: string): Float64Array => {
    const key = seriesKeyOf(ref);
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`no series ${key} in this scenario (series are metric:material:stage:region)`);
    return result.series.subarray(i * T, (i + 1) * T);
  };
  return {
    ticks: T,
    ticksPerYear: layout.ticksPerYear,
    startYear: layout.startYear,
    get(ref) {
      const refs = typeof ref === 'string' ? [ref] : ref;
      const cacheKey = refs.join('+');
      let values = cache.get(cacheKey);
      if (values) return values;
      values = new Float64Array(T);
      for (const r of refs) {
        const part = one(r);
        for (let t = 0; t < T; t++) values[t] += part[t];
      }
      cache.set(cacheKey, values);
      return values;
    },
  };
}
