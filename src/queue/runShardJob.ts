import { join } from 'node:path';
import type { Job } from 'bullmq';
import { executeRun } from '../cli/runCommand.ts';
import { compileScenario } from '../../sim-core/index.ts';
import { UsageError } from '../cli/exitCodes.ts';
import { computeShardRange } from '../montecarlo/computeShardRange.ts';
import { OutputFolderExistsError } from '../outputs/writeDirectoryAtomically.ts';
import { describeRemovedTemporaries, removeStaleTemporaries } from '../outputs/removeStaleTemporaries.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import { checkRunResources } from '../scenario/checkRunResources.ts';
import { type LoadedScenario, loadScenario } from '../scenario/loadScenario.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { isFileSystemError, isLastingFileSystemError, shardFolderProblem, shardsNotWritable } from './checkStore.ts';
import type { QueueWorkerOptions } from './runQueueWorker.ts';
import type { ShardJobData } from './queueNames.ts';
import { isShardDone, type QueuedRun, readQueuedRun, runFolder, SCENARIO_FILE, shardFolder } from './runStore.ts';

/**
 * This worker cannot serve the job because of its own setup (it does not see the run's store, cannot
 * write into it, runs other code than the submitter's, or its memory limit is too small for the
 * shard): the job goes back to the queue without using up an attempt, for a worker that can (it
 * fails for good once every connected worker refused it: src/queue/refuseJob.ts). A transient
 * refusal (an I/O error of the store that may clear by itself, see isLastingFileSystemError) gives
 * the job back too but counts towards failing it on no worker.
 */
export class CannotServeError extends Error {
  /** Whether the cause may clear by itself (then this worker may serve the job later). */
  readonly transient: boolean;

  /** @param message - Why, and what to do. @param transient - See {@link CannotServeError.transient} (default false). */
  constructor(message: string, transient = false) {
    super(message);
    this.name = 'CannotServeError';
    this.transient = transient;
  }
}

/** The job's attempt as counted against its limit: failures so far + 1 (restarts after a stall or a give-back do not count). */
export function attemptLabel(job: Job): string {
  return `attempt ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}`;
}

/** What {@link classifyFailure} needs of a shard job. */
interface ShardJob {
  scenarioPath: string;
  out: string;
  workers: number;
  replicates: number;
}

/** Reads the job's run, or throws CannotServeError when this worker cannot serve it. */
async function readServableRun(store: string, runId: string): Promise<QueuedRun> {
  let run: QueuedRun | undefined;
  try {
    run = await readQueuedRun(store, runId);
  } catch (error) {
    if (isFileSystemError(error)) throw new CannotServeError(`cannot read run ${runId} in the store ${store} (${error.code})`, !isLastingFileSystemError(error));
    throw error;
  }
  if (run === undefined) throw new CannotServeError(`run ${runId} is not in the store ${store} (give this worker --store)`);
  // A shard of other code would not merge with the others (collect refuses it): a worker that runs the submitter's code must do it.
  if (run.sourceSha256 !== undefined && run.sourceSha256 !== SOURCE_SHA256) {
    throw new CannotServeError(`run ${runId} was submitted from other code (SHA-256 of the submitter's sources ${run.sourceSha256 ?? 'unknown'}, of this worker's ${SOURCE_SHA256 ?? 'unknown'}): run workers from the submitter's code`);
  }
  const unwritable = await shardsNotWritable(store, runId);
  if (unwritable !== undefined) throw new CannotServeError(unwritable.message, unwritable.transient);
  return run;
}

/** Why the shard does not fit this worker's memory limit with this many pool threads (one line), or undefined when it fits. */
function memoryRefusal(loaded: LoadedScenario, job: ShardJob, workers: number): string | undefined {
  try {
    checkRunResources(loaded, compileScenario(loaded.spec).layout, { replicates: job.replicates, workers, bands: false, scenarioPath: job.scenarioPath, sets: [] });
    return undefined;
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
}

/**
 * Whether a refusal of the scenario came from this worker's memory limit (the same check as
 * submit's, with this worker's limit and --workers): then it is why this worker cannot serve the
 * job, else undefined (the scenario itself is refused, on any worker).
 */
function memoryRefusalOfThisWorker(job: ShardJob): string | undefined {
  let loaded: LoadedScenario;
  try {
    loaded = loadScenario(job.scenarioPath);
  } catch {
    return undefined; // the stored scenario no longer loads: the job's problem
  }
  const refusal = memoryRefusal(loaded, job, job.workers);
  if (refusal === undefined) return undefined;
  if (job.workers > 1 && memoryRefusal(loaded, job, 1) === undefined) return `${refusal} (this worker's --workers ${job.workers} is too many for its memory limit)`;
  return `${refusal} (this worker's memory limit is too small for it)`;
}

/**
 * What a failed shard run becomes: a problem of this worker's setup (UsageError: its shard folder
 * cannot be made, transient only when {@link shardFolderProblem} finds a transient cause; a shard over
 * its memory limit, which another worker's may hold) a CannotServeError; any other refusal of the
 * scenario (ScenarioError other than a too-small disk) an UnrecoverableError, as every attempt on
 * every worker would fail the same way; anything else (I/O errors, a full disk) stays a failure
 * that is retried.
 */
async function classifyFailure(error: unknown, job: ShardJob, Unrecoverable: new (message: string) => Error): Promise<unknown> {
  if (error instanceof UsageError) return new CannotServeError(error.message, (await shardFolderProblem(job.out)).transient);
  if (!(error instanceof ScenarioError) || error.problems.every((problem) => problem.usage === true)) return error;
  const memory = memoryRefusalOfThisWorker(job);
  if (memory !== undefined) return new CannotServeError(memory);
  return new Unrecoverable(`${error.message} (not retried: every attempt would be refused the same way; fix the cause and resubmit the run)`);
}

/**
 * Runs one job: shard k of K of a stored run, skipped when its folder already exists. Before it
 * starts (holding the job's lock) it removes the temporary folders that dead writers of this
 * shard left (a worker killed mid-job).
 * @returns The shard folder.
 * @throws CannotServeError, bullmq's UnrecoverableError, or the run's own error.
 */
export async function runShardJob(job: Job<ShardJobData>, options: QueueWorkerOptions): Promise<string> {
  const { runId, shard, shards } = job.data;
  const store = options.store ?? job.data.store;
  const run = await readServableRun(store, runId);
  const out = shardFolder(store, runId, shard);
  const skip = (why: string) => {
    options.log(`job ${job.id}: shard ${shard}/${shards} of ${runId} ${why}`);
    return out;
  };
  if (await isShardDone(store, runId, shard)) return skip('was already done');
  const removed = await removeStaleTemporaries(out);
  if (removed.length > 0) options.log(`job ${job.id}: ${describeRemovedTemporaries(removed)}`);
  options.log(`job ${job.id} started: run ${runId}, shard ${shard}/${shards} (${attemptLabel(job)})`);
  const scenarioPath = join(runFolder(store, runId), SCENARIO_FILE);
  try {
    await executeRun({
      scenarioPath, replicates: run.replicates, masterSeed: run.masterSeed,
      workers: options.workers, sets: [], overrides: run.overrides, out, shard: { index: shard, count: shards }, parquet: false, keepSeries: false,
    }, options.abortJobs);
  } catch (error) {
    // A twin of this job (its lock had expired while it still ran) finished first: same bytes.
    if (error instanceof OutputFolderExistsError || (await isShardDone(store, runId, shard))) return skip('was finished by another worker');
    const shardJob = { scenarioPath, out, workers: options.workers, replicates: computeShardRange(run.replicates, { index: shard, count: shards }).replicateCount };
    throw await classifyFailure(error, shardJob, options.connection.bullmq.UnrecoverableError);
  }
  options.log(`job ${job.id} done: ${out}`);
  return out;
}
