/**
 * A collected run records the scenario path given to `queue submit`, as a plain `crm-sim run` of
 * that path records it, not the store's copy its workers ran (`<store>/<run id>/scenario.resolved.yaml`):
 * manifest.json then differs from the plain run's only in its execution fields (the Parquet files,
 * which carry the manifest without them and without the path, are byte-identical either way). The shards are
 * run by the workers' own job function, without Redis.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/cli/runCommand.ts';
import { collectRun } from '../../src/queue/collectRun.ts';
import type { QueueConnection } from '../../src/queue/connectRedis.ts';
import type { ShardJobData } from '../../src/queue/queueNames.ts';
import { RedisOnDemand } from '../../src/queue/redisOnDemand.ts';
import { runShardJob } from '../../src/queue/runShardJob.ts';
import { writeQueuedRun } from '../../src/queue/runStore.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { SOURCE_SHA256 } from '../../src/runtime/sourceFingerprint.ts';
import { readFolderWithoutManifest, readManifestIdentity, SMALL_SETS } from '../cli/smallRun.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-collect-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('queue collect: the manifest', () => {
  it('records the submitted scenario path, so the collected folder equals a plain run but for execution fields', async () => {
    // The path as a user types it at the repository's root (the tests run from there), as submit stores it.
    const scenarioPath = 'scenarios/baseline.yaml';
    const loaded = loadScenario(scenarioPath, { set: SMALL_SETS });
    const store = join(dir, 'store');
    await writeQueuedRun(store, {
      runId: 'm1', scenarioPath, replicates: 4, masterSeed: 11, shards: 2, sha256: loaded.sha256, sourceSha256: SOURCE_SHA256, overrides: SMALL_SETS, submittedAt: 'now',
    }, loaded.resolvedYaml);
    const signal = new AbortController().signal;
    const options = { connection: {} as QueueConnection, queue: 'unused', store, concurrency: 1, workers: 0, lockSeconds: 30, exitWhenIdle: true, signal, abortJobs: signal, log: () => {} };
    for (const shard of [1, 2]) {
      const job = { id: `m1.${shard}`, data: { runId: 'm1', store, shard, shards: 2 }, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job<ShardJobData>;
      await runShardJob(job, options);
    }
    const collected = join(dir, 'collected');
    // Every shard is in the store, so Redis is never asked, even when it is required (--wait, --redis).
    const asked: string[] = [];
    const redis = new RedisOnDemand('redis://never', (url) => { asked.push(url); return Promise.reject(new Error('not reachable')); });
    await collectRun({ runId: 'm1', store, out: collected, wait: true, redis, requireRedis: true, queue: 'unused', parquet: true, keepSeries: false, signal, log: () => {} });
    expect(asked).toEqual([]);
    const plain = join(dir, 'plain');
    await executeRun({ scenarioPath, replicates: 4, masterSeed: 11, workers: 0, sets: SMALL_SETS, out: plain, parquet: true, keepSeries: false }, signal);

    const recorded = (JSON.parse(readFileSync(join(collected, 'manifest.json'), 'utf8')) as { scenario: unknown }).scenario;
    expect(recorded).toEqual({ path: scenarioPath, sha256: loaded.sha256 });
    expect(await readManifestIdentity(collected)).toEqual(await readManifestIdentity(plain));
    const files = await readFolderWithoutManifest(collected);
    expect(Object.keys(files)).toContain('series.parquet');
    expect(files).toEqual(await readFolderWithoutManifest(plain));
  }, 120_000);
});
