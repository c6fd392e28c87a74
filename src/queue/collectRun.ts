import type { Queue } from 'bullmq';
import { executeMerge } from '../cli/mergeCommand.ts';
import { describeRemovedTemporaries, removeStaleTemporaries } from '../outputs/removeStaleTemporaries.ts';
import type { SummaryStatistic } from '../stats/computeSummaryStatistics.ts';
import { QueueError, QueueUnavailableError } from './loadQueueModules.ts';
import type { ShardJobData } from './queueNames.ts';
import { formatGivenBack, readShardStatus } from './readRunStatus.ts';
import type { RedisOnDemand } from './redisOnDemand.ts';
import { isShardDone, type QueuedRun, requireQueuedRun, shardFolder } from './runStore.ts';
import { countOf } from '../text/countOf.ts';

/** While the count of finished shards stays the same, `wait` writes a progress line this often at most. */
const QUIET_PROGRESS_MS = 30_000;

/** Options of {@link collectRun}. */
export interface CollectOptions {
  runId: string;
  store: string;
  out: string;
  /** Wait for unfinished shards (polling) instead of refusing. */
  wait: boolean;
  /** With `wait`: give up after this many seconds (default: never). */
  timeoutSeconds?: number;
  /**
   * Lets `wait` notice jobs that failed for good, and names queue states in messages. Opened only
   * when a shard is missing: a run whose shards are all in the store collects while Redis is down.
   */
  redis?: RedisOnDemand;
  /** A missing shard with Redis not answering is an error (with `wait`, or --redis given), not advice to ask Redis later. */
  requireRedis?: boolean;
  /** Why `store` was looked in and what to do, said when the run is not in it (see requireQueuedRun). */
  storeNote?: string;
  queue: string;
  parquet: boolean;
  keepSeries: boolean;
  signal: AbortSignal;
  log: (line: string) => void;
  /** With `wait`: time between two looks at the store (default 2000 ms). */
  pollMs?: number;
  /** The clock of `wait`'s timeout and progress lines (default Date.now; tests give their own). */
  now?: () => number;
}

/** Shards of the run whose folders are missing. */
async function missingShards(store: string, runId: string, shards: number): Promise<number[]> {
  const missing: number[] = [];
  for (let k = 1; k <= shards; k++) if (!(await isShardDone(store, runId, k))) missing.push(k);
  return missing;
}

/** What the queue says of the missing shards: jobs failed for good (shard → reason), and one given back by workers that cannot serve it. */
interface QueueView {
  failed: Map<number, string>;
  givenBack?: string;
}

/** Reads the queue's view of the missing shards (nothing without a queue). */
async function readQueueView(queue: Queue<ShardJobData> | undefined, runId: string, missing: number[]): Promise<QueueView> {
  const view: QueueView = { failed: new Map() };
  for (const shard of queue === undefined ? [] : missing) {
    const status = await readShardStatus(queue, runId, shard);
    if (status.state === 'failed') view.failed.set(shard, status.failedReason ?? 'no reason recorded');
    if (view.givenBack === undefined && status.givenBack) view.givenBack = `shard ${shard} was ${formatGivenBack(status.givenBack)}`;
  }
  return view;
}

/** Shards as `shard 1/4, 3/4` (the first ten, then `…`). */
function listShards(shards: readonly number[], count: number): string {
  return `shard ${shards.slice(0, 10).map((k) => `${k}/${count}`).join(', ')}${shards.length > 10 ? ', …' : ''}`;
}

/**
 * The error of a run with jobs failed for good: which shards, grouped by reason (a reason that
 * failed every shard is said once, not once per shard), and the remedy. Waiting cannot help: a
 * failed job is never retried by itself.
 */
export function describeFailedShards(run: Pick<QueuedRun, 'runId' | 'shards'>, failed: ReadonlyMap<number, string>, missing: number): string {
  const byReason = new Map<string, number[]>();
  for (const [shard, reason] of failed) byReason.set(reason, [...(byReason.get(reason) ?? []), shard]);
  const reasons = [...byReason].map(([reason, shards]) => `${listShards(shards, run.shards)}: ${reason}`).join('; ');
  const others = missing - failed.size;
  const unfinished = others > 0 ? ` (and ${others} other shard${others === 1 ? ' is' : 's are'} not finished yet)` : '';
  return `run ${run.runId}: ${failed.size} of ${countOf(run.shards, 'shard')} failed for good${unfinished}, so waiting will not help: ${reasons}; `
    + `fix the cause, then run the same \`crm-sim queue submit\` again with --run-id ${run.runId} (only the unfinished shards are queued again)`;
}

/** Resolves after `ms`, or rejects at once when `signal` aborts; leaves no listener on `signal`. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A progress line writer that writes only when the count of finished shards changed, or {@link QUIET_PROGRESS_MS} after its last line. */
function progressPrinter(log: (line: string) => void, now: () => number): (done: number, line: string) => void {
  let lastDone = -1;
  let lastAt = 0;
  return (done, line) => {
    if (done === lastDone && now() - lastAt < QUIET_PROGRESS_MS) return;
    log(line);
    lastDone = done;
    lastAt = now();
  };
}

/** The queue of the run's jobs, opened when first asked for (never when every shard is done), and closed by `close`. */
class QueueOnDemand {
  private queue?: Queue<ShardJobData>;
  private opened = false;

  constructor(private readonly options: CollectOptions) {}

  /**
   * The queue, or undefined without Redis (none given, or not answering when not required).
   * @throws QueueError naming the run's missing shards when Redis is required and does not answer.
   */
  async get(run: QueuedRun, missing: readonly number[]): Promise<Queue<ShardJobData> | undefined> {
    if (this.opened) return this.queue;
    this.opened = true;
    const { redis, requireRedis, queue } = this.options;
    try {
      const connection = await redis?.open(requireRedis === true);
      this.queue = connection && new connection.bullmq.Queue<ShardJobData>(queue, { connection: connection.redis });
    } catch (error) {
      if (!(error instanceof QueueUnavailableError)) throw error;
      const what = this.options.wait ? 'to wait for them, Redis must tell jobs still to run from jobs failed for good' : 'their jobs\' states are unknown';
      throw new QueueError(`run ${run.runId} is not finished: ${missing.length} of ${countOf(run.shards, 'shard')} missing (${listShards(missing, run.shards)}); ${what}: ${error.message}`);
    }
    return this.queue;
  }

  async close(): Promise<void> {
    await this.queue?.close();
  }
}

/** Waits until every shard folder of the run exists (or, without `wait`, checks that they do). */
async function waitForShards(options: CollectOptions, run: QueuedRun, queues: QueueOnDemand): Promise<void> {
  const now = options.now ?? Date.now;
  const started = now();
  const progress = progressPrinter(options.log, now);
  for (;;) {
    const missing = await missingShards(options.store, run.runId, run.shards);
    if (missing.length === 0) return;
    const queue = await queues.get(run, missing);
    const view = await readQueueView(queue, run.runId, missing);
    if (view.failed.size > 0) throw new QueueError(describeFailedShards(run, view.failed, missing.length));
    const list = listShards(missing, run.shards);
    if (!options.wait) {
      // Without Redis the store cannot tell a job still to run from one failed for good: "use --wait" would be wrong advice for the latter.
      const advice = queue === undefined
        ? `; without a Redis connection their jobs' states are unknown: \`crm-sim queue status ${run.runId} --redis URL\` tells jobs still to run (wait for them with --wait) from jobs failed for good (queue them again with \`crm-sim queue submit\` and --run-id ${run.runId})`
        : '; their jobs are still to run: use --wait';
      throw new QueueError(`run ${run.runId} is not finished: ${missing.length} of ${countOf(run.shards, 'shard')} missing (${list})${advice}`);
    }
    if (options.timeoutSeconds !== undefined && now() - started > options.timeoutSeconds * 1000) {
      throw new QueueError(`run ${run.runId}: still ${missing.length} of ${countOf(run.shards, 'shard')} missing after ${options.timeoutSeconds} s (${list})${view.givenBack ? `; ${view.givenBack}` : ''}`);
    }
    progress(run.shards - missing.length, `waiting for ${missing.length} of ${countOf(run.shards, 'shard')} (${list})${view.givenBack ? `; ${view.givenBack}` : ''}`);
    await sleep(options.pollMs ?? 2000, options.signal);
  }
}

/**
 * Collects a queued run: once every shard folder exists (waiting for them with `wait`; Redis is
 * asked about the jobs of missing shards only, so a finished run collects without it), removes
 * the temporary shard folders that dead workers left in the store and merges the shards with
 * `crm-sim merge` into `out`, byte-identical to a single-process run of the scenario path given to
 * `queue submit` (manifest.json but its execution fields too: the scenario path it records is the
 * submitter's, not the store's copy). Each shard counts once: its folder is written once, atomically.
 * @returns The output folder and the summary statistics.
 * @throws QueueError for an unknown run, unfinished shards (without `wait`), failed jobs or a timeout.
 */
export async function collectRun(options: CollectOptions): Promise<{ dir: string; summaryStats: SummaryStatistic[] }> {
  const run = await requireQueuedRun(options.store, options.runId, options.storeNote);
  const queues = new QueueOnDemand(options);
  try {
    await waitForShards(options, run, queues);
  } finally {
    await queues.close();
  }
  const removed: string[] = [];
  for (let k = 1; k <= run.shards; k++) removed.push(...(await removeStaleTemporaries(shardFolder(options.store, run.runId, k))));
  if (removed.length > 0) options.log(describeRemovedTemporaries(removed));
  const dirs = Array.from({ length: run.shards }, (_, i) => shardFolder(options.store, run.runId, i + 1));
  // The manifest records the scenario path the submitter gave, as `crm-sim run` records the user's (the shards record the store's copy they ran).
  return executeMerge({ dirs, out: options.out, parquet: options.parquet, keepSeries: options.keepSeries, scenarioPath: run.scenarioPath }, options.signal);
}
