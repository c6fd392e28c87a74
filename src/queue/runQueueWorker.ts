import { hostname } from 'node:os';
import type { Job, Queue, Worker } from 'bullmq';
import type { QueueConnection } from './connectRedis.ts';
import { runIdOfJob, type ShardJobData } from './queueNames.ts';
import { attemptLabel, CannotServeError, runShardJob } from './runShardJob.ts';

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
  /** Stop when the queue holds no waiting, delayed or active job (but those of runs this worker cannot serve). */
  exitWhenIdle: boolean;
  /** After giving a job back, pull no job for this long (default 30 s), so that workers that can serve it get it. */
  backOffSeconds?: number;
  /** First abort: finish the running jobs and stop; `abortJobs` aborts them. */
  signal: AbortSignal;
  abortJobs: AbortSignal;
  log: (line: string) => void;
}

/** What a job given back records in its progress (read by `queue status` and `collect --wait`). */
export interface GivenBack {
  givenBack: number;
  reason: string;
  by: string;
}

/** Jobs done by this process, and the runs it could not serve (run id → reason). */
interface WorkerState {
  completed: number;
  refused: Map<string, string>;
  backOff?: NodeJS.Timeout;
}

/**
 * Gives a job this worker cannot serve back to the queue without using up an attempt (moved from
 * active to wait), records why in its progress, logs the reason once per run, and pauses this
 * worker for the back-off so that the next pull is another worker's.
 */
async function giveBack(job: Job<ShardJobData>, token: string | undefined, reason: string, worker: Worker, state: WorkerState, options: QueueWorkerOptions): Promise<never> {
  const { runId } = job.data;
  const pauseSeconds = options.backOffSeconds ?? 30;
  if (state.refused.get(runId) !== reason) {
    options.log(`cannot serve run ${runId}: ${reason}; its jobs go back to the queue, unchanged, for other workers (this one pulls no job for ${pauseSeconds} s after each)`);
  }
  state.refused.set(runId, reason);
  const previous = (job.progress as Partial<GivenBack> | undefined)?.givenBack ?? 0;
  await job.updateProgress({ givenBack: previous + 1, reason, by: `${hostname()} pid ${process.pid}` } satisfies GivenBack);
  await job.moveToWait(token);
  if (state.backOff === undefined && !options.signal.aborted) {
    void worker.pause(true);
    state.backOff = setTimeout(() => {
      state.backOff = undefined;
      if (!options.signal.aborted && !worker.closing) void worker.resume();
    }, pauseSeconds * 1000);
  }
  throw new options.connection.bullmq.WaitingError();
}

/** The BullMQ worker: runs shard jobs, gives back those it cannot serve, logs failures with their attempt. */
function createWorker(options: QueueWorkerOptions, state: WorkerState, blocking: QueueConnection['redis']): Worker<ShardJobData, string> {
  const worker: Worker<ShardJobData, string> = new options.connection.bullmq.Worker<ShardJobData, string>(options.queue, async (job, token) => {
    try {
      const done = await runShardJob(job, options);
      state.refused.delete(job.data.runId);
      return done;
    } catch (error) {
      if (error instanceof CannotServeError) return giveBack(job, token, error.message, worker, state, options);
      throw error;
    }
  }, {
    connection: blocking, concurrency: options.concurrency, lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000, maxStalledCount: 1000, autorun: false,
  });
  worker.on('completed', () => state.completed++);
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    options.log(`job ${job.id} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}${final ? ', for good' : ', to be retried'}): ${error.message}`);
  });
  worker.on('error', (error) => options.log(`worker error: ${error.message}`));
  return worker;
}

/**
 * Pulls shard jobs from the queue and runs them until stopped (or, with `exitWhenIdle`, until the
 * queue has no job this worker can serve). Each job writes its shard folder atomically into the
 * store; a job whose folder exists is done. A worker killed mid-job leaves only a hidden temporary
 * folder: after the lock expires another worker's stalled-job check puts the job back and it runs
 * again from scratch (removing that folder). A job this worker cannot serve goes back to the
 * queue without using up an attempt (see {@link giveBack}).
 * @returns The number of jobs this process completed.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<number> {
  const { bullmq, redis } = options.connection;
  const state: WorkerState = { completed: 0, refused: new Map() };
  const blocking = redis.duplicate(); // BullMQ blocks on its own connection; closed below
  const worker = createWorker(options, state, blocking);
  const queue = new bullmq.Queue(options.queue, { connection: redis });
  const closed = new Promise<void>((resolve) => worker.once('closed', () => resolve()));
  const stop = () => void worker.close();
  options.signal.addEventListener('abort', stop, { once: true });
  const idle = options.exitWhenIdle ? watchIdle(queue, worker, state, options.signal) : undefined;
  try {
    await worker.run(); // also returns when a back-off pauses an idle worker: wait for the close
    await closed;
  } finally {
    options.signal.removeEventListener('abort', stop);
    clearTimeout(state.backOff);
    idle?.stop();
    await queue.close();
    blocking.disconnect();
  }
  for (const [runId, reason] of state.refused) options.log(`could not serve run ${runId}: ${reason}`);
  return state.completed;
}

/** Jobs still to do or being done, but those of runs this worker cannot serve. */
async function openJobs(queue: Queue, refused: Map<string, string>): Promise<number> {
  const types = ['wait', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
  const counts = await queue.getJobCounts(...types);
  const open = Object.values(counts).reduce((a, b) => a + b, 0);
  if (open === 0 || refused.size === 0) return open;
  return (await queue.getRanges([...types], 0, -1)).filter((id) => !refused.has(runIdOfJob(id))).length;
}

/** Closes the worker once the queue has had no job for it for two checks in a row (one second apart). */
function watchIdle(queue: Queue, worker: Worker, state: WorkerState, signal: AbortSignal): { stop: () => void } {
  let quietChecks = 0;
  const timer = setInterval(() => {
    if (signal.aborted) return;
    openJobs(queue, state.refused).then((open) => {
      quietChecks = open === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) void worker.close();
    }, () => { quietChecks = 0; });
  }, 1000);
  return { stop: () => clearInterval(timer) };
}
