import { describe, expect, it } from 'vitest';
import { compileScenario, measureMoney, type EventSpec, type ScenarioSpec, type World } from '../../../sim-core/index.ts';
import { firstTickAbove, liveCapacity, oneMaterial, PHASE_CONSTRUCTION, pipelineCapacity, regionOf, runRecorded, simulate, total, withEvents } from './mechanismHelpers.ts';

/**
 * Paired runs (same seed, mechanism on and off) of the home government's instruments, each
 * asserting the direction of its effect and a control showing the effect is not zero.
 */

/** Shipments towards home from each origin over ticks [from, end) at a traded stage (processing unless given), t. */
function homeImportsByOrigin(spec: ScenarioSpec, from: number, stage = 'processing'): Record<string, number> {
  const { series } = runRecorded(spec);
  return Object.fromEntries(spec.regions.map((r) => [r.id, total(series('homeImportsByOrigin', stage, r.id), from)]));
}
const share = (imports: Record<string, number>, ...origins: string[]) =>
  origins.reduce((a, r) => a + imports[r], 0) / Object.values(imports).reduce((a, b) => a + b, 0);

describe('elections and policy reversal', () => {
  const tariff = (reversible?: boolean): EventSpec => ({ kind: 'tariff', material: 'graphite', stage: 'processing', importer: 'US', exporters: ['CN'], rate: 0.5, start: 0.25, ...(reversible === undefined ? {} : { reversible }) });
  const yearly = (p: number) => oneMaterial('graphite', 3, (s) => {
    s.government.reversalProbability = p;
    s.government.electionEveryYears = 1;
  });
  const kept = withEvents(yearly(0), tariff());
  const reversed = withEvents(yearly(1), tariff());
  const protectedTariff = withEvents(yearly(1), tariff(false));
  const afterFirstElection = 60;

  it('reverses a reversible policy at the first election when the reversal probability is 1, never when it is 0', () => {
    expect(simulate(kept).eventState.reversedAtTick[0]).toBe(-1);
    expect(simulate(reversed).eventState.reversedAtTick[0]).toBe(52);
    expect(simulate(protectedTariff).eventState.reversedAtTick[0]).toBe(-1);
  });
  it('brings the tariffed origin back once the tariff is reversed (control: a non-reversible tariff stays in force)', () => {
    const cnKept = share(homeImportsByOrigin(kept, afterFirstElection), 'CN');
    const cnReversed = share(homeImportsByOrigin(reversed, afterFirstElection), 'CN');
    const cnProtected = share(homeImportsByOrigin(protectedTariff, afterFirstElection), 'CN');
    expect(cnReversed).toBeGreaterThan(cnKept + 0.05);
    expect(cnProtected).toBeCloseTo(cnKept, 12);
  });
});

describe('workforce limits and programmes', () => {
  type Workforce = { engineers: number; graduatesPerYear: number; attritionPerYear: number };
  const lithium = (us: Partial<Workforce>) => oneMaterial('lithium', 3, (s) => Object.assign(s.regions.find((r) => r.id === 'US')!, us));
  const programme = (lagYears: number): EventSpec => ({ kind: 'workforceProgramme', region: 'US', extraGraduatesPerYear: 400, lagYears, budgetUsd: 1e8, start: 0 });
  /**
   * Home capacity of all stages built or under construction at the end (t/yr, summed over three
   * replicates: expansions are lumpy), and the home engineers per tick of the first replicate.
   */
  function homeBuild(spec: ScenarioSpec): { capacity: number; engineers: number[] } {
    const engineers: number[] = [];
    let capacity = 0;
    for (const replicate of [0, 1, 2]) {
      const world = simulate(spec, 1, replicate, (w) => replicate === 0 && engineers.push(w.regionState.engineers[regionOf(w, 'US')]));
      const us = regionOf(world, 'US');
      for (let stage = 0; stage < 4; stage++) capacity += (liveCapacity(world, stage, us) + pipelineCapacity(world, stage, us, 0, PHASE_CONSTRUCTION)) * world.ticksPerYear;
    }
    return { capacity, engineers };
  }
  const none = { engineers: 0, graduatesPerYear: 0, attritionPerYear: 0 };
  const staffed = homeBuild(lithium({}));
  const unstaffed = homeBuild(lithium(none));
  const trained = homeBuild(withEvents(lithium(none), programme(1)));
  const trainedLater = homeBuild(withEvents(lithium(none), programme(2)));

  it('builds less home capacity without engineers (control: the shipped workforce builds more)', () => {
    expect(unstaffed.engineers.at(-1)).toBe(0);
    expect(staffed.capacity).toBeGreaterThan(unstaffed.capacity * 1.05);
  });
  it('adds engineers only after the programme lag, and a shorter lag sooner', () => {
    expect(Math.max(...trained.engineers.slice(0, 51))).toBe(0);
    expect(trained.engineers[60]).toBeGreaterThan(0);
    expect(trainedLater.engineers[60]).toBe(0);
    expect(trained.engineers.at(-1)).toBeGreaterThan(trainedLater.engineers.at(-1)!);
  });
  it('a programme restores capacity building that a lack of engineers held back', () => {
    expect(trained.capacity).toBeGreaterThan(unstaffed.capacity * 1.05);
  });
});

describe('trade policy', () => {
  const graphite = oneMaterial('graphite', 3);
  const none = homeImportsByOrigin(graphite, 52);
  it('a home tariff on one origin lowers that origin\'s share of home imports', () => {
    const tariffed = homeImportsByOrigin(withEvents(graphite, { kind: 'tariff', material: 'graphite', stage: 'processing', importer: 'US', exporters: ['CN'], rate: 0.5, start: 0.5 }), 52);
    expect(none.CN).toBeGreaterThan(0);
    expect(share(tariffed, 'CN')).toBeLessThan(share(none, 'CN') - 0.05);
  });
  it('friend-shoring raises the allies\' share of home imports where the allies have a surplus to sell (lithium ore)', () => {
    const lithium = oneMaterial('lithium', 3);
    const friends = homeImportsByOrigin(withEvents(lithium, { kind: 'friendShoring', members: ['US', 'ALLIES'], preference: 0.3, start: 0.5 }), 52, 'mining');
    expect(share(friends, 'ALLIES')).toBeGreaterThan(share(homeImportsByOrigin(lithium, 52, 'mining'), 'ALLIES') + 0.05);
  });
  it('friend-shoring does not lower members\' end-user consumption by steering orders to a member without surplus (graphite: neither has one)', () => {
    // Paired runs, common random numbers. Before the preference was limited to the supply a surplus
    // backs, the members' buyers drew on each other's working stock (US and allied graphite crossing
    // in transit), which raised the pooled price and cut both members' consumption by about 0.2%.
    // Paired differences are now below 1e-5 of consumption; the tolerance is 1e-4.
    const friends = withEvents(graphite, { kind: 'friendShoring', members: ['US', 'ALLIES'], preference: 0.2, start: 0.5 });
    for (const member of ['US', 'ALLIES']) {
      let without = 0;
      let withFriends = 0;
      for (const replicate of [0, 1, 2]) {
        without += total(runRecorded(graphite, 1, replicate).series('consumption', 'endUse', member));
        withFriends += total(runRecorded(friends, 1, replicate).series('consumption', 'endUse', member));
      }
      expect(withFriends).toBeGreaterThan(without * (1 - 1e-4));
    }
  });
  it('friend-shoring exempts members from a tariff on each other (control: the tariff alone cuts allied imports)', () => {
    const onAllies: EventSpec = { kind: 'tariff', material: 'graphite', stage: 'processing', importer: 'US', exporters: ['ALLIES'], rate: 1, start: 0.5 };
    const friends: EventSpec = { kind: 'friendShoring', members: ['US', 'ALLIES'], preference: 0.3, start: 0.5 };
    const tariffOnly = homeImportsByOrigin(withEvents(graphite, onAllies), 52);
    const both = homeImportsByOrigin(withEvents(graphite, onAllies, friends), 52);
    const friendsOnly = homeImportsByOrigin(withEvents(graphite, friends), 52);
    expect(share(tariffOnly, 'ALLIES')).toBeLessThan(share(none, 'ALLIES'));
    expect(share(both, 'ALLIES')).toBeCloseTo(share(friendsOnly, 'ALLIES'), 12);
  });
});

describe('permitting reform', () => {
  /** Lithium with a US mine in permitting (one year left) and short financing and construction. */
  const withMine = oneMaterial('lithium', 3, (s) => {
    s.behaviour.greenfield = { permittingYears: 8, financingYears: 0.25, constructionYears: 0.5 };
    s.materials[0].pipeline.push({ region: 'US', stage: 'mining', capacityTonnesPerYear: 20000, phase: 'permitting', remainingYears: 1 });
  });
  /** First tick at which home mining capacity has grown by more than half the mine. */
  function mineArrives(spec: ScenarioSpec): number {
    const capacity: number[] = [];
    simulate(spec, 1, 0, (w: World) => capacity.push(liveCapacity(w, 0, regionOf(w, 'US')) * w.ticksPerYear));
    return firstTickAbove(capacity, capacity[0] + 10000);
  }
  it('brings a mine in permitting into production earlier (control: it arrives within the horizon without reform)', () => {
    const normal = mineArrives(withMine);
    const reformed = mineArrives(withEvents(withMine, { kind: 'permittingReform', region: 'US', durationMultiplier: 0.5, start: 0 }));
    expect(normal).toBeLessThan(Infinity);
    expect(reformed).toBeLessThan(normal - 13);
  });
  it('has no effect in another region', () => {
    expect(mineArrives(withEvents(withMine, { kind: 'permittingReform', region: 'ALLIES', durationMultiplier: 0.5, start: 0 }))).toBe(mineArrives(withMine));
  });
});

describe('running cost and budget of regulatory instruments', () => {
  const spec = oneMaterial('lithium', 3);
  const reform = (extra: Partial<EventSpec>): EventSpec => ({ kind: 'permittingReform', region: 'US', durationMultiplier: 0.5, start: 0.25, ...extra }) as EventSpec;
  /** Per tick: the government's spending (USD) and the US permitting rate in force. */
  function trace(events: EventSpec[]): { spending: number[]; rate: number[]; ticksPerYear: number } {
    const spending: number[] = [];
    const rate: number[] = [];
    const world = simulate(withEvents(spec, ...events), 1, 0, (w) => {
      spending.push(w.government.spendingUsdThisTick);
      rate.push(w.effective.permittingRate[regionOf(w, 'US')]);
    });
    return { spending, rate, ticksPerYear: world.ticksPerYear };
  }
  const free = trace([reform({})]);
  const start = Math.round(0.25 * free.ticksPerYear);

  it('charges the government its yearly cost pro rata while in force, and changes nothing else (control: the free reform costs nothing)', () => {
    const costly = trace([reform({ costUsdPerYear: 52e6 })]);
    const ticksInForce = free.rate.length - start;
    expect(total(free.spending)).toBe(0);
    expect(total(costly.spending)).toBeCloseTo(52e6 * ticksInForce / free.ticksPerYear, 0);
    expect(costly.spending.slice(0, start).every((usd) => usd === 0)).toBe(true);
    expect(costly.rate).toEqual(free.rate);
  });
  it('lapses once its budget is spent, spending exactly the budget (control: the same reform without a budget stays in force)', () => {
    const yearOfCost = 3e6; // not a multiple of 52: the pro-rata payments leave a rounding remainder
    const funded = trace([reform({ costUsdPerYear: yearOfCost, budgetUsd: yearOfCost * 1.5 })]);
    const lapse = start + Math.ceil(1.5 * free.ticksPerYear);
    expect(total(funded.spending)).toBeCloseTo(yearOfCost * 1.5, 0);
    expect(funded.rate.slice(start, lapse)).toEqual(free.rate.slice(start, lapse));
    expect(funded.rate.slice(lapse).every((rate) => rate === 1)).toBe(true);
    expect(free.rate.slice(lapse).every((rate) => rate === 2)).toBe(true);
  });
  it('is paid by the government of the region it binds: a reform in another region costs the home government nothing', () => {
    const spending: number[] = [];
    const world = simulate(withEvents(spec, reform({ region: 'ALLIES', costUsdPerYear: 52e6 })), 1, 0, (w) => spending.push(w.government.spendingUsdThisTick));
    const alliesPaid = -world.ledger.governmentUsd[regionOf(world, 'ALLIES')];
    expect(total(spending)).toBe(0);
    expect(alliesPaid).toBeCloseTo(52e6 * (spending.length - start) / world.ticksPerYear, 0);
  });
  it('an unfunded instrument (budget 0) never comes into force', () => {
    const unfunded = trace([reform({ costUsdPerYear: 1e6, budgetUsd: 0 })]);
    expect(unfunded.rate.every((rate) => rate === 1)).toBe(true);
    expect(total(unfunded.spending)).toBe(0);
  });
});

describe('stockpile doctrines', () => {
  const stockpile = (doctrine: 'daysOfConsumption' | 'shortfall' | 'release'): EventSpec => ({ kind: 'stockpile', material: 'graphite', region: 'US', doctrine, targetDays: 60, releaseShortfallShare: 0.05, releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 60, budgetUsd: 1e12, start: 0 });
  /** Home stockpile at every tick, t. */
  const held = (spec: ScenarioSpec) => runRecorded(spec).series('stockpile', 'processing', 'US');
  const graphite = oneMaterial('graphite', 1);
  it('a release doctrine sells the stockpile down while a days-of-consumption one holds it (control: both start full)', () => {
    const kept = held(withEvents(graphite, stockpile('daysOfConsumption')));
    const sold = held(withEvents(graphite, stockpile('release')));
    expect(sold[0]).toBeGreaterThan(0);
    expect(kept.at(-1)).toBeGreaterThanOrEqual(kept[0] * 0.99);
    expect(sold.at(-1)).toBeLessThan(Math.min(sold[0], kept.at(-1)!) * 0.98);
  });
  it('a days-of-consumption stockpile sells into a price spike, a shortfall stockpile does not', () => {
    const spike: EventSpec = { kind: 'outage', material: 'graphite', stage: 'processing', region: 'CN', capacityShare: 0.6, start: 0.1 };
    const stabilising = held(withEvents(graphite, stockpile('daysOfConsumption'), spike));
    const waiting = held(withEvents(graphite, stockpile('shortfall'), spike));
    expect(Math.min(...stabilising)).toBeLessThan(Math.min(...waiting));
  });
  it('releasePriceMultiple sets the spike it sells into: a small spike (about 1.04× base) moves a stockpile set to 1.02× and not one at the default 1.5×', () => {
    // A milder outage: the US refined price peaks about 1.04× base without a stockpile, well under 1.5×.
    const spike: EventSpec = { kind: 'outage', material: 'graphite', stage: 'processing', region: 'CN', capacityShare: 0.15, start: 0.1 };
    const atDefault = held(withEvents(graphite, stockpile('daysOfConsumption'), spike));
    const early = held(withEvents(graphite, { ...stockpile('daysOfConsumption'), releasePriceMultiple: 1.02 } as EventSpec, spike));
    expect(Math.min(...atDefault)).toBeGreaterThanOrEqual(atDefault[0] * 0.999); // never sold
    expect(Math.min(...early)).toBeLessThan(early[0] * 0.9);
  });
});

describe('net policy cost of stockpiles', () => {
  const graphite = oneMaterial('graphite', 2);
  const summary = (result: { summaries: Float64Array }, spec: ScenarioSpec, metric: string) => {
    const i = compileScenario(spec).layout.summaries.findIndex((k) => k.metric === metric);
    return result.summaries[i];
  };
  it('counts a stockpile still held as an asset at base prices: gross − net = stock held × base price', () => {
    const spec = withEvents(graphite, { kind: 'stockpile', material: 'graphite', region: 'US', doctrine: 'shortfall', targetDays: 60, releaseShortfallShare: 0.5, releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 0, budgetUsd: 1e12, start: 0 });
    const { result, series } = runRecorded(spec);
    const held = series('stockpile', 'processing', 'US').at(-1)!;
    const world = simulate(spec);
    const base = world.markets.basePriceUsdPerTonne[(0 * 3 + 1) * world.regions + regionOf(world, 'US')];
    expect(held).toBeGreaterThan(0);
    const gross = summary(result, spec, 'policyCost');
    const net = summary(result, spec, 'netPolicyCost');
    expect(gross - net).toBeCloseTo(held * base, -1);
    expect(net).toBeLessThan(gross * 0.5);
  });
  it('counts what a release doctrine sells: net cost = stock given up at base prices − sales revenue', () => {
    const spec = withEvents(graphite, { kind: 'stockpile', material: 'graphite', region: 'US', doctrine: 'release', targetDays: 60, releaseShortfallShare: 0.05, releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 60, budgetUsd: 1e12, start: 0 });
    const { result, series } = runRecorded(spec);
    const world = simulate(spec);
    const us = regionOf(world, 'US');
    const base = world.markets.basePriceUsdPerTonne[(0 * 3 + 1) * world.regions + us];
    const initial = (60 * (spec.materials[0].demand.byRegion.US ?? 0)) / 365;
    const sold = initial - series('stockpile', 'processing', 'US').at(-1)!;
    const revenue = world.ledger.governmentUsd[us] - simulate(graphite).ledger.governmentUsd[us];
    expect(sold).toBeGreaterThan(0);
    expect(summary(result, spec, 'policyCost')).toBe(0);
    expect(summary(result, spec, 'netPolicyCost')).toBeCloseTo(sold * base - revenue, -1);
  });
  it('counts a stock held from the start (initialDays) at base prices too: never released, it costs nothing net, nor earns anything (control: its carrying costs count)', () => {
    const prefilled = (carryingCostSharePerYear: number): ScenarioSpec => withEvents(graphite, {
      kind: 'stockpile', material: 'graphite', region: 'US', doctrine: 'shortfall', targetDays: 60, releaseShortfallShare: 0.5, releasePriceMultiple: 1.5, maxBuyShare: 0.1,
      initialDays: 60, budgetUsd: 1e12, start: 0, carryingCostSharePerYear,
    });
    const world = simulate(prefilled(0));
    const base = world.markets.basePriceUsdPerTonne[(0 * 3 + 1) * world.regions + regionOf(world, 'US')];
    for (const share of [0, 0.05]) {
      const { result, series } = runRecorded(prefilled(share));
      const stock = Array.from(series('stockpile', 'processing', 'US'));
      expect(stock[0]).toBeGreaterThan(0);
      expect(stock.every((held, t) => t === 0 || held >= stock[t - 1])).toBe(true); // never released
      const gross = summary(result, prefilled(share), 'policyCost');
      const net = summary(result, prefilled(share), 'netPolicyCost');
      // Net = spending − (stock at the end − stock at the start) at base prices − sales (none here).
      expect(net).toBeCloseTo(gross - (stock.at(-1)! - stock[0]) * base, -1);
      expect(net).toBeGreaterThanOrEqual(-1e-6 * stock[0] * base);
      if (share === 0) expect(net).toBeLessThan(1e-6 * stock[0] * base);
      else expect(net).toBeGreaterThan(0.01 * stock[0] * base);
    }
  });
  it('charges another region\'s stockpile to that region\'s government, not to home policy cost (control: the same stockpile at home costs the home government)', () => {
    const build = (region: string) => withEvents(graphite, { kind: 'stockpile', material: 'graphite', region, doctrine: 'shortfall', targetDays: 60, releaseShortfallShare: 0.5, releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 0, budgetUsd: 1e12, start: 0 });
    const allied = build('ALLIES');
    const { result, series } = runRecorded(allied);
    const world = simulate(allied);
    const alliesPaid = simulate(graphite).ledger.governmentUsd[regionOf(world, 'ALLIES')] - world.ledger.governmentUsd[regionOf(world, 'ALLIES')];
    expect(series('stockpile', 'processing', 'ALLIES').at(-1)).toBeGreaterThan(0);
    expect(alliesPaid).toBeGreaterThan(0);
    for (const metric of ['policyCost', 'netPolicyCost']) expect(summary(result, allied, metric)).toBe(0);
    const home = build('US');
    expect(summary(runRecorded(home).result, home, 'policyCost')).toBeGreaterThan(0);
  });
  describe('carrying costs', () => {
    const held = (region: string, carryingCostSharePerYear?: number) => withEvents(graphite, {
      kind: 'stockpile', material: 'graphite', region, doctrine: 'shortfall', targetDays: 60, releaseShortfallShare: 0.5, releasePriceMultiple: 1.5, maxBuyShare: 0.1,
      initialDays: 60, budgetUsd: 1e12, start: 0, ...(carryingCostSharePerYear === undefined ? {} : { carryingCostSharePerYear }),
    });
    it('charge the stock\'s value at base prices × the yearly share, pro rata, to gross and net policy cost alike, and change nothing else', () => {
      const free = runRecorded(held('US'));
      const carried = runRecorded(held('US', 0.05));
      const stock = carried.series('stockpile', 'processing', 'US');
      const world = simulate(held('US'));
      const base = world.markets.basePriceUsdPerTonne[(0 * 3 + 1) * world.regions + regionOf(world, 'US')];
      const expected = (total(stock) * 0.05 * base) / world.ticksPerYear;
      expect(expected).toBeGreaterThan(0);
      expect(Array.from(stock)).toEqual(Array.from(free.series('stockpile', 'processing', 'US')));
      for (const metric of ['policyCost', 'netPolicyCost']) {
        const extra = summary(carried.result, held('US', 0.05), metric) - summary(free.result, held('US'), metric);
        expect(extra / expected).toBeCloseTo(1, 9);
      }
      expect(Array.from(carried.series('price', 'processing', 'US'))).toEqual(Array.from(free.series('price', 'processing', 'US')));
    });
    it('have a payer and a payee: money is conserved tick by tick, and the rest of the economy receives them', () => {
      const spec = held('US', 1);
      const money: number[] = [];
      const world = simulate(spec, 1, 0, (w) => money.push(measureMoney(w)));
      const scale = world.stores.reduce((sum, store) => sum + store.cashUsd.reduce((a, b) => a + Math.abs(b), 0), 0);
      expect(Math.max(...money.map((m) => Math.abs(m - money[0]))) / scale).toBeLessThan(1e-12);
      const received = world.ledger.externalUsd - simulate(held('US')).ledger.externalUsd;
      const paid = simulate(held('US')).ledger.governmentUsd[regionOf(world, 'US')] - world.ledger.governmentUsd[regionOf(world, 'US')];
      expect(paid).toBeGreaterThan(0);
      expect(received / paid).toBeCloseTo(1, 9);
    });
    it('are paid by the region that holds the stock: an allied stockpile costs the home government nothing', () => {
      const allied = held('ALLIES', 0.05);
      const world = simulate(allied);
      const alliesPaid = simulate(held('ALLIES')).ledger.governmentUsd[regionOf(world, 'ALLIES')] - world.ledger.governmentUsd[regionOf(world, 'ALLIES')];
      expect(alliesPaid).toBeGreaterThan(0);
      expect(summary(runRecorded(allied).result, allied, 'policyCost')).toBe(0);
    });
  });
});

describe('stockpiles of components', () => {
  // Only China makes magnets, so a Chinese magnet ban leaves US defence buyers (home and allied sources only) without supply.
  const ndpr = oneMaterial('ndpr', 2, (s) => { s.materials[0].manufacturing.capacityByRegion = { CN: 96 * 1000, ROW: 1000 }; });
  const magnetBan: EventSpec = { kind: 'exportControl', material: 'ndpr', stage: 'manufacturing', exporter: 'CN', mode: 'ban', start: 0.25 };
  const stockpile = (stage: 'processing' | 'manufacturing'): EventSpec => ({ kind: 'stockpile', material: 'ndpr', region: 'US', stage, doctrine: 'shortfall', targetDays: 90, releaseShortfallShare: 0.01, releasePriceMultiple: 1.5, maxBuyShare: 0.1, initialDays: 90, budgetUsd: 1e12, start: 0 });
  /** Home defence (public) end users' unmet demand over the run, t, and the home stockpile of components at every tick, t. */
  function outcome(...events: EventSpec[]): { defenceUnmet: number; held: number[]; heldRefined: number[] } {
    const { series } = runRecorded(withEvents(ndpr, magnetBan, ...events));
    return {
      defenceUnmet: total(series('publicShortfall', 'endUse', 'US')),
      held: [...series('stockpile', 'manufacturing', 'US')],
      heldRefined: [...series('stockpile', 'processing', 'US')],
    };
  }
  const none = outcome();
  const magnets = outcome(stockpile('manufacturing'));
  const oxide = outcome(stockpile('processing'));

  it('serves defence buyers from a magnet stockpile under a magnet ban (control: they go short without one)', () => {
    expect(none.defenceUnmet).toBeGreaterThan(0);
    expect(magnets.defenceUnmet).toBeLessThan(none.defenceUnmet * 0.9);
    expect(Math.min(...magnets.held)).toBeLessThan(magnets.held[0]); // it released stock
  });
  it('an oxide stockpile of the same size cannot reach defence buyers as directly', () => {
    expect(magnets.defenceUnmet).toBeLessThan(oxide.defenceUnmet);
  });
  it('records each form as its own series: components under manufacturing, refined under processing', () => {
    expect(magnets.held[0]).toBeGreaterThan(0);
    expect(magnets.heldRefined.every((t) => t === 0)).toBe(true);
    expect(oxide.heldRefined[0]).toBeGreaterThan(0);
    expect(oxide.held.every((t) => t === 0)).toBe(true);
  });
});
