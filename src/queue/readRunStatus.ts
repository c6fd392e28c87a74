import type { Queue } from 'bullmq';
import type { QueueConnection } from './connectRedis.ts';
import { type ShardJobData, shardJobId } from './queueNames.ts';
import { formatRefusals, type GivenBack } from './refuseJob.ts';
import { isShardDone, requireQueuedRun } from './runStore.ts';
import { countOf, nounOf } from '../text/countOf.ts';

/** One shard of a queued run: done (its folder exists) or the state of its job. */
export interface ShardStatus {
  shard: number;
  /** `done`, a BullMQ job state (`waiting`, `active`, `delayed`, `failed`, …), `no job`, or `unknown` without Redis. */
  state: string;
  /** Failed attempts so far and the job's limit (absent for a done shard or without a job). */
  attemptsMade?: number;
  attempts?: number;
  failedReason?: string;
  /** Set when workers refused the job (each one and its reason in `refusals`). */
  givenBack?: GivenBack;
}

/** What `crm-sim queue status` reports of a run. */
export interface RunStatus {
  runId: string;
  shards: number;
  done: number;
  /** Shards whose job failed for good (a resubmission queues them again). */
  failed: number;
  /** Every shard that is not done. */
  pending: ShardStatus[];
}

/** The state of a missing shard's job, as far as the queue knows (`unknown` without a queue). */
export async function readShardStatus(queue: Queue<ShardJobData> | undefined, runId: string, shard: number): Promise<ShardStatus> {
  if (queue === undefined) return { shard, state: 'unknown' };
  const job = await queue.getJob(shardJobId(runId, shard));
  if (job === undefined) return { shard, state: 'no job' };
  const status: ShardStatus = { shard, state: await job.getState(), attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 };
  if (status.state === 'failed') status.failedReason = job.failedReason;
  const progress = job.progress as Partial<GivenBack> | undefined;
  if (typeof progress?.givenBack === 'number') status.givenBack = progress as GivenBack;
  return status;
}

/**
 * Reads the state of a queued run: which shards are done (their folders in the store) and, with
 * a connection, the state, attempts and failure or give-back reason of each other shard's job.
 * @throws QueueError when the store has no such run.
 */
export async function readRunStatus(options: { runId: string; store: string; queue: string; connection?: QueueConnection; storeNote?: string }): Promise<RunStatus> {
  const run = await requireQueuedRun(options.store, options.runId, options.storeNote);
  const connection = options.connection;
  const queue = connection && new connection.bullmq.Queue<ShardJobData>(options.queue, { connection: connection.redis });
  try {
    const pending: ShardStatus[] = [];
    for (let k = 1; k <= run.shards; k++) {
      if (!(await isShardDone(options.store, run.runId, k))) pending.push(await readShardStatus(queue, run.runId, k));
    }
    const failed = pending.filter((status) => status.state === 'failed').length;
    return { runId: run.runId, shards: run.shards, done: run.shards - pending.length, failed, pending };
  } finally {
    await queue?.close();
  }
}

/**
 * How often a job was refused, and by which workers why (by whom last, in records of older
 * workers); a last refusal that was transient is named too, as it is not among the refusals.
 */
export function formatGivenBack(given: GivenBack): string {
  const times = `given back ${countOf(given.givenBack, 'time')} by workers that cannot serve it`;
  if (given.refusals === undefined) return `${times} (last: ${given.by}: ${given.reason})`;
  const count = Object.keys(given.refusals).length;
  const parts = [times];
  if (count > 0) parts.push(`refused by ${countOf(count, 'worker')}: ${formatRefusals(given.refusals)}`);
  if (given.transient === true) parts.push(`last by ${given.by} for now, an error that may clear by itself (not counted towards failing the job): ${given.reason}`);
  return parts.join('; ');
}

/** The status as lines of text: a summary, then one line per shard that is not done. */
export function formatRunStatus(status: RunStatus): string[] {
  const lines = [`run ${status.runId}: ${status.done} of ${status.shards} ${nounOf(status.shards, 'shard')} done, ${status.pending.length} missing, ${status.failed} failed for good`];
  for (const shard of status.pending) {
    let line = `shard ${shard.shard}/${status.shards}: ${shard.state}`;
    if (shard.attemptsMade !== undefined) line += `, ${shard.attemptsMade} of ${shard.attempts} attempts used`;
    if (shard.failedReason !== undefined) line += `: ${shard.failedReason}`;
    // A job failed for good by refusals names them in its reason already.
    if (shard.givenBack && shard.failedReason === undefined) line += `; ${formatGivenBack(shard.givenBack)}`;
    lines.push(line);
  }
  return lines;
}
