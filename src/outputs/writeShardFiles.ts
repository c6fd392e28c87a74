import { createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultLayout } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';
import type { RunManifest } from './createManifest.ts';
import type { SeriesSegment } from './createReplicateStore.ts';
import { readSeriesBlocks } from './readSeriesBlocks.ts';
import { sha256Hex } from './verifySha256.ts';

/** What a shard folder holds (see {@link writeShardFiles}). */
export interface ShardFilesInput {
  layout: ResultLayout;
  resolvedYaml: string;
  /** Segment files tiling the shard's replicates. */
  segments: readonly SeriesSegment[];
  /** Summaries of the shard's replicates, in replicate order. */
  summaries: readonly ReplicateSummaries[];
  /** Builds the manifest (with its `shard` field) at the end. */
  createManifest: () => RunManifest;
  /** Memory for one block of series while transposing (default 256 MiB). */
  blockBytes?: number;
  signal?: AbortSignal;
}

/** Files of a shard folder. */
export const SHARD_FILES = {
  manifest: 'manifest.json',
  scenario: 'scenario.resolved.yaml',
  layout: 'layout.json',
  summaries: 'summaries.f64',
  series: 'series.f64',
} as const;

/**
 * Writes a shard folder's files into `dir`: `scenario.resolved.yaml`, `layout.json` (the engine's
 * ResultLayout), `summaries.f64` (little-endian Float64, replicate-major: replicate r's summary i
 * at r · summaries + i), `series.f64` (little-endian Float64, series-major over the shard's
 * replicates: series s, replicate r, tick t at (s · replicates + r) · ticks + t, i.e. one
 * segment file) and `manifest.json` last (with `shard`: index, count, firstReplicate,
 * replicateCount, and `files`: the SHA-256 of each other file, hashed as it is written, which
 * `merge` checks). `crm-sim merge` turns shard folders into a run folder.
 *
 * @param dir - Folder to write into.
 * @param input - The shard's replicates, scenario and manifest.
 * @returns Resolves when every file is closed.
 * @throws Error when `createManifest` gives a manifest without `shard`.
 * @example
 * await writeShardFiles(tmp, { layout, resolvedYaml, segments: store.segments(), summaries: store.summaries(), createManifest });
 */
export async function writeShardFiles(dir: string, input: ShardFilesInput): Promise<void> {
  const { layout } = input;
  const yaml = input.resolvedYaml.replace(/\r\n?/g, '\n');
  const files: Record<string, string> = {};
  const writeHashed = async (name: string, bytes: Uint8Array): Promise<void> => {
    files[name] = sha256Hex(bytes);
    await writeFile(join(dir, name), bytes);
  };
  await writeHashed(SHARD_FILES.scenario, Buffer.from(yaml.endsWith('\n') ? yaml : `${yaml}\n`, 'utf8'));
  await writeHashed(SHARD_FILES.layout, Buffer.from(`${JSON.stringify(layout, null, 2)}\n`, 'utf8'));
  const count = layout.summaries.length;
  const summaries = new Float64Array(input.summaries.length * count);
  input.summaries.forEach((result, r) => summaries.set(result.summaries, r * count));
  await writeHashed(SHARD_FILES.summaries, new Uint8Array(summaries.buffer));
  files[SHARD_FILES.series] = await writeSeries(join(dir, SHARD_FILES.series), input);
  const manifest = input.createManifest();
  if (manifest.shard === undefined) throw new Error('writeShardFiles: the manifest has no "shard"');
  const withFiles = { ...manifest, shard: { ...manifest.shard, files } };
  await writeFile(join(dir, SHARD_FILES.manifest), `${JSON.stringify(withFiles, null, 2)}\n`);
}

/** Writes `series.f64` block by block, hashing each block as it goes; returns the file's SHA-256. */
async function writeSeries(path: string, input: ShardFilesInput): Promise<string> {
  const { layout } = input;
  const hash = createHash('sha256');
  const handle = await open(path, 'wx');
  try {
    if (input.summaries.length > 0) {
      const blocks = readSeriesBlocks(input.segments, layout.series.length, layout.ticks, {
        maxBytes: input.blockBytes,
        signal: input.signal,
      });
      for await (const block of blocks) {
        const bytes = new Uint8Array(block.values.buffer, block.values.byteOffset, block.values.byteLength);
        hash.update(bytes);
        await handle.write(bytes);
      }
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
