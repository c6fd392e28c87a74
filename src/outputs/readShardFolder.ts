import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResultLayout } from '../../sim-core/results.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';
import type { RunManifest, ShardManifest } from './createManifest.ts';
import type { SeriesSegment } from './createReplicateStore.ts';
import { SHARD_FILES } from './writeShardFiles.ts';

/** A mistake in the shard folders given to merge: one clear message, exit code 2. */
export class ShardError extends Error {
  /** @param message - What is wrong, naming the folders or replicate ranges. */
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** A shard folder as read back. */
export interface ShardFolder {
  /** Absolute path. */
  dir: string;
  manifest: RunManifest & { shard: ShardManifest };
  layout: ResultLayout;
  resolvedYaml: string;
  /** `series.f64` as a segment of the run. */
  segment: SeriesSegment;
  summaries: ReplicateSummaries[];
}

/**
 * Reads a shard folder written by `crm-sim run --shard` (see `writeShardFiles`): manifest,
 * layout, resolved scenario and summaries in memory; the series stay on disk as a segment.
 *
 * @param dir - The folder.
 * @returns The shard.
 * @throws ShardError when a file is missing, malformed, or of the wrong size for its manifest.
 * @example
 * const shard = await readShardFolder('outputs/quota-1of4');
 */
export async function readShardFolder(dir: string): Promise<ShardFolder> {
  const folder = resolve(dir);
  const manifest = await readJson<RunManifest>(folder, SHARD_FILES.manifest);
  if (manifest.shard === undefined) throw new ShardError(`${folder} is not a shard folder: its manifest.json has no "shard"`);
  const layout = await readJson<ResultLayout>(folder, SHARD_FILES.layout);
  const resolvedYaml = await readFile(join(folder, SHARD_FILES.scenario), 'utf8').catch(() => {
    throw new ShardError(`${folder}: ${SHARD_FILES.scenario} is missing`);
  });
  const { firstReplicate, replicateCount } = manifest.shard;
  const seriesPath = join(folder, SHARD_FILES.series);
  await expectSize(seriesPath, replicateCount * layout.series.length * layout.ticks * 8);
  const summaryPath = join(folder, SHARD_FILES.summaries);
  const count = layout.summaries.length;
  await expectSize(summaryPath, replicateCount * count * 8);
  const bytes = await readFile(summaryPath);
  const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const summaries = Array.from({ length: replicateCount }, (_, r) => ({
    replicate: firstReplicate + r,
    summaries: values.subarray(r * count, (r + 1) * count),
  }));
  return {
    dir: folder,
    manifest: manifest as ShardFolder['manifest'],
    layout,
    resolvedYaml,
    segment: { path: seriesPath, firstReplicate, replicateCount },
    summaries,
  };
}

/** Parses a JSON file of the folder, as a ShardError when missing or malformed. */
async function readJson<T>(folder: string, name: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(join(folder, name), 'utf8');
  } catch {
    throw new ShardError(`${folder}: ${name} is missing (not a shard folder?)`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ShardError(`${folder}: ${name} is not valid JSON`);
  }
}

/** Checks a file's size. */
async function expectSize(path: string, bytes: number): Promise<void> {
  const size = await stat(path).then((info) => info.size, () => -1);
  if (size < 0) throw new ShardError(`${path} is missing`);
  if (size !== bytes) throw new ShardError(`${path} has ${size} bytes, its manifest and layout need ${bytes} (incomplete shard?)`);
}
