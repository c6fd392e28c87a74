import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/cli/runCommand.ts';
import { readFolderWithoutManifest, smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
let runs = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-workers-prop-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Inline reference folders by (replicates, seed), so each is run once. */
const references = new Map<string, Promise<Record<string, string>>>();

/** Runs the small baseline and returns its files (manifest aside) as hashes, and its manifest. */
async function runFolder(overrides: Parameters<typeof smallRunSettings>[1]): Promise<{ files: Record<string, string>; manifest: { workers: number; workersRequested?: number } }> {
  const dir = join(root, `run${runs++}`);
  await executeRun(smallRunSettings(dir, { parquet: true, ...overrides }), signal);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { workers: number; workersRequested?: number };
  return { files: await readFolderWithoutManifest(dir), manifest };
}

describe('crm-sim run across worker counts (property)', () => {
  it('writes byte-identical folders for any workers, replicates, seed, chunk and block size', async () => {
    const bytesPerValue = 8;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(undefined, 1, 3 * 12 * bytesPerValue * 2000),
        fc.constantFrom(undefined, 1, 12 * bytesPerValue * 300),
        async (workers, replicates, masterSeed, chunkBytes, blockBytes) => {
          const key = `${replicates}/${masterSeed}`;
          if (!references.has(key)) references.set(key, runFolder({ workers: 0, replicates, masterSeed }).then((run) => run.files));
          const reference = await references.get(key);
          const run = await runFolder({ workers, replicates, masterSeed, chunkBytes, blockBytes });
          expect(run.files).toEqual(reference);
          // The manifest records the threads used (never more than the tasks) and the request when it differs.
          expect(run.manifest.workers).toBeLessThanOrEqual(Math.min(workers, replicates));
          expect(run.manifest.workers).toBeGreaterThanOrEqual(1);
          if (run.manifest.workers !== workers) expect(run.manifest.workersRequested).toBe(workers);
          else expect(run.manifest.workersRequested).toBeUndefined();
        },
      ),
      { numRuns: 5, seed: 20261129, endOnFailure: true },
    );
  }, 300_000);

  it('records the workers used and the workers requested: --workers 3 --replicates 2 used 2 threads', async () => {
    const { manifest } = await runFolder({ workers: 3, replicates: 2 });
    expect(manifest.workers).toBe(2);
    expect(manifest.workersRequested).toBe(3);
  }, 120_000);
});
