import { executeMerge } from '../cli/mergeCommand.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import type { QueueConnection } from './connectRedis.ts';
import { QueueError } from './loadQueueModules.ts';
import { type ShardJobData, shardJobId } from './queueNames.ts';
import { isShardDone, readQueuedRun, shardFolder } from './runStore.ts';

/** Options of {@link collectRun}. */
export interface CollectOptions {
  runId: string;
  store: string;
  out: string;
  /** Wait for unfinished shards (polling) instead of refusing. */
  wait: boolean;
  /** With `wait`: give up after this many seconds (default: never). */
  timeoutSeconds?: number;
  /** Lets `wait` notice jobs that failed for good, and names queue states in messages. */
  connection?: QueueConnection;
  queue: string;
  parquet: boolean;
  keepSeries: boolean;
  signal: AbortSignal;
  log: (line: string) => void;
}

/** Shards of the run whose folders are missing. */
async function missingShards(store: string, runId: string, shards: number): Promise<number[]> {
  const missing: number[] = [];
  for (let k = 1; k <= shards; k++) if (!(await isShardDone(store, runId, k))) missing.push(k);
  return missing;
}

/** Shards whose jobs failed for good (all attempts used), if the queue is known. */
async function failedShards(options: CollectOptions, missing: number[]): Promise<string[]> {
  if (!options.connection) return [];
  const { bullmq, redis } = options.connection;
  const queue = new bullmq.Queue<ShardJobData>(options.queue, { connection: redis });
  try {
    const failed: string[] = [];
    for (const shard of missing) {
      const job = await queue.getJob(shardJobId(options.runId, shard));
      if (job && (await job.getState()) === 'failed') failed.push(`shard ${shard}: ${job.failedReason}`);
    }
    return failed;
  } finally {
    await queue.close();
  }
}

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
    }, { once: true });
  });
}

/**
 * Collects a queued run: once every shard folder exists (waiting for them with `wait`), merges
 * them with `crm-sim merge` into `out`, byte-identical (all files but manifest.json) to a
 * single-process run. Each shard counts once: its folder is written once, atomically.
 * @returns The output folder and the summary statistics.
 * @throws QueueError for an unknown run, unfinished shards (without `wait`), failed jobs or a timeout.
 */
export async function collectRun(options: CollectOptions): Promise<{ dir: string; summaryStats: SummaryStatistic[] }> {
  const run = await readQueuedRun(options.store, options.runId);
  if (run === undefined) throw new QueueError(`no run ${options.runId} in the store ${options.store} (give --store)`);
  const started = Date.now();
  for (;;) {
    const missing = await missingShards(options.store, run.runId, run.shards);
    if (missing.length === 0) break;
    const failed = await failedShards(options, missing);
    if (failed.length > 0) throw new QueueError(`run ${run.runId}: jobs failed for good (resubmit the run to retry them): ${failed.join('; ')}`);
    const list = `shard ${missing.slice(0, 10).map((k) => `${k}/${run.shards}`).join(', ')}${missing.length > 10 ? ', …' : ''}`;
    if (!options.wait) throw new QueueError(`run ${run.runId} is not finished: ${missing.length} of ${run.shards} shards missing (${list}); use --wait`);
    if (options.timeoutSeconds !== undefined && Date.now() - started > options.timeoutSeconds * 1000) {
      throw new QueueError(`run ${run.runId}: still ${missing.length} of ${run.shards} shards missing after ${options.timeoutSeconds} s (${list})`);
    }
    options.log(`waiting for ${missing.length} of ${run.shards} shards (${list})`);
    await sleep(2000, options.signal);
  }
  const dirs = Array.from({ length: run.shards }, (_, i) => shardFolder(options.store, run.runId, i + 1));
  return executeMerge({ dirs, out: options.out, parquet: options.parquet, keepSeries: options.keepSeries }, options.signal);
}
