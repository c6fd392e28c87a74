/**
 * Worker module for paired runs (compare, sweep, stress): the engine's replicate runner, but each
 * result keeps only its summaries (its per-tick series, about 4 MB a replicate at the default
 * layout, is dropped in the worker), so hundreds of replicates of several arms fit in memory.
 * Summaries are identical to those of `createReplicateRunner`. Since the series never leaves the
 * worker, the runner records every replicate into one reused buffer (`reuseSeries`).
 */
import { createReplicateRunner, type ReplicateResult } from '../../sim-core/index.ts';
import { createReplicateTaskHandler } from '../montecarlo/createReplicateTaskHandler.ts';

const NO_SERIES = new Float64Array(0);

export default createReplicateTaskHandler<Parameters<typeof createReplicateRunner>[0]>((compiled) => {
  const run = createReplicateRunner(compiled, null, { reuseSeries: true });
  return (masterSeed: number, replicate: number): ReplicateResult => {
    const result = run(masterSeed, replicate);
    return { replicate: result.replicate, series: NO_SERIES.slice(), summaries: result.summaries };
  };
});
