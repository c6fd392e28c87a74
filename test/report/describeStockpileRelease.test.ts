import { describe, expect, it } from 'vitest';
import { describeSoldByTriggerNote, describeStockpileRelease, describeStockpileUse, measureDisruptionUse, measureRelease, stockpileReleaseSeries } from '../../src/report/describeStockpileRelease.ts';
import type { MetricSummary, SummaryMetrics } from '../../src/report/readSummaryJson.ts';
import type { ScenarioOverview } from '../../src/report/readScenarioOverview.ts';
import { type SeriesFan, seriesKey } from '../../src/report/readSeriesCsv.ts';

const overview = (stage?: string): ScenarioOverview => ({
  name: 's', description: '', startYear: 2025, years: 1, ticksPerYear: 52, homeRegion: 'US', foreignRegion: 'CN',
  regions: [{ id: 'US', name: 'United States', alignment: 'home' }, { id: 'CN', name: 'China', alignment: 'adversary' }],
  materials: [{ id: 'cobalt', name: 'Cobalt', priceUnit: 'USD/t', basePriceUsdPerTonne: {}, demandByRegion: {}, capacityByStage: {} }],
  events: [{ id: 'pile', kind: 'stockpile', start: 0, end: NaN, announced: NaN, fields: { material: 'cobalt', region: 'US', ...(stage === undefined ? {} : { stage }) } }],
  threat: [], document: {},
});

/** Ten weeks: end users short (20 of 100 t/week) on weeks 3 to 6, and the stockpile's stock as given. */
function fans(stock: number[], stage = 'processing'): Map<string, SeriesFan> {
  const fan = (metric: string, s: string, values: number[]): SeriesFan => ({
    metric, material: 'cobalt', stage: s, region: 'US', year: values.map((_, t) => 2025 + t / 52), p5: values, p25: values, p50: values, p75: values, p95: values,
  });
  const shortfall = [0, 0, 0, 20, 20, 20, 20, 0, 0, 0];
  return new Map([fan('stockpile', stage, stock), fan('shortfall', 'endUse', shortfall), fan('demand', 'endUse', shortfall.map(() => 100))].map((f) => [seriesKey(f), f]));
}

describe('describeStockpileRelease', () => {
  it('says when a refined stockpile held its stock through its end users\' shortage, and points to G10 and components', () => {
    const [sentence, ...rest] = describeStockpileRelease(overview(), fans([1000, 1000, 1000, 1000, 990, 985, 980, 980, 500, 0]));
    expect(rest).toEqual([]);
    expect(sentence).toContain('The refined cobalt stockpile of the United States released little while end users there were short: 20 t, 2% of the 1,000 t it held when they first went short, over the 4 weeks they were short');
    expect(sentence).toContain('It sold 980 t after the shortage ended.');
    expect(sentence).toContain('G10');
    expect(sentence).toContain('stage: manufacturing');
  });

  it('says nothing of a stockpile that released a good part of its stock while they were short (control: the same stock held back is named)', () => {
    expect(describeStockpileRelease(overview(), fans([1000, 1000, 1000, 1000, 900, 800, 700, 700, 700, 700]))).toEqual([]);
    expect(describeStockpileRelease(overview(), fans([1000, 1000, 1000, 1000, 990, 980, 970, 970, 970, 970]))).toHaveLength(1);
  });

  it('says nothing of a stockpile that had sold its stock before the shortage, nor when end users were never short', () => {
    expect(describeStockpileRelease(overview('manufacturing'), fans([1000, 600, 200, 0, 0, 0, 0, 0, 0, 0], 'manufacturing'))).toEqual([]);
    const never = fans([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    never.get('shortfall|cobalt|endUse|US')!.p50.fill(0);
    expect(describeStockpileRelease(overview(), never)).toEqual([]);
  });

  it('reads a component stockpile from its own series and words its release rule', () => {
    const [sentence] = describeStockpileRelease(overview('manufacturing'), fans([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000], 'manufacturing'));
    expect(sentence).toContain('The component cobalt stockpile');
    expect(sentence).toContain('releaseShortfallShare');
    expect(describeStockpileRelease(overview('manufacturing'), fans([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]))).toEqual([]); // refined series only
  });

  it('asks for the stock, shortfall and demand series of each stockpile event', () => {
    expect(stockpileReleaseSeries(overview()).map(seriesKey)).toEqual(['stockpile|cobalt|processing|US', 'shortfall|cobalt|endUse|US', 'demand|cobalt|endUse|US']);
  });
});

describe('describeSoldByTriggerNote', () => {
  /** summary.json with the given means of the refined (or component) cobalt stockpile's sales by trigger. */
  const summary = (shortage: number, priceSpike: number, steady: number, stage = 'processing'): SummaryMetrics => new Map(
    [['stockpileShortageReleaseTonnes', shortage], ['stockpilePriceSpikeReleaseTonnes', priceSpike], ['stockpileSteadyReleaseTonnes', steady]]
      .map(([metric, mean]) => [`${metric}.cobalt.${stage}.US`, { unit: 't', mean } as MetricSummary]));

  it('appends what each stockpile sold by trigger to its sentence, from summary.json, triggers that sold nothing left out', () => {
    const [sentence] = describeStockpileRelease(overview(), fans([1000, 1000, 1000, 1000, 990, 985, 980, 980, 500, 0]), summary(20, 960, 0));
    expect(sentence).toMatch(/\(medians over runs\)\. It sold 980 t after the shortage ended\. .* Over the run it sold 20 t on shortage and 960 t into price spikes \(means over runs, before buying any back\)\.$/);
    expect(describeSoldByTriggerNote(summary(0, 0, 37.8, 'manufacturing'), { material: 'cobalt', region: 'US', components: true })).toBe(' Over the run it sold 37.8 t by steady release (means over runs, before buying any back).');
    // Another form's figures are not this stockpile's; a folder without them, or a stockpile that sold nothing, adds nothing.
    expect(describeSoldByTriggerNote(summary(1, 2, 3, 'manufacturing'), { material: 'cobalt', region: 'US', components: false })).toBe('');
    expect(describeSoldByTriggerNote(undefined, { material: 'cobalt', region: 'US', components: false })).toBe('');
    expect(describeSoldByTriggerNote(summary(0, 0, 0), { material: 'cobalt', region: 'US', components: false })).toBe('');
  });
});

describe('measureRelease', () => {
  it('counts releases on short ticks and the tick after each, separately from later ones', () => {
    expect(measureRelease([100, 100, 95, 90, 60], [0, 5, 5, 0, 0], [10, 10, 10, 10, 10])).toEqual({ shortTicks: 2, peak: 100, atOnset: 100, releasedWhileShort: 10, releasedAfter: 30 });
    expect(measureRelease([100, 100], [0, 0], [10, 10])).toBeUndefined();
  });
});

describe('describeStockpileUse', () => {
  /** Ten weeks, end users never short; an export ban on cobalt in weeks 3 to 6 (start 3/52, end 7/52 years). */
  const withBan = (doctrine?: string): ScenarioOverview => {
    const base = overview();
    const pile = { ...base.events[0], fields: { ...base.events[0].fields, ...(doctrine === undefined ? {} : { doctrine }) } };
    return { ...base, events: [pile, { id: 'ban', kind: 'exportControl', start: 3 / 52, end: 7 / 52, announced: NaN, fields: { material: 'cobalt', stage: 'processing' } }] };
  };
  const calm = (stock: number[]): Map<string, SeriesFan> => {
    const f = fans(stock);
    const short = f.get(seriesKey({ metric: 'shortfall', material: 'cobalt', stage: 'endUse', region: 'US' }))!;
    const zero = short.p50.map(() => 0);
    f.set(seriesKey(short), { ...short, p5: zero, p25: zero, p50: zero, p75: zero, p95: zero });
    return f;
  };

  it('measures the stock at the start, what it gave up at most and what it bought back while the disruption lasted', () => {
    expect(measureDisruptionUse([100, 100, 90, 95, 95], 2, 4)).toEqual({ atStart: 100, lowest: 90, bought: 5 });
    expect(measureDisruptionUse([0, 0, 0], 1, 2)).toBeUndefined();
  });

  it('says what the stockpile did during the disruption, with its doctrine\'s price rule', () => {
    const [sentence, ...rest] = describeStockpileUse(withBan('daysOfConsumption'), calm([1000, 1000, 1000, 1000, 960, 980, 1000, 1000, 1000, 1000]));
    expect(rest).toEqual([]);
    expect(sentence).toContain('The refined cobalt stockpile of the United States held 1,000 t when the disruptions began (Jan 2025); while they were in force (to Feb 2025) ' +
      'it gave up at most 40 t (4% of that) and bought 40 t back (medians over runs, week by week).');
    expect(sentence).toContain('only while its market\'s price is above 1.5× the base price (its releasePriceMultiple: lower it to release into smaller spikes)');
    // The event's own trigger, when the scenario sets one.
    const early = withBan('daysOfConsumption');
    early.events[0] = { ...early.events[0], fields: { ...early.events[0].fields, releasePriceMultiple: 1.1 } };
    expect(describeStockpileUse(early, calm([1000, 1000, 1000, 1000, 960, 980, 1000, 1000, 1000, 1000]))[0]).toContain('price is above 1.1× the base price');
    expect(describeStockpileUse(withBan(), calm([1000, 1000, 1000, 1000, 960, 980, 1000, 1000, 1000, 1000]))[0]).not.toContain('1.5×');
    // A stock that did not move is said so, not as "at most 0 t … 0 t back".
    expect(describeStockpileUse(withBan(), calm(Array(10).fill(1000)))[0]).toContain('while they were in force (to Feb 2025) it neither sold nor bought (medians over runs');
  });

  it('leaves a shortage to describeStockpileRelease, and says nothing without a disruption of the material', () => {
    expect(describeStockpileUse(withBan('daysOfConsumption'), fans([1000, 1000, 1000, 1000, 990, 985, 980, 980, 500, 0]))).toEqual([]);
    expect(describeStockpileUse(overview(), calm([1000, 1000, 1000, 1000, 960, 980, 1000, 1000, 1000, 1000]))).toEqual([]);
  });
});
