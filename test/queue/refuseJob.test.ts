/**
 * `recordRefusal` on a real Redis: refusals recorded from stale copies of a job (a stalled twin,
 * another worker) are all kept, and a transient refusal is shown as the last one but ends no job.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { formatGivenBack } from '../../src/queue/readRunStatus.ts';
import { type GivenBack, recordRefusal, type RefusingWorker } from '../../src/queue/refuseJob.ts';

const REDIS = resolveRedisUrl();
if (!(await isRedisReachable(REDIS))) throw new Error(`Redis must be reachable at ${REDIS}: run npm run setup:system (.ci/setup.d/redis.sh)`);
const connection = await connectRedis(REDIS);
const queue = new connection.bullmq.Queue(`crm-sim-refuse-job-${process.pid}-${Date.now()}`, { connection: connection.redis });

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  connection.redis.disconnect();
});

/** A refusing worker of this test's queue (no BullMQ worker is connected to it: it is the only one). */
function refusing(id: string): RefusingWorker {
  return { id, queue, redis: connection.redis, mayEnd: true, log: () => {} };
}

describe('recordRefusal', () => {
  it('keeps a refusal that another copy of the job recorded meanwhile', async () => {
    await queue.add('shard', {}, { jobId: 'twin.1' });
    const stale = await queue.getJob('twin.1');
    const other = await queue.getJob('twin.1');
    if (!stale || !other) throw new Error('no job');
    await recordRefusal(other, 'reason B', false, { ...refusing('b'), mayEnd: false });
    await recordRefusal(stale, 'reason A', false, { ...refusing('a'), mayEnd: false });
    const progress = (await queue.getJob('twin.1'))?.progress as GivenBack;
    expect(progress).toMatchObject({ givenBack: 2, by: 'a', reason: 'reason A', refusals: { a: 'reason A', b: 'reason B' } });
  });

  it('records a transient refusal as the last one, outside the refusals, and ends the job only on a lasting one', async () => {
    const job = await queue.add('shard', {}, { jobId: 'blip.1' });
    expect(await recordRefusal(job, 'cannot read run blip (EIO)', true, refusing('w'))).toBeUndefined();
    const given = (await queue.getJob('blip.1'))?.progress as GivenBack;
    expect(given).toMatchObject({ givenBack: 1, by: 'w', reason: 'cannot read run blip (EIO)', refusals: {}, transient: true });
    expect(formatGivenBack(given)).toMatch(/^given back 1 time .*; last by w for now, .*: cannot read run blip \(EIO\)$/);
    expect(await recordRefusal(job, 'run blip is not in the store', false, refusing('w'))).toMatch(/refused by the only one: w: run blip is not in the store/);
  });
});
