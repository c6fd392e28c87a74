import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplicateResult, ResultLayout } from '../../sim-core/results.ts';
import { runMonteCarlo } from '../../src/montecarlo/runMonteCarlo.ts';
import { createManifest } from '../../src/outputs/createManifest.ts';
import { type RunOutputs, writeRunOutputs } from '../../src/outputs/writeRunOutputs.ts';
import { computeSeriesBands } from '../../src/stats/computeSeriesBands.ts';
import { computeSummaryStatistics } from '../../src/stats/computeSummaryStatistics.ts';
import type { FakeCompiled } from '../fixtures/montecarlo/fakeReplicateWorker.ts';

const FILES = ['manifest.json', 'replicates.csv', 'scenario.resolved.yaml', 'series.csv', 'summary.json'];

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-outputs-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const layout: ResultLayout = {
  ticks: 2,
  ticksPerYear: 52,
  startYear: 2025,
  series: [{ metric: 'price', material: 'ndpr', stage: 'processing', region: 'CN', unit: 'USD/t' }],
  summaries: [
    { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x' },
    { metric: 'recoveryWeeks', material: 'ndpr', stage: '', region: '', unit: 'weeks' },
  ],
};

function outputsFor(results: ReplicateResult[], resultLayout = layout, workers = 1): RunOutputs {
  const manifest = createManifest({
    scenarioText: 'name: tiny\r\n',
    masterSeed: 7,
    replicates: results.length,
    workers,
    ticks: resultLayout.ticks,
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  return {
    manifest,
    resolvedYaml: 'name: tiny\r\n',
    layout: resultLayout,
    results,
    summaryStats: computeSummaryStatistics(resultLayout, results),
    bands: computeSeriesBands(resultLayout, results),
  };
}

async function readAll(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of FILES.filter((file) => file !== 'manifest.json')) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

const tinyResults: ReplicateResult[] = [
  { replicate: 0, series: Float64Array.of(100, 110.5), summaries: Float64Array.of(1.5, NaN) },
  { replicate: 1, series: Float64Array.of(200, 0.1 + 0.2), summaries: Float64Array.of(2.5, 12) },
];

describe('writeRunOutputs', () => {
  it('writes the five files with the documented formats', async () => {
    const dir = join(root, 'run');
    await writeRunOutputs(dir, outputsFor(tinyResults));
    expect((await readdir(dir)).sort()).toEqual(FILES);
    const files = await readAll(dir);
    expect(files['scenario.resolved.yaml']).toBe('name: tiny\n');
    expect(files['series.csv']).toBe(
      'tick,year,metric,material,stage,region,unit,mean,p5,p25,p50,p75,p95\n' +
        '0,2025.000,price,ndpr,processing,CN,USD/t,150,105,125,150,175,195\n' +
        `1,2025.019,price,ndpr,processing,CN,USD/t,55.4,${[0.05, 0.25, 0.5, 0.75, 0.95].map((p) => String(0.30000000000000004 + p * (110.5 - 0.30000000000000004))).join(',')}\n`,
    );
    expect(files['replicates.csv']).toBe(
      'replicate,metric,material,stage,region,unit,value\n' +
        '0,peakPriceMultiple,ndpr,processing,US,x,1.5\n' +
        '0,recoveryWeeks,ndpr,,,weeks,\n' +
        '1,peakPriceMultiple,ndpr,processing,US,x,2.5\n' +
        '1,recoveryWeeks,ndpr,,,weeks,12\n',
    );
    const summary = JSON.parse(files['summary.json']);
    expect(summary.metrics['recoveryWeeks.ndpr']).toMatchObject({ unit: 'weeks', n: 1, mean: 12, ciLow: null });
    expect(summary.metrics['peakPriceMultiple.ndpr.processing.US']).toMatchObject({ unit: 'x', n: 2, mean: 2 });
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'crm-sim', masterSeed: 7, replicates: 2 });
  });

  it('writes identical bytes (manifest aside) whatever the order of results', async () => {
    await writeRunOutputs(join(root, 'a'), outputsFor(tinyResults));
    await writeRunOutputs(join(root, 'b'), outputsFor([...tinyResults].reverse()));
    expect(await readAll(join(root, 'b'))).toEqual(await readAll(join(root, 'a')));
  });

  it('writes identical bytes (manifest aside) for 0, 1 and 3 workers', async () => {
    const compiled: FakeCompiled = { ticks: 30, seriesCount: 2, summaryCount: 2 };
    const fakeLayout: ResultLayout = { ...layout, ticks: 30, series: [layout.series[0], { ...layout.series[0], region: 'US' }] };
    const workerModule = new URL('../fixtures/montecarlo/fakeReplicateWorker.ts', import.meta.url);
    const texts = [];
    for (const workers of [0, 1, 3]) {
      const results = await runMonteCarlo({ compiled, masterSeed: 11, replicates: 17, workers, workerModule });
      const dir = join(root, `w${workers}`);
      await writeRunOutputs(dir, outputsFor(results, fakeLayout, workers));
      texts.push(await readAll(dir));
    }
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[2]).toEqual(texts[0]);
  });

  it('leaves neither the final nor a temporary folder when a write fails midway', async () => {
    const broken = [...tinyResults, { replicate: 2, series: Float64Array.of(1, 2), summaries: Float64Array.of(1) }];
    const outputs = { ...outputsFor(tinyResults), results: broken };
    await expect(writeRunOutputs(join(root, 'run'), outputs)).rejects.toThrow(/replicate 2 has 1 summaries/);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses to replace a non-empty folder unless overwrite is set', async () => {
    const dir = join(root, 'run');
    await writeRunOutputs(dir, outputsFor(tinyResults));
    await expect(writeRunOutputs(dir, outputsFor(tinyResults))).rejects.toThrow(/already exists and is not empty/);
    await writeRunOutputs(dir, outputsFor(tinyResults), { overwrite: true });
    expect((await readdir(dir)).sort()).toEqual(FILES);
  });
});
