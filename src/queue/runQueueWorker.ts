import type { Job, Queue, Worker } from 'bullmq';
import { InterruptedError } from '../cli/exitCodes.ts';
import { redactUrlCredentials } from '../outputs/createManifest.ts';
import type { QueueConnection } from './connectRedis.ts';
import type { ShardJobData } from './queueNames.ts';
import { newWorkerId, recordRefusal } from './refuseJob.ts';
import { CannotServeError, runShardJob } from './runShardJob.ts';
import { watchIdle, type YieldedJobs } from './openJobs.ts';
import { createRedisOutageReporter, type RedisOutageReporter } from './reportRedisOutages.ts';
import { countOf } from '../text/countOf.ts';

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
  /** Stop when the queue holds no waiting, delayed or active job (but those this worker left to other workers: see openJobs). */
  exitWhenIdle: boolean;
  /**
   * After giving a job back, pull no job for this long (default 30 s), so that workers that can
   * serve it get it; for as long after it starts, this worker's refusals end no job.
   */
  backOffSeconds?: number;
  /** First abort: finish the running jobs and stop; `abortJobs` aborts them. */
  signal: AbortSignal;
  abortJobs: AbortSignal;
  log: (line: string) => void;
  /**
   * Called when the worker stops waiting for BullMQ's close (Redis down): its connections go on
   * reconnecting and keep the process up, so the command should exit once it is done.
   */
  onCloseAbandoned?: () => void;
}

/** Jobs done by this process, the runs it could not serve (run id → reason), and the jobs it left to other workers. */
interface WorkerState {
  /** This process's identity (its BullMQ worker name, recorded with each refusal). */
  id: string;
  startedAt: number;
  completed: number;
  /** Jobs the second signal aborted and gave back to the queue. */
  interrupted: number;
  refused: Map<string, string>;
  /** Jobs it refused (for a lasting reason) after its first back-off and gave back, as a connected worker had not refused them yet. */
  yielded: YieldedJobs;
  backOff?: NodeJS.Timeout;
  /** Jobs this process is running now. */
  running: number;
}

/**
 * How long a stopping worker with no job left running waits for BullMQ to close before it gives up
 * on it: with Redis down the close waits for a reconnection that may never come, so a SIGTERM
 * (Kubernetes, Slurm) went unanswered (review 27). Longer than BullMQ's 5 s blocking pull, so a close
 * with Redis up always ends by itself first.
 */
const STUCK_CLOSE_MS = 10_000;

/**
 * Refuses a job this worker cannot serve (see CannotServeError): records the refusal on the job
 * and, when every worker connected to the queue has refused it for a lasting reason, fails it for
 * good with each one's reason (but not during this worker's first back-off, while a fleet started
 * with it connects). Else gives it back to the queue without using up an attempt (moved from
 * active to wait) and pauses this worker for the back-off so that the next pull is another
 * worker's (or, after a transient refusal, maybe its own). Logs the reason once per run.
 */
async function refuse(job: Job<ShardJobData>, token: string | undefined, refusal: CannotServeError, worker: Worker, queue: Queue, state: WorkerState, options: QueueWorkerOptions): Promise<never> {
  const { runId } = job.data;
  const { message: reason, transient } = refusal;
  const pauseSeconds = options.backOffSeconds ?? 30;
  if (state.refused.get(runId) !== reason) {
    options.log(transient
      ? `cannot serve run ${runId} for now: ${reason}; its jobs go back to the queue, unchanged (this one pulls no job for ${pauseSeconds} s after each); an error that may clear by itself fails no job`
      : `cannot serve run ${runId}: ${reason}; its jobs go back to the queue, unchanged, for other workers (this one pulls no job for ${pauseSeconds} s after each); one that every connected worker refuses fails for good`);
  }
  state.refused.set(runId, reason);
  const mayEnd = Date.now() - state.startedAt >= pauseSeconds * 1000;
  const ended = await recordRefusal(job, reason, transient, { id: state.id, queue, redis: options.connection.redis, mayEnd, log: options.log });
  if (ended !== undefined) throw new options.connection.bullmq.UnrecoverableError(ended);
  if (mayEnd && !transient) state.yielded.set(job.id as string, job.timestamp);
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

/**
 * Gives back a job aborted by the second signal (see {@link QueueWorkerOptions.abortJobs}): moved
 * from active to wait, so it runs again at once elsewhere without using up an attempt (failing it
 * would use one, and exiting with it would leave it locked until its lock expired). Its temporary
 * shard folder is removed already (the run unwound).
 */
async function giveBackInterrupted(job: Job<ShardJobData>, token: string | undefined, abortError: unknown, state: WorkerState, options: QueueWorkerOptions): Promise<never> {
  try {
    await job.moveToWait(token);
  } catch {
    throw abortError; // its lock is lost already (e.g. Redis is down): it fails, or stalls, as before
  }
  state.interrupted++;
  options.log(`job ${job.id} interrupted: back in the queue, no attempt used`);
  throw new options.connection.bullmq.WaitingError();
}

/** The BullMQ worker: runs shard jobs, gives back those it cannot serve or that the second signal aborted, logs failures with their attempt. */
function createWorker(options: QueueWorkerOptions, state: WorkerState, blocking: QueueConnection['redis'], queue: Queue, outages: RedisOutageReporter): Worker<ShardJobData, string> {
  const worker: Worker<ShardJobData, string> = new options.connection.bullmq.Worker<ShardJobData, string>(options.queue, async (job, token) => {
    state.running++;
    try {
      const done = await runShardJob(job, options);
      state.refused.delete(job.data.runId);
      return done;
    } catch (error) {
      if (error instanceof CannotServeError) return refuse(job, token, error, worker, queue, state, options);
      if (options.abortJobs.aborted && (error as Error | undefined)?.name === 'AbortError') return giveBackInterrupted(job, token, error, state, options);
      throw error;
    } finally {
      state.running--;
    }
  }, {
    name: state.id, connection: blocking, concurrency: options.concurrency, lockDuration: options.lockSeconds * 1000,
    stalledInterval: options.lockSeconds * 1000, maxStalledCount: 1000, autorun: false,
  });
  worker.on('completed', () => state.completed++);
  worker.on('failed', (job, error) => {
    if (job === undefined) return;
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    options.log(`job ${job.id} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}${final ? ', for good' : ', to be retried'}): ${error.message}`);
  });
  // Without a listener BullMQ prints each connection error with its stack trace, once per retry.
  worker.on('error', outages.error);
  return worker;
}

/**
 * Pulls shard jobs from the queue and runs them until stopped (or, with `exitWhenIdle`, until the
 * queue has no job left for it). Each job writes its shard folder atomically into the
 * store; a job whose folder exists is done. A worker killed mid-job leaves only a hidden temporary
 * folder: after the lock expires another worker's stalled-job check puts the job back and it runs
 * again from scratch (removing that folder). A job this worker cannot serve goes back to the
 * queue without using up an attempt, or fails for good once every connected worker refused it
 * (see {@link refuse}). The worker logs its identity (host:pid:tag) when it starts, and one line
 * when Redis is lost and one when it is back (see createRedisOutageReporter). Stopped while Redis
 * is down, it stops waiting for BullMQ's close once no job has run for STUCK_CLOSE_MS and calls
 * `onCloseAbandoned` (its connections are left to the process's exit).
 * @returns The number of jobs this process completed.
 * @throws InterruptedError (exit 130) when `abortJobs` aborted the running jobs (given back to the queue).
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<number> {
  const { bullmq, redis } = options.connection;
  const state: WorkerState = { id: newWorkerId(), startedAt: Date.now(), completed: 0, interrupted: 0, refused: new Map(), yielded: new Map(), running: 0 };
  const blocking = redis.duplicate(); // BullMQ blocks on its own connection; closed below
  const queue = new bullmq.Queue(options.queue, { connection: redis });
  const outages = createRedisOutageReporter(options.connection.url, options.log);
  queue.on('error', outages.error);
  for (const client of [redis, blocking]) client.on('ready', outages.ready);
  const worker = createWorker(options, state, blocking, queue, outages);
  options.log(`worker ${state.id} pulling jobs from queue ${options.queue}`);
  const closed = new Promise<void>((resolve) => worker.once('closed', () => resolve()));
  // Once no job runs, a close still pending after STUCK_CLOSE_MS waits for Redis: stop waiting for it.
  let watchClose: NodeJS.Timeout | undefined;
  let abandoned = false;
  const gaveUp = new Promise<void>((resolve) => {
    options.signal.addEventListener('abort', () => {
      let idleSince = Date.now();
      watchClose = setInterval(() => {
        if (state.running > 0) idleSince = Date.now();
        else if (Date.now() - idleSince >= STUCK_CLOSE_MS) {
          clearInterval(watchClose);
          abandoned = true;
          options.log(`Redis at ${redactUrlCredentials(options.connection.url)} did not answer the worker's close; stopping without it`);
          options.onCloseAbandoned?.();
          resolve();
        }
      }, 500);
    }, { once: true });
  });
  const stop = () => void worker.close();
  options.signal.addEventListener('abort', stop, { once: true });
  const idle = options.exitWhenIdle ? watchIdle(queue, worker, state.yielded, options.signal) : undefined;
  try {
    // worker.run() also returns when a back-off pauses an idle worker: wait for the close.
    await Promise.race([worker.run().then(() => closed), gaveUp]);
  } finally {
    options.signal.removeEventListener('abort', stop);
    clearInterval(watchClose);
    clearTimeout(state.backOff);
    idle?.stop();
    if (!abandoned) await queue.close();
    blocking.disconnect();
    redis.off('ready', outages.ready);
  }
  for (const [runId, reason] of state.refused) options.log(`could not serve run ${runId}: ${reason}`);
  // The second signal: exit 130 as any interrupted command does (not 0, which reads as a clean stop).
  if (options.abortJobs.aborted) {
    const back = state.interrupted === 0 ? 'no job was running' : `${countOf(state.interrupted, 'running job')} went back to the queue, no attempt used`;
    throw new InterruptedError(`interrupted; ${back} (${countOf(state.completed, 'job')} done by this worker)`);
  }
  return state.completed;
}
