/**
 * Refusals in a fleet of `crm-sim queue work` processes, with a real Redis: a worker whose memory
 * limit is too small for a job gives it back (its refusal recorded on the job) to a worker whose
 * limit holds it; a job that every connected worker refuses fails for good, naming each worker and
 * its reason, instead of going round the queue for ever.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { runKey } from '../../src/queue/queueNames.ts';
import type { GivenBack } from '../../src/queue/refuseJob.ts';
import { SMALL_SETS } from '../cli/smallRun.ts';
import { runCli } from '../cli/runCli.ts';

const REDIS = resolveRedisUrl();
if (!(await isRedisReachable(REDIS))) throw new Error(`Redis must be reachable at ${REDIS}: run npm run setup:system (.ci/setup.d/redis.sh)`);
const QUEUE = `crm-sim-refusals-${process.pid}-${Date.now()}`;
const SETS = [...SMALL_SETS, 'years=2'].flatMap((s) => ['--set', s]);
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-queue-refusals-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  const { bullmq, redis } = await connectRedis(REDIS);
  for (const [name, runId] of [[`${QUEUE}-mixed`, 'm1'], [`${QUEUE}-none`, 'n1'], [`${QUEUE}-transient`, 't1']]) {
    const queue = new bullmq.Queue(name, { connection: redis });
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.del(runKey(name, runId));
  }
  redis.disconnect();
});

/** A `crm-sim queue work` child process, its stderr so far, and its identity as its refusals name it. */
interface WorkerProcess {
  log: string;
  exited: Promise<number | null>;
  id: RegExp;
}

/** Starts `crm-sim queue work --exit-when-idle` on a queue, with extra options and environment. */
function startWorker(queue: string, args: string[], env: NodeJS.ProcessEnv = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'queue', 'work', '--redis', REDIS, '--queue', queue,
    '--workers', '1', '--exit-when-idle', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  const worker: WorkerProcess = {
    log: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    id: new RegExp(`${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${child.pid}:[0-9a-f]{4}`),
  };
  child.stderr?.on('data', (chunk: Buffer) => { worker.log += chunk.toString(); });
  return worker;
}

/** Resolves once the worker's log matches `pattern` (rejects after a minute, or when it exits first). */
async function waitForLog(worker: WorkerProcess, pattern: RegExp): Promise<void> {
  let exited = false;
  void worker.exited.then(() => { exited = true; });
  for (let waited = 0; !pattern.test(worker.log); waited += 50) {
    if (waited > 60_000 || exited) throw new Error(`expected ${pattern} in the worker's log:\n${worker.log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The state, attempts, failure reason and recorded refusals of one job. */
async function readJob(queue: string, id: string): Promise<{ state: string; attemptsMade: number; failedReason?: string; progress: Partial<GivenBack> }> {
  const { bullmq, redis } = await connectRedis(REDIS);
  const q = new bullmq.Queue(queue, { connection: redis });
  try {
    const job = await q.getJob(id);
    if (!job) throw new Error(`no job ${id}`);
    return { state: await job.getState(), attemptsMade: job.attemptsMade, failedReason: job.failedReason, progress: job.progress as Partial<GivenBack> };
  } finally {
    await q.close();
    redis.disconnect();
  }
}

/** Reads a job until `done` holds of it (rejects after a minute). */
async function waitForJob(queue: string, id: string, done: (job: Awaited<ReturnType<typeof readJob>>) => boolean): Promise<Awaited<ReturnType<typeof readJob>>> {
  for (let waited = 0; ; waited += 200) {
    const job = await readJob(queue, id);
    if (done(job)) return job;
    if (waited > 60_000) throw new Error(`job ${id} still ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Submits a one-job run of two replicates. */
function submit(queue: string, runId: string, store: string): void {
  const submitted = runCli(['queue', 'submit', 'scenarios/baseline.yaml', '--replicates', '2', '--seed', '3', '--replicates-per-job', '2',
    '--store', store, '--redis', REDIS, '--queue', queue, '--run-id', runId, ...SETS]);
  expect(submitted).toMatchObject({ status: 0, stdout: `${runId}\n` });
}

describe('crm-sim queue work: refusals in a fleet', () => {
  it('a worker whose memory limit is too small gives the job back, recorded on it, and a worker with enough memory does it', async () => {
    const queue = `${QUEUE}-mixed`;
    const store = join(dir, 'mixed');
    submit(queue, 'm1', store);
    // The small worker first (a long back-off, so it cannot end the job before the big one connects).
    const small = startWorker(queue, ['--back-off-seconds', '120'], { CRM_SIM_MAX_MEMORY: '1KB' });
    await waitForLog(small, /cannot serve run m1: .*expected a run that fits in memory .*\(this worker's memory limit is too small for it\)/);
    expect(await readJob(queue, 'm1.1')).toMatchObject({ state: 'waiting', attemptsMade: 0 });
    const status = runCli(['queue', 'status', 'm1', '--redis', REDIS, '--queue', queue]).stdout;
    expect(status).toMatch(/^shard 1\/1: waiting, 0 of 3 attempts used; given back 1 time by workers that cannot serve it; refused by 1 worker: (\S+): .*fits in memory/m);
    expect(/refused by 1 worker: (\S+):/.exec(status)?.[1]).toMatch(small.id);
    const big = startWorker(queue, []);
    expect(await big.exited).toBe(0);
    expect(big.log).toMatch(/job m1\.1 done/);
    expect(existsSync(join(store, 'm1', 'shards', 'shard-1'))).toBe(true);
    expect(await small.exited).toBe(0); // the queue is empty: it stops too, having failed nothing
    expect(small.log).not.toMatch(/failed/);
    const job = await readJob(queue, 'm1.1');
    expect(job.state).toBe('completed');
    const refusals = Object.entries(job.progress.refusals ?? {});
    expect(refusals).toHaveLength(1);
    expect(refusals[0][0]).toMatch(small.id);
    expect(refusals[0][1]).toMatch(/fits in memory .*this worker's memory limit is too small/);
  }, 120_000);

  it('a job that every connected worker refuses fails for good with each worker\'s reason, and collect and status report it', async () => {
    const queue = `${QUEUE}-none`;
    const store = join(dir, 'none');
    submit(queue, 'n1', store);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    // Both refuse: one for its memory limit, one for its store. The first holds back (long back-off)
    // until the second connects; the second's short back-off lets it end the job a second later.
    const small = startWorker(queue, ['--store', store, '--back-off-seconds', '120'], { CRM_SIM_MAX_MEMORY: '1KB' });
    await waitForLog(small, /cannot serve run n1/);
    const blind = startWorker(queue, ['--store', elsewhere, '--back-off-seconds', '1']);
    expect(await blind.exited).toBe(0);
    expect(await small.exited).toBe(0);
    expect(blind.log).toMatch(/job n1\.1 failed \(attempt 1 of 3, for good\): no worker connected to the queue can serve it \(refused by all 2: /);
    const job = await readJob(queue, 'n1.1');
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 1 });
    const reason = job.failedReason ?? '';
    expect(reason).toMatch(new RegExp(`${small.id.source}: \\S+scenario.resolved.yaml\\S* .*expected a run that fits in memory`));
    expect(reason).toMatch(new RegExp(`${blind.id.source}: run n1 is not in the store \\S+elsewhere`));
    const status = runCli(['queue', 'status', 'n1', '--redis', REDIS, '--queue', queue]);
    expect(status).toMatchObject({ status: 0, stdout: expect.stringMatching(/^run n1: 0 of 1 shard done, 1 missing, 1 failed for good\nshard 1\/1: failed, 1 of 3 attempts used: no worker connected/) });
    expect(status.stdout).toContain(reason);
    const collect = runCli(['queue', 'collect', 'n1', '--out', join(dir, 'n1'), '--wait', '--timeout', '60', '--redis', REDIS, '--queue', queue]);
    expect(collect).toMatchObject({ status: 2, stderr: expect.stringMatching(/^crm-sim: run n1: 1 of 1 shard failed for good, so waiting will not help: shard 1\/1: no worker connected to the queue can serve it[^\n]*; fix the cause, then run the same `crm-sim queue submit` again with --run-id n1 \(only the unfinished shards are queued again\)\n$/) });
    expect(collect.stderr).toContain(reason);
  }, 120_000);

  it('a store error that may clear by itself gives the job back but counts towards failing it on no worker: the only worker does it once the error clears', async () => {
    const queue = `${QUEUE}-transient`;
    const store = join(dir, 'transient');
    submit(queue, 't1', store);
    // A socket where run.json was: opening it fails with ENXIO, an I/O error other than "does not exist" or "permission denied".
    const runJson = join(store, 't1', 'run.json');
    renameSync(runJson, `${runJson}.aside`);
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(runJson, resolve));
    const worker = startWorker(queue, ['--back-off-seconds', '1']);
    await waitForLog(worker, /cannot serve run t1 .*cannot read run t1 in the store \S+ \(ENXIO\)/);
    // Refused again after its first back-off: a lasting refusal by the only connected worker would end the job there.
    const given = await waitForJob(queue, 't1.1', (job) => job.state === 'failed' || (job.progress.givenBack ?? 0) >= 3);
    expect(given.state).not.toBe('failed');
    expect(given).toMatchObject({ attemptsMade: 0, progress: { refusals: {}, transient: true, reason: expect.stringMatching(/\(ENXIO\)/) } });
    await new Promise((resolve) => socket.close(resolve));
    rmSync(runJson, { force: true });
    renameSync(`${runJson}.aside`, runJson);
    expect(await worker.exited).toBe(0);
    expect(worker.log).toMatch(/job t1\.1 done/);
    expect(existsSync(join(store, 't1', 'shards', 'shard-1'))).toBe(true);
    expect((await readJob(queue, 't1.1')).state).toBe('completed');
  }, 120_000);
});
