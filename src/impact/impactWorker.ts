/**
 * Worker module of the paired runs behind `impact.json`: the engine's replicate runner, keeping each
 * result's summaries (its series are dropped, as in `summaryOnlyWorker`) followed by what
 * impact.json needs from the series (`computeImpactExtras`: price paths, end users' spending, the
 * controls' exports, `exportFlows` coming with the compiled arm). The
 * layout's summaries are unchanged (identical to `createReplicateRunner`'s); the extras follow them.
 */
import { type CompiledScenario, createReplicateRunner, sampleScenario, type ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';
import { computeImpactExtras } from './computeImpactExtras.ts';
import type { ExportFlow } from './measureExportControls.ts';

const NO_SERIES = new Float64Array(0);

/** A compiled arm with the exports every arm keeps (those the scripted scenario's export controls restrict). */
export type CompiledWithExportFlows = CompiledScenario & { exportFlows?: readonly ExportFlow[] };

export default createReplicateTaskHandler<CompiledWithExportFlows>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true }); // the series never leaves this module
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    const sampled = compiled.spec.uncertainties.length > 0 ? sampleScenario(compiled.spec, masterSeed, replicate) : compiled.spec;
    const extras = computeImpactExtras(compiled, sampled, result.series, compiled.exportFlows);
    const summaries = new Float64Array(result.summaries.length + extras.length);
    summaries.set(result.summaries);
    summaries.set(extras, result.summaries.length);
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries };
  };
});
