import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeMerge } from '../../src/cli/mergeCommand.ts';
import { executeRun } from '../../src/cli/runCommand.ts';
import { readFolderWithoutManifest, readManifestIdentity, smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
let runs = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-shard-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The single-process run of `replicates` (with or without Parquet and kept series), computed once. */
const singles = new Map<string, Promise<string>>();
function singleRun(replicates: number, all: boolean): Promise<string> {
  const name = `single-${replicates}-${all}`;
  if (!singles.has(name)) {
    const dir = join(root, name);
    singles.set(name, executeRun(smallRunSettings(dir, { replicates, keepSeries: all, parquet: all }), signal).then(() => dir));
  }
  return singles.get(name) as Promise<string>;
}

describe('crm-sim run --shard k/K + crm-sim merge', () => {
  it('gives the bytes of one run for any K, worker count, chunking and block size', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 1),
      fc.constantFrom(undefined, 1), fc.constantFrom(undefined, 1, 12 * 8 * 7), fc.boolean(), fc.boolean(),
      async (replicates, count, workers, chunkBytes, blockBytes, reversed, all) => {
        const run = join(root, `run-${runs++}`);
        const shards = [];
        for (let index = 1; index <= count; index++) {
          const dir = join(run, `shard-${index}`);
          await executeRun(smallRunSettings(dir, { replicates, workers, chunkBytes, blockBytes, shard: { index, count } }), signal);
          shards.push(dir);
        }
        const merged = join(run, 'merged');
        await executeMerge({ dirs: reversed ? shards.reverse() : shards, out: merged, parquet: all, keepSeries: all, blockBytes, bandWorkers: workers }, signal);
        const single = await singleRun(replicates, all);
        expect(await readFolderWithoutManifest(merged)).toEqual(await readFolderWithoutManifest(single));
        expect(await readManifestIdentity(merged)).toEqual(await readManifestIdentity(single));
        await rm(run, { recursive: true, force: true });
      },
    ), { numRuns: 4 });
  }, 300_000);
});
