/**
 * Worker module of `compare`: the engine's replicate runner, keeping each result's summaries
 * followed by the monthly values of its "over time" view (`extractOverTime`); the per-tick series
 * is dropped in the worker, as in `summaryOnlyWorker`. The targets come with the compiled scenario
 * (`overTimeTargets`, the same for every arm), so all arms keep the same series in the same order.
 * The summaries are unchanged (identical to `createReplicateRunner`'s); then come the home and allied
 * capacity and home demand at the last tick (`extractCapacityAtEnd`, which `runComparison` adds to
 * the compared metrics), then the monthly values.
 */
import { type CompiledScenario, createReplicateRunner, type ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';
import { extractOverTime, type OverTimeTarget, planOverTimeSeries } from './planOverTimeSeries.ts';
import { extractCapacityAtEnd, planCapacityAtEnd } from './planCapacityAtEnd.ts';

/** A compiled arm with the materials its comparison follows over time. */
export type CompiledWithOverTime = CompiledScenario & { overTimeTargets: readonly OverTimeTarget[] };

const NO_SERIES = new Float64Array(0);

export default createReplicateTaskHandler<CompiledWithOverTime>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true }); // the series never leaves this module
  const plan = planOverTimeSeries(compiled, compiled.overTimeTargets);
  const atEnd = planCapacityAtEnd(compiled, compiled.overTimeTargets.map((t) => t.material));
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    const capacity = extractCapacityAtEnd(atEnd, result.series, compiled.layout.ticks);
    const kept = extractOverTime(plan, result.series, compiled.layout.ticks);
    const summaries = new Float64Array(result.summaries.length + capacity.length + kept.length);
    summaries.set(result.summaries);
    summaries.set(capacity, result.summaries.length);
    summaries.set(kept, result.summaries.length + capacity.length);
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries };
  };
});
