/**
 * The engine's output for one replicate: plain typed arrays plus a layout that names them.
 * This is what crosses the worker boundary (buffers transferred) and what `src/stats` and
 * `src/outputs` consume.
 */

/** Names one recorded per-tick series or one per-replicate summary value. Empty string = all/none. */
export interface SeriesKey {
  /** Metric id, e.g. `price`, `shortfall`, `secureSupplyShare`. */
  metric: string;
  /** Material id, or '' for metrics over all materials. */
  material: string;
  /** Stage name (see STAGES), or ''. */
  stage: string;
  /** Region id (or market segment), or ''. */
  region: string;
  /** Unit of the values, e.g. `USD/t`, `t/week`, `days`, `share`. */
  unit: string;
}

/** Layout of a replicate's results: which series and summaries exist, in order. */
export interface ResultLayout {
  ticks: number;
  ticksPerYear: number;
  startYear: number;
  /** Per-tick series, in storage order. */
  series: SeriesKey[];
  /** Per-replicate summary metrics, in storage order. */
  summaries: SeriesKey[];
}

/** One replicate's numbers. */
export interface ReplicateResult {
  replicate: number;
  /** Series-major: value of series s at tick t is `series[s * ticks + t]`. */
  series: Float64Array;
  /** Summary value i is `summaries[i]` (NaN where undefined, e.g. no shortfall → no recovery time). */
  summaries: Float64Array;
}
