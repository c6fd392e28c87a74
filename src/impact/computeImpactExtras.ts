import type { CompiledScenario, ScenarioSpec } from '../../sim-core/index.ts';
import { computeStressExtras, STRESS_EXTRAS_PER_MATERIAL } from '../stress/stressWorker.ts';
import { appendPricePaths, TRADED_STAGE_COUNT } from './appendPricePaths.ts';
import { extractOverTime, type OverTimePlan, planOverTimeSeries } from '../compare/planOverTimeSeries.ts';

const NO_SUMMARIES = new Float64Array(0);

/**
 * What `impact.json` needs of one replicate beyond its summaries, from its series: the price paths
 * outside the foreign region (`appendPricePaths`: M × 3 × T multiples) for the disruption-window
 * peaks, then the home end users' demand, spending, unmet demand at market price and tonnes
 * received per material (`computeStressExtras`: M × 4) for what the disruptions cost them, then what
 * they receive month by month per material (M × months, t/week: the monthly means of compare's
 * over-time view), then the weekly exports of each market segment an export control restricts
 * (`exportSegments`: T values each, t/week; measureExportControls.ts). The same function serves the
 * impact worker (counterfactual arms) and the main thread (the run as scripted).
 *
 * @param compiled - The scenario.
 * @param sampled - The replicate's sampled scenario (the scenario itself when nothing is uncertain).
 * @param series - The replicate's series.
 * @param exportSegments - Segments whose exports to keep (`exportControlSegments` of the scenario as scripted: the same in every arm).
 * @returns The paths, the end users' figures, the monthly consumption, then the exports.
 * @example
 * computeImpactExtras(compiled, compiled.spec, result.series).length === impactExtrasLayout(compiled).length; // true
 */
export function computeImpactExtras(compiled: CompiledScenario, sampled: ScenarioSpec, series: Float64Array, exportSegments: readonly number[] = []): Float64Array {
  const paths = appendPricePaths(compiled, sampled, NO_SUMMARIES, series);
  const endUsers = computeStressExtras(compiled, series);
  const monthly = extractOverTime(monthlyConsumptionPlan(compiled), series, compiled.layout.ticks);
  const T = compiled.layout.ticks;
  const out = new Float64Array(paths.length + endUsers.length + monthly.length + exportSegments.length * T);
  out.set(paths);
  out.set(endUsers, paths.length);
  out.set(monthly, paths.length + endUsers.length);
  let at = paths.length + endUsers.length + monthly.length;
  // The `exports` block is indexed by segment (resultLayout.ts), so a segment's series is its offset from the block's start.
  for (const segment of exportSegments) {
    const from = (compiled.offsets.exports + segment) * T;
    out.set(series.subarray(from, from + T), at);
    at += T;
  }
  return out;
}

/** Every material's home end-use consumption, by calendar month (compare's over-time plan, that measure only). */
export function monthlyConsumptionPlan(compiled: CompiledScenario): OverTimePlan {
  const plan = planOverTimeSeries(compiled, compiled.spec.materials.map((m) => ({ material: m.id, priceStage: 'processing' })));
  return { ...plan, series: plan.series.filter((s) => s.measure === 'consumption') };
}

/**
 * Where the parts of {@link computeImpactExtras} lie: price paths from 0, end users' figures from
 * `paths`, monthly consumption from `monthly` (material by material, `months` each), the kept
 * segments' weekly exports from `exports` (segment by segment, T each), `length` in all.
 */
export function impactExtrasLayout(compiled: CompiledScenario, exportSegmentCount = 0): { paths: number; monthly: number; months: number; exports: number; length: number } {
  const M = compiled.spec.materials.length;
  const paths = M * TRADED_STAGE_COUNT * compiled.layout.ticks;
  const monthly = paths + M * STRESS_EXTRAS_PER_MATERIAL;
  const months = monthlyConsumptionPlan(compiled).periods.length;
  const exports = monthly + M * months;
  return { paths, monthly, months, exports, length: exports + exportSegmentCount * compiled.layout.ticks };
}
