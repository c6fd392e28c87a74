import { describe, expect, it } from 'vitest';
import { createKeyResultsSpec, type KeyResultRow } from '../../src/report/createKeyResultsSpec.ts';
import type { ValueSummary } from '../../src/stats/summarizeValues.ts';

const summary = (p50: number): ValueSummary => ({ n: 30, mean: p50, ciLow: p50, ciHigh: p50, p5: p50, p25: p50, p50, p75: p50, p95: p50, min: p50, max: p50 });
type Panel = { title: { text: string }; data: { values: Array<Record<string, unknown>> }; layer: Array<{ encoding: { y?: { axis: Record<string, unknown> } } }> };
const panels = (rows: KeyResultRow[]) => (createKeyResultsSpec(rows, 'Weeks short', 'Peak price', true, 'Consumption caused') as unknown as { hconcat: Panel[] }).hconcat;

describe('createKeyResultsSpec', () => {
  const rows: KeyResultRow[] = [
    { material: 'NdPr oxide', weeksShort: summary(0), peakMultiple: summary(2.2), consumptionChange: { mean: -7.84, low: -8.7, high: -6.9 } },
    { material: 'Cobalt', weeksShort: summary(0), peakMultiple: summary(1.2), consumptionChange: { mean: 0.002, low: -0.1, high: 0.1 } },
  ];

  it('adds a consumption panel of paired changes (mean and 95% CI, labelled in %) when impact.json gives them', () => {
    const [, , consumption] = panels(rows);
    expect(consumption.title.text).toBe('Consumption caused');
    expect(consumption.data.values.map((v) => [v.material, v.mean, v.low, v.high, v.label])).toEqual([
      ['NdPr oxide', -7.84, -8.7, -6.9, '−7.8%'], ['Cobalt', 0.002, -0.1, 0.1, '0%'],
    ]);
  });

  it('keeps two panels without it, and names the materials on the first panel only', () => {
    const without = panels(rows.map(({ consumptionChange: _, ...row }) => row));
    expect(without).toHaveLength(2);
    const axes = panels(rows).map((panel) => panel.layer.find((layer) => layer.encoding.y !== undefined)?.encoding.y?.axis);
    expect(axes.map((axis) => axis?.labels !== false)).toEqual([true, false, false]);
  });
});
