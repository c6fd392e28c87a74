import { describe, expect, it } from 'vitest';
import { createFanLegendSpec } from '../../src/report/createFanLegendSpec.ts';
import { createFanPanelSpec } from '../../src/report/createFanPanelSpec.ts';
import type { SeriesFan } from '../../src/report/readSeriesCsv.ts';
import { windowsOfShare } from '../../src/report/renderFanChartsSection.ts';

/** A weekly fan over two years whose mean (share of runs with the measure in force) is given per tick. */
function fanWithShare(share: (t: number) => number): SeriesFan {
  const year = Array.from({ length: 104 }, (_, t) => 2025 + t / 52);
  const zeros = year.map(() => 0);
  return { year, p5: zeros, p25: zeros, p50: zeros, p75: zeros, p95: zeros, mean: year.map((_, t) => share(t)) } as SeriesFan;
}

/** Names of the layers of every small chart in a fan panel spec. */
function layerNames(spec: unknown): string[] {
  const rows = (spec as { vconcat: Array<{ hconcat?: Array<{ layer: Array<{ name?: string }> }> }> }).vconcat;
  return rows.flatMap((row) => row.hconcat ?? []).flatMap((chart) => chart.layer.map((layer) => layer.name ?? ''));
}

describe('retaliation in the fan charts', () => {
  it('shades the weeks in which at least the given share of runs were under the measure, one span per stretch', () => {
    const windows = windowsOfShare(fanWithShare((t) => (t >= 20 && t < 40 ? 0.6 : t >= 60 && t < 70 ? 0.5 : 0.3)), 0.5);
    expect(windows).toHaveLength(2);
    expect(windows[0].start).toBeCloseTo(2025 + 20 / 52, 9);
    expect(windows[0].end).toBeCloseTo(2025 + 40 / 52, 9);
    expect(windows[1].start).toBeCloseTo(2025 + 60 / 52, 9);
    expect(windowsOfShare(fanWithShare(() => 0.49), 0.5)).toEqual([]);
    expect(windowsOfShare(fanWithShare(() => 0.3), 0.25)).toHaveLength(1);
    expect(windowsOfShare({ ...fanWithShare(() => 1), mean: undefined }, 0.25)).toEqual([]); // an older series.csv
  });

  it('draws them as their own orange layer, apart from scripted events', () => {
    const chart = { title: 'US', fan: fanWithShare(() => 0), divisor: 1 };
    const input = { title: 'NdPr', subtitle: [], rows: [{ title: 'Price', unit: 'USD/kg', sharedY: true, charts: [chart] }], eventWindows: [{ start: 2025.5, end: 2026 }] };
    expect(layerNames(createFanPanelSpec(input))).not.toContain('rule_0_0');
    const names = layerNames(createFanPanelSpec({ ...input, ruleWindows: [{ start: 2025.8, end: 2026.4 }] }));
    expect(names).toContain('rule_0_0');
    expect(names).toContain('event_0_0');
  });
});

describe('rule-driven price wars in the fan charts', () => {
  it('shade the price row only, in their own layer and key entry', () => {
    const chart = { title: 'US', fan: fanWithShare(() => 0), divisor: 1 };
    const spec = createFanPanelSpec({
      title: 'NdPr', subtitle: [], eventWindows: [],
      rows: [
        { title: 'Price', unit: 'USD/kg', sharedY: true, charts: [chart], priceWarWindows: [{ start: 2025.5, end: 2026.2 }] },
        { title: 'Shortfall', unit: 't/week', sharedY: true, charts: [chart] },
      ],
    });
    const names = layerNames(spec);
    expect(names).toContain('pricewar_0_0');
    expect(names).not.toContain('pricewar_1_0');
    const key = (spec as unknown as { vconcat: Array<{ data?: { values: Array<{ kind: string }> } }> }).vconcat[0];
    expect(key.data?.values.map((v) => v.kind)).toContain('pricewar');
    expect(layerNames(createFanPanelSpec({ title: 'NdPr', subtitle: [], eventWindows: [], rows: [{ title: 'Price', unit: 'USD/kg', sharedY: true, charts: [chart] }] }))).not.toContain('pricewar_0_0');
  });
});

describe('the fan key', () => {
  it('puts a shading that no longer fits on the first row on a second row, so every drawn shading is keyed', () => {
    const key = createFanLegendSpec(662, true, true, true, true, true) as { height: number; data: { values: Array<{ kind: string; y: number }> } };
    const kinds = key.data.values.map((v) => v.kind);
    expect(kinds).toEqual(expect.arrayContaining(['event', 'announced', 'start', 'rule', 'pricewar']));
    expect(key.data.values.find((v) => v.kind === 'pricewar')?.y).toBeGreaterThan(0);
    expect(key.height).toBeGreaterThan(16);
    expect((createFanLegendSpec(662, false) as { height: number }).height).toBe(16);
  });
});

describe('price war over an event, and readable axes (user audit 24)', () => {
  const chart = { title: 'US', fan: fanWithShare(() => 0), divisor: 1 };
  const keyKinds = (spec: unknown): string[] => ((spec as { vconcat: Array<{ data?: { values: Array<{ kind: string }> } }> }).vconcat[0].data?.values ?? []).map((v) => v.kind);
  const panel = (war: { start: number; end: number }, events: Array<{ start: number; end: number; openEnded?: boolean }>) => createFanPanelSpec({
    title: 'NdPr', subtitle: [], eventWindows: events, rows: [{ title: 'Price', unit: 'USD/kg', sharedY: true, charts: [chart], priceWarWindows: [war] }],
  });

  it('keys the darker purple-over-grey overlap when a price war overlaps an event in force, and not otherwise', () => {
    expect(keyKinds(panel({ start: 2025.5, end: 2026.5 }, [{ start: 2026, end: 2026.8 }]))).toContain('warevent');
    // No overlap in time, or an open-ended event (a dashed line, no grey band): no such key.
    expect(keyKinds(panel({ start: 2025.1, end: 2025.4 }, [{ start: 2026, end: 2026.8 }]))).not.toContain('warevent');
    expect(keyKinds(panel({ start: 2025.5, end: 2026.5 }, [{ start: 2026, end: 2027, openEnded: true }]))).not.toContain('warevent');
    // The swatch is drawn as the charts draw the overlap: grey, then purple on top.
    const layers = (createFanLegendSpec(700, true, false, false, false, true, true).layer as Array<{ name: string }>).map((l) => l.name);
    expect(layers.indexOf('key_warevent_event')).toBeGreaterThanOrEqual(0);
    expect(layers.indexOf('key_warevent_war')).toBeGreaterThan(layers.indexOf('key_warevent_event'));
  });

  it('labels axes at 11 px or more, with at most three year labels on a ten-year run', () => {
    const year = Array.from({ length: 520 }, (_, t) => 2025 + t / 52);
    const zeros = year.map(() => 1);
    const long = { title: 'US', fan: { year, p5: zeros, p25: zeros, p50: zeros, p75: zeros, p95: zeros } as SeriesFan, divisor: 1 };
    const spec = createFanPanelSpec({ title: 'NdPr', subtitle: [], eventWindows: [], rows: [{ title: 'Price', unit: 'USD/kg', sharedY: true, charts: [long] }] });
    const layer = (spec as unknown as { vconcat: Array<{ hconcat?: Array<{ layer: Array<{ encoding: { x: { axis: { labelFontSize: number; labelExpr: string } }; y: { axis: { labelFontSize: number } } } }> }> }> }).vconcat[1].hconcat![0].layer.at(-1)!;
    expect(layer.encoding.x.axis.labelFontSize).toBeGreaterThanOrEqual(11);
    expect(layer.encoding.y.axis.labelFontSize).toBeGreaterThanOrEqual(11);
    const labelled = /\[([^\]]*)\]/.exec(layer.encoding.x.axis.labelExpr)![1].split(',').map(Number);
    expect(labelled.length).toBeGreaterThanOrEqual(2);
    expect(labelled.length).toBeLessThanOrEqual(3);
  });
});
