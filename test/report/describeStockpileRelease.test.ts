import { describe, expect, it } from 'vitest';
import { describeSoldByTriggerNote, describeStockpileRelease, describeStockpileReleasedWhileShort, describeStockpileSoldBeforeShortage, describeStockpileUse, measureDisruptionUse, measureDrawBeforeShortage, measureRelease, stockpileReleaseSeries } from '../../src/report/describeStockpileRelease.ts';
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

describe('describeStockpileSoldBeforeShortage', () => {
  /** A days-of-consumption stockpile event (price-spike trigger at `multiple`× when given). */
  const daysOverview = (multiple?: number): ScenarioOverview => {
    const o = overview();
    o.events[0].fields = { ...o.events[0].fields, doctrine: 'daysOfConsumption', ...(multiple === undefined ? {} : { releasePriceMultiple: multiple }) };
    return o;
  };
  // Sold 950 of its 1,000 t in week 1 (into a price rise), bought 50 t back, held 100 t when the shortage began (weeks 3–6) and gave up 5 t of it.
  const soldEarly = [1000, 50, 100, 95, 95, 95, 95, 95, 95, 95];

  it('says what a stockpile sold before the shortage, when, by which rule, what it held when it began and what it gave up, with the G10 pointer', () => {
    const [sentence, ...rest] = describeStockpileSoldBeforeShortage(daysOverview(1.3), fans(soldEarly));
    expect(rest).toEqual([]);
    expect(sentence).toContain('The refined cobalt stockpile of the United States had sold 950 t of the 1,000 t it held at its peak before end users there went short, in Jan 2025, into the price rise');
    expect(sentence).toContain('while its market\'s price is above 1.3× the base price (its releasePriceMultiple)');
    expect(sentence).toContain('It held 100 t when they first went short (Jan 2025), having bought 50 t back from its low of 50 t; while they were short (4 weeks) it gave up 5 t (medians over runs, week by week).');
    expect(sentence).toContain('G10');
  });

  it('is the note the audit found missing: neither describeStockpileRelease nor describeStockpileUse says anything of this stockpile', () => {
    expect(describeStockpileRelease(daysOverview(), fans(soldEarly))).toEqual([]);
    expect(describeStockpileUse(daysOverview(), fans(soldEarly))).toEqual([]);
    expect(describeStockpileSoldBeforeShortage(daysOverview(), fans(soldEarly))).toHaveLength(1);
  });

  it('leaves out the G10 pointer when the stockpile gave up a good part of what it held while they were short, and the rule for other doctrines', () => {
    const [sentence] = describeStockpileSoldBeforeShortage(overview(), fans([1000, 50, 100, 80, 60, 40, 40, 40, 40, 40]));
    expect(sentence).toContain('gave up 60 t (medians');
    expect(sentence).not.toContain('G10');
    expect(sentence).not.toContain('releasePriceMultiple');
    expect(sentence).toContain('before end users there went short, in Jan 2025. It held 100 t');
  });

  it('appends what the stockpile sold by trigger, from summary.json', () => {
    const summary: SummaryMetrics = new Map([['stockpileShortageReleaseTonnes.cobalt.processing.US', { unit: 't', mean: 5 } as MetricSummary], ['stockpilePriceSpikeReleaseTonnes.cobalt.processing.US', { unit: 't', mean: 950 } as MetricSummary], ['stockpileSteadyReleaseTonnes.cobalt.processing.US', { unit: 't', mean: 0 } as MetricSummary]]);
    const [sentence] = describeStockpileSoldBeforeShortage(daysOverview(), fans(soldEarly), summary);
    expect(sentence).toMatch(/Over the run it sold 5 t on shortage and 950 t into price spikes \(means over runs, before buying any back\)\.$/);
    expect(sentence).toContain('above 1.5× the base price'); // the default trigger when the event names none
  });

  it('says nothing of a stockpile that held its stock into the shortage (describeStockpileRelease\'s case or a release), nor without a shortage', () => {
    expect(describeStockpileSoldBeforeShortage(overview(), fans([1000, 1000, 1000, 1000, 990, 985, 980, 980, 500, 0]))).toEqual([]);
    expect(describeStockpileSoldBeforeShortage(overview(), fans([1000, 1000, 1000, 1000, 900, 800, 700, 700, 700, 700]))).toEqual([]);
    const never = fans(soldEarly);
    never.get('shortfall|cobalt|endUse|US')!.p50.fill(0);
    expect(describeStockpileSoldBeforeShortage(overview(), never)).toEqual([]);
  });

  it('names the months of a sale that spans several (the month each tick falls in)', () => {
    const o = daysOverview();
    const weekly = fans(soldEarly);
    // Stretch the ten weeks over ten months: Jan 2025 … Oct 2025, ticks mid-month.
    for (const f of weekly.values()) f.year = f.year.map((_, t) => 2025 + (t + 0.6) / 12);
    const [sentence] = describeStockpileSoldBeforeShortage(o, weekly);
    expect(sentence).toContain('before end users there went short, in Feb 2025, into the price rise');
    expect(sentence).toContain('when they first went short (Apr 2025)');
    const longer = fans([1000, 600, 50, 50, 45, 45, 45, 45, 45, 45]);
    for (const f of longer.values()) f.year = f.year.map((_, t) => 2025 + (t + 0.6) / 12);
    expect(describeStockpileSoldBeforeShortage(o, longer)[0]).toContain('went short, from Feb 2025 to Mar 2025, into');
  });
});

describe('measureDrawBeforeShortage', () => {
  it('measures the sale before the first short tick, the low, the stock at the onset and what moved while short', () => {
    expect(measureDrawBeforeShortage([0, 10, 10, 6, 2, 3, 3, 2], [0, 0, 0, 0, 0, 0, 5, 0], [10, 10, 10, 10, 10, 10, 10, 10]))
      .toEqual({ onset: 6, peak: 10, peakTick: 1, soldBefore: 8, firstDrop: 3, lowestTick: 4, lowest: 2, atOnset: 3, releasedWhileShort: 1, boughtWhileShort: 0 });
    expect(measureDrawBeforeShortage([1, 1], [0, 0], [10, 10])).toBeUndefined();
  });
});

describe('describeStockpileReleasedWhileShort', () => {
  const released = [1000, 1000, 1000, 1000, 900, 800, 700, 700, 650, 650];

  it('says what a stockpile held when the shortage began, what it gave up while short and after, which no other note said', () => {
    const [sentence, ...rest] = describeStockpileReleasedWhileShort(overview(), fans(released));
    expect(rest).toEqual([]);
    expect(sentence).toBe('The refined cobalt stockpile of the United States released 300 t while end users there were short, 30% of the 1,000 t it held when they first went short (Jan 2025), ' +
      'over the 4 weeks they were short (medians over runs, week by week). It sold 50 t after the shortage ended.');
    expect([...describeStockpileRelease(overview(), fans(released)), ...describeStockpileSoldBeforeShortage(overview(), fans(released)), ...describeStockpileUse(overview(), fans(released))]).toEqual([]);
  });

  it('leaves the other notes\' cases to them', () => {
    expect(describeStockpileReleasedWhileShort(overview(), fans([1000, 1000, 1000, 1000, 990, 985, 980, 980, 500, 0]))).toEqual([]); // released little
    expect(describeStockpileReleasedWhileShort(overview(), fans([1000, 50, 100, 80, 60, 40, 40, 40, 40, 40]))).toEqual([]); // sold before
    const never = fans(released);
    never.get('shortfall|cobalt|endUse|US')!.p50.fill(0);
    expect(describeStockpileReleasedWhileShort(overview(), never)).toEqual([]);
  });
});
