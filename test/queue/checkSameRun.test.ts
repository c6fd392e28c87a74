/**
 * Resubmitting a run id for another run is refused naming each difference in words: the keys of
 * the scenario that differ, the seed, the replicates, the job split and the code, not run.json's
 * keys and bare hashes ("its shards is 2", "its sha256 is 3f…").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSameRun } from '../../src/queue/checkSameRun.ts';
import { type QueuedRun, writeQueuedRun } from '../../src/queue/runStore.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-same-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored: QueuedRun = { runId: 'q1', scenarioPath: 'a.yaml', replicates: 8, masterSeed: 1, shards: 4, sha256: 'a'.repeat(64), sourceSha256: 'c'.repeat(64), submittedAt: 'then' };

describe('checkSameRun', () => {
  it('accepts the same run, and names every difference of another one in words', async () => {
    const store = join(dir, 'store');
    await writeQueuedRun(store, stored, 'years: 2\nname: x\n');
    await expect(checkSameRun(store, stored, { ...stored, submittedAt: 'now' }, 'years: 2\nname: x\n')).resolves.toBeUndefined();
    await expect(checkSameRun(store, stored, { ...stored, shards: 2 }, 'years: 2\nname: x\n')).rejects.toThrow(
      'run id q1 already holds another run (it is split into 4 jobs, this one into 2 (--replicates-per-job)); choose another --run-id');
    await expect(checkSameRun(store, stored, { ...stored, sha256: 'b'.repeat(64), masterSeed: 3, replicates: 9, shards: 5 }, 'years: 1\nname: x\n')).rejects.toThrow(
      'run id q1 already holds another run (its scenario differs at years (2 in the stored run, 1 in this one); its seed is 1, this one 3; it has 8 replicates, this one 9); choose another --run-id');
    await expect(checkSameRun(store, stored, { ...stored, sourceSha256: 'd'.repeat(64) }, 'years: 2\nname: x\n')).rejects.toThrow(
      `(it was submitted from other code (SHA-256 of the sources: ${'c'.repeat(12)}… stored, ${'d'.repeat(12)}… here))`);
  });

  it('says what a hash is when the scenarios differ in no key it can name', async () => {
    const store = join(dir, 'store2');
    await writeQueuedRun(store, stored, 'years: 2\n');
    await expect(checkSameRun(store, stored, { ...stored, sha256: 'b'.repeat(64) }, 'not: [valid')).rejects.toThrow(
      `(its resolved scenario differs (SHA-256 of scenario.resolved.yaml: ${'a'.repeat(12)}… stored, ${'b'.repeat(12)}… now))`);
  });
});
