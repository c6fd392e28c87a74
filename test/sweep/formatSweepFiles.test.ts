import { describe, expect, it } from 'vitest';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { formatSweepCsv } from '../../src/sweep/formatSweepCsv.ts';
import { formatSweepJson } from '../../src/sweep/formatSweepJson.ts';
import { formatSweepPointsCsv } from '../../src/sweep/formatSweepPointsCsv.ts';
import type { SweepRun } from '../../src/sweep/runSweep.ts';

const growth = 'materials.ndpr.demand.growthPerYear';
const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
const recovery = { metric: 'timeToRecoveryWeeks', material: 'ndpr', stage: 'endUse', region: 'US', unit: 'weeks' };
// Point 0: recovery defined in 2 of 3 replicates; point 1: in none.
const points = [
  { point: [{ path: growth, value: '3%' }], stats: [{ key: cost, ...summarizeValues([1, 2, 3]) }, { key: recovery, ...summarizeValues([4, NaN, 6]) }], startYear: 2025, loaded: { spec: { startYear: 2025 } } },
  { point: [{ path: growth, value: '6%' }], stats: [{ key: cost, ...summarizeValues([2, 2, 2]) }, { key: recovery, ...summarizeValues([NaN, NaN, NaN]) }], startYear: 2025, loaded: { spec: { startYear: 2025 } } },
];
const rows = (text: string) => text.trimEnd().split('\n').map((line) => line.split(','));

describe('sweep output writers', () => {
  it('sweep.csv ends each row with the replicates that define the metric and its unit, then the (here absent) paired differences from point 0 and from the previous point', () => {
    const [header, ...body] = rows(formatSweepCsv([growth], points));
    expect(header).toEqual(['point', growth, 'metric', 'material', 'stage', 'region', 'mean', 'ciLow', 'ciHigh', 'n', 'unit', 'diffMean', 'diffCiLow', 'diffCiHigh', 'prevDiffMean', 'prevDiffCiLow', 'prevDiffCiHigh']);
    expect(body.map((row) => row.slice(-8))).toEqual([['3', 'USD', '', '', '', '', '', ''], ['2', 'weeks', '', '', '', '', '', ''], ['3', 'USD', '', '', '', '', '', ''], ['0', 'weeks', '', '', '', '', '', '']]);
    expect(body[1].slice(2, 7)).toEqual(['timeToRecoveryWeeks', 'ndpr', 'endUse', 'US', '5']);
    expect(body[3].slice(6, 9)).toEqual(['', '', '']); // no value at the point: empty fields, n 0
  });

  it('sweep-points.csv appends <id>.n per metric after every mean and interval column, then the paired differences from point 0, then from the previous point', () => {
    // Point 1's difference from point 0: defined for the cost, undefined for recovery (no value at point 1).
    // Its difference from the previous point is given different numbers here, to show which block each lands in.
    const withDifferences = [points[0], {
      ...points[1], vsFirstPoint: [{ meanDifference: 0, ciLow: -1.5, ciHigh: 1.5, n: 3 }, undefined],
      vsPreviousPoint: [{ meanDifference: 0.25, ciLow: -1, ciHigh: 2, n: 3 }, undefined],
    }];
    const [header, ...body] = rows(formatSweepPointsCsv([growth], withDifferences));
    expect(header).toEqual([
      'point', `${growth} (share)`,
      'policyCost.US.mean', 'policyCost.US.ciLow', 'policyCost.US.ciHigh',
      'timeToRecoveryWeeks.ndpr.endUse.US.mean', 'timeToRecoveryWeeks.ndpr.endUse.US.ciLow', 'timeToRecoveryWeeks.ndpr.endUse.US.ciHigh',
      'policyCost.US.n', 'timeToRecoveryWeeks.ndpr.endUse.US.n',
      'policyCost.US.diffMean', 'policyCost.US.diffCiLow', 'policyCost.US.diffCiHigh',
      'timeToRecoveryWeeks.ndpr.endUse.US.diffMean', 'timeToRecoveryWeeks.ndpr.endUse.US.diffCiLow', 'timeToRecoveryWeeks.ndpr.endUse.US.diffCiHigh',
      'policyCost.US.prevDiffMean', 'policyCost.US.prevDiffCiLow', 'policyCost.US.prevDiffCiHigh',
      'timeToRecoveryWeeks.ndpr.endUse.US.prevDiffMean', 'timeToRecoveryWeeks.ndpr.endUse.US.prevDiffCiLow', 'timeToRecoveryWeeks.ndpr.endUse.US.prevDiffCiHigh',
    ]);
    expect(body.map((row) => row.slice(8, 10))).toEqual([['3', '2'], ['3', '0']]);
    expect(body.map((row) => row.slice(10, 16))).toEqual([['', '', '', '', '', ''], ['0', '-1.5', '1.5', '', '', '']]);
    expect(body.map((row) => row.slice(16))).toEqual([['', '', '', '', '', ''], ['0.25', '-1', '2', '', '', '']]);
    expect(body.every((row) => row.length === header.length)).toBe(true);
    expect(body[0][5]).toBe('5');
  });

  it('sweep.json states each metric entry\'s key parts, a part that does not apply as null, never ""', () => {
    const run = { points, metric: recovery, tornado: null } as unknown as SweepRun;
    const text = formatSweepJson(run, { scenario: 's.yaml', masterSeed: 1, replicates: 3, design: { grid: [], lhs: null } });
    expect(text).not.toContain('""');
    const { metrics } = JSON.parse(text).points[0];
    expect(metrics['policyCost.US']).toEqual({ unit: 'USD', n: 3, mean: 2, ciLow: expect.any(Number), ciHigh: expect.any(Number), metric: 'policyCost', material: null, stage: null, region: 'US' });
    expect(metrics['timeToRecoveryWeeks.ndpr.endUse.US']).toMatchObject({ n: 2, metric: 'timeToRecoveryWeeks', material: 'ndpr', stage: 'endUse', region: 'US' });
    // The values as written, and as numbers in the key's canonical unit (as sweep-points.csv has them).
    expect(JSON.parse(text).points[1]).toMatchObject({ values: { [growth]: '6%' }, numericValues: { [growth]: { value: 0.06, unit: 'share' } } });
  });

  it('sweep.json records the sweep\'s metric (any summary metric, not only a headline one) and whether the tornado ran, after the older keys', () => {
    const run = { points, metric: recovery, tornado: null } as unknown as SweepRun;
    const info = { scenario: 's.yaml', masterSeed: 1, replicates: 3, design: { grid: [], lhs: null } };
    const json = JSON.parse(formatSweepJson(run, info, false));
    expect(Object.keys(json)).toEqual(['scenario', 'masterSeed', 'replicates', 'design', 'parameters', 'points', 'metric', 'tornado']);
    expect(json.metric).toBe('timeToRecoveryWeeks.ndpr.endUse.US');
    expect(json.tornado).toBe('off');
    expect(JSON.parse(formatSweepJson(run, info, true)).tornado).toBe('noUncertainParameters');
    expect(JSON.parse(formatSweepJson({ ...run, tornado: [] } as unknown as SweepRun, info)).tornado).toBe('ran');
  });
});
