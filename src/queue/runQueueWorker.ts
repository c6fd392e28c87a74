import { join } from 'node:path';
import type { Job, Queue, Worker } from 'bullmq';
import { executeRun } from '../cli/runCommand.ts';
import { OutputFolderExistsError } from '../outputs/writeDirectoryAtomically.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import type { QueueConnection } from './connectRedis.ts';
import type { ShardJobData } from './queueNames.ts';
import { isShardDone, readQueuedRun, runFolder, SCENARIO_FILE, shardFolder } from './runStore.ts';

/** Options of {@link runQueueWorker}. */
export interface QueueWorkerOptions {
  connection: QueueConnection;
  queue: string;
  /** Store folder on this machine; default the submitter's path from each job. */
  store?: string;
  /** Jobs processed at once by this process. */
  concurrency: number;
  /** Pool threads per job (≥ 1, so the main thread stays free to renew the job's lock). */
  workers: number;
  /**
   * Lock of a job: renewed every half of it while the job runs; when a worker dies its jobs are
   * moved back to the queue about this long after its last renewal (stalled-job check).
   */
  lockSeconds: number;
  /** Stop when the queue holds no waiting, delayed or active job. */
  exitWhenIdle: boolean;
  /** First abort: finish the running jobs and stop; `abortJobs` aborts them. */
  signal: AbortSignal;
  abortJobs: AbortSignal;
  log: (line: string) => void;
}

/** Runs one job: shard k of K of a stored run, skipped when its folder already exists. */
async function runShardJob(job: Job<ShardJobData>, options: QueueWorkerOptions): Promise<string> {
  const { runId, shard, shards } = job.data;
  const store = options.store ?? job.data.store;
  const run = await readQueuedRun(store, runId);
  const { bullmq } = options.connection;
  if (run === undefined) throw new bullmq.UnrecoverableError(`run ${runId} is not in the store ${store} (give this worker --store)`);

  const out = shardFolder(store, runId, shard);
  const skip = (why: string) => {
    options.log(`job ${job.id}: shard ${shard}/${shards} of ${runId} ${why}`);
    return out;
  };
  if (await isShardDone(store, runId, shard)) return skip('was already done');
  // A shard of other code would not merge with the others (collect refuses it). A plain failure: the
  // job is retried (submitRun.ts: 3 attempts, with backoff), perhaps by a worker that runs the submitter's code
  // (a fleet mid-update), and fails for good only after that.
  if (run.sourceSha256 !== undefined && run.sourceSha256 !== SOURCE_SHA256) {
    throw new Error(`run ${runId} was submitted from other code (sources ${run.sourceSha256 ?? 'unknown'}; this worker runs ${SOURCE_SHA256 ?? 'unknown'}): run workers from the submitter's code, then resubmit the run to queue its failed jobs again`);
  }
  options.log(`job ${job.id} started: run ${runId}, shard ${shard}/${shards} (attempt ${job.attemptsStarted})`);
  try {
    await executeRun({
      scenarioPath: join(runFolder(store, runId), SCENARIO_FILE), replicates: run.replicates, masterSeed: run.masterSeed,
      workers: options.workers, sets: [], overrides: run.overrides, out, shard: { index: shard, count: shards }, parquet: false, keepSeries: false,
    }, options.abortJobs);
  } catch (error) {
    // A twin of this job (its lock had expired while it still ran) finished first: same bytes.
    if (error instanceof OutputFolderExistsError) return skip('was finished by another worker');
    throw error;
  }
  options.log(`job ${job.id} done: ${out}`);
  return out;
}

/** Sum of the jobs still to do or being done. */
async function openJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Pulls shard jobs from the queue and runs them until stopped (or, with `exitWhenIdle`, until the
 * queue is empty). Each job writes its shard folder atomically into the store; a job whose folder
 * exists is done. A worker killed mid-job leaves only a hidden temporary folder: after the lock
 * expires another worker's stalled-job check puts the job back and it runs again from scratch.
 * @returns The number of jobs this process completed.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<number> {
  const { bullmq, redis } = options.connection;
  let completed = 0;
  const blocking = redis.duplicate(); // BullMQ blocks on its own connection; closed below
  const worker = new bullmq.Worker<ShardJobData, string>(options.queue, (job) => runShardJob(job, options), {
    connection: blocking, concurrency: options.concurrency, lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000, maxStalledCount: 1000, autorun: false,
  });
  worker.on('completed', () => completed++);
  worker.on('failed', (job, error) => options.log(`job ${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts ?? 1}): ${error.message}`));
  worker.on('error', (error) => options.log(`worker error: ${error.message}`));
  const queue = new bullmq.Queue(options.queue, { connection: redis });
  const stop = () => void worker.close();
  options.signal.addEventListener('abort', stop, { once: true });
  const idle = options.exitWhenIdle ? watchIdle(queue, worker, options.signal) : undefined;
  try {
    await worker.run();
  } finally {
    options.signal.removeEventListener('abort', stop);
    idle?.stop();
    await queue.close();
    blocking.disconnect();
  }
  return completed;
}

/** Closes the worker once the queue has had no open job for two checks in a row (one second apart). */
function watchIdle(queue: Queue, worker: Worker, signal: AbortSignal): { stop: () => void } {
  let quietChecks = 0;
  const timer = setInterval(() => {
    if (signal.aborted) return;
    openJobs(queue).then((open) => {
      quietChecks = open === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) void worker.close();
    }, () => { quietChecks = 0; });
  }, 1000);
  return { stop: () => clearInterval(timer) };
}
