import { describe, expect, it } from 'vitest';
import { createTornadoSpec, UNCERTAIN_NOTE } from '../../src/report/createTornadoSpec.ts';
import { measureTextWidth } from '../../src/report/measureTextWidth.ts';
import { renderChart } from '../../src/report/renderChart.ts';
import type { Tornado } from '../../src/report/readTornadoJson.ts';
import { graphiteTornado } from './sweepReportFixtures.ts';

type Datum = Record<string, unknown> & { parameter: string; side: string; label: string; to: number; align: string };
type Layer = { mark: Record<string, unknown>; encoding: Record<string, any>; transform?: unknown };
const parts = (tornado: Tornado) => {
  const spec = createTornadoSpec(tornado, 'graphite') as unknown as { width: number; data: { values: Datum[] }; layer: Layer[]; title: { subtitle: string | string[] } };
  return { spec, values: spec.data.values, layers: spec.layer };
};

/** Each end label's box in px (x from the chart's left edge, y from the row's centre), as the spec places it. */
function labelBoxes(tornado: Tornado) {
  const { spec, values, layers } = parts(tornado);
  const texts = layers.filter((l) => l.mark.type === 'text');
  const [d0, d1] = texts[0].encoding.x.scale.domain as number[];
  return values.filter((v) => v.label !== '').map((v) => {
    // The one text layer that draws this datum: same alignment and vertical offset.
    const drawing = texts.filter((l) => l.mark.align === v.align && Number(l.mark.dy ?? 0) === Number(v.dy ?? 0));
    expect(drawing).toHaveLength(1);
    const at = Number(v.labelAt ?? v.to);
    const x = ((at - d0) / (d1 - d0)) * spec.width + Number(drawing[0].mark.dx);
    const width = measureTextWidth(v.label, 9.5, false);
    const dy = Number(drawing[0].mark.dy ?? 0);
    return { parameter: v.parameter, label: v.label, left: v.align === 'left' ? x : x - width, right: v.align === 'left' ? x + width : x, top: dy - 4.5, bottom: dy + 4.5 };
  });
}

describe('createTornadoSpec: end labels', () => {
  it('never draws the low and high labels of one bar over each other, also when both ends fall on the same side of the base', () => {
    const boxes = labelBoxes(graphiteTornado());
    for (const parameter of new Set(boxes.map((b) => b.parameter))) {
      const [a, b] = boxes.filter((x) => x.parameter === parameter);
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${parameter}: "${a.label}" and "${b.label}"`).toBe(true);
    }
  });

  it('puts the labels of a one-sided bar beyond its farther end, pointing away from the base, stacked', () => {
    const { values } = parts(graphiteTornado());
    const lithium = values.filter((v) => v.parameter === 'materials.lithium.demand.growthPerYear');
    // Both ends below the base; the low end (704,082 t) is the farther one.
    for (const v of lithium) expect(v).toMatchObject({ align: 'right', labelAt: 704081.6910200242 });
    expect(lithium.map((v) => v.dy).sort()).toEqual([-5.5, 5.5]);
    const dy = values.filter((v) => v.parameter === 'materials.dy.demand.elasticityShortRun');
    for (const v of dy) expect(v).toMatchObject({ align: 'left', labelAt: 704162.0561998205 });
    // The longer (high) bar is drawn first, the shorter (low) one over it.
    expect(dy.map((v) => v.side)).toEqual(['high', 'low']);
  });

  it('keeps the labels of a two-sided bar at their own ends, and points the label of an end on the base away from the other end', () => {
    const { values } = parts(graphiteTornado());
    const reversal = values.filter((v) => v.parameter === 'government.reversalProbability');
    expect(reversal.find((v) => v.side === 'low')).toMatchObject({ align: 'left', labelAt: 704481.5047540297, dy: 0 });
    expect(reversal.find((v) => v.side === 'high')).toMatchObject({ align: 'right', labelAt: 703993.6215344737, dy: 0 });
    const onBase: Tornado = { metric: 'm', unit: 't', base: 10, entries: [{ parameter: 'p', low: 1, high: 2, outputLow: 14, outputHigh: 10, swing: -4 }] };
    const ends = parts(onBase).values;
    expect(ends.find((v) => v.side === 'low')).toMatchObject({ align: 'left', labelAt: 14 });
    expect(ends.find((v) => v.side === 'high')).toMatchObject({ align: 'right', labelAt: 10 });
  });
});

describe('createTornadoSpec: swings whose 95% CI includes 0', () => {
  it('fades those bars and dashes their outline, with a legend line in the subtitle', () => {
    const { spec, values, layers } = parts(graphiteTornado());
    const uncertain = [...new Set(values.filter((v) => v.uncertain === true).map((v) => v.parameter))];
    expect(uncertain).toEqual(['materials.lithium.demand.growthPerYear', 'materials.ndpr.demand.elasticityShortRun', 'materials.dy.demand.elasticityShortRun']);
    const bar = layers.find((l) => l.mark.type === 'bar');
    expect(bar?.encoding.fillOpacity).toEqual({ condition: { test: 'datum.uncertain', value: 0.35 }, value: 1 });
    expect(bar?.encoding.strokeDash.condition.test).toBe('datum.uncertain');
    expect(spec.title.subtitle).toContain(UNCERTAIN_NOTE);
  });

  it('draws them faded in the rendered chart (six bar ends), and says nothing when no CI is given', async () => {
    const svg = await renderChart(createTornadoSpec(graphiteTornado(), 'graphite'), 'graphite', 'test');
    expect(svg.match(/fill-opacity="0.35"/g)).toHaveLength(6);
    const noCi = graphiteTornado();
    for (const e of noCi.entries) { delete e.ciLow; delete e.ciHigh; }
    const { spec, values } = parts(noCi);
    expect(values.some((v) => v.uncertain)).toBe(false);
    expect(spec.title.subtitle).not.toContain(UNCERTAIN_NOTE);
  });
});
