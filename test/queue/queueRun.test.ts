/**
 * The queue backend end to end with a real Redis: `crm-sim queue submit` splits a small run into
 * four jobs, two `crm-sim queue work` processes pull them, the first to start a job is killed with
 * SIGKILL in the middle of it, the survivor recovers the stalled job after its lock expires, and
 * `crm-sim queue collect` merges the shards into bytes identical to a single-process run (every
 * file but manifest.json). Fails when Redis is unreachable (`npm run setup:system` installs and
 * starts it): the queue is part of the product, so its test is never skipped silently.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { runKey } from '../../src/queue/queueNames.ts';
import { estimateRunMemory } from '../../src/scenario/estimateRunMemory.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { compileScenario } from '../../sim-core/index.ts';
import { readFolderWithoutManifest, SMALL_SETS } from '../cli/smallRun.ts';
import { runCli } from '../cli/runCli.ts';

const REDIS = resolveRedisUrl();
const reachable = await isRedisReachable(REDIS);
if (!reachable) throw new Error(`Redis must be reachable at ${REDIS}: run npm run setup:system (.ci/setup.d/redis.sh)`);
const QUEUE = `crm-sim-test-${process.pid}-${Date.now()}`;
const SETS = [...SMALL_SETS, 'years=2'].flatMap((s) => ['--set', s]);
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-queue-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const { bullmq, redis } = await connectRedis(REDIS);
  for (const [name, runId] of [[QUEUE, 'r1'], [`${QUEUE}-idle`, 'r2'], [`${QUEUE}-code`, 'r3']]) {
    const queue = new bullmq.Queue(name, { connection: redis });
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.del(runKey(name, runId));
  }
  redis.disconnect();
});

/** Runs the CLI with extra environment variables (as runCli does otherwise). */
function runCliWithEnv(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The state, attempts and progress of jobs of a queue. */
async function readJobs(name: string, ids: string[]): Promise<{ state: string; attemptsMade: number; progress: unknown }[]> {
  const { bullmq, redis } = await connectRedis(REDIS);
  const queue = new bullmq.Queue(name, { connection: redis });
  try {
    return await Promise.all(ids.map(async (id) => {
      const job = await queue.getJob(id);
      if (!job) throw new Error(`no job ${id}`);
      return { state: await job.getState(), attemptsMade: job.attemptsMade, progress: job.progress };
    }));
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** A `crm-sim queue work` child process and its stderr so far. */
interface WorkerProcess {
  child: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

/** Starts a worker process (one pool thread per job, 2 s locks, exits when the queue is empty). */
function startWorker(): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'queue', 'work', '--redis', REDIS, '--queue', QUEUE,
    '--workers', '1', '--lock-seconds', '2', '--exit-when-idle'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const worker: WorkerProcess = { child, log: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stderr?.on('data', (chunk: Buffer) => { worker.log += chunk.toString(); });
  return worker;
}

/** Resolves with the first worker whose log shows a started job. */
async function firstToStart(workers: WorkerProcess[]): Promise<WorkerProcess> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    const started = workers.find((w) => /job \S+ started/.test(w.log));
    if (started) return started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no worker started a job:\n${workers.map((w) => w.log).join('\n')}`);
}

describe('crm-sim queue with Redis', () => {
  it('recovers a job whose worker was killed mid-job and collects the single-process bytes', async () => {
    const store = join(dir, 'store');
    const submit = runCli(['queue', 'submit', 'scenarios/baseline.yaml', '--replicates', '8', '--seed', '21', '--replicates-per-job', '2',
      '--store', store, '--redis', REDIS, '--queue', QUEUE, '--run-id', 'r1', ...SETS]);
    expect(submit.stderr).toMatch(/4 of 4 jobs queued/);
    expect({ status: submit.status, stdout: submit.stdout }).toEqual({ status: 0, stdout: 'r1\n' });

    const workers = [startWorker(), startWorker()];
    const victim = await firstToStart(workers);
    const killedJob = /job (\S+) started/.exec(victim.log)?.[1] as string;
    victim.child.kill('SIGKILL');
    const survivor = workers.find((w) => w !== victim) as WorkerProcess;
    expect(await victim.exited).toBeNull();
    expect(await survivor.exited).toBe(0);
    expect(victim.log).not.toContain(`job ${killedJob} done`);
    expect(survivor.log).toContain(`job ${killedJob} done`);
    // Restarted after the stall, the job is still at its first attempt (a stall uses none up).
    expect(survivor.log).toMatch(new RegExp(`job ${killedJob.replace('.', '\\.')} started: run r1, shard \\d/4 \\(attempt 1 of 3\\)`));
    // No hidden temporary folder of the killed worker is left: its job's rerun removed it.
    expect(readdirSync(join(store, 'r1', 'shards')).sort()).toEqual(['shard-1', 'shard-2', 'shard-3', 'shard-4']);

    const out = join(dir, 'collected');
    const collect = runCli(['queue', 'collect', 'r1', '--out', out, '--redis', REDIS, '--queue', QUEUE]);
    expect({ status: collect.status, stderr: collect.stderr }).toEqual({ status: 0, stderr: '' });
    const single = join(dir, 'single');
    expect(runCli(['run', 'scenarios/baseline.yaml', '--replicates', '8', '--seed', '21', '--workers', '2', '--out', single, '--quiet', ...SETS]).status).toBe(0);
    expect(await readFolderWithoutManifest(out)).toEqual(await readFolderWithoutManifest(single));

    // Every shard is in the store: Redis is not asked, so the run collects while it is down, even with --redis and --wait.
    const offline = join(dir, 'collected-offline');
    const down = runCli(['queue', 'collect', 'r1', '--out', offline, '--store', store, '--redis', 'redis://127.0.0.1:1', '--wait', '--queue', QUEUE]);
    expect({ status: down.status, stderr: down.stderr }).toEqual({ status: 0, stderr: '' });
    expect(await readFolderWithoutManifest(offline)).toEqual(await readFolderWithoutManifest(single));
    // Without --store, the run's store is recorded in Redis: its absence is said with the cause.
    expect(runCli(['queue', 'collect', 'r1', '--out', join(dir, 'nowhere'), '--redis', 'redis://127.0.0.1:1', '--queue', QUEUE])).toMatchObject({
      status: 2, stderr: expect.stringMatching(/^crm-sim: no run r1 in the store \S+: the store its submitter used is recorded in Redis, which did not answer: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED[^)]*\)[^\n]*; or give --store\n$/),
    });
    expect(runCli(['queue', 'collect', 'r1', '--out', join(dir, 'nowhere'), '--redis', REDIS, '--queue', `${QUEUE}-other`])).toMatchObject({
      status: 2, stderr: expect.stringMatching(/: Redis \(queue \S+-other\) has no record of run r1 either: check the run id and --queue, or give --store\n$/),
    });
  });

  it('a lone worker that cannot serve a run ends its jobs after its back-off; a refused scenario fails at once; leftovers of dead workers are removed', async () => {
    const store = join(dir, 'store2');
    const queue = `${QUEUE}-idle`;
    const submit = (seed: string) => runCli(['queue', 'submit', 'scenarios/baseline.yaml', '--replicates', '4', '--seed', seed,
      '--replicates-per-job', '2', '--store', store, '--redis', REDIS, '--queue', queue, '--run-id', 'r2', ...SETS]);
    expect(submit('1').status).toBe(0);
    const out = join(dir, 'r2');
    const collect = (...extra: string[]) => runCli(['queue', 'collect', 'r2', '--out', out, '--store', store, '--redis', REDIS, '--queue', queue, ...extra]);
    expect(collect()).toMatchObject({ status: 2, stderr: 'crm-sim: run r2 is not finished: 2 of 2 shards missing (shard 1/2, 2/2); their jobs are still to run: use --wait\n' });
    expect(submit('2')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^crm-sim: run id r2 already holds another run \(its seed is 1, this one 2\); choose another --run-id\n$/) });
    const work = (storeSeen: string, env: NodeJS.ProcessEnv = {}, backOff = '30') => runCliWithEnv(['queue', 'work', '--redis', REDIS, '--queue', queue, '--store', storeSeen,
      '--workers', '1', '--exit-when-idle', '--back-off-seconds', backOff], env);

    // A --store that is no folder: the worker does not start.
    expect(work(join(dir, 'missing'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/^crm-sim: --store \S+missing: expected the folder of queued runs .* but it does not exist; not starting/) });
    // A folder without the run: the worker refuses each job, saying why once; as no other worker is
    // connected, its refusals end the jobs once its back-off is over (failed for good, with the reason).
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const refused = work(elsewhere, {}, '1');
    expect(refused.status).toBe(0);
    expect(refused.stderr).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ crm-sim queue: cannot serve run r2: run r2 is not in the store \S+elsewhere \(give this worker --store\); its jobs go back to the queue/m);
    expect(refused.stderr.match(/cannot serve run r2/g)).toHaveLength(1);
    expect(refused.stderr).not.toMatch(/started/);
    expect(refused.stderr).toMatch(/job r2\.2 failed \(attempt 1 of 3, for good\): no worker connected to the queue can serve it \(refused by the only one: \S+: run r2 is not in the store \S+elsewhere/);
    const status = (...extra: string[]) => runCli(['queue', 'status', 'r2', '--redis', REDIS, '--queue', queue, ...extra]);
    expect(status()).toMatchObject({ status: 0, stdout: expect.stringMatching(
      /^run r2: 0 of 2 shards done, 2 missing, 2 failed for good\n(shard \d\/2: failed, 1 of 3 attempts used: no worker connected .*run r2 is not in the store.*\n){2}$/) });

    // A refusal of the scenario itself (its stored file edited into an invalid one): failed for good at
    // once, on any worker, with the reason.
    expect(submit('1').stderr).toMatch(/2 of 2 jobs queued/);
    const resolved = join(store, 'r2', 'scenario.resolved.yaml');
    const yaml = readFileSync(resolved, 'utf8');
    writeFileSync(resolved, `${yaml}bogusKey: 1\n`);
    const invalid = work(store);
    writeFileSync(resolved, yaml);
    expect(invalid.stderr).toMatch(/job r2\.1 failed \(attempt 1 of 3, for good\): .*bogusKey: expected .*found[^]*not retried/);
    expect(invalid.stderr).not.toMatch(/attempt 2|cannot serve/);
    const failed = JSON.parse(status('--json', '--store', store).stdout) as { failed: number; pending: { state: string; attemptsMade: number; failedReason: string }[] };
    expect(failed).toMatchObject({ done: 0, failed: 2, pending: [{ state: 'failed', attemptsMade: 1 }, { state: 'failed', attemptsMade: 1 }] });
    expect(failed.pending[0].failedReason).toMatch(/bogusKey/);
    // Failed for good: waiting would not help, with --wait or without; each reason once, and the remedy.
    for (const extra of [['--wait'], []]) {
      const refusedCollect = collect(...extra);
      expect(refusedCollect).toMatchObject({ status: 2, stderr: expect.stringMatching(
        /^crm-sim: run r2: 2 of 2 shards failed for good, so waiting will not help: shard 1\/2, 2\/2: [^\n]*bogusKey[^\n]*; fix the cause, then run the same `crm-sim queue submit` again with --run-id r2 \(only the unfinished shards are queued again\)\n$/) });
      expect(refusedCollect.stderr.match(/not retried/g)).toHaveLength(1); // the shared reason once, not once per shard
    }
    // With --store alone, the default Redis is still asked about the missing shards (here it answers) ...
    expect(runCli(['queue', 'collect', 'r2', '--out', out, '--store', store, '--queue', queue])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^crm-sim: run r2: 2 of 2 shards failed for good/) });
    // ... but when it does not, the store cannot tell failed jobs from waiting ones: no "use --wait", but how to find out.
    expect(runCliWithEnv(['queue', 'collect', 'r2', '--out', out, '--store', store, '--queue', queue], { CRM_SIM_REDIS: 'redis://127.0.0.1:1' })).toMatchObject({ status: 2, stderr: expect.stringMatching(
      /^crm-sim: run r2 is not finished: 2 of 2 shards missing \(shard 1\/2, 2\/2\); without a Redis connection their jobs' states are unknown: `crm-sim queue status r2 --redis URL` tells/) });

    // A dead worker's temporary folder: removed by the job's next run, or by collect once its shard is done.
    const shards = join(store, 'r2', 'shards');
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    mkdirSync(join(shards, `.shard-1.tmp-${dead}`));
    writeFileSync(join(shards, `.shard-1.tmp-${dead}`, 'partial'), 'x');
    expect(submit('1').stderr).toMatch(/2 of 2 jobs queued/);
    const good = work(store).stderr;
    expect(good).toMatch(/job r2\.1 started: run r2, shard 1\/2 \(attempt 1 of 3\)/);
    expect(good).toContain(`job r2.1: removed the temporary folder of a dead worker: .shard-1.tmp-${dead}`);
    expect(good).toMatch(/job r2\.2 done/);
    mkdirSync(join(shards, `.shard-2.tmp-${dead}`));
    const collected = collect();
    expect(collected).toMatchObject({ status: 0, stdout: `${out}\n`, stderr: expect.stringContaining(`removed the temporary folder of a dead worker: .shard-2.tmp-${dead}`) });
    expect(readdirSync(shards).sort()).toEqual(['shard-1', 'shard-2']);
    expect(status('--store', store).stdout).toBe('run r2: 2 of 2 shards done, 0 missing, 0 failed for good\n');
    // Redis down: named when asked for with --redis; with --store alone, the store still tells which shards are done.
    expect(runCli(['queue', 'status', 'r2', '--store', store, '--redis', 'redis://127.0.0.1:1'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/cannot reach Redis/) });
    expect(runCliWithEnv(['queue', 'status', 'r2', '--store', store], { CRM_SIM_REDIS: 'redis://127.0.0.1:1' }).stdout)
      .toBe('run r2: 2 of 2 shards done, 0 missing, 0 failed for good\n(job states unknown: Redis did not answer)\n');
  }, 240_000); // about twenty CLI processes: over the default 120 s on a loaded machine

  it('a worker running other code than the submitter\'s refuses the run\'s jobs instead of writing shards that would not merge', async () => {
    const store = join(dir, 'store3');
    const queue = `${QUEUE}-code`;
    const submit = () => runCli(['queue', 'submit', 'scenarios/baseline.yaml', '--replicates', '2', '--seed', '5', '--replicates-per-job', '2',
      '--store', store, '--redis', REDIS, '--queue', queue, '--run-id', 'r3', ...SETS]);
    expect(submit().status).toBe(0);
    // As if the submitter had other code: its fingerprint in the stored run differs from this worker's.
    const stored = join(store, 'r3', 'run.json');
    const run = JSON.parse(readFileSync(stored, 'utf8')) as { sourceSha256: string };
    expect(run.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(stored, JSON.stringify({ ...run, sourceSha256: 'f'.repeat(64) }));
    // Alone on the queue, the worker ends the job once its (short) back-off is over: failed for good, both fingerprints named.
    const work = (workers = '1', env: NodeJS.ProcessEnv = {}) => runCliWithEnv(['queue', 'work', '--redis', REDIS, '--queue', queue, '--store', store,
      '--workers', workers, '--exit-when-idle', '--back-off-seconds', '1'], env);
    const log = work().stderr;
    expect(log).toMatch(/cannot serve run r3: run r3 was submitted from other code \(SHA-256 of the submitter's sources f{64}, of this worker's [0-9a-f]{64}\)/);
    expect(log).toMatch(/job r3\.1 failed \(attempt 1 of 3, for good\): no worker connected to the queue can serve it \(refused by the only one: \S+: run r3 was submitted from other code \(SHA-256 of the submitter's sources f{64}, of this worker's [0-9a-f]{64}\)/);
    expect(log).not.toMatch(/started/);
    expect((await readJobs(queue, ['r3.1'])).map((job) => [job.state, job.attemptsMade])).toEqual([['failed', 1]]);
    expect(readdirSync(join(store, 'r3')).includes('shards') ? readdirSync(join(store, 'r3', 'shards')) : []).toEqual([]);
    // Resubmitted from other code than the stored run's, the run id is refused.
    expect(submit()).toMatchObject({ status: 2, stderr: expect.stringMatching(/run id r3 already holds another run \(it was submitted from other code \(SHA-256 of the sources: f{12}… stored, [0-9a-f]{12}… here\)\); choose another --run-id\n$/) });
    // Back to the submitter's code (the stored fingerprint put back), resubmitted. A worker whose --workers 2 exceeds its
    // memory limit, where one thread would fit, refuses the job too, saying so; a worker with one thread does it.
    writeFileSync(stored, JSON.stringify(run));
    expect(submit().stderr).toMatch(/1 of 1 job queued/);
    const loaded = loadScenario(join(store, 'r3', 'scenario.resolved.yaml'));
    const layout = compileScenario(loaded.spec).layout;
    const needs = (workers: number) => estimateRunMemory(loaded.spec, layout, { replicates: 2, bandReplicates: 2, workers, bands: false }).memoryBytes;
    expect(needs(2)).toBeGreaterThan(needs(1));
    const between = Math.floor((needs(1) + needs(2)) / 2);
    const crowded = work('2', { CRM_SIM_MAX_MEMORY: `${between}B` });
    expect(crowded.stderr).toMatch(/cannot serve run r3: .*expected a run that fits in memory.*\(this worker's --workers 2 is too many for its memory limit\)/);
    expect(crowded.stderr).toMatch(/job r3\.1 failed \(attempt 1 of 3, for good\): no worker connected to the queue can serve it .*this worker's --workers 2 is too many/);
    expect(submit().stderr).toMatch(/1 of 1 job queued/);
    expect(work().stderr).toMatch(/job r3\.1 started: run r3, shard 1\/1 \(attempt 1 of 3\)[^]*job r3\.1 done/);
  });
});
