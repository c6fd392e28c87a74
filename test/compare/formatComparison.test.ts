import { describe, expect, it } from 'vitest';
import type { AlternativeComparison } from '../../src/compare/computeComparison.ts';
import { COMPARISON_CSV_HEADER, formatComparisonCsv } from '../../src/compare/formatComparisonCsv.ts';
import { type ComparisonReport, formatComparisonJson } from '../../src/compare/formatComparisonJson.ts';
import { formatComparisonTable } from '../../src/compare/formatComparisonTable.ts';

const alternative: AlternativeComparison = {
  label: 'stock,pile',
  metrics: [
    { key: { metric: 'cumulativeShortfall', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' }, direction: 'lower',
      n: 50, meanA: 1000, meanB: 400, meanDifference: -600, ciLow: -700, ciHigh: -500, pBetter: 0.9, pWorse: 0.02 },
    { key: { metric: 'timeToPeakWeeks', material: 'ndpr', stage: 'processing', region: 'US', unit: 'weeks' }, direction: 'none',
      n: 50, meanA: 10, meanB: 10, meanDifference: 0, ciLow: 0, ciHigh: 0, pBetter: NaN, pWorse: NaN },
    { key: { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' }, direction: 'lower',
      n: 50, meanA: 0, meanB: 3.5e7, meanDifference: 3.5e7, ciLow: 3e7, ciHigh: 4e7, pBetter: 0, pWorse: 1 },
    { key: { metric: 'peakPriceMultiple', material: 'ndpr', stage: 'processing', region: 'US', unit: 'x base' }, direction: 'lower',
      n: 50, meanA: 2, meanB: 1.9, meanDifference: -0.1, ciLow: -0.3, ciHigh: 0.1, pBetter: 0.5, pWorse: 0.4 },
  ],
};
const report: ComparisonReport = {
  arms: [{ label: 'threat', path: 'scenarios/threat.yaml', name: 'threat' }, { label: 'stock,pile', path: 'x.yaml', name: 'x' }],
  masterSeed: 1, replicates: 50, level: 0.95, alternatives: [alternative],
};

describe('comparison outputs', () => {
  it('writes one tidy CSV row per alternative and metric, quoting text and leaving NaN empty', () => {
    const lines = formatComparisonCsv([alternative]).trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARISON_CSV_HEADER);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('"stock,pile",cumulativeShortfall,ndpr,endUse,US,t,1000,400,-600,-700,-500,0.9,50');
    expect(lines[2].split(',').slice(-2)).toEqual(['', '50']);
  });

  it('writes comparison.json per alternative and metric id, NaN as null', () => {
    const json = JSON.parse(formatComparisonJson(report));
    expect(json.first).toBe('threat');
    const metric = json.alternatives['stock,pile']['cumulativeShortfall.ndpr.endUse.US'];
    expect(Object.keys(metric)).toEqual(['unit', 'direction', 'n', 'meanA', 'meanB', 'meanDifference', 'ciLow', 'ciHigh', 'pBetter', 'pWorse']);
    expect(json.alternatives['stock,pile']['timeToPeakWeeks.ndpr.processing.US'].pBetter).toBeNull();
  });

  it('prints aligned rows, clear differences first, unchanged metrics left out', () => {
    const table = formatComparisonTable(report);
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toContain('3 of 4 metrics differ');
    expect(lines[3]).toMatch(/^policyCost\.US/);
    expect(lines[4]).toMatch(/^cumulativeShortfall\.ndpr\.endUse\.US/);
    expect(lines[5]).toMatch(/^peakPriceMultiple/);
    expect(table).not.toContain('timeToPeakWeeks');
    const widths = new Set(lines.slice(1).map((line) => line.length));
    expect(Math.max(...widths)).toBe(lines[2].length);
    expect(formatComparisonTable(report, 1).trimEnd().split('\n')).toHaveLength(4);
  });
});
