import { describe, expect, it } from 'vitest';
import { createKeyResultsSpec, type KeyResultRow } from '../../src/report/createKeyResultsSpec.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { renderChart } from '../../src/report/renderChart.ts';
import type { ValueSummary } from '../../src/stats/summarizeValues.ts';

const summary = (p50: number): ValueSummary => ({ n: 30, mean: p50, ciLow: p50, ciHigh: p50, p5: p50, p25: p50, p50, p75: p50, p95: p50, min: p50, max: p50, p5CiLow: NaN, p5CiHigh: NaN, p50CiLow: NaN, p50CiHigh: NaN, p95CiLow: NaN, p95CiHigh: NaN });
type Panel = { title: { text: string }; data: { values: Array<Record<string, unknown>> }; layer: Array<{ encoding: { y?: { axis: Record<string, unknown> } } }> };
/** Labels of the SVG's x-axes, by axis title: text, left and right edge (DejaVu widths, as the renderer measures). */
function xAxisLabels(svg: string): Map<string, Array<{ text: string; left: number; right: number }>> {
  const axes = new Map<string, Array<{ text: string; left: number; right: number }>>();
  for (const [, title, body] of svg.matchAll(/aria-label="X-axis titled '([^']*)'[\s\S]*?role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)) {
    axes.set(title, [...body.matchAll(/text-anchor="(\w+)" transform="translate\(([-\d.]+),[^"]*"[^>]*>([^<]*)</g)].map(([, anchor, x, text]) => {
      const width = measureTextWidth(text, 11, false);
      const left = Number(x) - (anchor === 'start' ? 0 : anchor === 'middle' ? width / 2 : width);
      return { text, left, right: left + width };
    }));
  }
  return axes;
}

const panels = (rows: KeyResultRow[]) => (createKeyResultsSpec(rows, 'Weeks short', 'Peak price', true, 'Consumption caused') as unknown as { hconcat: Panel[] }).hconcat;

describe('createKeyResultsSpec', () => {
  const rows: KeyResultRow[] = [
    { material: 'NdPr oxide', weeksShort: summary(3), peakMultiple: summary(2.2), consumptionChange: { mean: -7.84, low: -8.7, high: -6.9 } },
    { material: 'Cobalt', weeksShort: summary(0), peakMultiple: summary(1.2), consumptionChange: { mean: 0.002, low: -0.1, high: 0.1 } },
    // 0.052% would round to "+0.1%": it says it is under 0.1%.
    { material: 'Gallium', weeksShort: summary(0), peakMultiple: summary(1.1), consumptionChange: { mean: 0.052, low: 0.01, high: 0.09 } },
  ];

  it('labels the weeks-short medians as the text writes them (whole weeks from 10, tenths below), the peak to 3 digits (audit 24, M6)', () => {
    const [weeks, peak] = panels([
      { material: 'NdPr oxide', weeksShort: summary(31.5), peakMultiple: summary(2.2984) },
      { material: 'Dysprosium oxide', weeksShort: summary(2.45), peakMultiple: summary(1.7) },
    ]);
    // "31.5" beside the text's "median 32 weeks" read as a contradiction.
    expect(weeks.data.values.map((v) => v.label)).toEqual(['32', '2.5']);
    expect(peak.data.values.map((v) => v.label)).toEqual(['2.30', '1.70']);
  });

  it('writes every peak label to three significant figures, trailing zeros kept, in the drawn SVG too (chart audit: "refined 2.3" beside "refined 1.71")', async () => {
    const rowsOf = (quoted: number, magnets: number): KeyResultRow => ({ material: 'NdPr oxide', weeksShort: summary(30), peakMultiple: summary(quoted), quotedProduct: 'refined', otherPeaks: [{ product: 'magnets', peak: summary(magnets) }] });
    const chart = [rowsOf(2.3011, 4.69), { ...rowsOf(1.7123, 5.2976), material: 'Dysprosium oxide' }, { material: 'Gallium', weeksShort: summary(0), peakMultiple: summary(12.04) }];
    const [, peak] = panels(chart);
    expect(peak.data.values.map((v) => v.label)).toEqual(['refined 2.30', 'refined 1.71', '12.0', 'magnets 4.69', 'magnets 5.30']);
    const svg = await renderChart(createKeyResultsSpec(chart, 'Weeks short', 'Peak price'), 'Key results', 'test');
    for (const text of ['refined 2.30', 'magnets 5.30', '12.0']) expect(svg).toContain(`>${text}<`);
  });

  it('says under the spread panels that their dots and numbers are medians, under the consumption panel that its are means', async () => {
    const svg = await renderChart(createKeyResultsSpec(rows, 'Weeks short', 'Peak price', true, 'Consumption caused'), 'Key results', 'test');
    // Axis titles of two lines: the aria-label joins them with a space.
    expect([...xAxisLabels(svg).keys()]).toEqual([
      'weeks dot and number: median', '× starting price dot and number: median', '% vs. without them dot and number: mean · line: 95% CI',
    ]);
    // On a second line, not a wider first one: the chart must stay under the page's 920-px column.
    expect(svg).toMatch(/>dot and number: median</);
  });

  it('adds a consumption panel of paired changes (mean and 95% CI, labelled in %) when impact.json gives them', () => {
    const [, , consumption] = panels(rows);
    expect(consumption.title.text).toBe('Consumption caused');
    expect(consumption.data.values.map((v) => [v.material, v.mean, v.low, v.high, v.label])).toEqual([
      ['NdPr oxide', -7.84, -8.7, -6.9, '−7.8%'], ['Cobalt', 0.002, -0.1, 0.1, '0%'], ['Gallium', 0.052, 0.01, 0.09, '<0.1%'],
    ]);
  });

  it('keeps two panels without it, and names the materials on the first panel only', () => {
    const without = panels(rows.map(({ consumptionChange: _, ...row }) => row));
    expect(without).toHaveLength(2);
    const axes = panels(rows).map((panel) => panel.layer.find((layer) => layer.encoding.y !== undefined)?.encoding.y?.axis);
    expect(axes.map((axis) => axis?.labels !== false)).toEqual([true, false, false]);
  });

  it('leaves out the weeks panel when no run of any material has a short week, says so, and names the materials on the next panel', () => {
    const none = rows.map((row) => ({ ...row, weeksShort: summary(0) }));
    const spec = createKeyResultsSpec(none, 'Weeks short: end users in US', 'Peak price', true, 'Consumption caused') as unknown as { title: { subtitle: string[] }; hconcat: Panel[] };
    expect(spec.hconcat.map((panel) => panel.title.text)).toEqual(['Peak price', 'Consumption caused']);
    expect(spec.title.subtitle[1]).toBe('weeks short not drawn: 0 for every material in every run');
    // The axes say what dot and number are; the subtitle does not repeat it (session 35).
    expect(spec.title.subtitle[0]).toBe('thin line: 90% of runs · thick bar: middle 50% of runs');
    expect(spec.hconcat[0].layer.find((layer) => layer.encoding.y !== undefined)?.encoding.y?.axis.labels).not.toBe(false);
    // One short week in one run (median 0) keeps the panel.
    const once = none.map((row, i) => (i === 1 ? { ...row, weeksShort: { ...summary(0), max: 1 } } : row));
    expect(panels(once).map((panel) => panel.title.text)).toEqual(['Weeks short', 'Peak price', 'Consumption caused']);
  });

  it('gives readable value axes when a material has a short week in few runs: whole weeks, labels apart', async () => {
    const spread = (p50: number, w: number): ValueSummary => ({ ...summary(p50), p5: p50 - w, p25: p50 - w / 2, p75: p50 + w / 2, p95: p50 + w });
    const zero: KeyResultRow[] = [
      { material: 'Gallium', weeksShort: { ...summary(0), max: 2 }, peakMultiple: spread(2.3, 0.07), consumptionChange: { mean: -2.6, low: -2.7, high: -2.5 } },
      { material: 'NdPr oxide', weeksShort: summary(0), peakMultiple: spread(1.15, 0.02), consumptionChange: { mean: 0, low: 0, high: 0 } },
    ];
    const svg = await renderChart(createKeyResultsSpec(zero, 'Weeks short', 'Peak price', false, 'Consumption caused'), 'Key results', 'test');
    const axes = xAxisLabels(svg);
    expect([...axes.keys()]).toHaveLength(3);
    expect(axes.get('weeks dot and number: median')?.map((l) => l.text)).toEqual(['0', '1']);
    for (const labels of axes.values()) {
      for (const [i, label] of labels.slice(1).entries()) expect(label.left - labels[i].right).toBeGreaterThan(3);
    }
  });

  it('draws another product the events strike under the quoted price, both labelled with their product, every panel on the same row step (audit 24, H1)', async () => {
    const withMagnets: KeyResultRow[] = [
      { ...rows[0], quotedProduct: 'refined', otherPeaks: [{ product: 'magnets', peak: summary(4.69) }] },
      rows[1],
    ];
    const [weeks, peak, consumption] = panels(withMagnets);
    expect(peak.data.values.map((v) => [v.material, v.lower, v.label])).toEqual([
      ['NdPr oxide', false, 'refined 2.20'], ['Cobalt', false, '1.20'], ['NdPr oxide', true, 'magnets 4.69'],
    ]);
    // The diamond's layer takes only the lower rows, the dot's only the others.
    const shapes = (peak.layer as unknown as Array<{ mark: { type: string; shape?: string }; transform?: Array<{ filter: string }> }>)
      .filter((layer) => layer.mark.type === 'point').map((layer) => [layer.mark.shape ?? 'circle', layer.transform?.[0].filter]);
    expect(shapes).toEqual([['circle', '!datum.lower'], ['diamond', 'datum.lower']]);
    const steps = [weeks, peak, consumption].map((panel) => (panel as unknown as { height: { step: number } }).height.step);
    expect(new Set(steps).size).toBe(1);
    expect(steps[0]).toBeGreaterThan((panels(rows)[0] as unknown as { height: { step: number } }).height.step);
    const svg = await renderChart(createKeyResultsSpec(withMagnets, 'Weeks short', 'Peak price', true, 'Consumption caused'), 'Key results', 'test');
    expect(svg).toContain('magnets 4.69');
  });
});
