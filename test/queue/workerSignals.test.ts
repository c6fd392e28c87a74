/**
 * `crm-sim queue work` and signals, with a real Redis: the first SIGTERM lets the running job
 * finish; a second one aborts it, so the job is released to run again elsewhere at once instead of
 * staying active (locked) until it stalls, as it did when the CLI's own handler exited the process.
 * The released job uses no attempt (it failed, and was retried after a back-off, before), and the
 * worker exits 130 as an interrupted command does (it exited 0).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { runKey } from '../../src/queue/queueNames.ts';
import { SMALL_SETS } from '../cli/smallRun.ts';
import { runCli } from '../cli/runCli.ts';

const REDIS = resolveRedisUrl();
if (!(await isRedisReachable(REDIS))) throw new Error(`Redis must be reachable at ${REDIS}: run npm run setup:system (.ci/setup.d/redis.sh)`);
const QUEUE = `crm-sim-signals-${process.pid}-${Date.now()}`;
const dir = mkdtempSync(join(tmpdir(), 'crm-sim-queue-signals-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const { bullmq, redis } = await connectRedis(REDIS);
  const queue = new bullmq.Queue(QUEUE, { connection: redis });
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.del(runKey(QUEUE, 's1'));
  redis.disconnect();
});

/** The state of every job of the queue, and the attempts it used. */
async function jobStates(): Promise<string[]> {
  const { bullmq, redis } = await connectRedis(REDIS);
  const queue = new bullmq.Queue(QUEUE, { connection: redis });
  try {
    const jobs = await queue.getJobs(['active', 'waiting', 'delayed', 'completed', 'failed', 'prioritized']);
    return Promise.all(jobs.map(async (job) => `${await job.getState()}, ${job.attemptsMade} attempts used`));
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

describe('crm-sim queue work and signals', () => {
  it('a second SIGTERM aborts the running job and releases it, instead of exiting with it locked', async () => {
    const store = join(dir, 'store');
    // One long job: 40 replicates of ten years on one thread take far longer than the test waits.
    const sets = SMALL_SETS.map((s) => s.replace('years=1', 'years=10')).flatMap((s) => ['--set', s]);
    const submit = runCli(['queue', 'submit', 'scenarios/baseline.yaml', '--replicates', '40', '--replicates-per-job', '40', '--store', store,
      '--redis', REDIS, '--queue', QUEUE, '--run-id', 's1', ...sets]);
    expect(submit.status).toBe(0);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'queue', 'work', '--redis', REDIS, '--queue', QUEUE, '--store', store,
      '--workers', '1', '--lock-seconds', '30'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; !/job \S+ started/.test(log); waited += 50) {
      if (waited > 60_000) throw new Error(`the job never started:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await jobStates()).toEqual(['active, 0 attempts used']); // the first signal lets it run on
    child.kill('SIGTERM');
    expect(await exited).toBe(130);
    // Released at once: not active (its lock would hold it for 30 s) but waiting, to run again with no attempt used.
    expect(await jobStates()).toEqual(['waiting, 0 attempts used']);
    expect(log).toMatch(/job s1\.1 interrupted: back in the queue, no attempt used/);
    expect(log).toMatch(/crm-sim: interrupted; 1 running job went back to the queue, no attempt used \(0 jobs done by this worker\)\n$/);
    expect(log).not.toMatch(/failed|    at /);
  }, 120_000);
});
