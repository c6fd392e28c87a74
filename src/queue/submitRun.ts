import { randomBytes } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { compileScenario } from '../../sim-core/index.ts';
import { checkRunResources } from '../scenario/checkRunResources.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { SOURCE_SHA256 } from '../runtime/sourceFingerprint.ts';
import type { QueueConnection } from './connectRedis.ts';
import { checkSameRun } from './checkSameRun.ts';
import { QueueError } from './loadQueueModules.ts';
import { isValidRunId, runKey, type ShardJobData, shardJobId } from './queueNames.ts';
import { isShardDone, type QueuedRun, readQueuedRunForUser, runFolder, SCENARIO_FILE, writeQueuedRun } from './runStore.ts';

/** What to submit. */
export interface SubmitOptions {
  scenarioPath: string;
  /** `--set` overrides (and `--years`), applied by the submitter. */
  sets: string[];
  replicates: number;
  masterSeed: number;
  /** Replicates per job (the last jobs may hold one fewer: shards of `crm-sim run --shard`). */
  replicatesPerJob: number;
  store: string;
  /** Default `<scenario>-<UTC timestamp>-<random>`. */
  runId?: string;
  queue: string;
  connection: QueueConnection;
}

/** What was submitted. */
export interface Submitted {
  runId: string;
  shards: number;
  /** Jobs queued now (fewer than `shards` when resubmitting a run whose shards partly finished). */
  queued: number;
  dir: string;
}

/** Retries of a job that fails (a crashed or killed worker is not a failure: its job is recovered as stalled). */
const JOB_ATTEMPTS = 3;

/** A new run id from the scenario name and the time. */
function newRunId(scenarioPath: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${basename(scenarioPath).replace(/\.ya?ml$/, '').replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * Submits a run to the queue: loads and checks the scenario (ScenarioError on mistakes, including
 * a job too large for memory), stores the run and its resolved scenario in the store, and queues
 * one BullMQ job per shard with a fixed job id. Resubmitting the same run id queues again only
 * the shards whose folders are missing (failed jobs included), so it is safe to repeat.
 * @returns The run id and counts.
 * @throws ScenarioError, QueueError.
 */
export async function submitRun(options: SubmitOptions): Promise<Submitted> {
  const runId = options.runId ?? newRunId(options.scenarioPath);
  if (!isValidRunId(runId)) throw new QueueError(`--run-id: expected letters, digits, '.', '_' or '-', found "${runId}"`);
  const loaded = loadScenario(options.scenarioPath, { set: options.sets });
  const shards = Math.ceil(options.replicates / options.replicatesPerJob);
  const perJob = Math.ceil(options.replicates / shards);
  checkRunResources(loaded, compileScenario(loaded.spec).layout, {
    replicates: perJob, workers: 1, bands: false, scenarioPath: options.scenarioPath, sets: options.sets,
  });
  const run: QueuedRun = {
    runId, scenarioPath: options.scenarioPath, replicates: options.replicates, masterSeed: options.masterSeed,
    shards, sha256: loaded.sha256, sourceSha256: SOURCE_SHA256, overrides: [...options.sets], submittedAt: new Date().toISOString(),
  };
  const existing = await readQueuedRunForUser(options.store, runId);
  if (existing) await checkSameRun(options.store, existing, run, loaded.resolvedYaml);
  const dir = await writeQueuedRun(options.store, existing ?? run, loaded.resolvedYaml);
  if (loadScenario(join(dir, SCENARIO_FILE)).sha256 !== loaded.sha256) {
    throw new Error(`the resolved scenario of run ${runId} does not load back to itself; please report this`);
  }
  const pending: number[] = [];
  for (let k = 1; k <= shards; k++) if (!(await isShardDone(options.store, runId, k))) pending.push(k);
  const { bullmq, redis } = options.connection;
  await redis.set(runKey(options.queue, runId), JSON.stringify({ store: resolve(options.store) }));
  const queue = new bullmq.Queue<ShardJobData>(options.queue, { connection: redis });
  try {
    // A job id is kept after its job ends: a failed job (or a completed one whose folder is gone)
    // must be removed before the shard can be queued again; waiting and active ones stay.
    for (const shard of pending) {
      const job = await queue.getJob(shardJobId(runId, shard));
      const state = job ? await job.getState() : undefined;
      if (job && (state === 'failed' || state === 'completed')) await job.remove();
    }
    await queue.addBulk(pending.map((shard) => ({
      name: 'shard',
      data: { runId, store: resolve(options.store), shard, shards },
      opts: { jobId: shardJobId(runId, shard), attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { age: 7 * 86400 } },
    })));
  } finally {
    await queue.close();
  }
  return { runId, shards, queued: pending.length, dir: runFolder(options.store, runId) };
}
