import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/cli/runCommand.ts';
import { smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-exceed-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface ExceedanceRow { metric: string; material: string | null; stage: string | null; region: string | null; threshold: number; probability: number | null; ciLow: number | null; ciHigh: number | null; n: number }

describe('exceedance probabilities in summary.json', () => {
  it('reports the defaults and --exceed requests, each the share of replicates.csv values above the threshold', async () => {
    const dir = join(root, 'run');
    await executeRun(smallRunSettings(dir, { replicates: 7, exceed: ['maxShortfallShare.ndpr.endUse>1%', 'peakPriceMultiple.ndpr.processing.US>1', 'policyCost.US>0', 'finalSecureSupplyShare.ndpr.mining>0.5'] }), signal);
    const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as { exceedance: ExceedanceRow[] };
    const rows = summary.exceedance;
    const materials = new Set(rows.filter((row) => row.metric === 'longestSevereShortfallWeeks').map((row) => row.material));
    expect(materials.size).toBeGreaterThan(1);
    for (const material of materials) {
      expect(rows).toContainEqual(expect.objectContaining({ metric: 'longestSevereShortfallWeeks', material, stage: 'endUse', region: 'US', threshold: 8 }));
      expect(rows).toContainEqual(expect.objectContaining({ metric: 'peakPriceMultiple', material, stage: 'manufacturing', region: 'US', threshold: 2 }));
    }
    expect(rows.filter((row) => row.metric === 'maxShortfallShare').length).toBeGreaterThan(1); // one per region
    expect(rows).toContainEqual(expect.objectContaining({ metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', threshold: 1 }));
    // A key part that does not apply is null, as replicates.csv's empty field loads, so the rows join on the four columns.
    expect(rows).toContainEqual(expect.objectContaining({ metric: 'policyCost', material: null, stage: null, region: 'US', threshold: 0 }));
    expect(rows).toContainEqual(expect.objectContaining({ metric: 'finalSecureSupplyShare', material: 'ndpr', stage: 'mining', region: null }));
    expect(rows.some((row) => [row.material, row.stage, row.region].includes(''))).toBe(false);
    const [header, ...csv] = (await readFile(join(dir, 'replicates.csv'), 'utf8')).trim().split('\n').map((line) => line.split(','));
    const value = header.indexOf('value');
    const field = (part: string | null) => part ?? '';
    for (const row of rows) {
      const values = csv.filter(([, metric, material, stage, region]) => metric === row.metric && material === field(row.material) && stage === field(row.stage) && region === field(row.region))
        .map((fields) => fields[value]).filter((field) => field !== '').map(Number);
      expect(row.n).toBe(values.length);
      expect(row.probability).toBe(values.filter((value) => value > row.threshold).length / values.length);
      expect(row.ciLow as number).toBeLessThanOrEqual(row.probability as number);
      expect(row.ciHigh as number).toBeGreaterThanOrEqual(row.probability as number);
    }
  }, 120_000);
});
