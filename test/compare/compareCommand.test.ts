import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrmSim, shipped, SMALL } from './smallScenario.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-compare-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('crm-sim compare', () => {
  it('writes the comparison folder and prints comparison.json with --json', async () => {
    const out = join(root, 'cmp');
    const sets = SMALL.flatMap((set) => ['--set', set]);
    const result = runCrmSim(['compare', shipped('threat-export-quota'), shipped('mitigation-stockpile-60d'),
      '--replicates', '3', '--workers', '0', '--years', '2', ...sets, '--out', out, '--json', '--quiet']); // two years: the quota (from 2026) is in the run
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'comparison.csv', 'comparison.json', 'cost-effectiveness.csv', 'manifest.json', 'mitigation-stockpile-60d.resolved.yaml', 'over-time.csv', 'replicates.csv', 'reversal-split.csv', 'stockpile-releases.csv', 'threat-export-quota.resolved.yaml',
    ]);
    const comparison = JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(comparison);
    // replicates.csv: every arm's per-replicate values; pairing them by replicate gives comparison.json's mean difference.
    const replicateRows = (await readFile(join(out, 'replicates.csv'), 'utf8')).trimEnd().split('\n');
    expect(replicateRows[0]).toBe('arm,replicate,metric,material,stage,region,unit,value');
    const valuesOf = (arm: string) => replicateRows.slice(1).map((line) => line.split(','))
      .filter((f) => f[0] === arm && f[2] === 'cumulativeConsumption' && f[3] === 'ndpr' && f[5] === 'US').map((f) => Number(f[7]));
    const [first, second] = [valuesOf('threat-export-quota'), valuesOf('mitigation-stockpile-60d')];
    expect(first).toHaveLength(3);
    const paired = second.reduce((sum, v, r) => sum + v - first[r], 0) / 3;
    expect(paired).toBeCloseTo(comparison.alternatives['mitigation-stockpile-60d']['cumulativeConsumption.ndpr.endUse.US'].meanDifference, 6);
    // cost-effectiveness.csv: comparison.json's costEffectiveness, one row per material, benefit and cost basis.
    const costRows = (await readFile(join(out, 'cost-effectiveness.csv'), 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    expect(costRows[0].slice(0, 6)).toEqual(['alternative', 'material', 'benefit', 'cost', 'status', 'usdPerTonne']);
    const ndpr = comparison.costEffectiveness['mitigation-stockpile-60d'].ndpr;
    const gross = costRows.find((r) => r[1] === 'ndpr' && r[2] === 'consumptionGained' && r[3] === 'gross')!;
    expect(gross[4]).toBe(ndpr.usdPerTonneConsumptionGained.status);
    expect(Number(gross[9])).toBeCloseTo(ndpr.extraCostUsd.mean, 6);
    expect(Number(gross[12])).toBeCloseTo(ndpr.consumptionGainedTonnes.mean, 6);
    expect(costRows.filter((r) => r[1] === 'ndpr')).toHaveLength(4);
    // The stockpiles are reversible (a home policy): reversal-split.csv lists the split comparison.json gives.
    const split = comparison.reversalSplit['mitigation-stockpile-60d'];
    const rows = (await readFile(join(out, 'reversal-split.csv'), 'utf8')).trimEnd().split('\n').slice(1).map((line) => line.split(','));
    const anyRows = rows.filter((row) => row[1] === '');
    expect(anyRows.map((row) => row.slice(0, 4))[0]).toEqual(['mitigation-stockpile-60d', '', String(split.runsReversed), '3']);
    expect(anyRows).toHaveLength(Math.max(1, Object.keys(split.metrics).length));
    expect(new Set(rows.filter((row) => row[1] !== '').map((row) => row[1]))).toEqual(new Set(split.policies));
    // Each alternative-only file names the reference arm in its last column, so it stands alone.
    const comparisonRows = (await readFile(join(out, 'comparison.csv'), 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    for (const table of [comparisonRows, costRows, [['', 'reference'], ...rows]]) {
      expect(table[0].at(-1)).toBe('reference');
      expect(new Set(table.slice(1).map((row) => row.at(-1)))).toEqual(new Set([comparison.first]));
    }
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ command: 'compare', arms: 2, replicates: 3, masterSeed: 1 });
    expect(manifest.scenarios.map((s: { label: string }) => s.label)).toEqual(['threat-export-quota', 'mitigation-stockpile-60d']);
  });

  it('--format parquet adds replicates.parquet (the rows of replicates.csv, arm first) and over-time.parquet, with the manifest as metadata; a bad format is refused before running', async () => {
    const out = join(root, 'cmp-parquet');
    // --years 1 sets the horizon: SMALL's years=2 beside it would be refused as a conflict.
    const sets = SMALL.filter((set) => !set.startsWith('years=')).flatMap((set) => ['--set', set]);
    const result = runCrmSim(['compare', shipped('threat-export-quota'), shipped('mitigation-subsidies'),
      '--replicates', '2', '--workers', '0', '--years', '1', ...sets, '--format', 'parquet', '--out', out, '--quiet']);
    expect(result.status).toBe(0);
    const csv = (await readFile(join(out, 'replicates.csv'), 'utf8')).trimEnd().split('\n').slice(1).map((line) => line.split(','));
    const file = await asyncBufferFromFile(join(out, 'replicates.parquet'));
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(csv.length);
    // The alternative has summaries the reference lacks (its policies' policyReversed): row counts differ by arm.
    const count = (arm: string) => rows.filter((row) => row.arm === arm).length;
    expect(count('mitigation-subsidies')).toBeGreaterThan(count('threat-export-quota'));
    rows.forEach((row, i) => {
      const [arm, replicate, metric, material, stage, region, unit, value] = csv[i];
      expect([row.arm, row.replicate, row.metric, row.material ?? '', row.stage ?? '', row.region ?? '', row.unit ?? '']).toEqual([arm, Number(replicate), metric, material, stage, region, unit]);
      expect(row.value ?? NaN).toEqual(value === '' ? NaN : Number(value));
    });
    const metadata = await parquetMetadataAsync(file);
    const manifest = JSON.parse(metadata.key_value_metadata?.find((kv) => kv.key === 'crm-sim.manifest')?.value ?? '{}');
    expect(manifest).toMatchObject({ command: 'compare', masterSeed: 1, replicates: 2 });
    // over-time.parquet: the rows of over-time.csv, typed, empty fields as null.
    const [header, ...lines] = (await readFile(join(out, 'over-time.csv'), 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    const monthly = await parquetReadObjects({ file: await asyncBufferFromFile(join(out, 'over-time.parquet')) });
    expect(monthly).toHaveLength(lines.length);
    expect(Object.keys(monthly[0])).toEqual(header);
    lines.forEach((fields, i) => {
      header.forEach((name, c) => {
        const text = fields[c];
        const value = monthly[i][name];
        if (['strategy', 'material', 'measure', 'stage', 'region', 'unit', 'period'].includes(name)) expect(value ?? '').toBe(text);
        else expect(value ?? NaN).toEqual(text === '' ? NaN : Number(text));
      });
    });
    expect(manifest.commandLine).toBeUndefined(); // execution fields stay out: the file is the same with any worker count
    const bad = runCrmSim(['compare', shipped('baseline'), shipped('baseline'), '--format', 'xlsx', '--out', join(root, 'bad-format')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('crm-sim: --format: expected csv or parquet, found "xlsx"');
  });

  it('refuses one scenario (exit 2) and reports an invalid one (exit 3) without writing', () => {
    const one = runCrmSim(['compare', shipped('baseline'), '--out', join(root, 'one')]);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/at least two scenario files/);
    const invalid = runCrmSim(['compare', shipped('baseline'), shipped('baseline'), '--set', 'years=-1', '--out', join(root, 'bad')]);
    expect(invalid.status).toBe(3);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses (exit 3, nothing run or written) an arm whose horizon differs from the reference\'s', async () => {
    const short = join(root, 'short.yaml');
    await writeFile(short, `extends: ${shipped('threat-export-quota')}\nname: short\nyears: 1\n`);
    const out = join(root, 'short-cmp');
    const result = runCrmSim(['compare', shipped('threat-export-quota'), short, '--replicates', '2', '--workers', '0', '--out', out, '--quiet']);
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toMatch(/short\.yaml:3:1: years: expected 10, as in the reference .* found 1 \(give --years/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    await expect(readdir(out)).rejects.toThrow();
  });
});
