import { describe, expect, it } from 'vitest';
import { describePriceBackBelowStart } from '../../src/report/describePriceBackBelowStart.ts';
import type { FanPanelPlan } from '../../src/report/planFanPanels.ts';
import { seriesKey, type SeriesFan } from '../../src/report/readSeriesCsv.ts';

const series = { metric: 'price', material: 'ndpr', stage: 'processing', region: 'US' };
const plan = (window: Partial<FanPanelPlan['eventWindows'][number]> = {}): FanPanelPlan => ({
  materialId: 'ndpr', materialName: 'NdPr oxide',
  rows: [{ title: 'Refined price', unit: 'USD/kg', sharedY: true, charts: [{ title: 'US', series, divisor: 1000 }] }],
  eventWindows: [{ start: 2026, end: 2027.5, label: 'quota', openEnded: false, throughout: false, announced: 2025.75, ...window }],
});
/** A weekly median price path over 2025–2029 from a function of the calendar year. */
function fans(price: (year: number) => number): Map<string, SeriesFan> {
  const year = Array.from({ length: 52 * 4 }, (_, t) => 2025 + t / 52);
  const p50 = year.map(price);
  return new Map([[seriesKey(series), { ...series, year, p5: p50, p25: p50, p50, p75: p50, p95: p50 }]]);
}

describe('describePriceBackBelowStart', () => {
  it('notes a price that spiked and fell back below its start while the event is still in force, with the month and the event\'s end', () => {
    // 55 at the start, 124 at the spike in early 2026, 50 from October 2026 while the quota runs to mid 2027.
    const path = (y: number) => (y < 2025.9 ? 55 : y < 2026.3 ? 124 : y < 2026.75 ? 70 : 50);
    expect(describePriceBackBelowStart(plan(), fans(path), 'US', 'the United States')).toMatch(
      /^The median refined price of NdPr oxide in the United States falls back below its starting level in Oct 2026, while an event on it is still in force \(through Jun 2027\)\. Prices in this model follow how well stocks cover demand/);
  });

  it('says nothing when the price never spiked, stays above its start, only falls after the event, or for an event in force from the start', () => {
    expect(describePriceBackBelowStart(plan(), fans((y) => (y < 2026.5 ? 55 : 54)), 'US', 'the United States')).toBe('');
    expect(describePriceBackBelowStart(plan(), fans((y) => (y < 2025.9 ? 55 : 80)), 'US', 'the United States')).toBe('');
    expect(describePriceBackBelowStart(plan(), fans((y) => (y < 2025.9 ? 55 : y < 2027.6 ? 120 : 40)), 'US', 'the United States')).toBe('');
    const spikeThenFall = (y: number) => (y < 2025.9 ? 55 : y < 2026.3 ? 124 : 50);
    expect(describePriceBackBelowStart(plan({ throughout: true }), fans(spikeThenFall), 'US', 'the United States')).toBe('');
    // Another region's price is not the home region's.
    expect(describePriceBackBelowStart(plan(), fans(spikeThenFall), 'ALLIES', 'the allies')).toBe('');
  });

  it('says when another struck stage\'s price (components) does not fall back, with its level then, its peak and how long it stays up', () => {
    const magnets = { ...series, stage: 'manufacturing' };
    const withMagnets: FanPanelPlan = { ...plan(), rows: [...plan().rows, { title: 'Component price', unit: 'USD/kg', sharedY: true, charts: [{ title: 'US', series: magnets, divisor: 1000 }] }] };
    const refined = (y: number) => (y < 2025.9 ? 55 : y < 2026.3 ? 124 : 50);
    const both = (magnet: (y: number) => number): Map<string, SeriesFan> => {
      const map = fans(refined);
      const base = map.get(seriesKey(series))!;
      const p50 = base.year.map(magnet);
      map.set(seriesKey(magnets), { ...magnets, year: base.year, p5: p50, p25: p50, p50, p75: p50, p95: p50 });
      return map;
    };
    // 150 at the start, 140 when the oxide falls back (Apr 2026), 690 from late Nov 2026 (2026.9: the month that contains it, not the nearest month start), 150 again from Oct 2027.
    const magnet = (y: number) => (y < 2026.9 ? (y < 2026.25 ? 150 : 140) : y < 2027.75 ? 690 : 150);
    expect(describePriceBackBelowStart(withMagnets, both(magnet), 'US', 'the United States')).toContain(
      'The median price of magnets containing NdPr oxide (manufacturing) there, which an event also strikes, is 0.933× its start then, but rises after: it peaks at 4.60× in Nov 2026 and stays above 1.20× its start until Oct 2027. Prices in this model');
    // At or above its start when the refined price falls back, it "does not fall back" (review 24: not when it is below).
    const high = (y: number) => (y < 2026.9 ? (y < 2026.25 ? 150 : 160) : y < 2027.75 ? 690 : 150);
    expect(describePriceBackBelowStart(withMagnets, both(high), 'US', 'the United States')).toContain(
      'which an event also strikes, does not fall back: 1.07× its start then, it peaks at 4.60× in Nov 2026');
    // A component price that never rises well above its start adds nothing.
    const text = describePriceBackBelowStart(withMagnets, both(() => 160), 'US', 'the United States');
    expect(text).toMatch(/^The median refined price/);
    expect(text).not.toContain('magnets');
  });
});
