import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSweepCsv } from '../../src/report/readSweepCsv.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { computeSweepDifferences } from '../../src/sweep/computeSweepDifferences.ts';
import { formatSweepCsv } from '../../src/sweep/formatSweepCsv.ts';
import { formatSweepJson } from '../../src/sweep/formatSweepJson.ts';
import { formatSweepTable } from '../../src/sweep/formatSweepTable.ts';
import type { SweepRun } from '../../src/sweep/runSweep.ts';

const growth = 'materials.ndpr.demand.growthPerYear';
const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
const recovery = { metric: 'timeToRecoveryWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' };
const replicates = [[[10, 12, 11, 13], [4, NaN, 6, 5]], [[11, 14, 12, 15], [NaN, NaN, NaN, NaN]]];
const summarized = replicates.map((values, index) => ({
  point: [{ path: growth, value: index === 0 ? '3%' : '6%' }],
  stats: [{ key: cost, ...summarizeValues(values[0]) }, { key: recovery, ...summarizeValues(values[1]) }],
  columnOf: (index: number) => values[index],
  loaded: { spec: { startYear: 2025 } },
}));
const differences = computeSweepDifferences(summarized);
const points = summarized.map((p, i) => ({ ...p, vsFirstPoint: differences[i] }));

/** sweep.csv of these points as crm-sim wrote it before the paired differences (commit 57c8859), byte for byte. */
const OLD_CSV = [
  'point,materials.ndpr.demand.growthPerYear,metric,material,stage,region,mean,ciLow,ciHigh,n,unit',
  '0,3%,policyCost,,,US,11.5,9.445739743239479,13.554260256760521,4,USD',
  '0,3%,timeToRecoveryWeeks,ndpr,endUse,US,5,2.5158622882496706,7.484137711750329,3,weeks',
  '1,6%,policyCost,,,US,13,10.094837284245234,15.905162715754766,4,USD',
  '1,6%,timeToRecoveryWeeks,ndpr,endUse,US,,,,0,weeks',
];

describe('sweep outputs with the paired difference from point 0', () => {
  it('sweep.csv keeps every older column byte for byte and appends diffMean,diffCiLow,diffCiHigh (empty on point 0)', () => {
    const lines = formatSweepCsv([growth], points).trimEnd().split('\n');
    expect(lines).toHaveLength(OLD_CSV.length);
    expect(lines[0]).toBe(`${OLD_CSV[0]},diffMean,diffCiLow,diffCiHigh,prevDiffMean,prevDiffCiLow,prevDiffCiHigh`);
    lines.forEach((line, i) => expect(line.startsWith(`${OLD_CSV[i]},`)).toBe(true));
    expect(lines[1]).toBe(`${OLD_CSV[1]},,,,,,`);
    // Point 1's cost: differences 1, 2, 1, 2; recovery is undefined in every pair, so no difference.
    const [mean, low, high] = lines[3].split(',').slice(-6, -3).map(Number);
    expect([mean, low, high].map((x) => x.toFixed(6))).toEqual(['1.500000', '0.581307', '2.418693']);
    expect(lines[4]).toBe(`${OLD_CSV[4]},,,,,,`);
  });

  it('the report reads the differences back from sweep.csv, and still reads the older file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-sweep-diff-'));
    await writeFile(join(dir, 'sweep.csv'), formatSweepCsv([growth], points));
    const table = await readSweepCsv(dir);
    expect(table?.parameters).toEqual([growth]);
    expect(table?.rows[0].vsFirstPoint).toBeUndefined();
    expect(table?.rows[2]).toMatchObject({ point: '1', metric: 'policyCost.US', mean: 13 });
    expect(table?.rows[2].vsFirstPoint?.meanDifference).toBeCloseTo(1.5, 12);
    expect(table?.rows[2].vsFirstPoint?.ciLow).toBeCloseTo(0.581307, 6);
    const old = await mkdtemp(join(tmpdir(), 'crm-sweep-old-'));
    await writeFile(join(old, 'sweep.csv'), `${OLD_CSV.join('\n')}\n`);
    const oldTable = await readSweepCsv(old);
    expect(oldTable?.parameters).toEqual([growth]);
    expect(oldTable?.rows.map((r) => [r.metric, r.mean, r.vsFirstPoint])).toEqual([['policyCost.US', 11.5, undefined], ['timeToRecoveryWeeks.ndpr.endUse.US', 5, undefined], ['policyCost.US', 13, undefined], ['timeToRecoveryWeeks.ndpr.endUse.US', NaN, undefined]]);
  });

  it('sweep.json has vsFirstPoint on every metric of later points, none on point 0', () => {
    const run = { points, metric: cost, tornado: null } as unknown as SweepRun;
    const json = JSON.parse(formatSweepJson(run, { scenario: 's.yaml', masterSeed: 1, replicates: 4, design: { grid: [], lhs: null } }));
    expect(json.points[0].metrics['policyCost.US']).not.toHaveProperty('vsFirstPoint');
    expect(json.points[1].metrics['policyCost.US'].vsFirstPoint).toEqual({ meanDifference: 1.5, ciLow: expect.closeTo(0.581307, 6), ciHigh: expect.closeTo(2.418693, 6), n: 4 });
    // Undefined in every pair: n 0, NaN written as null.
    expect(json.points[1].metrics['timeToRecoveryWeeks.ndpr.endUse.US'].vsFirstPoint).toEqual({ meanDifference: null, ciLow: null, ciHigh: null, n: 0 });
  });

  it('the stdout table adds the paired difference column, empty on point 0', () => {
    const run = { base: { spec: { startYear: 2025 } }, points, metric: cost, tornado: null } as unknown as SweepRun;
    const lines = formatSweepTable(run, [growth]).trimEnd().split('\n');
    expect(lines[1]).toMatch(/95% CI {2}Δ vs point 0 \(95% CI, paired\)$/);
    expect(lines[3]).toMatch(/\[9\.45, 13\.6\]$/);
    expect(lines[4]).toMatch(/\[10\.1, 15\.9\] {2,}\+1\.5 \[\+0\.581, \+2\.42\]$/);
  });
});
