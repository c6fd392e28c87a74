import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatComparisonJson } from '../../src/compare/formatComparisonJson.ts';
import { readComparisonJson } from '../../src/report/readComparisonJson.ts';
import { readStressJson } from '../../src/report/readStressJson.ts';
import { readSweepCsv } from '../../src/report/readSweepCsv.ts';
import { readSweepJson } from '../../src/report/readSweepJson.ts';
import { readTornadoJson } from '../../src/report/readTornadoJson.ts';
import { ReportInputError } from '../../src/report/reportInputError.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { formatSweepCsv } from '../../src/sweep/formatSweepCsv.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'crm-report-read-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function folderWith(name: string, content: unknown): Promise<string> {
  const folder = await mkdtemp(join(dir, 'f-'));
  await writeFile(join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  return folder;
}

const entry = (meanA: number, meanB: number) => ({ meanA, meanB, meanDifference: meanB - meanA, ciLow: meanB - meanA - 1, ciHigh: meanB - meanA + 1, pBetter: 0.9, n: 8, unit: 'weeks', direction: 'lower' });

describe('readComparisonJson', () => {
  it('reads alternative → metric maps under any nesting, with the reference name', async () => {
    const folder = await folderWith('comparison.json', {
      first: 'threat', alternatives: { stockpile: { 'shortfallWeeks.ndpr.endUse.US': entry(40, 30) }, recycling: { metrics: { 'shortfallWeeks.ndpr.endUse.US': entry(40, 38) } } },
    });
    const comparison = await readComparisonJson(folder);
    expect(comparison?.reference).toBe('threat');
    expect(comparison?.alternatives).toEqual(['stockpile', 'recycling']);
    expect(comparison?.entries.map((e) => [e.alternative, e.metric, e.meanDifference, e.direction])).toEqual([
      ['stockpile', 'shortfallWeeks.ndpr.endUse.US', -10, 'lower'], ['recycling', 'shortfallWeeks.ndpr.endUse.US', -2, 'lower'],
    ]);
  });

  it('reads metric-major files and lists of named alternatives', async () => {
    const metricMajor = await readComparisonJson(await folderWith('comparison.json', { metrics: { 'policyCost.US': { stockpile: entry(0, 5) } } }));
    expect(metricMajor?.entries[0]).toMatchObject({ alternative: 'stockpile', metric: 'policyCost.US' });
    const listed = await readComparisonJson(await folderWith('comparison.json', { alternatives: [{ name: 'subsidy', metrics: { 'peakPriceMultiple.ndpr.processing.US': entry(9, 7) } }] }));
    expect(listed?.entries[0]).toMatchObject({ alternative: 'subsidy', metric: 'peakPriceMultiple.ndpr.processing.US', meanB: 7 });
  });

  it('reads the metric ids of what crm-sim compare writes, whose entries also state the key parts', async () => {
    const key = (metric: string, material: string, stage: string, region: string) => ({ metric, material, stage, region, unit: 'USD' });
    const difference = { direction: 'lower' as const, n: 8, meanA: 1, meanB: 2, meanDifference: 1, ciLow: 0, ciHigh: 2, pBetter: 0, pWorse: 1, pValue: 0.01 };
    const text = formatComparisonJson({
      arms: [{ label: 'threat', path: 't.yaml', name: 't' }, { label: 'stockpile', path: 's.yaml', name: 's' }], masterSeed: 1, replicates: 8, level: 0.95,
      alternatives: [{ label: 'stockpile', metrics: [{ key: key('policyCost', '', '', 'US'), ...difference }, { key: key('shortfallWeeks', 'ndpr', 'endUse', 'US'), ...difference }] }],
    });
    const comparison = await readComparisonJson(await folderWith('comparison.json', text));
    expect(comparison?.entries.map((e) => [e.alternative, e.metric])).toEqual([['stockpile', 'policyCost.US'], ['stockpile', 'shortfallWeeks.ndpr.endUse.US']]);
  });

  it('returns undefined without the file and refuses broken JSON with the file named', async () => {
    expect(await readComparisonJson(dir)).toBeUndefined();
    const error = await readComparisonJson(await folderWith('comparison.json', '{"alternatives": ')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportInputError);
    expect((error as Error).message).toMatch(/comparison\.json: not valid JSON/);
  });
});

describe('readTornadoJson', () => {
  it('reads the documented ranked list and re-ranks by |swing|', async () => {
    const tornados = await readTornadoJson(await folderWith('tornado.json', [
      { parameter: 'a', low: 1, high: 2, outputLow: 10, outputHigh: 12, swing: 2 },
      { parameter: 'b', low: 0.1, high: 0.9, outputLow: 20, outputHigh: 5, swing: -15 },
    ]));
    expect(tornados?.[0].entries.map((e) => e.parameter)).toEqual(['b', 'a']);
    expect(tornados?.[0].base).toBeNaN();
  });

  it('reads {metric, unit, parameters: [{meanAtLow, meanAtHigh, meanNominal}]} with the nominal output as base', async () => {
    const tornados = await readTornadoJson(await folderWith('tornado.json', {
      metric: 'shortfallWeeks.ndpr.endUse.US', unit: 'weeks',
      parameters: [{ parameter: 'x', low: 1, high: 3, meanAtLow: 30, meanNominal: 35, meanAtHigh: 44, swing: 14 }],
    }));
    expect(tornados?.[0]).toMatchObject({ metric: 'shortfallWeeks.ndpr.endUse.US', unit: 'weeks', base: 35 });
    expect(tornados?.[0].entries[0]).toMatchObject({ outputLow: 30, outputHigh: 44 });
  });

  it('takes the metric id from `id` where the key is split into fields (as crm-sim sweep writes it)', async () => {
    const tornados = await readTornadoJson(await folderWith('tornado.json', {
      id: 'shortfallWeeks.ndpr.endUse.US', metric: 'shortfallWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks',
      parameters: [{ parameter: 'x', low: 1, high: 3, meanAtLow: 30, meanNominal: 35, meanAtHigh: 44, swing: 14 }],
    }));
    expect(tornados?.[0].metric).toBe('shortfallWeeks.ndpr.endUse.US');
  });

  it('keeps each swing\'s 95% CI (ciLow, ciHigh) where the file gives it', async () => {
    const tornados = await readTornadoJson(await folderWith('tornado.json', {
      id: 'm', unit: 't', parameters: [
        { parameter: 'x', low: 1, high: 3, meanAtLow: 30, meanNominal: 35, meanAtHigh: 44, swing: 14, ciLow: -2, ciHigh: 30 },
        { parameter: 'y', low: 1, high: 3, meanAtLow: 35, meanNominal: 35, meanAtHigh: 36, swing: 1 },
      ],
    }));
    expect(tornados?.[0].entries[0]).toMatchObject({ parameter: 'x', ciLow: -2, ciHigh: 30 });
    expect(tornados?.[0].entries[1].ciLow).toBeUndefined();
  });
});

describe('readStressJson', () => {
  it('reads flat impacts per stage', async () => {
    const impacts = await readStressJson(await folderWith('stress.json', { unit: 'weeks', stages: [{ stage: 'processing', impact: 21, ciLow: 18, ciHigh: 24 }] }));
    expect(impacts?.get('processing')).toEqual({ impact: { value: 21, unit: 'weeks', ciLow: 18, ciHigh: 24, label: '' } });
  });

  it('reads a nested expected shortfall of older files and skips stages without a number', async () => {
    const impacts = await readStressJson(await folderWith('stress.json', { stages: [
      { stage: 'mining', capability: 2, intent: 1, shortfall: { unit: 't', expected: { mean: 120, low: 80, high: 160 } } },
      { stage: 'recycling', note: 'not run' },
    ] }));
    expect(impacts?.get('mining')).toEqual({ shortfall: { value: 120, unit: 't', ciLow: 80, ciHigh: 160, label: 'expected shortfall' } });
    expect(impacts?.has('recycling')).toBe(false);
  });

  it('reads the measures crm-sim stress ranks by (share unmet, economic cost) with the file\'s ranks, not the tonnes', async () => {
    const measure = (unit: string, mean: number) => ({ unit, expected: { mean, low: mean / 2, high: mean * 2 } });
    const impacts = await readStressJson(await folderWith('stress.json', {
      rankingByShortfallShare: [{ stage: 'endUse', rank: 1 }, { stage: 'processing', rank: 2 }],
      rankingByEconomicCost: [{ stage: 'processing', rank: 1 }, { stage: 'endUse', rank: 2 }],
      rankingByShortfall: [{ stage: 'processing', rank: 1 }, { stage: 'endUse', rank: 2 }],
      stages: [
        { stage: 'processing', shortfall: measure('t', 1400), shortfallShare: measure('share', 0.0005), economicCost: measure('USD', 2e9) },
        { stage: 'endUse', shortfall: measure('t', 900), shortfallShare: measure('share', 0.01), economicCost: measure('USD', 1e8) },
      ],
    }));
    expect(impacts?.get('endUse')?.shortfallShare).toMatchObject({ value: 0.01, ciLow: 0.005, ciHigh: 0.02, rank: 1 });
    expect(impacts?.get('processing')?.shortfallShare?.rank).toBe(2);
    expect(impacts?.get('processing')?.economicCost).toMatchObject({ value: 2e9, unit: 'USD', rank: 1 });
    expect(impacts?.get('endUse')?.shortfall).toMatchObject({ value: 900, unit: 't', rank: 2 });
    expect(impacts?.get('endUse')?.shortfall?.hitWeighted).toBeUndefined();
  });

  it('marks the measures of a file from before session 18 (stages with replicatesHit) as hit-weighted', async () => {
    const measure = (unit: string, mean: number) => ({ unit, expected: { mean, low: mean / 2, high: mean * 2 } });
    const impacts = await readStressJson(await folderWith('stress.json', {
      stages: [{ stage: 'mining', replicatesHit: 2, shortfallShare: measure('share', 0.0001), economicCost: measure('USD', 1.4e6) }],
    }));
    expect(impacts?.get('mining')?.shortfallShare?.hitWeighted).toBe(true);
    expect(impacts?.get('mining')?.economicCost?.hitWeighted).toBe(true);
  });
});

describe('sweep readers', () => {
  it('reads sweep.csv with any number of parameter columns', async () => {
    const folder = await folderWith('sweep.csv', 'point,a.b,c,metric,material,stage,region,mean,ciLow,ciHigh\n0,1,x,shortfallWeeks,ndpr,endUse,US,5,4,6\n1,2,y,policyCost,,,US,,,\n');
    const table = await readSweepCsv(folder);
    expect(table?.parameters).toEqual(['a.b', 'c']);
    expect(table?.rows[0]).toEqual({ point: '0', parameters: { 'a.b': 1, c: 'x' }, metric: 'shortfallWeeks.ndpr.endUse.US', mean: 5, ciLow: 4, ciHigh: 6 });
    expect(table?.rows[1].metric).toBe('policyCost.US');
    expect(table?.rows[1].mean).toBeNaN();
  });

  it('reads sweep.csv as crm-sim sweep writes it now, with n and unit after ciHigh', async () => {
    const text = formatSweepCsv(['a.b'], [{ point: [{ path: 'a.b', value: '30%' }], stats: [{ key: { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' }, ...summarizeValues([1, 3]) }] }]);
    const table = await readSweepCsv(await folderWith('sweep.csv', text));
    expect(table?.parameters).toEqual(['a.b']);
    expect(table?.rows).toEqual([{ point: '0', parameters: { 'a.b': '30%' }, metric: 'policyCost.US', mean: 2, ciLow: expect.any(Number), ciHigh: expect.any(Number) }]);
  });

  it('refuses a sweep.csv with another header', async () => {
    await expect(readSweepCsv(await folderWith('sweep.csv', 'a,b\n1,2\n'))).rejects.toThrow(ReportInputError);
  });

  it('reads sweep.json points with per-metric units', async () => {
    const table = await readSweepJson(await folderWith('sweep.json', { points: [{ point: 0, values: { years: '2' }, metrics: { 'shortfallWeeks.ndpr.endUse.US': { unit: 'weeks', n: 4, mean: 3, ciLow: 2, ciHigh: 4 } } }] }));
    expect(table?.rows).toEqual([{ point: '0', parameters: { years: 2 }, metric: 'shortfallWeeks.ndpr.endUse.US', mean: 3, ciLow: 2, ciHigh: 4 }]);
    expect(table?.units).toEqual({ 'shortfallWeeks.ndpr.endUse.US': 'weeks' });
  });
});
