import { describe, expect, it } from 'vitest';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import type { SweepRow, SweepTable } from '../../src/report/readSweepCsv.ts';
import { renderSweepAnswerBox } from '../../src/report/renderSweepAnswerBox.ts';

const overview = {
  name: 'x', description: '', startYear: 2025, years: 10, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN', regions: [], materials: [], threat: [], document: {},
  events: [{ id: 'lic', kind: 'exportControl', start: 0, end: 2, announced: NaN, fields: { kind: 'exportControl', material: 'graphite' } }],
} as unknown as ScenarioOverview;
const consumption = 'cumulativeConsumption.graphite.endUse.US';
const row = (point: string, p: number, metric: string, mean: number, diff?: [number, number, number]): SweepRow => ({
  point, parameters: { 'government.reversalProbability': p }, metric, mean, ciLow: mean - 1, ciHigh: mean + 1,
  ...(diff === undefined ? {} : { vsFirstPoint: { meanDifference: diff[0], ciLow: diff[1], ciHigh: diff[2] } }),
});
const sweep: SweepTable = {
  parameters: ['government.reversalProbability'],
  units: { [consumption]: 't', 'policyCost.US': 'USD' },
  rows: [
    row('0', 0, consumption, 705_000), row('0', 0, 'policyCost.US', 567e6),
    row('1', 0.3, consumption, 704_000, [-1000, -1200, -800]), row('1', 0.3, 'policyCost.US', 300e6, [-267e6, -400e6, -130e6]),
    row('2', 0.6, consumption, 703_330, [-1670, -1930, -1420]), row('2', 0.6, 'policyCost.US', 283e6, [-284e6, -424e6, 50e6]),
  ],
};
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('renderSweepAnswerBox', () => {
  it('gives the change from the first design point to the last, paired, with its share of the first level, for the metric and the policy cost', () => {
    const box = text(renderSweepAnswerBox(sweep, undefined, overview, (id) => (id === 'graphite' ? 'Natural graphite' : id)));
    expect(box).toContain('to the last (Government: probability of reversing a policy at each election 60%), over 3 points:');
    expect(box).toContain('−1,670 t, 0.24% of 705,000 t (95% CI −1,930 t to −1,420 t, paired run by run)');
    // A CI that includes 0 is said to be so.
    expect(box).toContain('−USD 284 million, 50% of USD 567 million (95% CI −USD 424 million to +USD 50 million, paired run by run): not distinguishable from no change with these runs');
  });

  it('is empty for one point, or without paired differences', () => {
    expect(renderSweepAnswerBox({ ...sweep, rows: sweep.rows.filter((r) => r.point === '0') }, undefined, overview, (id) => id)).toBe('');
    expect(renderSweepAnswerBox({ ...sweep, rows: sweep.rows.map(({ vsFirstPoint: _, ...r }) => r) }, undefined, overview, (id) => id)).toBe('');
  });
});
