import type { CompiledScenario, ScenarioSpec } from '../../sim-core/index.ts';
import { computeStressExtras, STRESS_EXTRAS_PER_MATERIAL } from '../stress/stressWorker.ts';
import { appendPricePaths, TRADED_STAGE_COUNT } from './appendPricePaths.ts';
import { extractOverTime, type OverTimePlan, planOverTimeSeries } from '../compare/planOverTimeSeries.ts';
import type { ExportFlow } from './measureExportControls.ts';

const NO_SUMMARIES = new Float64Array(0);

/**
 * What `impact.json` needs of one replicate beyond its summaries, from its series: the price paths
 * outside the foreign region (`appendPricePaths`: M × 3 × T multiples) for the disruption-window
 * peaks, then the home end users' demand, spending, unmet demand at market price and tonnes
 * received per material (`computeStressExtras`: M × 4) for what the disruptions cost them, then what
 * they receive month by month per material (M × months, t/week: the monthly means of compare's
 * over-time view), then the weekly exports each export control restricts (`exportFlows`: T values
 * each, t/week; measureExportControls.ts). The same function serves the
 * impact worker (counterfactual arms) and the main thread (the run as scripted).
 *
 * @param compiled - The scenario.
 * @param sampled - The replicate's sampled scenario (the scenario itself when nothing is uncertain).
 * @param series - The replicate's series.
 * @param exportFlows - The exports to keep (`exportControlFlows` of the scenario as scripted: the same in every arm).
 * @returns The paths, the end users' figures, the monthly consumption, then the exports.
 * @example
 * computeImpactExtras(compiled, compiled.spec, result.series).length === impactExtrasLayout(compiled).length; // true
 */
export function computeImpactExtras(compiled: CompiledScenario, sampled: ScenarioSpec, series: Float64Array, exportFlows: readonly ExportFlow[] = []): Float64Array {
  const paths = appendPricePaths(compiled, sampled, NO_SUMMARIES, series);
  const endUsers = computeStressExtras(compiled, series);
  const monthly = extractOverTime(monthlyConsumptionPlan(compiled), series, compiled.layout.ticks);
  const T = compiled.layout.ticks;
  const out = new Float64Array(paths.length + endUsers.length + monthly.length + exportFlows.length * T);
  out.set(paths);
  out.set(endUsers, paths.length);
  out.set(monthly, paths.length + endUsers.length);
  let at = paths.length + endUsers.length + monthly.length;
  for (const flow of exportFlows) {
    out.set(flowExports(compiled, series, flow), at);
    at += T;
  }
  return out;
}

/**
 * One export control's weekly exports (T values, t/week) from a run's series: its segment's
 * `exports` series; for a control with destinations, its `exportsToDestinations` series where the
 * run has the control, else the sum of its routes' `tradeFlow` series, in region order, as the
 * engine sums the former (so both arms measure the same tonnes the same way).
 */
function flowExports(compiled: CompiledScenario, series: Float64Array, flow: ExportFlow): Float64Array {
  const T = compiled.layout.ticks;
  // The `exports` block is indexed by segment (resultLayout.ts), so a segment's series is its offset from the block's start.
  if (flow.destinations === null || flow.seriesKey === null) return series.subarray((compiled.offsets.exports + flow.segment) * T, (compiled.offsets.exports + flow.segment + 1) * T);
  const key = flow.seriesKey;
  const own = compiled.layout.series.findIndex((k) => k.metric === key.metric && k.material === key.material && k.stage === key.stage && k.region === key.region);
  if (own >= 0) return series.subarray(own * T, (own + 1) * T);
  if (compiled.offsets.tradeFlow < 0) throw new Error(`computeImpactExtras: the run has neither ${key.region}'s exportsToDestinations nor tradeFlow series`);
  const R = compiled.spec.regions.length;
  const exporter = flow.segment % R;
  // tradeFlow: per material and traded stage (the segment without its region), origin, then destination ≠ origin.
  const first = compiled.offsets.tradeFlow + ((flow.segment - exporter) / R) * R * (R - 1) + exporter * (R - 1);
  const total = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (const d of flow.destinations) sum += series[(first + (d < exporter ? d : d - 1)) * T + t];
    total[t] = sum;
  }
  return total;
}

/** Every material's home end-use consumption, by calendar month (compare's over-time plan, that measure only). */
export function monthlyConsumptionPlan(compiled: CompiledScenario): OverTimePlan {
  const plan = planOverTimeSeries(compiled, compiled.spec.materials.map((m) => ({ material: m.id, priceStage: 'processing' })));
  return { ...plan, series: plan.series.filter((s) => s.measure === 'consumption') };
}

/**
 * Where the parts of {@link computeImpactExtras} lie: price paths from 0, end users' figures from
 * `paths`, monthly consumption from `monthly` (material by material, `months` each), the export
 * controls' weekly exports from `exports` (control by control, T each), `length` in all.
 */
export function impactExtrasLayout(compiled: CompiledScenario, exportFlowCount = 0): { paths: number; monthly: number; months: number; exports: number; length: number } {
  const M = compiled.spec.materials.length;
  const paths = M * TRADED_STAGE_COUNT * compiled.layout.ticks;
  const monthly = paths + M * STRESS_EXTRAS_PER_MATERIAL;
  const months = monthlyConsumptionPlan(compiled).periods.length;
  const exports = monthly + M * months;
  return { paths, monthly, months, exports, length: exports + exportFlowCount * compiled.layout.ticks };
}
