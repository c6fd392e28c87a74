/**
 * Worker module of the paired runs behind `impact.json`: the engine's replicate runner, keeping each
 * result's summaries (its series are dropped, as in `summaryOnlyWorker`) followed by the price paths
 * the disruption-window peak needs (see `appendPricePaths`). The layout's summaries are
 * unchanged (identical to `createReplicateRunner`'s); the paths follow them.
 */
import { type CompiledScenario, createReplicateRunner, sampleScenario, type ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';
import { appendPricePaths } from './appendPricePaths.ts';

const NO_SERIES = new Float64Array(0);

export default createReplicateTaskHandler<CompiledScenario>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true }); // the series never leaves this module
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    const sampled = compiled.spec.uncertainties.length > 0 ? sampleScenario(compiled.spec, masterSeed, replicate) : compiled.spec;
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries: appendPricePaths(compiled, sampled, result.summaries, result.series) };
  };
});
