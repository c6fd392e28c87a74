import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSettings } from '../../src/cli/runCommand.ts';
import { stripExecutionFields, type RunManifest } from '../../src/outputs/createManifest.ts';

/** The shipped baseline, small: one year of monthly ticks, two firms per capacity cell. */
export const SMALL_SETS = ['years=1', 'ticksPerYear=12', 'resolution.firmsPerCapacityCell=2'];

/** Settings of a small run of the baseline (tests override what they vary). */
export function smallRunSettings(out: string, overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    scenarioPath: new URL('../../scenarios/baseline.yaml', import.meta.url).pathname,
    replicates: 5,
    masterSeed: 2026,
    workers: 0,
    sets: SMALL_SETS,
    out,
    parquet: false,
    keepSeries: false,
    ...overrides,
  };
}

/**
 * Every file of a folder but manifest.json, as the SHA-256 of its bytes by name (comparing
 * hashes is byte-for-byte comparison; deep equality on megabyte Buffers is very slow).
 */
export async function readFolderWithoutManifest(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name !== 'manifest.json') files[name] = createHash('sha256').update(await readFile(join(dir, name))).digest('hex');
  }
  return files;
}

/**
 * The manifest without the fields that describe the execution (command line, timing, workers,
 * threads) and without `shard`, but with the scenario path it records (`scenarioPath`), which
 * stripExecutionFields leaves out for Parquet metadata: equivalent runs of one path record it alike.
 */
export async function readManifestIdentity(dir: string): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;
  return { ...stripExecutionFields(manifest), scenarioPath: manifest.scenario.path };
}
