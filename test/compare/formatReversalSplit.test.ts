import { describe, expect, it } from 'vitest';
import type { AlternativeComparison } from '../../src/compare/computeComparison.ts';
import { type ComparisonReport, formatComparisonJson } from '../../src/compare/formatComparisonJson.ts';
import type { ReversalSplit } from '../../src/compare/computeReversalSplit.ts';
import { formatComparisonTable } from '../../src/compare/formatComparisonTable.ts';
import { formatReversalSplitCsv, REVERSAL_SPLIT_CSV_HEADER } from '../../src/compare/formatReversalSplitCsv.ts';

const key = { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' };
const alternative: AlternativeComparison = {
  label: 'subsidy',
  metrics: [{ key, direction: 'lower', n: 6, meanA: 10, meanB: 6, meanDifference: -4, ciLow: -5.5, ciHigh: -2.5, pBetter: 1, pWorse: 0, pValue: 0.001 }],
};
const report: ComparisonReport = {
  arms: [{ label: 'threat', path: 'a.yaml', name: 'a' }, { label: 'subsidy', path: 'b.yaml', name: 'b' }],
  masterSeed: 1, replicates: 6, level: 0.95, alternatives: [alternative],
};
const split: ReversalSplit = {
  label: 'subsidy', policies: ['p1', 'p2'], runsReversedByPolicy: [1, 2], runsReversed: 2, runs: 6,
  byPolicy: [],
  metrics: [{ key, kept: { n: 4, mean: -5, ciLow: -6.3, ciHigh: -3.7 }, reversed: { n: 2, mean: -2, ciLow: -14.7, ciHigh: 10.7 }, difference: { mean: -3, ciLow: NaN, ciHigh: 4.6 } }],
};

describe('comparison.json reversalSplit', () => {
  it('adds nothing when no alternative has reversible policies: the file is byte-identical', () => {
    const without = formatComparisonJson(report);
    expect(formatComparisonJson({ ...report, reversalSplit: [] })).toBe(without);
    expect(without).not.toContain('reversalSplit');
  });

  it('adds the split last, per alternative, and leaves every other field byte-identical', () => {
    const without = formatComparisonJson(report);
    const text = formatComparisonJson({ ...report, reversalSplit: [split] });
    const json = JSON.parse(text);
    expect(Object.keys(json).at(-1)).toBe('reversalSplit');
    const { reversalSplit, ...rest } = json;
    expect(`${JSON.stringify(rest, null, 2)}\n`).toBe(without);
    expect(reversalSplit.subsidy).toEqual({
      policies: ['p1', 'p2'], runsReversedByPolicy: { p1: 1, p2: 2 }, runsReversed: 2, runs: 6,
      metrics: { 'cumulativeShortfall.ndpr.endUse.US': { kept: { n: 4, mean: -5, ciLow: -6.3, ciHigh: -3.7 }, reversed: { n: 2, mean: -2, ciLow: -14.7, ciHigh: 10.7 }, difference: { mean: -3, ciLow: null, ciHigh: 4.6 } } },
    });
  });
});

describe('reversal-split.csv', () => {
  const byPolicy = {
    ...split,
    byPolicy: [
      { id: 'p1', runsReversed: 1, metrics: split.metrics },
      { id: 'p2', runsReversed: 0, metrics: [] }, // reversed in no run: no split, still listed
    ],
  };
  const rows = formatReversalSplitCsv([byPolicy], 'quota').trimEnd().split('\n').map((line) => line.split(','));

  it('writes one tidy row per alternative, split and metric: policy empty for "any", then each policy alone', () => {
    expect(rows[0].join(',')).toBe(REVERSAL_SPLIT_CSV_HEADER);
    expect(rows.every((row) => row.length === rows[0].length)).toBe(true);
    expect(rows.slice(1).map((row) => row.slice(0, 4))).toEqual([['subsidy', '', '2', '6'], ['subsidy', 'p1', '1', '6'], ['subsidy', 'p2', '0', '6']]);
    expect(rows[1].slice(4)).toEqual([
      'cumulativeShortfall', 'ndpr', 'endUse', 'US', 't', '4', '-5', '-6.3', '-3.7', '2', '-2', '-14.7', '10.7', '-3', '', '4.6', 'quota',
    ]);
    expect(rows[3].slice(4, -1).every((field) => field === '')).toBe(true);
    expect(rows.slice(1).every((row) => row.at(-1) === 'quota')).toBe(true);
  });

  it('is a header alone without splits', () => {
    expect(formatReversalSplitCsv([], 'quota')).toBe(`${REVERSAL_SPLIT_CSV_HEADER}\n`);
  });
});

describe('the stdout line on election reversal', () => {
  const line = (s: ReversalSplit) => formatComparisonTable({ ...report, reversalSplit: [s] }).split('\n').find((l) => l.startsWith('Election reversal'));

  it('gives the runs reversed and the top row\'s metric over the kept and reversed runs, with the gap', () => {
    expect(line(split)).toBe('Election reversal (p1, p2): an election reversed at least one in 2 of 6 runs; cumulativeShortfall.ndpr.endUse.US B − A (t) ' +
      'in the 4 kept runs -5 [-6.3, -3.7], in the 2 reversed runs -2 [-14.7, 10.7], gap -3 [–, 4.6] (descriptive, not causal: the runs differ in more than the reversal)');
  });

  it('says when there is nothing to split, and prints nothing for an alternative without reversible policies', () => {
    expect(line({ ...split, runsReversed: 0, metrics: [] })).toContain('no election reversed them in the 6 runs, so there is no split');
    expect(line({ ...split, runsReversed: 6, metrics: [] })).toContain('every one of the 6 runs');
    expect(formatComparisonTable(report)).not.toContain('Election reversal');
  });
});
