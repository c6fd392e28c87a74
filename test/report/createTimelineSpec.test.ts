import { describe, expect, it } from 'vitest';
import { createTimelineSpec, type TimelineItem } from '../../src/report/createTimelineSpec.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { renderChart } from '../../src/report/renderChart.ts';
import { wrapTimelineLabel } from '../../src/report/wrapTimelineLabel.ts';

/** A label as renderScenarioSection writes it: month and year joined by a non-breaking space. */
const label = (what: string, dates: string): string => `${what} · ${dates.replace(/ (\d{4})/g, '\u00a0$1')}`;
const item = (text: string): TimelineItem => ({ label: text, category: 'threat', start: 2026, end: 2027.5, announced: 2025.9 });
/** The lines of each row's label, spaces normalised. */
const lines = (items: TimelineItem[]): string[][] => (createTimelineSpec(items, 2025, 2035) as unknown as { data: { values: Array<{ text: string[] }> } })
  .data.values.map((v) => v.text.map((l) => l.replaceAll('\u00a0', ' ')));

describe('createTimelineSpec', () => {
  // The audit's labels: on the old wrapping they read "… (processing) · Jan 2026 –" over "Jun 2027", and "… (processing) ·" over "Jan 2026 – Jun 2027".
  const ndpr = label('CN export quota (50% of previous exports): refined NdPr oxide (processing)', 'Jan 2026 – Jun 2027');
  const dy = label('CN export quota (50% of previous exports): refined dysprosium oxide (processing)', 'Jan 2026 – Jun 2027');

  it('never breaks a line inside a date range, and drops a separator a break lands next to', () => {
    const [first, second] = lines([item(ndpr), item(dy)]);
    expect(first).toEqual(['Threat · CN export quota (50% of previous exports): refined NdPr oxide (processing)', 'Jan 2026 – Jun 2027']);
    expect(second).toEqual(['Threat · CN export quota (50% of previous exports): refined dysprosium oxide (processing)', 'Jan 2026 – Jun 2027']);
  });

  it('keeps open-ended ranges whole and lines within the width', () => {
    const words = 'CN export ban on refined gallium and germanium to every region outside the alliance, with licences for';
    const wrapped = wrapTimelineLabel(`Threat · ${label(words, 'Mar 2027 – end of run')}`, 200, 11).map((l) => l.replaceAll('\u00a0', ' '));
    expect(wrapped.some((l) => l.includes('Mar 2027 – end of run'))).toBe(true);
    for (const l of wrapped) {
      expect(l.endsWith(' ·')).toBe(false);
      expect(l.startsWith('· ')).toBe(false);
      // A single over-wide word may run over; here none is.
      expect(measureTextWidth(l, 11, false)).toBeLessThanOrEqual(200);
    }
  });

  it('draws the date range on one line of the SVG', async () => {
    const svg = await renderChart(createTimelineSpec([item(ndpr)], 2025, 2035), 'Timeline', 'test');
    const texts = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>|<text[^>]*>([^<]*)<\/text>/g)].map(([, a, b]) => (a ?? b).replaceAll('\u00a0', ' ').replaceAll('&#160;', ' '));
    expect(texts).toContain('Jan 2026 – Jun 2027');
  });
});
