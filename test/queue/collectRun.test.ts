/**
 * `collectRun` waiting for shards, without Redis: on a fake clock, it writes a progress line when
 * the count of finished shards changes and otherwise at most every 30 s, and leaves no listener
 * on the abort signal however many times it polls.
 */
import { getEventListeners } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectRun, describeFailedShards } from '../../src/queue/collectRun.ts';
import type { QueueConnection } from '../../src/queue/connectRedis.ts';
import { QueueUnavailableError } from '../../src/queue/loadQueueModules.ts';
import { RedisOnDemand } from '../../src/queue/redisOnDemand.ts';
import { shardFolder, writeQueuedRun } from '../../src/queue/runStore.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collectRun --wait', () => {
  it('prints progress when a shard finishes and otherwise every 30 s at most, and removes its abort listener after each poll', async () => {
    const store = join(dir, 'store');
    await writeQueuedRun(store, { runId: 'w1', scenarioPath: 'x.yaml', replicates: 4, masterSeed: 1, shards: 2, sha256: 'a', submittedAt: 'now' }, 'x: 1\n');
    // Every look at the clock is half a second later; shard 1 appears 10 s (fake) into the wait.
    let clock = 0;
    const now = () => {
      clock += 500;
      if (clock === 10_000) mkdirSync(shardFolder(store, 'w1', 1), { recursive: true });
      return clock;
    };
    const lines: string[] = [];
    const abort = new AbortController();
    const collecting = collectRun({
      runId: 'w1', store, out: join(dir, 'out'), wait: true, timeoutSeconds: 120, queue: 'unused', parquet: false, keepSeries: false,
      signal: abort.signal, log: (line) => lines.push(line), pollMs: 1, now,
    });
    await expect(collecting).rejects.toThrow(/run w1: still 1 of 2 shards missing after 120 s \(shard 2\/2\)/);
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
    expect(lines[0]).toBe('waiting for 2 of 2 shards (shard 1/2, 2/2)');
    expect(lines).toContain('waiting for 1 of 2 shards (shard 2/2)');
    // About 120 polls: a line for each change and a reminder every 30 s, not one a poll.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(7);
  });

  it('rejects at once when interrupted during a wait', async () => {
    const store = join(dir, 'store2');
    await writeQueuedRun(store, { runId: 'w2', scenarioPath: 'x.yaml', replicates: 2, masterSeed: 1, shards: 1, sha256: 'a', submittedAt: 'now' }, 'x: 1\n');
    const abort = new AbortController();
    const collecting = collectRun({
      runId: 'w2', store, out: join(dir, 'out2'), wait: true, queue: 'unused', parquet: false, keepSeries: false,
      signal: abort.signal, log: () => abort.abort(), pollMs: 60_000,
    });
    await expect(collecting).rejects.toMatchObject({ name: 'AbortError' });
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
  });

  it('without a Redis connection, does not advise --wait for shards whose jobs may have failed for good', async () => {
    const store = join(dir, 'store3');
    await writeQueuedRun(store, { runId: 'w3', scenarioPath: 'x.yaml', replicates: 2, masterSeed: 1, shards: 2, sha256: 'a', submittedAt: 'now' }, 'x: 1\n');
    mkdirSync(shardFolder(store, 'w3', 2), { recursive: true });
    const collecting = collectRun({ runId: 'w3', store, out: join(dir, 'out3'), wait: false, queue: 'unused', parquet: false, keepSeries: false, signal: new AbortController().signal, log: () => {} });
    await expect(collecting).rejects.toThrow(/^run w3 is not finished: 1 of 2 shards missing \(shard 1\/2\); without a Redis connection their jobs' states are unknown: `crm-sim queue status w3 --redis URL` tells jobs still to run \(wait for them with --wait\) from jobs failed for good \(queue them again with `crm-sim queue submit` and --run-id w3\)$/);
  });
});

describe('collectRun: Redis asked only about missing shards', () => {
  /** A Redis that never answers, counting the attempts to reach it. */
  const unreachableRedis = () => {
    const attempts: string[] = [];
    const redis = new RedisOnDemand('redis://down:6379', (url) => {
      attempts.push(url);
      return Promise.reject(new QueueUnavailableError('cannot reach Redis at redis://down:6379 (ECONNREFUSED)'));
    });
    return { redis, attempts };
  };
  const collect = async (runId: string, wait: boolean, requireRedis: boolean, redis: RedisOnDemand) => {
    const store = join(dir, `store-${runId}`);
    await writeQueuedRun(store, { runId, scenarioPath: 'x.yaml', replicates: 2, masterSeed: 1, shards: 2, sha256: 'a', submittedAt: 'now' }, 'x: 1\n');
    mkdirSync(shardFolder(store, runId, 2), { recursive: true });
    return collectRun({ runId, store, out: join(dir, `out-${runId}`), wait, timeoutSeconds: 1, redis, requireRedis, queue: 'q', parquet: false, keepSeries: false, signal: new AbortController().signal, log: () => {}, pollMs: 1 });
  };

  it('with --wait or --redis, a missing shard and a Redis that does not answer is an error naming both', async () => {
    const { redis, attempts } = unreachableRedis();
    await expect(collect('u1', true, true, redis)).rejects.toThrow(/^run u1 is not finished: 1 of 2 shards missing \(shard 1\/2\); to wait for them, Redis must tell jobs still to run from jobs failed for good: cannot reach Redis at redis:\/\/down:6379 \(ECONNREFUSED\)$/);
    await expect(collect('u2', false, true, unreachableRedis().redis)).rejects.toThrow(/^run u2 is not finished: 1 of 2 shards missing \(shard 1\/2\); their jobs' states are unknown: cannot reach Redis/);
    expect(attempts).toEqual(['redis://down:6379']);
  });

  it('otherwise it gives the advice for a run collected without Redis, after one attempt', async () => {
    const { redis, attempts } = unreachableRedis();
    await expect(collect('u3', false, false, redis)).rejects.toThrow(/^run u3 is not finished: 1 of 2 shards missing \(shard 1\/2\); without a Redis connection their jobs' states are unknown: /);
    expect(attempts).toHaveLength(1);
    expect(redis.unreachable).toMatch(/cannot reach Redis/);
  });

  it('opens the connection once however often it is asked for, and closes it', async () => {
    let disconnected = 0;
    const connection = { redis: { disconnect: () => { disconnected++; } } } as unknown as QueueConnection;
    let opened = 0;
    const redis = new RedisOnDemand('redis://up', () => { opened++; return Promise.resolve(connection); });
    expect(await redis.open(true)).toBe(connection);
    expect(await redis.open(false)).toBe(connection);
    await redis.close();
    expect({ opened, disconnected }).toEqual({ opened: 1, disconnected: 1 });
  });
});

describe('describeFailedShards', () => {
  it('names each reason once with its shards, the shards still unfinished, and the remedy', () => {
    const failed = new Map([[1, 'disk full'], [3, 'disk full'], [4, 'bad scenario']]);
    expect(describeFailedShards({ runId: 'f1', shards: 5 }, failed, 4)).toBe('run f1: 3 of 5 shards failed for good (and 1 other shard is not finished yet), so waiting will not help: '
      + 'shard 1/5, 3/5: disk full; shard 4/5: bad scenario; fix the cause, then run the same `crm-sim queue submit` again with --run-id f1 (only the unfinished shards are queued again)');
    expect(describeFailedShards({ runId: 'f2', shards: 1 }, new Map([[1, 'x']]), 1)).toMatch(/^run f2: 1 of 1 shard failed for good, so waiting/);
  });
});
