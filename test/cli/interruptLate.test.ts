import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeMerge } from '../../src/cli/mergeCommand.ts';
import { executeRun } from '../../src/cli/runCommand.ts';
import type { ProgressReporter } from '../../src/cli/progressReporter.ts';
import { smallRunSettings } from './smallRun.ts';

const never = new AbortController().signal;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-sigint-late-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * A silent progress reporter that aborts `controller` when the band phase reports its last block
 * done: Ctrl-C pressed after every block was read, while the files are being written.
 */
function abortAfterLastBlock(controller: AbortController): ProgressReporter {
  let phase = '';
  let total = -1;
  return {
    start(label, count) {
      phase = typeof label === 'string' ? label : label.plural;
      total = count;
    },
    update(done) {
      if (phase.startsWith('blocks') && done === total) controller.abort();
    },
    stop() {},
  };
}

/** The error a promise rejects with (or 'resolved'). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => 'resolved', (error: unknown) => error);
}

describe('Ctrl-C late in a run or merge', () => {
  it('run: an abort after the band pass\'s last block rejects with AbortError and leaves no folder', async () => {
    for (const [name, overrides] of [['csv', {}], ['parquet', { parquet: true, keepSeries: true, workers: 2, blockBytes: 1 }]] as const) {
      const controller = new AbortController();
      const out = join(root, `run-${name}`);
      const error = await rejection(executeRun(smallRunSettings(out, overrides), controller.signal, abortAfterLastBlock(controller)));
      expect(controller.signal.aborted).toBe(true);
      expect((error as Error).name).toBe('AbortError');
      expect(await readdir(root)).toEqual([]); // neither the folder nor its temporary
    }
  }, 120_000);

  it('merge: an abort after the band pass\'s last block rejects with AbortError and leaves no folder', async () => {
    const shards = join(root, 'shards');
    const dirs = [1, 2].map((index) => join(shards, `s${index}`));
    for (const [index, dir] of dirs.entries()) {
      await executeRun(smallRunSettings(dir, { replicates: 4, shard: { index: index + 1, count: 2 } }), never);
    }
    const controller = new AbortController();
    const out = join(root, 'merged');
    const error = await rejection(executeMerge({ dirs, out, parquet: true, keepSeries: false }, controller.signal, abortAfterLastBlock(controller)));
    expect(controller.signal.aborted).toBe(true);
    expect((error as Error).name).toBe('AbortError');
    expect(await readdir(root)).toEqual(['shards']);
    // Without an abort the same merge completes (the test above is not failing for another reason).
    const { dir } = await executeMerge({ dirs, out, parquet: true, keepSeries: false }, never);
    expect(await readdir(dir)).toContain('series.parquet');
    await rm(dir, { recursive: true });
    await rm(shards, { recursive: true });
  }, 120_000);
});
