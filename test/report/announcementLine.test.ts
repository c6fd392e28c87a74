import { describe, expect, it } from 'vitest';
import { createFanPanelSpec } from '../../src/report/createFanPanelSpec.ts';
import type { SeriesFan } from '../../src/report/readSeriesCsv.ts';

/** A flat weekly fan over two years from 2025. */
function fan(): SeriesFan {
  const year = Array.from({ length: 104 }, (_, t) => 2025 + t / 52);
  const zeros = year.map(() => 0);
  return { metric: 'price', material: 'ndpr', stage: 'processing', region: 'US', year, p5: zeros, p25: zeros, p50: zeros, p75: zeros, p95: zeros };
}

/** The layers of the panel's small charts and of its key. */
function layers(spec: unknown): Array<{ name?: string; data?: { values: Array<Record<string, number>> } }> {
  const rows = (spec as { vconcat: Array<{ hconcat?: Array<{ layer: unknown[] }>; layer?: unknown[] }> }).vconcat;
  return rows.flatMap((row) => [...(row.layer ?? []), ...(row.hconcat ?? []).flatMap((chart) => chart.layer)]) as Array<{ name?: string; data?: { values: Array<Record<string, number>> } }>;
}

/** The kinds of item the panel's key shows. */
function keyKinds(spec: unknown): string[] {
  const rows = (spec as { vconcat: Array<{ data?: { values: Array<{ kind?: string }> } }> }).vconcat;
  return rows.flatMap((row) => row.data?.values ?? []).flatMap((item) => (item.kind === undefined ? [] : [item.kind]));
}

describe('an event announced before it starts', () => {
  const input = { title: 'NdPr', subtitle: [], rows: [{ title: 'Price', unit: 'USD/kg', sharedY: true, charts: [{ title: 'US', fan: fan(), divisor: 1 }] }] };

  it('is a dotted line at the announcement in every small chart, with its key', () => {
    const all = layers(createFanPanelSpec({ ...input, eventWindows: [{ start: 2026, end: 2026.5, announced: 2025.75 }] }));
    const line = all.find((l) => l.name === 'event_announced_0_0');
    expect(line?.data?.values).toEqual([{ year: 2025.75 }]);
    expect(keyKinds(createFanPanelSpec({ ...input, eventWindows: [{ start: 2026, end: 2026.5, announced: 2025.75 }] }))).toContain('announced');
  });

  it('draws nothing for an event announced when it starts, or outside the charts\' years', () => {
    for (const announced of [undefined, 2024]) {
      const all = layers(createFanPanelSpec({ ...input, eventWindows: [{ start: 2026, end: 2026.5, ...(announced === undefined ? {} : { announced }) }] }));
      expect(all.some((l) => l.name === 'event_announced_0_0')).toBe(false);
    }
    expect(keyKinds(createFanPanelSpec({ ...input, eventWindows: [{ start: 2026, end: 2026.5 }] }))).not.toContain('announced');
  });
});
