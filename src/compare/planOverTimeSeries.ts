/**
 * What a comparison keeps of each replicate's per-tick series for its "over time" view: for each
 * material the compared scenarios target, three home-region series (what end users receive, the
 * price the reports quote, with the price of every other traded stage the events strike or a
 * compared stockpile or tariff acts at, the government's stockpile) averaged over calendar months. A decade is
 * then 120 values a series, so a comparison of hundreds of replicates keeps a few kilobytes of
 * each, not the 4 MB of a full series.
 */
import type { CompiledScenario, ResultLayout, ScenarioSpec } from '../../sim-core/index.ts';
import { TRADED_STAGES } from '../../sim-core/index.ts';
import { disruptedStage } from '../impact/findStageDisruptions.ts';
import { quotedPriceStage } from '../impact/quotedPriceStage.ts';

/** A material to follow over time, and the traded stage whose price is quoted for it. */
export interface OverTimeTarget {
  material: string;
  priceStage: string;
  /**
   * Other traded stages whose home price is kept too, upstream first: those the disruptions strike
   * and those a compared stockpile or tariff acts at (a magnet quota's or a magnet stockpile's price
   * is the magnet price; audit 24 left the compare view with the refined price only). Absent when none.
   */
  otherPriceStages?: string[];
}

/** The measures kept per target, in this order. */
export const OVER_TIME_MEASURES = ['consumption', 'price', 'otherStagePrice', 'stockpile'] as const;
export type OverTimeMeasure = (typeof OVER_TIME_MEASURES)[number];

/** One kept series: the sum of some layout series rows (none when the arm lacks the material), averaged per period. */
export interface OverTimeSeries {
  material: string;
  measure: OverTimeMeasure;
  stage: string;
  region: string;
  unit: string;
  /** Indices into the layout's series (the values summed each tick). */
  rows: number[];
}

/** A stretch of ticks averaged into one value: a calendar month, or one tick when ticks are a month or longer. */
export interface OverTimePeriod {
  /** `YYYY-MM` of the period's first tick. */
  label: string;
  /** Calendar year of the period's middle (for charts). */
  year: number;
  /** Weeks the period covers (a weekly value times it is the period's tonnes). */
  weeks: number;
  startTick: number;
  /** Exclusive. */
  endTick: number;
}

/** Everything the worker and the main thread need to cut a replicate's series into the kept values. */
export interface OverTimePlan {
  series: OverTimeSeries[];
  periods: OverTimePeriod[];
}

/**
 * The materials a comparison follows over time: those the scenarios' threats or shocks target
 * (every arm's events), else those any event names, else the first material; in the reference's
 * material order. The quoted price is at the stage the disruptions strike (`quotedPriceStage`);
 * `otherPriceStages` lists the other traded stages its events (any arm's) strike or act at.
 *
 * @param specs - The compared scenarios, the reference first.
 * @returns The targets.
 * @example
 * chooseOverTimeTargets([threat.spec, stockpile.spec]); // [{ material: 'ndpr', priceStage: 'processing' }, …]
 */
export function chooseOverTimeTargets(specs: readonly ScenarioSpec[]): OverTimeTarget[] {
  const events = specs.flatMap((spec) => spec.events);
  const materialOf = (event: (typeof events)[number]): string | undefined => ('material' in event && typeof event.material === 'string' ? event.material : undefined);
  const disruptive = events.filter((e) => disruptedStage(e) !== undefined);
  let materials = new Set(disruptive.flatMap((e) => materialOf(e) ?? []));
  if (materials.size === 0) materials = new Set(events.flatMap((e) => materialOf(e) ?? []));
  const order = specs[0]?.materials.map((m) => m.id) ?? [];
  const chosen = materials.size === 0 ? order.slice(0, 1) : order.filter((id) => materials.has(id));
  // A stockpile buys and releases, and a tariff taxes, at its stage: its price is where the policy bites.
  const actsAt = (e: (typeof events)[number]): string | undefined => disruptedStage(e) ?? ((e.kind === 'stockpile' || e.kind === 'tariff') && 'stage' in e ? String(e.stage) : undefined);
  return chosen.map((material) => {
    const priceStage = quotedPriceStage(disruptive.filter((e) => materialOf(e) === material).map((e) => String(disruptedStage(e))));
    const struck = new Set(events.filter((e) => materialOf(e) === material).map(actsAt));
    const otherPriceStages = TRADED_STAGES.filter((stage) => stage !== priceStage && struck.has(stage));
    return { material, priceStage, ...(otherPriceStages.length > 0 ? { otherPriceStages } : {}) };
  });
}

/**
 * Cuts an arm's layout into the kept series and periods. The rows are found by key, so arms whose
 * layouts differ (another material list) still give the same series in the same order; a series
 * the arm lacks has no rows, and its values are NaN.
 *
 * @param compiled - The arm.
 * @param targets - From {@link chooseOverTimeTargets} (the same for every arm).
 * @returns The plan.
 * @example
 * planOverTimeSeries(compiled, targets).periods.length; // 120 for ten years of weeks
 */
export function planOverTimeSeries(compiled: Pick<CompiledScenario, 'layout' | 'spec'>, targets: readonly OverTimeTarget[]): OverTimePlan {
  const { layout, spec } = compiled;
  const home = spec.government.region;
  const rowsOf = (metric: string, material: string, stages: readonly string[]): number[] =>
    stages.flatMap((stage) => {
      const row = layout.series.findIndex((k) => k.metric === metric && k.material === material && k.stage === stage && k.region === home);
      return row < 0 ? [] : [row];
    });
  const series = targets.flatMap(({ material, priceStage, otherPriceStages = [] }): OverTimeSeries[] => [
    { material, measure: 'consumption', stage: 'endUse', region: home, unit: 't/week', rows: rowsOf('consumption', material, ['endUse']) },
    { material, measure: 'price', stage: priceStage, region: home, unit: 'USD/t', rows: rowsOf('price', material, [priceStage]) },
    // A measure of its own, not more `price` rows: a reader keyed on strategy, material and measure would merge two products' prices (review 25, M3).
    ...otherPriceStages.map((stage): OverTimeSeries => ({ material, measure: 'otherStagePrice', stage, region: home, unit: 'USD/t', rows: rowsOf('price', material, [stage]) })),
    // Refined stock and components (in tonnes of the material they contain) together: what the government holds.
    { material, measure: 'stockpile', stage: 'processing+manufacturing', region: home, unit: 't', rows: rowsOf('stockpile', material, ['processing', 'manufacturing']) },
  ]);
  return { series, periods: planPeriods(layout) };
}

/** Calendar months of the run (ticks of a month or longer stay whole). */
function planPeriods(layout: Pick<ResultLayout, 'ticks' | 'ticksPerYear' | 'startYear'>): OverTimePeriod[] {
  const { ticks, ticksPerYear, startYear } = layout;
  const monthOf = (tick: number): number => (ticksPerYear > 12 ? Math.floor((tick * 12) / ticksPerYear + 1e-9) : tick);
  const periods: OverTimePeriod[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    if (periods.length > 0 && monthOf(tick) === monthOf(tick - 1)) {
      periods[periods.length - 1].endTick = tick + 1;
      continue;
    }
    const year = startYear + tick / ticksPerYear;
    const month = Math.min(11, Math.floor((year - Math.floor(year)) * 12 + 1e-9));
    periods.push({ label: `${Math.floor(year)}-${String(month + 1).padStart(2, '0')}`, year: 0, weeks: 0, startTick: tick, endTick: tick + 1 });
  }
  for (const period of periods) {
    period.year = startYear + (period.startTick + period.endTick) / 2 / ticksPerYear;
    period.weeks = ((period.endTick - period.startTick) * 52) / ticksPerYear;
  }
  return periods;
}

/**
 * A replicate's kept values: for each series in order, for each period, the mean over the period's
 * ticks of the sum of its rows (NaN for a series without rows).
 *
 * @param plan - From {@link planOverTimeSeries}.
 * @param series - The replicate's series (row-major: row × ticks).
 * @param ticks - Ticks per row.
 * @returns series × periods values.
 * @example
 * extractOverTime(plan, result.series, layout.ticks).length === plan.series.length * plan.periods.length; // true
 */
export function extractOverTime(plan: OverTimePlan, series: Float64Array, ticks: number): Float64Array {
  const out = new Float64Array(plan.series.length * plan.periods.length);
  let i = 0;
  for (const kept of plan.series) {
    for (const period of plan.periods) {
      let sum = 0;
      for (const row of kept.rows) for (let t = period.startTick; t < period.endTick; t++) sum += series[row * ticks + t];
      out[i++] = kept.rows.length === 0 ? NaN : sum / (period.endTick - period.startTick);
    }
  }
  return out;
}
