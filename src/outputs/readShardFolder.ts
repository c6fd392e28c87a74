import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResultLayout } from '../../sim-core/index.ts';
import type { ReplicateSummaries } from '../stats/computeSummaryStatistics.ts';
import type { RunManifest, ShardManifest } from './createManifest.ts';
import type { SeriesSegment } from './createReplicateStore.ts';
import { ShardError } from './shardError.ts';
import { sha256Hex, verifySha256 } from './verifySha256.ts';
import { SHARD_FILES } from './writeShardFiles.ts';

export { ShardError } from './shardError.ts';

/** A shard folder as read back. */
export interface ShardFolder {
  /** Absolute path. */
  dir: string;
  manifest: RunManifest & { shard: ShardManifest };
  layout: ResultLayout;
  resolvedYaml: string;
  /** `series.f64` as a segment of the run (with its recorded `sha256`, checked as it is read). */
  segment: SeriesSegment;
  summaries: ReplicateSummaries[];
}

/** The files a merge reads besides manifest.json, each with a recorded SHA-256 (`shard.files`). */
const CHECKED_FILES = [SHARD_FILES.scenario, SHARD_FILES.layout, SHARD_FILES.summaries, SHARD_FILES.series] as const;

/**
 * Reads a shard folder written by `crm-sim run --shard` (see `writeShardFiles`): manifest,
 * layout, resolved scenario and summaries in memory; the series stay on disk as a segment. Each
 * file read is checked against the SHA-256 the manifest records (`shard.files`); `series.f64` is
 * checked as the merge reads it (readSeriesBlocks). A folder written before checksums were
 * recorded (no `shard.files`) is read unchecked.
 *
 * @param dir - The folder.
 * @returns The shard.
 * @throws ShardError when a file is missing, malformed, of the wrong size for its manifest, or
 *   not the file that was written (SHA-256).
 * @example
 * const shard = await readShardFolder('outputs/quota-1of4');
 */
export async function readShardFolder(dir: string): Promise<ShardFolder> {
  const folder = resolve(dir);
  const manifest = parseJson<RunManifest>(folder, SHARD_FILES.manifest, await readBytes(folder, SHARD_FILES.manifest));
  if (manifest.shard === undefined) throw new ShardError(`${folder} is not a shard folder: its manifest.json has no "shard"`);
  const sums = readRecordedSums(folder, manifest.shard);
  const layout = parseJson<ResultLayout>(folder, SHARD_FILES.layout, await readBytes(folder, SHARD_FILES.layout, sums));
  const resolvedYaml = (await readBytes(folder, SHARD_FILES.scenario, sums)).toString('utf8');
  const { firstReplicate, replicateCount } = manifest.shard;
  const seriesPath = join(folder, SHARD_FILES.series);
  // Its size checked here, its bytes hashed as the merge reads them.
  await expectSize(seriesPath, replicateCount * layout.series.length * layout.ticks * 8);
  const count = layout.summaries.length;
  await expectSize(join(folder, SHARD_FILES.summaries), replicateCount * count * 8);
  const bytes = await readBytes(folder, SHARD_FILES.summaries, sums);
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
    segment: { path: seriesPath, firstReplicate, replicateCount, ...(sums === undefined ? {} : { sha256: sums[SHARD_FILES.series] }) },
    summaries,
  };
}

/** The manifest's `shard.files`, checked to name a SHA-256 for every file read; undefined in an older folder. */
function readRecordedSums(folder: string, shard: ShardManifest): Record<string, string> | undefined {
  const files = shard.files as Record<string, unknown> | null | undefined;
  if (files === undefined) return undefined;
  const missing = CHECKED_FILES.filter((name) => {
    const sum = files?.[name];
    return typeof sum !== 'string' || !/^[0-9a-f]{64}$/.test(sum);
  });
  if (missing.length > 0) throw new ShardError(`${folder}: manifest.json's shard.files has no SHA-256 (64 hex digits) for ${missing.join(', ')}`);
  return files as Record<string, string>;
}

/** A file of the folder (ShardError when missing), checked against its recorded SHA-256 when `sums` is given. */
async function readBytes(folder: string, name: string, sums?: Record<string, string>): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(folder, name));
  } catch (error) {
    // The folder itself missing is the more useful thing to say (a mistyped shard path).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(folder)) throw new ShardError(`${folder}: no such folder (give the shard folders that crm-sim run --shard wrote)`);
    if ((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM') throw error;
    throw new ShardError(`${folder}: ${name} is missing (not a shard folder?)`);
  }
  if (sums !== undefined) verifySha256(join(folder, name), sums[name], sha256Hex(bytes));
  return bytes;
}

/** Parses a JSON file's bytes, as a ShardError when malformed. */
function parseJson<T>(folder: string, name: string, bytes: Buffer): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
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
