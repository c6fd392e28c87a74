import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun, parseRunOptions } from '../../src/cli/runCommand.ts';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { readFolderWithoutManifest, readManifestIdentity, smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-run-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A Parquet row written back as a CSV line: numbers shortest round-trip, null as empty, year with 3 decimals. */
function toCsvLine(row: Record<string, unknown>, header: readonly string[]): string {
  return header.map((name) => {
    const value = row[name];
    if (value === null) return '';
    if (name === 'year') return Number(value).toFixed(3);
    return String(value);
  }).join(',');
}

describe('crm-sim run', () => {
  it('writes byte-identical files (manifest aside) with --workers 1, 2 and 4, any chunking and bands on threads', async () => {
    const folders = [];
    const variants = [
      { workers: 1 },
      { workers: 2, chunkBytes: 1, blockBytes: 1 },
      { workers: 4, blockBytes: 5 * 12 * 8 * 100, bandWorkers: 2 },
    ];
    for (const [index, variant] of variants.entries()) {
      const dir = join(root, `w${index}`);
      const outcome = await executeRun(smallRunSettings(dir, { ...variant, parquet: true, keepSeries: true }), signal);
      expect(outcome.dir).toBe(dir);
      expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).workers).toBe(variant.workers);
      folders.push(await readFolderWithoutManifest(dir));
    }
    expect(Object.keys(folders[0])).toEqual([
      'replicate-series.csv', 'replicate-series.parquet', 'replicates.csv', 'replicates.parquet',
      'scenario.resolved.yaml', 'series.csv', 'series.parquet', 'summary.json',
    ]);
    expect(folders[1]).toEqual(folders[0]);
    expect(folders[2]).toEqual(folders[0]);
    expect(await readdir(root)).toEqual(['w0', 'w1', 'w2']); // no temporary or spill folder left
  });

  it('writes Parquet files that hyparquet reads back with the CSV values and the manifest as metadata', async () => {
    const dir = join(root, 'w0');
    const pairs = [['series.parquet', 'series.csv'], ['replicates.parquet', 'replicates.csv'], ['replicate-series.parquet', 'replicate-series.csv']];
    for (const [parquetName, csvName] of pairs) {
      const file = await asyncBufferFromFile(join(dir, parquetName));
      const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
      const csv = await readFile(join(dir, csvName), 'utf8');
      const header = csv.slice(0, csv.indexOf('\n')).split(',');
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0])).toEqual(header); // same columns in the same place (unit after region)
      // A key that does not apply is null, as the CSV's empty field loads (DuckDB, pandas; R with na.strings = ""), never ''.
      const keys = ['metric', 'material', 'stage', 'region'];
      expect(rows.some((row) => keys.some((key) => row[key] === ''))).toBe(false);
      expect(rows.some((row) => keys.some((key) => row[key] === null))).toBe(true);
      const lines = rows.map((row) => `${toCsvLine(row, header)}\n`).join('');
      expect(`${header.join(',')}\n${lines}` === csv).toBe(true);
      const metadata = await parquetMetadataAsync(file);
      const manifest = JSON.parse(metadata.key_value_metadata?.find((entry) => entry.key === 'crm-sim.manifest')?.value ?? '{}');
      // The result identity: the manifest without execution fields and without the path as typed (its sha256 kept).
      const { shard: _shard, scenarioPath: _path, ...identity } = await readManifestIdentity(dir);
      expect(manifest).toEqual(identity);
      expect(manifest.scenario).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
  });

  it('rejects bad options as usage errors', () => {
    const base = { replicates: '4', seed: '1', set: [] };
    expect(() => parseRunOptions('x.yaml', { ...base, format: 'xlsx' })).toThrow(UsageError);
    expect(() => parseRunOptions('x.yaml', { ...base, shard: '5/4' })).toThrow(/--shard: expected k\/K/);
    expect(() => parseRunOptions('x.yaml', { ...base, shard: '1/4', keepSeries: true })).toThrow(/crm-sim merge/);
    expect(parseRunOptions('x.yaml', { ...base, shard: '2/4', years: '3' })).toMatchObject({ shard: { index: 2, count: 4 }, sets: ['--years=3'] });
    expect(parseRunOptions('x.yaml', { ...base, report: true })).toMatchObject({ measureImpact: true });
    expect(parseRunOptions('x.yaml', { ...base, measureImpact: true, impactReplicates: '12' })).toMatchObject({ measureImpact: true, impactReplicateCap: 12 });
    expect(parseRunOptions('x.yaml', base).measureImpact).toBe(false);
    expect(() => parseRunOptions('x.yaml', { ...base, shard: '1/4', measureImpact: true })).toThrow(/--measure-impact needs a full run/);
    expect(() => parseRunOptions('x.yaml', { ...base, measureImpact: true, impactReplicates: '0' })).toThrow(/--impact-replicates: expected an integer ≥ 1/);
    // Alone it would change nothing: no impact.json is written without --measure-impact or --report.
    expect(() => parseRunOptions('x.yaml', { ...base, impactReplicates: '5' })).toThrow(/--impact-replicates .* give it with --measure-impact or --report/);
    expect(parseRunOptions('x.yaml', { ...base, report: true, impactReplicates: '5' }).impactReplicateCap).toBe(5);
  });
});
