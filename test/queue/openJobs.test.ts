/**
 * `openJobs` on a real Redis: a job a worker left to others is not open for it, but a job queued
 * again under the same id (a resubmitted run) is a new one, which is.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, isRedisReachable, resolveRedisUrl } from '../../src/queue/connectRedis.ts';
import { openJobs, type YieldedJobs } from '../../src/queue/openJobs.ts';

const REDIS = resolveRedisUrl();
if (!(await isRedisReachable(REDIS))) throw new Error(`Redis must be reachable at ${REDIS}: run npm run setup:system (.ci/setup.d/redis.sh)`);
const connection = await connectRedis(REDIS);
const queue = new connection.bullmq.Queue(`crm-sim-open-jobs-${process.pid}-${Date.now()}`, { connection: connection.redis });

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  connection.redis.disconnect();
});

describe('openJobs', () => {
  it('leaves out a job this worker left to others, but not one queued again under its id', async () => {
    const left = await queue.add('shard', {}, { jobId: 'r.1' });
    await queue.add('shard', {}, { jobId: 'r.2' });
    const yielded: YieldedJobs = new Map([['r.1', left.timestamp]]);
    expect(await openJobs(queue, yielded)).toBe(1);
    await left.remove();
    await queue.add('shard', {}, { jobId: 'r.1', timestamp: left.timestamp + 1 });
    expect(await openJobs(queue, yielded)).toBe(2);
  });
});
