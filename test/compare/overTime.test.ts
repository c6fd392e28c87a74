import { describe, expect, it } from 'vitest';
import { computeOverTime, splitKeptValues } from '../../src/compare/computeOverTime.ts';
import { computePairedDifference } from '../../src/compare/computePairedDifference.ts';
import { formatOverTimeCsv, OVER_TIME_CSV_HEADER } from '../../src/compare/formatOverTimeCsv.ts';
import { chooseOverTimeTargets, extractOverTime, planOverTimeSeries, type OverTimePlan } from '../../src/compare/planOverTimeSeries.ts';
import { armKey } from '../../src/compare/armCache.ts';
import { compileScenario, type ScenarioSpec } from '../../sim-core/index.ts';
import { smallBaseline } from '../sim-core/engineHelpers.ts';

const base = smallBaseline(2, 4);
const home = base.government.region;
const foreign = base.foreignActor.region;
const [first, second] = base.materials.map((m) => m.id);

describe('chooseOverTimeTargets', () => {
  it('follows the materials the disruptions target, at the stage they strike, in the reference material order', () => {
    const threat: ScenarioSpec = { ...base, events: [{ kind: 'exportControl', material: second, stage: 'manufacturing', exporter: foreign, mode: 'quota', quotaShare: 0.5, start: 0.25 }] };
    const policy: ScenarioSpec = { ...threat, events: [...threat.events, { kind: 'stockpile', material: first, region: home, doctrine: 'daysOfConsumption', targetDays: 30, start: 0 } as ScenarioSpec['events'][number]] };
    // The policy's material is not disrupted: only the threat's is followed.
    expect(chooseOverTimeTargets([threat, policy])).toEqual([{ material: second, priceStage: 'manufacturing' }]);
  });

  it('keeps the price of every other traded stage the events strike, or a compared stockpile or tariff acts at, upstream first', () => {
    const quota = (stage: 'processing' | 'manufacturing') => ({ kind: 'exportControl', material: second, stage, exporter: foreign, mode: 'quota', quotaShare: 0.5, start: 0.25 }) as ScenarioSpec['events'][number];
    const both: ScenarioSpec = { ...base, events: [quota('manufacturing'), quota('processing')] };
    expect(chooseOverTimeTargets([both])).toEqual([{ material: second, priceStage: 'processing', otherPriceStages: ['manufacturing'] }]);
    const oxide: ScenarioSpec = { ...base, events: [quota('processing')] };
    const magnetStockpile: ScenarioSpec = { ...oxide, events: [...oxide.events, { kind: 'stockpile', material: second, region: home, stage: 'manufacturing', doctrine: 'daysOfConsumption', targetDays: 30, start: 0 } as ScenarioSpec['events'][number]] };
    expect(chooseOverTimeTargets([oxide, magnetStockpile])).toEqual([{ material: second, priceStage: 'processing', otherPriceStages: ['manufacturing'] }]);
    // The plan keeps both prices, the quoted one first.
    const plan = planOverTimeSeries(compileScenario({ ...both, years: 1, ticksPerYear: 52 }), chooseOverTimeTargets([both]));
    // The other stage under a measure of its own: a reader keyed on strategy, material and measure keeps the refined price apart.
    expect(plan.series.filter((s) => s.measure === 'price' || s.measure === 'otherStagePrice').map((s) => [s.measure, s.stage, s.rows.length]))
      .toEqual([['price', 'processing', 1], ['otherStagePrice', 'manufacturing', 1]]);
  });

  it('falls back to any event material, then to the first material', () => {
    const policy: ScenarioSpec = { ...base, events: [{ kind: 'stockpile', material: second, region: home, doctrine: 'daysOfConsumption', targetDays: 30, start: 0 } as ScenarioSpec['events'][number]] };
    expect(chooseOverTimeTargets([base, policy])).toEqual([{ material: second, priceStage: 'processing' }]);
    expect(chooseOverTimeTargets([base, base])).toEqual([{ material: first, priceStage: 'processing' }]);
  });
});

describe('planOverTimeSeries and extractOverTime', () => {
  it('cuts weekly ticks into calendar months and averages each month', () => {
    const compiled = compileScenario({ ...base, years: 2, ticksPerYear: 52, startYear: 2025 });
    const plan = planOverTimeSeries(compiled, [{ material: first, priceStage: 'processing' }]);
    expect(plan.periods).toHaveLength(24);
    expect(plan.periods.map((p) => p.label).slice(0, 3)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(plan.periods[23].label).toBe('2026-12');
    // Every tick in exactly one month, in order; weekly months hold 4 or 5 weeks.
    expect(plan.periods[0].startTick).toBe(0);
    for (let i = 1; i < plan.periods.length; i++) expect(plan.periods[i].startTick).toBe(plan.periods[i - 1].endTick);
    expect(plan.periods[23].endTick).toBe(104);
    for (const p of plan.periods) {
      expect([4, 5]).toContain(p.endTick - p.startTick);
      expect(p.weeks).toBe(p.endTick - p.startTick);
    }
    expect(plan.series.map((s) => s.measure)).toEqual(['consumption', 'price', 'stockpile']);
    expect(plan.series[2].rows).toHaveLength(2); // refined and components

    const T = compiled.layout.ticks;
    const series = new Float64Array(compiled.layout.series.length * T);
    const [consumptionRow] = plan.series[0].rows;
    for (let t = 0; t < T; t++) series[consumptionRow * T + t] = t; // value = tick index
    const kept = extractOverTime(plan, series, T);
    expect(kept).toHaveLength(3 * 24);
    const { startTick, endTick } = plan.periods[1];
    expect(kept[1]).toBeCloseTo((startTick + endTick - 1) / 2, 12); // the mean of the month's tick indices
  });

  it('keeps monthly ticks whole and gives NaN for a material an arm lacks', () => {
    const compiled = compileScenario({ ...base, years: 1, ticksPerYear: 12 });
    const plan = planOverTimeSeries(compiled, [{ material: 'unobtainium', priceStage: 'processing' }]);
    expect(plan.periods).toHaveLength(12);
    for (const p of plan.periods) expect(p.weeks).toBeCloseTo(52 / 12, 12); // a monthly tick covers 4.33 weeks, not 1
    expect(plan.series.every((s) => s.rows.length === 0)).toBe(true);
    const kept = extractOverTime(plan, new Float64Array(compiled.layout.series.length * 12), 12);
    expect([...kept].every(Number.isNaN)).toBe(true);
  });
});

describe('computeOverTime', () => {
  const plan: OverTimePlan = {
    series: [{ material: 'm', measure: 'consumption', stage: 'endUse', region: 'US', unit: 't/week', rows: [0] }],
    periods: [{ label: '2025-01', year: 2025.04, weeks: 4, startTick: 0, endTick: 4 }, { label: '2025-02', year: 2025.12, weeks: 4, startTick: 4, endTick: 8 }],
  };
  const reference = [[1, 10], [2, 20], [3, 30], [4, 40]].map((v) => Float64Array.from(v));
  const alternative = [[1.5, 9], [2.1, 19], [3.9, 31], [4.2, 38]].map((v) => Float64Array.from(v));

  it('gives each strategy its quantiles and each alternative its paired difference from the reference', () => {
    const rows = computeOverTime(plan, [{ label: 'ref', values: reference }, { label: 'alt', values: alternative }], 0.95);
    expect(rows.map((r) => `${r.strategy} ${r.period}`)).toEqual(['ref 2025-01', 'ref 2025-02', 'alt 2025-01', 'alt 2025-02']);
    expect(rows[0].median).toBe(2.5);
    expect(rows[0].runs).toBe(4);
    expect(Number.isNaN(rows[0].meanDifference)).toBe(true);
    const expected = computePairedDifference([10, 20, 30, 40], [9, 19, 31, 38], 'none', 0.95);
    expect([rows[3].meanDifference, rows[3].ciLow, rows[3].ciHigh]).toEqual([expected.meanDifference, expected.ciLow, expected.ciHigh]);
    expect(rows[3].median).toBe(25);
    // For both months at once: each at 1 − 0.05/2 (Bonferroni), wider than the month's own interval.
    const both = computePairedDifference([10, 20, 30, 40], [9, 19, 31, 38], 'none', 0.975);
    expect([rows[3].simultaneousCiLow, rows[3].simultaneousCiHigh]).toEqual([both.ciLow, both.ciHigh]);
    expect(rows[3].simultaneousCiLow).toBeLessThan(rows[3].ciLow);
    expect(Number.isNaN(rows[0].simultaneousCiLow)).toBe(true);
    // Consumption (t/week): the paired tonnes from each month to the end, summed run by run: (−1, −1, +1, −2) × 4 from Feb; plus (0.5, 0.1, 0.9, 0.2) × 4 from Jan.
    const fromFeb = [-4, -4, 4, -8];
    const fromJan = fromFeb.map((v, r) => v + [0.5, 0.1, 0.9, 0.2][r] * 4);
    const interval = (values: number[]) => computePairedDifference(values.map(() => 0), values, 'none', 0.95);
    expect([rows[3].differenceToEnd, rows[3].differenceToEndCiLow, rows[3].differenceToEndCiHigh]).toEqual([interval(fromFeb).meanDifference, interval(fromFeb).ciLow, interval(fromFeb).ciHigh]);
    expect(rows[2].differenceToEnd).toBeCloseTo(interval(fromJan).meanDifference, 12);
    expect(rows[2].differenceToEndCiLow).toBeCloseTo(interval(fromJan).ciLow, 12);
    // It is the months' mean differences × weeks, summed; the interval is not the months' intervals added.
    expect(rows[2].differenceToEnd).toBeCloseTo((rows[2].meanDifference + rows[3].meanDifference) * 4, 12);
    expect(Number.isNaN(rows[0].differenceToEnd)).toBe(true);
  });

  it('refuses arms whose values do not match the plan or the reference', () => {
    expect(() => computeOverTime(plan, [{ label: 'ref', values: reference }, { label: 'alt', values: alternative.slice(1) }], 0.95)).toThrow(/3 replicates/);
    expect(() => computeOverTime(plan, [{ label: 'ref', values: [Float64Array.of(1)] }], 0.95)).toThrow(/keeps 1 values/);
  });

  it('formats a tidy CSV with empty fields for the reference differences', () => {
    const text = formatOverTimeCsv(computeOverTime(plan, [{ label: 'ref', values: reference }, { label: 'alt', values: alternative }], 0.95));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(OVER_TIME_CSV_HEADER);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^ref,m,consumption,endUse,US,t\/week,2025-01,2025\.04,4,4,2\.5,[\d.]+,[\d.]+,,,,,,,,$/);
    expect(lines[4].split(',')[13]).toBe(String(-0.75));
  });
});

describe('splitKeptValues and the --resume key', () => {
  it('trims results to the layout summaries and hands back what follows', () => {
    const { results, kept } = splitKeptValues([{ replicate: 0, series: new Float64Array(0), summaries: Float64Array.of(1, 2, 3, 4, 5) }], 3);
    expect([...results[0].summaries]).toEqual([1, 2, 3]);
    expect([...kept[0]]).toEqual([4, 5]);
  });

  it('keys arms sent with other task data apart, and arms without it as before', () => {
    const compiled = compileScenario(base);
    const plain = armKey(compiled, 1, 4, 'summaryOnlyWorker');
    expect(armKey(compiled, 1, 4, 'summaryOnlyWorker', undefined)).toBe(plain);
    const a = armKey(compiled, 1, 4, 'overTimeWorker', { overTimeTargets: [{ material: first, priceStage: 'processing' }] });
    const b = armKey(compiled, 1, 4, 'overTimeWorker', { overTimeTargets: [{ material: second, priceStage: 'processing' }] });
    expect(a).not.toBe(b);
  });
});
