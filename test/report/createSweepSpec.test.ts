import { describe, expect, it } from 'vitest';
import { createSweepSpec } from '../../src/report/createSweepSpec.ts';
import { renderChart } from '../../src/report/renderChart.ts';

/** The level chart of the audited sweep: US graphite consumption over the reversal probability. */
const cells = [[0, 705262, 702960, 707564], [0.15, 704410, 702137, 706683], [0.3, 704040, 701778, 706302], [0.45, 703871, 701621, 706121], [0.6, 703669, 701399, 705939]]
  .map(([x, mean, ciLow, ciHigh]) => ({ x: `${x * 100}%`, y: '', mean, ciLow, ciHigh }));

describe('createSweepSpec: the level chart of one swept parameter', () => {
  it('fits its y axis to the means and their CI band instead of forcing 0 in', () => {
    const spec = createSweepSpec({ title: 'graphite', unit: 't', xParameter: 'government.reversalProbability', yParameter: '', cells, nonNegative: true }) as unknown as { layer: { encoding: { y: { scale: { zero: boolean } } } }[] };
    for (const layer of spec.layer) expect(layer.encoding.y.scale.zero).toBe(false);
  });

  it('labels its ticks, all near the band, with digits enough to tell them apart', async () => {
    const svg = await renderChart(createSweepSpec({ title: 'graphite', unit: 't', xParameter: 'p', yParameter: '', cells, nonNegative: true }), 'graphite', 'test');
    const ticks = [...svg.matchAll(/>(\d+(\.\d+)?k)<\/text>/g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks).size).toBe(ticks.length);
    // Inside the band (701k–708k), not 0, 200k, … 800k.
    for (const tick of ticks) expect(parseFloat(tick)).toBeGreaterThanOrEqual(700);
  });

  it('keeps the heat map of two parameters shaded from 0', () => {
    const grid = cells.slice(0, 2).map((c, i) => ({ ...c, y: i }));
    const spec = createSweepSpec({ title: 'graphite', unit: 't', xParameter: 'a', yParameter: 'b', cells: grid }) as unknown as { layer: { encoding: { fill?: { scale: { domain: number[] } } } }[] };
    expect(spec.layer[0].encoding.fill?.scale.domain[0]).toBe(0);
  });
});
