import { describe, expect, it } from 'vitest';
import { createComparisonSpec, type ComparisonPanel } from '../../src/report/createComparisonSpec.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { renderChart } from '../../src/report/renderChart.ts';

/** The audit's case: a difference just right of 0, at the right end of the axis, so its right-aligned label runs back across the zero line. */
const panel: ComparisonPanel = {
  title: 'NdPr oxide: peak refined price (× start)',
  axisTitle: 'difference, x base (lower is better)',
  rows: [
    { alternative: 'oxide stockpile', difference: 0.02, ciLow: -0.01, ciHigh: 0.05, label: 'better in 23%, worse in 77%' },
    { alternative: 'magnet stockpile', difference: -0.5, ciLow: -0.6, ciHigh: -0.4, label: 'better in 100%' },
  ],
};
const render = (): Promise<string> => renderChart(createComparisonSpec([panel], ['oxide stockpile', 'magnet stockpile'], 'difference = alternative − reference'), 'Comparison', 'test');

describe('createComparisonSpec', () => {
  it('draws a thick white outline under a label that the dashed zero line crosses, after the line and before the text (chart audit: "worse in 7|7%")', async () => {
    const svg = await render();
    const zero = svg.match(/<line[^>]*transform="translate\(([-\d.]+),0\)"[^>]*stroke-dasharray/);
    expect(zero).not.toBeNull();
    const zeroX = Number(zero?.[1]);
    const texts = [...svg.matchAll(/<text([^>]*)>better in 23%, worse in 77%<\/text>/g)];
    expect(texts).toHaveLength(2);
    const [outline, text] = texts;
    // The case under test: the label's extent spans the zero line.
    const [, anchor, x] = text[1].match(/text-anchor="(\w+)" transform="translate\(([-\d.]+),/) ?? [];
    const width = measureTextWidth('better in 23%, worse in 77%', 11, false);
    const left = Number(x) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
    expect(left < zeroX && zeroX < left + width).toBe(true);
    // The outline: white, wide enough (over 3 px a side) to close the gaps between letters, hidden from screen readers.
    expect(outline[1]).toMatch(/stroke="white"/);
    expect(Number(outline[1].match(/stroke-width="([\d.]+)"/)?.[1])).toBeGreaterThanOrEqual(6);
    expect(svg.slice(svg.lastIndexOf('<g class="mark-', outline.index), outline.index)).toContain('aria-hidden="true"');
    expect(text[1]).not.toMatch(/stroke=/);
    // Painted in order: zero line, outline, text.
    expect(zero?.index ?? Infinity).toBeLessThan(outline.index ?? 0);
    expect(outline.index ?? Infinity).toBeLessThan(text.index ?? 0);
  });

  it('keeps the dots and intervals over the outlines: the outline hides only the line behind the text', async () => {
    const svg = await render();
    const outline = svg.indexOf('stroke="white"');
    const dot = svg.search(/aria-roledescription="point"/);
    expect(outline).toBeGreaterThan(0);
    expect(dot).toBeGreaterThan(outline);
  });

  it('names the multiple on the axis as the panel title does: "× start", not "x base"', async () => {
    const spec = createComparisonSpec([panel, { ...panel, title: 'capacity (× home demand)', axisTitle: 'difference, x home demand (higher is better)' }], ['oxide stockpile'], '') as unknown as { concat: Array<{ layer: Array<{ encoding: { x?: { title?: string } } }> }> };
    expect(spec.concat.map((p) => p.layer[0].encoding.x?.title)).toEqual(['difference, × start (lower is better)', 'difference, × home demand (higher is better)']);
    expect(await render()).toContain('>difference, × start (lower is better)<');
  });
});
