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
import { collectRun } from '../../src/queue/collectRun.ts';
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
});
