import { describe, expect, it } from 'vitest';
import type { EventSpec, PriceCutMode, PriceManipulationEvent, ScenarioSpec } from '../../../sim-core/index.ts';
import { oneMaterial, regionOf, simulate, total, withEvents } from './mechanismHelpers.ts';
import { termsAt, TERM_CURRENT_PRICE, TERM_EXPECTED_PRICE } from '../../../sim-core/phases/firmDecisions.ts';

/**
 * Paired runs of a scripted price cut on China's refined graphite from week 13, with the actor's
 * rule-driven price wars off: `leadership` (the cutter leads its price pool down and pays its producers
 * the gap) against `exportDiscount` (only its exports are cheaper) and against no cut at all.
 */
const START_WEEK = 13;
const WINDOW = [START_WEEK + 4, START_WEEK + 30] as const;
const CUT = 0.3;

const peaceful = (edit: (spec: ScenarioSpec) => void = () => {}): ScenarioSpec => oneMaterial('graphite', 2, (s) => {
  s.foreignActor.rules.priceWarTrigger = 100;
  edit(s);
});
const cut = (mode: PriceCutMode, budgetUsd = 1e12): PriceManipulationEvent => ({
  kind: 'priceManipulation', material: 'graphite', stage: 'processing', region: 'CN', priceCut: CUT, budgetUsd, mode, start: START_WEEK / 52,
});

/** Per tick: each region's refined price, the actor's spending, what CN's producers were paid per tonne and what the subsidy formula gives for CN's sales. */
function observe(spec: ScenarioSpec) {
  const prices: Record<string, number[]> = {};
  const spent: number[] = [];
  const paid: number[] = [];
  /** What the leader's producers would be paid at the normal price (or the traded price when above it). */
  const normalPaid: number[] = [];
  const subsidyFormula: number[] = [];
  /** The price CN's refiners planned their output on, and what they were paid, per tick (production's cell terms). */
  const planned: number[] = [];
  const paidAtProduction: number[] = [];
  /** The led market's expected price, per tick. */
  const expected: number[] = [];
  /** The largest subsidy the US segment's producers got, as a share of the traded price (a US cut's). */
  let usSubsidyShare = 0;
  // The subsidy of tick t reads the discount and normal price of the price it settles at, formed at the end of tick t − 1.
  let f = 0;
  let normal = 0;
  const world = simulate(spec, 3, 0, (w) => {
    for (const region of w.spec.regions) (prices[region.id] ??= []).push(w.markets.priceUsdPerTonne[1 * w.regions + regionOf(w, region.id)]);
    const s = 1 * w.regions + regionOf(w, 'CN');
    const mk = w.markets;
    const recycled = Math.min(mk.recycledOfferTonnes[s], mk.firmOfferTonnes[s]);
    const sold = (mk.firmOfferTonnes[s] - recycled) * mk.firmSellRatio[s] + recycled * mk.recycledSellRatio[s];
    spent.push(w.foreignActor.spendingUsdThisTick);
    paid.push(mk.tradedPriceUsdPerTonne[s] + mk.saleSubsidyUsdPerTonne[s]);
    const us = 1 * w.regions + regionOf(w, 'US');
    usSubsidyShare = Math.max(usSubsidyShare, mk.saleSubsidyUsdPerTonne[us] / mk.tradedPriceUsdPerTonne[us]);
    const price = mk.tradedPriceUsdPerTonne[s];
    subsidyFormula.push(w.effective.leadershipCut[s] > 0 ? sold * Math.min(price * (f / (1 - f)), Math.max(0, normal - price)) : 0);
    normalPaid.push(w.effective.leadershipCut[s] > 0 ? Math.max(price, normal) : price);
    const terms = termsAt(w, 1, regionOf(w, 'CN'));
    planned.push(w.scratch.cellTerms[terms + TERM_EXPECTED_PRICE]);
    paidAtProduction.push(w.scratch.cellTerms[terms + TERM_CURRENT_PRICE]);
    expected.push(mk.expectedPriceUsdPerTonne[s]);
    f = mk.leadershipDiscount[s];
    normal = mk.leaderNormalPrice[s];
  });
  return { prices, spent, paid, normalPaid, subsidyFormula, planned, paidAtProduction, expected, usSubsidyShare, world };
}

/** Mean over the window of run a's price ÷ run b's, in a region. */
const windowRatio = (a: ReturnType<typeof observe>, b: ReturnType<typeof observe>, region: string): number => {
  let sum = 0;
  for (let t = WINDOW[0]; t < WINDOW[1]; t++) sum += a.prices[region][t] / b.prices[region][t];
  return sum / (WINDOW[1] - WINDOW[0]);
};

describe('price manipulation by price leadership (paired runs, graphite)', () => {
  const none = observe(peaceful());
  const led = observe(withEvents(peaceful(), cut('leadership')));
  const discounted = observe(withEvents(peaceful(), cut('exportDiscount')));

  it('leads every region of the freely trading pool down, rivals included, by up to the cut times the leader\'s share', () => {
    for (const region of ['US', 'ALLIES', 'ROW', 'CN']) {
      const ratio = windowRatio(led, none, region);
      expect(ratio, region).toBeLessThan(1 - CUT / 3);
      expect(ratio, region).toBeGreaterThan(1 - CUT);
    }
  });
  it('has the leader\'s producers plan their output on what they are paid, not on the led price (G11)', () => {
    // With a supply response, producers planning on the led price would cut output and hand the market
    // to the rivals the war is meant to deter.
    expect(led.world.spec.behaviour.supplyResponse).toBeGreaterThan(0);
    let above = 0;
    for (let t = WINDOW[0]; t < WINDOW[1]; t++) {
      expect(led.planned[t], `tick ${t}`).toBeGreaterThanOrEqual(led.paidAtProduction[t]);
      // Production of tick t reads the expectation formed at the end of tick t − 1.
      if (led.planned[t] > led.expected[t - 1] * 1.01) above++;
    }
    expect(above).toBeGreaterThan(0); // control: the led price's expectation is below what they are paid
    for (let t = WINDOW[0]; t < WINDOW[1]; t++) expect(none.planned[t]).toBe(none.expected[t - 1]); // no cut, no change
  });
  it('moves no rival\'s price as an export discount (the control of the leadership test)', () => {
    for (const region of ['US', 'ALLIES']) expect(Math.abs(windowRatio(discounted, none, region) - 1), region).toBeLessThan(0.01);
  });
  it('pays the leader\'s producers the gap between the led price and the normal price on every tonne they sell, at most the lead\'s discount, from its budget', () => {
    const paidTicks = led.spent.flatMap((s, t) => (s > 0 ? [t] : []));
    expect(paidTicks[0]).toBeGreaterThanOrEqual(START_WEEK);
    expect(paidTicks.length).toBeGreaterThan(52);
    for (const t of paidTicks) expect(Math.abs(led.spent[t] - led.subsidyFormula[t]) / led.spent[t], `tick ${t}`).toBeLessThan(1e-12);
    expect(total(none.spent)).toBe(0);
  });
  it('lapses once its budget is spent, to the last dollar', () => {
    const budget = 0.2 * total(led.spent);
    const poor = observe(withEvents(peaceful(), cut('leadership', budget)));
    expect(Math.abs(total(poor.spent) - budget) / budget).toBeLessThan(1e-9);
    let last = poor.spent.length - 1;
    while (last >= 0 && poor.spent[last] <= 0) last--;
    expect(last).toBeLessThan(poor.spent.length - 26);
    // Half a year after it lapsed, rivals' prices are back within 5% of the run without it.
    expect(Math.abs(poor.prices.US[last + 26] / none.prices.US[last + 26] - 1)).toBeLessThan(0.05);
  });
  it('never pays its producers more than the normal price, nor more than they were paid without the cut', () => {
    // Trades of tick t settle at the price formed at the end of tick t − 1.
    let subsidised = 0;
    for (let t = START_WEEK; t < WINDOW[1]; t++) {
      const ratio = led.paid[t] / none.prices.CN[t - 1];
      expect(led.paid[t], `tick ${t}`).toBeLessThanOrEqual(led.normalPaid[t] * (1 + 1e-12));
      expect(ratio, `tick ${t}`).toBeLessThan(1.001);
      if (led.spent[t] > 0) subsidised++;
    }
    expect(subsidised).toBeGreaterThan((WINDOW[1] - START_WEEK) / 2);
  });
  it('charges each cutter only for its own part of the lead (a token cut beside the leader gets a token subsidy)', () => {
    const token: PriceManipulationEvent = { ...cut('leadership'), region: 'US', priceCut: 0.001 };
    const both = observe(withEvents(peaceful(), cut('leadership'), token));
    expect(both.usSubsidyShare).toBeGreaterThan(0);
    expect(both.usSubsidyShare).toBeLessThan(0.001);
    expect(windowRatio(both, none, 'US')).toBeLessThan(1 - CUT / 3);
  });
  it('spends each cut\'s own budget when a leadership and an export discount hit the same segment', () => {
    const small = 0.02 * total(led.spent);
    const world = simulate(withEvents(peaceful(), cut('leadership', small), cut('exportDiscount', 1e12)), 3, 0);
    const [leadershipLeft, discountLeft] = world.eventState.budgetLeftUsd;
    expect(leadershipLeft).toBeGreaterThanOrEqual(0);
    expect(leadershipLeft).toBeLessThan(1e-6 * small);
    expect(discountLeft).toBeGreaterThan(0);
    expect(1e12 - discountLeft).toBeLessThan(total(discounted.spent) * 1.5);
  });
  it('under the leader\'s own export ban, leads only its own market (its pool is its own)', () => {
    const ban: EventSpec = { kind: 'exportControl', material: 'graphite', stage: 'processing', exporter: 'CN', mode: 'ban', start: START_WEEK / 52 };
    const banned = observe(withEvents(peaceful(), ban));
    const bannedAndLed = observe(withEvents(peaceful(), ban, cut('leadership')));
    expect(windowRatio(bannedAndLed, banned, 'CN')).toBeLessThan(1 - CUT / 3);
    expect(Math.abs(windowRatio(bannedAndLed, banned, 'US') - 1)).toBeLessThan(0.02);
  });
});
