/** Default BullMQ queue name (`--queue`); several independent queues can share one Redis. */
export const DEFAULT_QUEUE = 'crm-sim';

/** The data of one job: shard k of K of a stored run. */
export interface ShardJobData {
  runId: string;
  /** Absolute store folder as seen by the submitter (a worker's `--store` overrides it). */
  store: string;
  shard: number;
  shards: number;
}

/** BullMQ job id of shard k: one id per shard, so submitting twice never queues a shard twice. */
export function shardJobId(runId: string, shard: number): string {
  return `${runId}.${shard}`;
}

/** Redis key holding a run's store folder, so `collect <run id>` finds it without `--store`. */
export function runKey(queue: string, runId: string): string {
  return `crm-sim:${queue}:run:${runId}`;
}

/** Whether `runId` is a usable run id (file and job id safe). */
export function isValidRunId(runId: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(runId);
}
