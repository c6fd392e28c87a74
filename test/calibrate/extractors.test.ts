import { describe, expect, it } from 'vitest';
import { monthsToPeak, multipleAfterPeak, peakMultiple, ratioAtPeak, shareOfPeakLeft } from '../../src/calibrate/extractors/peakExtractors.ts';
import { firstMonthDrop, flowRatio, maxAbsLogChange, maxDecline, varianceRatio } from '../../src/calibrate/extractors/flowExtractors.ts';
import { maxDeviationFromControl, peakRatioToControl, ratioToControl } from '../../src/calibrate/extractors/controlExtractors.ts';
import { fakeRun } from './runSeriesFixture.ts';

// Weekly ticks from 2010: a price at 1 until tick 26 (2010.5), rising linearly to 20 at tick 78
// (2011.5), then falling linearly to 2 at tick 156 (2013.0) and flat after.
const price = (t: number) => (t < 26 ? 1 : t <= 78 ? 1 + (19 * (t - 26)) / 52 : t <= 156 ? 20 - (18 * (t - 78)) / 78 : 2);
const run = fakeRun({ price, inside: () => 4, flow: (t) => (t >= 52 && t < 56 ? 30 : 10), noisy: (t) => (t % 2 === 0 ? 12 : 8), calm: (t) => (t % 2 === 0 ? 11 : 9) });
const window: [string, string] = ['2010-07', '2013-01'];

describe('peak extractors', () => {
  it('peak multiple: the largest value over the baseline mean', () => {
    expect(peakMultiple(run, { series: 'price', baseline: ['2010-01', '2010-06'], window })).toBeCloseTo(20, 9);
  });
  it('months to peak: from the shock date to the peak tick', () => {
    expect(monthsToPeak(run, { series: 'price', from: '2010-07', window })).toBeCloseTo(12, 0);
  });
  it('share of the peak left N months after it', () => {
    // 6 months = 26 ticks after tick 78: 20 − 18·26/78 = 14
    expect(shareOfPeakLeft(run, { series: 'price', window, afterMonths: 6 })).toBeCloseTo(14 / 20, 9);
    expect(shareOfPeakLeft(run, { series: 'price', window, afterMonths: 120 })).toBeNaN();
  });
  it('multiple of the baseline N months after the peak', () => {
    expect(multipleAfterPeak(run, { series: 'price', baseline: ['2010-01', '2010-06'], window, afterMonths: 24 })).toBeCloseTo(2, 9);
  });
  it('ratio of two series at the peak of the first, and later', () => {
    expect(ratioAtPeak(run, { series: 'price', denominator: 'inside', window, afterMonths: 0 })).toBeCloseTo(5, 9);
    expect(ratioAtPeak(run, { series: 'price', denominator: 'inside', window, afterMonths: 6 })).toBeCloseTo(3.5, 9);
  });
});

describe('flow extractors', () => {
  it('flow ratio: window mean over the denominator window mean (times a factor)', () => {
    expect(flowRatio(run, { series: 'flow', window: ['2011-01', '2011-01-29'], denominatorWindow: ['2010-01', '2010-12'], denominatorFactor: 1 })).toBeCloseTo(3, 9);
    expect(flowRatio(run, { series: 'flow', window: ['2010-01', '2010-12'], denominatorWindow: ['2010-01', '2010-12'], denominatorFactor: 0.5 })).toBeCloseTo(2, 9);
  });
  it('first-month drop against the month before', () => {
    const drop = fakeRun({ x: (t) => (t < 52 ? 100 : 10) }); // falls from 100 to 10 on 1 Jan 2011 (tick 52)
    expect(firstMonthDrop(drop, { series: 'x', month: '2011-01' })).toBeCloseTo(0.9, 9);
    expect(firstMonthDrop(drop, { series: 'x', month: '2011-02' })).toBeCloseTo(0, 9);
  });
  it('largest decline below the baseline', () => {
    expect(maxDecline(run, { series: 'price', baseline: ['2013-01', '2013-06'], window: ['2013-01', '2014-01'] })).toBeCloseTo(0, 9);
    const intensity = fakeRun({ h: (t) => (t < 52 ? 1 : Math.max(0.7, 1 - 0.01 * (t - 52))) });
    expect(maxDecline(intensity, { series: 'h', baseline: ['2010-01', '2010-07'], window: ['2011-01', '2014-01'] })).toBeCloseTo(0.3, 9);
  });
  it('largest log change from the baseline mean', () => {
    expect(maxAbsLogChange(run, { series: 'calm', baseline: ['2010-01', '2011-01'], window: ['2010-01', '2011-01'] })).toBeCloseTo(Math.log(10 / 9), 9);
  });
  it('variance ratio of two series', () => {
    expect(varianceRatio(run, { series: 'noisy', denominator: 'calm', window: ['2010-01', '2012-01'] })).toBeCloseTo(4, 9);
  });
});

describe('control extractors', () => {
  const control = fakeRun({ price: () => 100, output: () => 10 });
  const shocked = fakeRun({ price: (t) => (t === 60 ? 101 : 100), output: (t) => (t === 60 ? 5 : 10) });
  it('largest |ln| deviation from the paired control', () => {
    expect(maxDeviationFromControl(shocked, control, { series: 'price', window: ['2011-01', '2012-01'] })).toBeCloseTo(Math.log(1.01), 9);
    expect(maxDeviationFromControl(control, control, { series: 'price', window: ['2011-01', '2012-01'] })).toBe(0);
  });
  it('largest ratio to the control', () => {
    expect(peakRatioToControl(shocked, control, { series: 'price', window: ['2011-01', '2012-01'] })).toBeCloseTo(1.01, 12);
    expect(peakRatioToControl(shocked, control, { series: 'output', window: ['2011-01', '2012-01'] })).toBe(1);
  });
  it('mean over a window relative to the control', () => {
    // tick 60 starts at 2010 + 60/52
    expect(ratioToControl(shocked, control, { series: 'output', window: [2010 + 60 / 52, 2010 + 61 / 52] })).toBeCloseTo(0.5, 9);
  });
});
