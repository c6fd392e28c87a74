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
  it('gives the change from the lowest value of the swept parameter to the highest, paired, with its share of the lowest point\'s level, for the metric and the policy cost', () => {
    const box = text(renderSweepAnswerBox(sweep, undefined, overview, (id) => (id === 'graphite' ? 'Natural graphite' : id)));
    expect(box).toContain('From the lowest value of Government: probability of reversing a policy at each election (0%) to the highest (60%), over 3 points:');
    expect(box).not.toContain('first design point');
    expect(box).toContain('−1,670 t, 0.24% of 705,000 t (95% CI −1,930 t to −1,420 t, paired run by run)');
    // A CI that includes 0 is said to be so.
    expect(box).toContain('−USD 284 million, 50% of USD 567 million (95% CI −USD 424 million to +USD 50 million, paired run by run): not distinguishable from no change with these runs');
  });

  it('reads a change of twice the starting level or more as a multiple of it, not as 1,500%', () => {
    const grown: SweepTable = { ...sweep, rows: [
      row('0', 0, consumption, 2.31), row('0', 0, 'policyCost.US', 10.7e6),
      row('1', 0.6, consumption, 1.79, [-0.52, -0.98, -0.061]), row('1', 0.6, 'policyCost.US', 171e6, [160.5e6, 150e6, 171e6]),
    ] };
    const box = text(renderSweepAnswerBox(grown, undefined, overview, (id) => id));
    expect(box).toMatch(/Policy cost · US: \+USD 16\d(\.\d)? million, 15\.0 times USD 10\.7 million \(95% CI/);
    expect(box).not.toContain('1,500%');
  });

  it('rounds a change and its interval alike, in one scale', () => {
    const small: SweepTable = { ...sweep, rows: [
      row('0', 0, consumption, 2.31), row('0', 0, 'policyCost.US', 5.2e6),
      row('1', 0.6, consumption, 1.79, [-0.52, -0.98, -0.061]), row('1', 0.6, 'policyCost.US', 4.9e6, [-0.3e6, -1.25e6, 0.65e6]),
    ] };
    const box = text(renderSweepAnswerBox(small, undefined, overview, (id) => id));
    expect(box).toContain('Consumption (received) · graphite · end use · US: −520 kg, 23% of 2.31 t (95% CI −980 kg to −61 kg, paired run by run)');
    // Not "−USD 300,000 … (95% CI −USD 1.25 million to +USD 650,000": the interval's scale, and its decimals.
    expect(box).toContain('Policy cost · US: −USD 0.30 million, 5.8% of USD 5.2 million (95% CI −USD 1.25 million to +USD 0.65 million, paired run by run): not distinguishable from no change with these runs');
  });

  it('names the parameter that moves the metric most, and whether clearly more than the second (tornado.json leadOverNext)', () => {
    const entry = (parameter: string, swing: number) => ({ parameter, low: 0, high: 1, outputLow: 0, outputHigh: swing, swing });
    const tornado = (lead?: { difference: number; ciLow: number; ciHigh: number }) => [{ metric: consumption, unit: 't', base: NaN,
      entries: [{ ...entry('materials.graphite.demand.growthPerYear', 900), ...(lead === undefined ? {} : { leadOverNext: lead }) }, entry('government.reversalProbability', 700)] }];
    const box = (lead?: { difference: number; ciLow: number; ciHigh: number }) => text(renderSweepAnswerBox(sweep, tornado(lead), overview, (id) => id));
    expect(box({ difference: 200, ciLow: 50, ciHigh: 350 })).toMatch(/moves .+ most, clearly more than the next-largest, Government: probability of reversing a policy at each election \(paired run by run; the tornado below\)\./);
    expect(box({ difference: 200, ciLow: -50, ciHigh: 450 })).toMatch(/most, though not clearly more than the next-largest, Government: probability of reversing a policy at each election \(the 95% CI of the two swings' paired difference includes 0; the tornado below\)\./);
    // An older tornado.json without the comparison: "most" alone, as before.
    expect(box()).toMatch(/moves .+ most \(the tornado below\)/);
    // No swing at all, or a largest swing whose own CI includes 0: no parameter is said to move it most.
    const still = [{ metric: consumption, unit: 't', base: NaN, entries: [{ ...entry('a', 0), ciLow: 0, ciHigh: 0 }, { ...entry('b', 0), ciLow: 0, ciHigh: 0 }] }];
    expect(text(renderSweepAnswerBox(sweep, still, overview, (id) => id))).toMatch(/No uncertain parameter of the scenario moved .+ in any run \(Sensitivity below\)\./);
    const unclear = [{ metric: consumption, unit: 't', base: NaN, entries: [{ ...entry('a', -28.7), ciLow: -89.9, ciHigh: 32.6 }, { ...entry('b', -11.3), ciLow: -28.5, ciHigh: 5.9 }] }];
    const said = text(renderSweepAnswerBox(sweep, unclear, overview, (id) => id));
    expect(said).toMatch(/No uncertain parameter's swing of .+ is clear of 0 with these runs \(the tornado below\)\./);
    expect(said).not.toMatch(/ most/);
  });

  it('gives the largest swing\'s size and refers back to the metric the box names first, not repeating its label mid-sentence (the quota sweep)', () => {
    // tornado.json with the swing's CI (signed swing): +18,800 t from the parameter's low value to its high.
    const top = { parameter: 'materials.ndpr.demand.growthPerYear', low: 0.0495, high: 0.0905, outputLow: 86_700, outputHigh: 105_500, swing: 18_780, ciLow: 18_510, ciHigh: 19_050,
      leadOverNext: { difference: 13_000, ciLow: 12_700, ciHigh: 13_300 } };
    const next = { parameter: 'materials.ndpr.demand.maxThrift', low: 0.19, high: 0.41, outputLow: 93_000, outputHigh: 98_800, swing: 5_760, ciLow: 5_600, ciHigh: 5_900 };
    const tornado = (metric: string) => [{ metric, unit: 't', base: NaN, entries: [top, next] }];
    const name = (id: string): string => (id === 'ndpr' ? 'NdPr oxide' : id);
    const box = text(renderSweepAnswerBox(sweep, tornado(consumption), overview, name));
    expect(box).toContain('Of the scenario\'s uncertain parameters, NdPr oxide: demand growth per year moves the consumption above most (+18,800 t from 4.95%/yr to 9.05%/yr), clearly more than the next-largest, NdPr oxide: demand thrifting limit (paired run by run; the tornado below).');
    const sentence = box.slice(box.indexOf('Of the scenario'), box.indexOf('below).') + 7);
    expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(45);
    // A tornado of another metric than the box's first line: named in full.
    const other = text(renderSweepAnswerBox({ ...sweep, metric: consumption }, tornado('policyCost.US'), overview, name));
    expect(other).toMatch(/moves Policy cost · US most \(\+18,800 t from/);
    // An older tornado.json (no CI, an unsigned swing): no size given.
    const older = text(renderSweepAnswerBox(sweep, [{ metric: consumption, unit: 't', base: NaN, entries: [{ ...top, ciLow: undefined, ciHigh: undefined, leadOverNext: undefined }] }], overview, name));
    expect(older).toContain('moves the consumption above most (the tornado below).');
  });

  it('says "no change in any run" for a difference that is 0 in every pair, not "not distinguishable"', () => {
    const flat = { ...sweep, rows: sweep.rows.map((r) => (r.metric === 'policyCost.US' && r.vsFirstPoint !== undefined ? { ...r, mean: 567e6, vsFirstPoint: { meanDifference: 0, ciLow: 0, ciHigh: 0 } } : r)) };
    const box = text(renderSweepAnswerBox(flat, undefined, overview, (id) => id));
    expect(box).toContain('Policy cost · US: no change in any run (paired run by run)');
    expect(box).not.toMatch(/USD 0 to USD 0/);
  });

  it('is empty for one point, or without paired differences', () => {
    expect(renderSweepAnswerBox({ ...sweep, rows: sweep.rows.filter((r) => r.point === '0') }, undefined, overview, (id) => id)).toBe('');
    expect(renderSweepAnswerBox({ ...sweep, rows: sweep.rows.map(({ vsFirstPoint: _, ...r }) => r) }, undefined, overview, (id) => id)).toBe('');
  });

  // Rows of a design in another order: `diffs` are each point's paired differences from point 0.
  const design = (values: readonly Record<string, number>[], means: readonly number[], diffs: readonly ([number, number, number] | undefined)[]): SweepTable => ({
    parameters: Object.keys(values[0]), units: { [consumption]: 't' },
    rows: values.map((parameters, i) => ({
      point: String(i), parameters, metric: consumption, mean: means[i], ciLow: means[i] - 1, ciHigh: means[i] + 1,
      ...(diffs[i] === undefined ? {} : { vsFirstPoint: { meanDifference: diffs[i]![0], ciLow: diffs[i]![1], ciHigh: diffs[i]![2] } }),
    })),
  });
  const p = 'government.reversalProbability';

  it('orders the points by the parameter: lowest to highest, not first to last, when the first point holds the highest value', () => {
    // Latin-hypercube draws in draw order (an output written before one-range designs were sorted): 31.3%, 1.43%, 57.6%.
    // Point 2 (the highest) is not point 0, and neither is point 1 (the lowest): no paired figure exists for that pair.
    const unsorted = design([{ [p]: 0.313 }, { [p]: 0.0143 }, { [p]: 0.576 }], [704_000, 704_500, 703_000], [undefined, [500, 400, 600], [-1000, -1100, -900]]);
    const box = text(renderSweepAnswerBox(unsorted, undefined, overview, (id) => id));
    expect(box).toContain('against the first design point (Government: probability of reversing a policy at each election 31.3%), which is neither the lowest value of the parameter (1.43%) nor the highest (57.6%): no paired figure from the lowest to the highest exists here');
    expect(box).not.toContain('paired run by run');
    // Point 0 holds the highest value (a grid typed high to low): the difference from the lowest to it is point 0 − lowest, the lowest's difference negated.
    const descending = design([{ [p]: 0.6 }, { [p]: 0.3 }, { [p]: 0 }], [703_330, 704_000, 705_000], [undefined, [670, 500, 800], [1670, 1420, 1930]]);
    const flipped = text(renderSweepAnswerBox(descending, undefined, overview, (id) => id));
    expect(flipped).toContain('From the lowest value of Government: probability of reversing a policy at each election (0%) to the highest (60%), over 3 points:');
    expect(flipped).toContain('−1,670 t, 0.24% of 705,000 t (95% CI −1,930 t to −1,420 t, paired run by run)');
  });

  it('says "corner to corner" for a full-factorial grid of several parameters', () => {
    const q = 'materials.graphite.demand.growthPerYear';
    const grid = design([{ [p]: 0, [q]: 0.02 }, { [p]: 0, [q]: 0.05 }, { [p]: 0.6, [q]: 0.02 }, { [p]: 0.6, [q]: 0.05 }], [705_000, 706_000, 703_000, 704_000], [undefined, [1000, 900, 1100], [-2000, -2100, -1900], [-1000, -1100, -900]]);
    const box = text(renderSweepAnswerBox(grid, undefined, overview, (id) => id));
    expect(box).toMatch(/From one corner of the grid \(Government: probability of reversing a policy at each election 0%, [^)]*2%\/yr\) to the opposite corner \(Government: probability of reversing a policy at each election 60%, [^)]*5%\/yr\), all 2 swept parameters changing together, over 4 points \(not the effect of any one of them/);
    expect(box).toContain('−1,000 t, 0.14% of 705,000 t (95% CI −1,100 t to −900 t, paired run by run)');
  });

  it('singles out no pair of a Latin hypercube over several parameters, and points to the table and the tornado', () => {
    const q = 'materials.graphite.demand.growthPerYear';
    const lhs = design([{ [p]: 0.31, [q]: 0.021 }, { [p]: 0.05, [q]: 0.047 }, { [p]: 0.52, [q]: 0.033 }], [705_000, 706_000, 703_000], [undefined, [1000, 900, 1100], [-2000, -2100, -1900]]);
    const box = text(renderSweepAnswerBox(lhs, undefined, overview, (id) => id));
    expect(box).toContain('The 3 design points vary 2 parameters at once (a Latin hypercube): no two of them contrast one parameter, so no pair is singled out here.');
    expect(box).not.toMatch(/From |paired run by run/);
    // An older folder without paired differences gets no box.
    expect(renderSweepAnswerBox({ ...lhs, rows: lhs.rows.map(({ vsFirstPoint: _, ...r }) => r) }, undefined, overview, (id) => id)).toBe('');
  });

  it('keeps the two-point wording, with no shape line, when the sweep has two points', () => {
    const two = design([{ [p]: 0 }, { [p]: 0.6 }], [705_000, 703_330], [undefined, [-1670, -1930, -1420]]);
    const box = text(renderSweepAnswerBox({ ...two, counts: { [consumption]: { 0: 20, 1: 20 } } }, undefined, overview, (id) => id));
    expect(box).toContain('From the lowest value of Government: probability of reversing a policy at each election (0%) to the highest (60%), over 2 points: Consumption (received) · graphite · end use · US: −1,670 t, 0.24% of 705,000 t (95% CI −1,930 t to −1,420 t, paired run by run)');
    expect(box).not.toMatch(/Across all|Step by step/);
  });

  it('describes the shape across every point after the metric\'s own line: an interior best the two ends hide', () => {
    // A stockpile sweep as the audit's: 0 → 120 days is +204 t, but 90 days gives more (+249 t), clearly more than 60 days (+22 t).
    const days = 'events.usStockpileNdpr.targetDays';
    const grid = design([0, 30, 60, 90, 120].map((d) => ({ [days]: d })), [96_670, 96_700, 96_692, 96_919, 96_874],
      [undefined, [29.6, -8.8, 68.0], [22.3, -9.0, 53.6], [249.4, 165.3, 333.5], [204.1, 143.6, 264.6]]);
    // The points' own CIs as wide as the run-to-run spread (±2,700 t), so the paired differences bound each step.
    const stock = { ...grid, rows: grid.rows.map((r) => ({ ...r, ciLow: r.mean - 2700, ciHigh: r.mean + 2700 })) };
    const all = Object.fromEntries(['0', '1', '2', '3', '4'].map((point) => [point, 20]));
    const box = text(renderSweepAnswerBox({ ...stock, counts: { [consumption]: all } }, undefined, overview, (id) => id));
    expect(box).toContain('over 5 points: Consumption (received) · graphite · end use · US: +204 t, 0.21% of 96,700 t (95% CI +144 t to +265 t, paired run by run) Across all 5 points: not monotone; best (highest mean) at 90 days');
    // 60 → 90: +227 t ± (31.3 + 84.1) is clear; 90 → 120: −45 t ± (84.1 + 60.5) is not.
    expect(box).toContain('clearly better than at 60 days and not clearly better than at 120 days: no clear interior best with these runs.');
    expect(box).toContain('60 days → 90 days +227 t (clear); 90 days → 120 days −45 t (not clear)');
    // Without each point's n (an older folder) the steps between later points cannot be bounded: not guessed.
    const older = text(renderSweepAnswerBox(stock, undefined, overview, (id) => id));
    expect(older).toContain('30 days → 60 days not known from these outputs');
    expect(older).toContain('0 days → 30 days +30 t (not clear)');
  });

  it('writes a share under 0.01% as <0.01%, not 0.000000016%', () => {
    const tiny = design([{ [p]: 0.0143 }, { [p]: 0.313 }], [334_000, 334_000], [undefined, [-0.0000548, -0.000253, 0.000144]]);
    const box = renderSweepAnswerBox(tiny, undefined, overview, (id) => id);
    expect(text(box)).toContain('&lt;0.01% of 334,000 t');
    expect(box).not.toMatch(/0\.0000/);
  });
});
