import { describe, expect, it } from 'vitest';
import { stockpileShapePoints } from './sweepReportFixtures.ts';
import { computeSweepStep } from '../../src/report/computeSweepStep.ts';
import { describeSweepShape, type ShapePoint } from '../../src/report/describeSweepShape.ts';
import type { SweepRow } from '../../src/report/readSweepCsv.ts';

const metric = 'cumulativeConsumption.ndpr.endUse.US';
const points = (diffs: readonly [number, number, number][]): ShapePoint[] => stockpileShapePoints(metric, diffs);

describe('computeSweepStep', () => {
  const row = (point: string, mean: number, half: number, d?: [number, number, number]): SweepRow => ({
    point, parameters: {}, metric, mean, ciLow: mean - half, ciHigh: mean + half,
    ...(d === undefined ? {} : { vsFirstPoint: { meanDifference: d[0], ciLow: d[1], ciHigh: d[2] } }),
  });
  it('takes the sweep\'s paired interval when one end is point 0, its sign turned when point 0 is the end', () => {
    const [zero, one] = [row('0', 100, 50), row('1', 110, 50, [10, 4, 16])];
    expect(computeSweepStep(zero, one, '0', true)).toEqual({ mean: 10, low: 4, high: 16, kind: 'paired' });
    expect(computeSweepStep(one, zero, '0', true)).toEqual({ mean: -10, low: -16, high: -4, kind: 'paired' });
  });
  it('bounds a step between two later points by the sum of half-widths, the narrower of the paired and the points\' own', () => {
    // D2 − D1 = 30; paired half-widths 6 + 5 = 11 (own: 50 + 50 = 100): 30 ± 11.
    const [one, two] = [row('1', 110, 50, [10, 4, 16]), row('2', 140, 50, [40, 35, 45])];
    expect(computeSweepStep(one, two, '0', true)).toEqual({ mean: 30, low: 19, high: 41, kind: 'bound' });
    // Own intervals narrower than the paired ones (a metric that barely varies run to run): they bound it.
    const [a, b] = [row('1', 110, 1, [10, -40, 60]), row('2', 140, 2, [40, -10, 90])];
    expect(computeSweepStep(a, b, '0', true)).toEqual({ mean: 30, low: 27, high: 33, kind: 'bound' });
    // Not every run defines the metric: the intervals are over different runs, so no bound.
    expect(computeSweepStep(one, two, '0', false)).toBeUndefined();
  });
});

describe('describeSweepShape', () => {
  it('says a metric that rises clearly at every step has not levelled off', () => {
    // Steps: 0→30 paired [80, 120]; 30→60 +100 ± (20 + 25); 60→90 +100 ± (25 + 30): all clear of 0.
    const text = describeSweepShape(points([[100, 80, 120], [200, 175, 225], [300, 270, 330]]), '0', true, 'higher', 't');
    expect(text).toContain('Across all 4 points: rises at every step, each step clear: no levelling off between 0 days and 90 days.');
    expect(text).toContain('Step by step: 0 days → 30 days +100 t (clear); 30 days → 60 days +100 t (clear); 60 days → 90 days +100 t (clear).');
    expect(text).not.toContain('not clear');
  });

  it('says where the gains stop being clear when later steps level off, and whether the rest together still moves', () => {
    // 30→60: +80 ± 40 (clear); 60→90: +20 ± 45; 90→120: +5 ± 50; 60→120 together: +25 ± 45 (none clear).
    const flat = describeSweepShape(points([[100, 80, 120], [180, 160, 200], [200, 175, 225], [205, 180, 230]]), '0', true, 'higher', 't');
    expect(flat).toContain('Across all 5 points: rises clearly at each step up to 60 days; beyond it neither any single step nor 60 days → 120 days together (+25 t) is clear: the gains level off after 60 days, as far as these runs show.');
    expect(flat).toContain('60 days → 90 days +20 t (not clear); 90 days → 120 days +5 t (not clear)');
    // "Not clear" between later points rests on a bound: said so.
    expect(flat).toContain('the outputs allow only a conservative CI, wider than a paired one: "not clear" there may hide a real step');
    // Each later step unclear, but 60→120 together +70 ± 40 is clear: not called a plateau (the quota sweep of REPORT.md).
    const creeping = describeSweepShape(points([[100, 80, 120], [180, 160, 200], [215, 195, 235], [250, 230, 270]]), '0', true, 'higher', 't');
    expect(creeping).toContain('Across all 5 points: rises clearly at each step up to 60 days and keeps rising beyond it: 60 days → 120 days together is clearly +70.0 t, though no single later step is clear on its own.');
    expect(creeping).not.toContain('level off');
    // A cost that keeps rising is a loss, not a gain.
    // One step after the last clear one: no "together" that would repeat it.
    expect(describeSweepShape(points([[100, 80, 120], [180, 160, 200], [200, 175, 225]]), '0', true, 'lower', 't')).toContain('rises clearly at each step up to 60 days; the last step, 60 days → 90 days, is not clear: the losses level off after 60 days, as far as these runs show. Step by step');
  });

  it('says where the gains set in when no step is clear up to a point and every step is from it on', () => {
    // 0→30 +5 ± 15, 30→60 +5 ± 30, 0→60 together +10 ± 15: none clear; 60→90 +90 ± 25, 90→120 +100 ± 20: clear.
    const late = describeSweepShape(points([[5, -10, 20], [10, -5, 25], [100, 90, 110], [200, 190, 210]]), '0', true, 'higher', 't');
    expect(late).toContain('Across all 5 points: rises clearly at each step from 60 days on; before it neither any single step nor 0 days → 60 days together (+10 t) is clear: the gains set in after 60 days, as far as these runs show.');
    expect(late).not.toContain('overall in the means');
    // 0→60 together +20 ± 10 is clear though neither of its steps is: not called a threshold.
    const early = describeSweepShape(points([[10, -5, 25], [20, 10, 30], [100, 90, 110], [200, 190, 210]]), '0', true, 'higher', 't');
    expect(early).toContain('Across all 5 points: rises clearly at each step from 60 days on, and before it too as a whole: 0 days → 60 days together is clearly +20.0 t, though no single earlier step is clear on its own.');
    expect(early).not.toContain('set in');
    // Only the first step unclear; a cost that rises is a loss.
    expect(describeSweepShape(points([[5, -10, 20], [100, 90, 110], [200, 190, 210]]), '0', true, 'lower', 't'))
      .toContain('Across all 4 points: rises clearly at each step from 30 days on; the first step, 0 days → 30 days, is not clear: the losses set in after 30 days, as far as these runs show.');
  });

  it('says a step that changes nothing in any run in words, not as a bare 0, and the losses as setting in after it (the graphite sweep)', () => {
    // 0→30 exactly 0 in every run; 30→60 −100 ± (0 + 10) and 60→90 −100 ± (10 + 10): clear. A consumption (higher is better) that falls: losses.
    const text = describeSweepShape(points([[0, 0, 0], [-100, -110, -90], [-200, -210, -190]]), '0', true, 'higher', 't');
    expect(text).toContain('Across all 4 points: falls clearly at each step from 30 days on; the first step, 0 days → 30 days, changes it in no run: the losses set in after 30 days, as far as these runs show.');
    expect(text).toContain('Step by step: 0 days → 30 days no change in any run; 30 days → 60 days −');
    expect(text).not.toMatch(/ 0 \(none in any run\)/);
    // The definition of "clear" names what it is said of.
    expect(text).toContain('(Clear: a step whose 95% CI excludes 0.)');
    expect(describeSweepShape(points([[100, 80, 120], [200, 175, 225]]), '0', true, 'higher', 't')).toContain('(Clear: a step whose 95% CI');
  });

  it('names the clear steps when they are scattered and too many steps to list', () => {
    // 7 steps: clear at 0→30, 60→90 and 120→150 only.
    const text = describeSweepShape(points([[100, 90, 110], [105, 95, 115], [200, 190, 210], [205, 195, 215], [300, 290, 310], [305, 295, 315], [310, 300, 320]]), '0', true, 'higher', 't');
    expect(text).toContain('clear at 3 of 7 steps (0 days → 30 days, 60 days → 90 days, 120 days → 150 days).');
    expect(text).not.toContain('Step by step');
  });

  it('names an interior best and says whether it is clearly better than both neighbours', () => {
    // 30→60: +200 ± 40, 60→90: −150 ± 40: 60 days is clearly above both.
    const peak = describeSweepShape(points([[100, 80, 120], [300, 280, 320], [150, 130, 170]]), '0', true, 'higher', 't');
    expect(peak).toContain('Across all 4 points: not monotone; best (highest mean) at 60 days (1,300 t), clearly better than both neighbours (30 days, 90 days): an interior best.');
    // The same means with a wide paired spread at 90 days: 60→90 is −150 ± (20 + 200), not clear.
    const unsure = describeSweepShape(points([[100, 80, 120], [300, 280, 320], [150, -50, 350]]), '0', true, 'higher', 't');
    expect(unsure).toContain('best (highest mean) at 60 days (1,300 t), clearly better than at 30 days and not clearly better than at 90 days: no clear interior best with these runs.');
    // Lower is better (a shortfall): the lowest mean, here 0 days, an end.
    expect(describeSweepShape(points([[100, 80, 120], [300, 280, 320], [150, 130, 170]]), '0', true, 'lower', 't'))
      .toContain('not monotone; best (lowest mean) at 0 days (1,000 t), an end of the range; clear at 3 of 3 steps.');
  });

  it('reads no shape from a flat metric', () => {
    const noisy = describeSweepShape(points([[5, -20, 30], [-3, -30, 24], [4, -25, 33]]), '0', true, 'higher', 't');
    expect(noisy).toContain('Across all 4 points: no step from one point to the next is clear, nor the change from the lowest value to the highest: no shape can be read from these runs.');
    expect(noisy).not.toMatch(/best|rises|falls/);
    const still = describeSweepShape(points([[0, 0, 0], [0, 0, 0], [0, 0, 0]]).map((p) => ({ ...p, row: { ...p.row, mean: 1000, ciLow: -2000, ciHigh: 4000 } })), '0', true, 'higher', 't');
    expect(still).toBe('Across all 4 points: the same at every point in every run (paired run by run).');
  });

  it('says nothing for two points, and says a step is not known when not every run defines the metric', () => {
    expect(describeSweepShape(points([[100, 80, 120]]), '0', true, 'higher', 't')).toBe('');
    const partial = describeSweepShape(points([[100, 80, 120], [300, 280, 320], [150, 130, 170]]), '0', false, 'higher', 't');
    expect(partial).toContain('30 days → 60 days not known from these outputs');
    // The step from point 0 stays the sweep's paired one.
    expect(partial).toContain('0 days → 30 days +100 t (clear)');
  });
});
