/**
 * Export quotas as data: per quota event, `exportQuotaInForce` (1 while it acts) and
 * `exportQuotaBinding` (1 while it held shipments below what the exporter's offers allowed), and the
 * per-replicate weeks of each, held to the engine's own state tick by tick: in a binding week the
 * exporter ships exactly its quota, in a week that does not bind it ships no more than it.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, createRecorder, createWorld, step, type EventSpec } from '../../sim-core/index.ts';
import { destinationControls, exportQuotas } from '../../sim-core/record/resultLayout.ts';
import { quotaRentUsdPerTonne } from '../../sim-core/phases/weighOrigins.ts';
import { readRecordedRun } from './engineHelpers.ts';
import { oneMaterial, regionOf, withEvents } from './mechanisms/mechanismHelpers.ts';

/** A 50% (or `share`) quota on China's exports of `material` (NdPr by default) at `stage`, in force from year 1 to 2.5 of a 4-year run. */
function quota(stage: 'processing' | 'manufacturing', share: number, id = 'cnQuota', material = 'ndpr'): EventSpec {
  return { id, kind: 'exportControl', material, stage, exporter: 'CN', mode: 'quota', quotaShare: share, start: 1, end: 2.5 };
}

/** Steps a run tick by tick: its quota series and summaries, and per tick what the quota'd segment shipped against its quota. */
function observe(...events: EventSpec[]) {
  const spec = withEvents(oneMaterial('ndpr', 4), ...events);
  const compiled = compileScenario(spec);
  const world = createWorld(spec, 1, 0);
  const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
  const stage = (events[0] as { stage: string }).stage === 'processing' ? 1 : 2;
  const segment = stage * world.regions + regionOf(world, 'CN');
  const shipped: Array<{ exported: number; quota: number; inForce: number }> = [];
  for (let t = 0; t < world.ticks; t++) {
    step(world, recorder);
    shipped.push({ exported: world.markets.exportedTonnes[segment], quota: world.effective.exportQuotaTonnesPerTick[segment], inForce: world.eventState.inForce[0] });
  }
  const { series, summary } = readRecordedRun(compiled, recorder, world);
  return { compiled, world, series, summary, shipped };
}

describe('export quota series', () => {
  it('a 50% quota on magnets is in force over its 78 weeks and binds in them: China ships exactly its quota, week by week', () => {
    const run = observe(quota('manufacturing', 0.5));
    const tpy = run.world.ticksPerYear;
    const inForce = run.series('exportQuotaInForce', 'cnQuota');
    expect(inForce).toEqual(run.shipped.map((s) => s.inForce));
    expect(inForce.indexOf(1)).toBe(tpy);
    expect(inForce.lastIndexOf(1)).toBe(2.5 * tpy - 1);
    const binding = run.series('exportQuotaBinding', 'cnQuota');
    const bound = binding.flatMap((b, t) => (b === 1 ? [t] : []));
    // China makes ~92% of the world's magnets: half of last year's exports cannot meet its buyers' orders.
    expect(bound.length).toBeGreaterThan(0.9 * 1.5 * tpy);
    for (const t of bound) {
      expect(inForce[t]).toBe(1);
      expect(run.shipped[t].exported).toBeCloseTo(run.shipped[t].quota, 6);
    }
    expect(run.summary('exportQuotaWeeksInForce', 'cnQuota')).toBe(78);
    expect(run.summary('exportQuotaWeeksBinding', 'cnQuota')).toBe(bound.length * (52 / tpy));
    // The ceiling, t/week, while in force: the quota the engine applied (the only one on the segment); 0 outside.
    const ceiling = run.series('exportQuotaCeiling', 'cnQuota');
    const ticksPerWeek = tpy / 52;
    ceiling.forEach((c, t) => expect(c, `week ${t}`).toBeCloseTo(inForce[t] === 1 ? run.shipped[t].quota * ticksPerWeek : 0, 9));
    expect(run.summary('exportQuotaAllowedTonnes', 'cnQuota')).toBeCloseTo(ceiling.reduce((a, b) => a + b, 0) * (52 / tpy), 6);
  });

  it('in a week it does not bind, the exporter ships no more than its quota; outside its weeks the series are 0', () => {
    for (const share of [0.5, 3]) {
      for (const stage of ['processing', 'manufacturing'] as const) {
        const run = observe(quota(stage, share));
        const binding = run.series('exportQuotaBinding', 'cnQuota');
        run.shipped.forEach((s, t) => {
          if (s.inForce === 0) expect(binding[t], `${stage} ${share} week ${t}`).toBe(0);
          else if (binding[t] === 0) expect(s.exported, `${stage} ${share} week ${t}`).toBeLessThanOrEqual(s.quota * (1 + 1e-9));
        });
      }
    }
  });

  it('a quota at three times last year\'s magnet exports never binds', () => {
    const run = observe(quota('manufacturing', 3));
    expect(run.summary('exportQuotaWeeksInForce', 'cnQuota')).toBe(78);
    expect(run.summary('exportQuotaWeeksBinding', 'cnQuota')).toBe(0);
  });

  it('an oxide-only quota acts on a flow a hundred times smaller than the same cut on magnets (China is a net buyer of oxide)', () => {
    const oxide = observe(quota('processing', 0.5)).summary('exportQuotaAllowedTonnes', 'cnQuota');
    const magnets = observe(quota('manufacturing', 0.5)).summary('exportQuotaAllowedTonnes', 'cnQuota');
    expect(oxide).toBeGreaterThan(0);
    expect(oxide).toBeLessThan(magnets / 100);
  });

  it('a quota cuts exports to its ceiling and no further, on a market where the exporter has rivals (docs/model.md, G31)', () => {
    // Until session 23 importers weighed a quota'd origin at no more than its quota against its rivals'
    // whole supply: China's refined lithium exports fell to an eighth of a 50% ceiling that never bound,
    // and a quota at three times last year's exports still cut them by four fifths.
    const lithium = (share: number | null) => {
      const spec = withEvents(oneMaterial('lithium', 3), ...(share === null ? [] : [quota('processing', share, 'cnQuota', 'lithium')]));
      const world = createWorld(spec, 1, 0);
      const segment = world.regions + regionOf(world, 'CN');
      let exported = 0;
      let allowed = 0;
      let bound = 0;
      for (let t = 0; t < world.ticks; t++) {
        step(world, null);
        if (world.eventState.inForce[0] !== 1 && share !== null) continue;
        if (t < world.ticksPerYear || t >= 2.5 * world.ticksPerYear) continue;
        exported += world.markets.exportedTonnes[segment];
        allowed += world.effective.exportQuotaTonnesPerTick[segment];
        bound += world.markets.quotaBinding[segment];
      }
      return { exported, allowed, bound };
    };
    const free = lithium(null);
    const half = lithium(0.5);
    expect(half.bound).toBe(1.5 * 52);
    expect(half.exported).toBeCloseTo(half.allowed, 6);
    expect(half.allowed).toBeLessThan(free.exported);
    const loose = lithium(3);
    expect(loose.bound).toBe(0);
    expect(loose.exported).toBeGreaterThan(0.98 * free.exported);
    expect(loose.exported).toBeLessThan(1.02 * free.exported);
  });

  it('a quota on some destinations is a share of what they imported: the US gets half its imports of Chinese magnets, the others what they got without it', () => {
    // Until session 23 the ceiling was a share of China's exports to every destination, shared by the
    // routes it covered: a 50% quota on exports to the US was half of everything China shipped, and
    // never bound (audit 22, H1).
    const run = (destinations: string[] | null) => {
      const events = destinations === null ? [] : [{ ...quota('manufacturing', 0.5), destinations } as EventSpec];
      const world = createWorld(withEvents(oneMaterial('ndpr', 3), ...events), 1, 0);
      const R = world.regions;
      const us = regionOf(world, 'US');
      const segment = 2 * R + regionOf(world, 'CN');
      const tpy = world.ticksPerYear;
      let toUs = 0;
      let toOthers = 0;
      let allowed = 0;
      let bound = 0;
      let baseline = NaN;
      for (let t = 0; t < world.ticks; t++) {
        // The year's average of US imports from China as the quota starts (the engine's own average).
        if (t === tpy) baseline = world.markets.routeExportEmaTonnesPerTick[segment * R + us];
        step(world, null);
        if (t < tpy || t >= 2.5 * tpy) continue;
        toUs += world.markets.tradeTonnes[segment * R + us];
        toOthers += world.markets.exportedTonnes[segment] - world.markets.tradeTonnes[segment * R + us];
        allowed += world.effective.exportQuotaTonnesPerTick[segment];
        bound += world.markets.quotaBinding[segment];
      }
      return { toUs, toOthers, allowed, bound, baseline, weeks: 1.5 * tpy };
    };
    const free = run(null);
    const usOnly = run(['US']);
    expect(usOnly.allowed).toBeCloseTo(0.5 * usOnly.baseline * usOnly.weeks, 6);
    expect(usOnly.bound).toBe(usOnly.weeks);
    expect(usOnly.toUs).toBeCloseTo(usOnly.allowed, 6);
    expect(usOnly.toUs).toBeLessThan(0.6 * free.toUs);
    expect(usOnly.toOthers).toBeGreaterThan(0.95 * free.toOthers);
  });

  it('a quota given as tonnes a year caps at that tonnage, whatever the exports before it', () => {
    const fixed = { ...quota('manufacturing', 0.5), quotaShare: undefined, quotaTonnesPerYear: 5_000 } as EventSpec;
    const run = observe(fixed);
    const ceiling = run.series('exportQuotaCeiling', 'cnQuota');
    const tpy = run.world.ticksPerYear;
    ceiling.forEach((c, t) => expect(c, `week ${t}`).toBeCloseTo(t >= tpy && t < 2.5 * tpy ? 5_000 / 52 : 0, 9));
    expect(run.summary('exportQuotaAllowedTonnes', 'cnQuota')).toBeCloseTo(7_500, 6);
    // China shipped about 26,000 t of magnets in the year before it (a 50% quota allows 19,428 t in 78 weeks): 5,000 t a year binds every week.
    expect(run.summary('exportQuotaWeeksBinding', 'cnQuota')).toBe(78);
    run.shipped.forEach((s, t) => expect(s.exported, `week ${t}`).toBeLessThanOrEqual((s.inForce === 1 ? 5_000 / tpy : Infinity) * (1 + 1e-9)));
  });

  it('records the rent a quota\'s buyers paid: none before it, some in nearly every week it binds, and its total as a summary', () => {
    const run = observe(quota('manufacturing', 0.5));
    const tpy = run.world.ticksPerYear;
    const rent = run.series('exportQuotaRent', 'cnQuota');
    const binding = run.series('exportQuotaBinding', 'cnQuota');
    expect(rent.slice(0, tpy).every((r) => r === 0)).toBe(true);
    // The rent follows the month-long share of weeks bound: it starts a week after the first binding week.
    const boundWeeks = binding.flatMap((b, t) => (b === 1 && t > tpy ? [t] : []));
    expect(boundWeeks.filter((t) => rent[t] > 0).length).toBeGreaterThan(0.9 * boundWeeks.length);
    expect(rent.every((r) => r >= 0)).toBe(true);
    expect(run.summary('exportQuotaRentUsd', 'cnQuota')).toBeCloseTo(rent.reduce((a, b) => a + b, 0) * (52 / tpy), 3);
    expect(run.summary('exportQuotaRentUsd', 'cnQuota')).toBeGreaterThan(0);
  });

  it('a binding quota\'s licences earn the exporter\'s government a rent, at most the gap to each buyer\'s price, and none once it stops binding', () => {
    const spec = withEvents(oneMaterial('ndpr', 4), quota('manufacturing', 0.5));
    const world = createWorld(spec, 1, 0);
    const cn = regionOf(world, 'CN');
    const segment = 2 * world.regions + cn;
    const rentByTick: number[] = [];
    for (let t = 0; t < world.ticks; t++) {
      const before = world.ledger.governmentUsd[cn];
      step(world, null);
      rentByTick.push(world.ledger.governmentUsd[cn] - before);
      // What the next tick's buyers will pay above China's price, route by route.
      const price = world.markets.priceUsdPerTonne[segment];
      for (let d = 0; d < world.regions; d++) {
        const rent = quotaRentUsdPerTonne(world, segment, cn, d, price);
        const gap = world.markets.priceUsdPerTonne[segment - cn + d] - price;
        expect(rent, `week ${t}, importer ${d}`).toBeGreaterThanOrEqual(0);
        expect(rent, `week ${t}, importer ${d}`).toBeLessThanOrEqual(Math.max(0, gap) * world.markets.quotaBindingAverage[segment]);
        if (world.effective.quotaApplies[segment * world.regions + d] === 0) expect(rent).toBe(0);
      }
    }
    const tpy = world.ticksPerYear;
    // China's government has no other income here (no tariffs, no stockpile sales before the quota).
    expect(rentByTick.slice(0, tpy).every((r) => r === 0)).toBe(true);
    const inForce = rentByTick.slice(tpy, 2.5 * tpy);
    expect(inForce.filter((r) => r > 0).length).toBeGreaterThan(0.9 * inForce.length);
    expect(quotaRentUsdPerTonne(world, segment, cn, regionOf(world, 'US'), 0)).toBe(0);
  });

  it('records what each control with destinations let through to them: the sum of its routes\' tradeFlow, bit for bit, in every tick', () => {
    const usJp = { ...quota('manufacturing', 0.5), destinations: ['ROW', 'US'] } as EventSpec;
    const ban: EventSpec = { id: 'cnBan', kind: 'exportControl', material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'ban', destinations: ['ALLIES', 'CN'], start: 2 };
    const spec = { ...withEvents(oneMaterial('ndpr', 3), usJp, ban, quota('processing', 0.9, 'all')), outputs: { tradeFlows: true } };
    const compiled = compileScenario(spec);
    expect(destinationControls(spec).map((c) => c.event)).toEqual([0, 1]);
    const keys = compiled.layout.series.filter((k) => k.metric === 'exportsToDestinations');
    expect(keys.map((k) => [k.material, k.stage, k.region, k.unit])).toEqual([['ndpr', 'manufacturing', 'cnQuota', 't/week'], ['ndpr', 'processing', 'cnBan', 't/week']]);
    const world = createWorld(spec, 1, 0);
    const recorder = createRecorder(world, compiled.layout.series.length, compiled.offsets);
    for (let t = 0; t < world.ticks; t++) step(world, recorder);
    const { series } = readRecordedRun(compiled, recorder, world);
    const route = (stage: string, destination: string) => {
      const i = compiled.layout.series.findIndex((k) => k.metric === 'tradeFlow' && k.stage === stage && k.region === `CN>${destination}`);
      return Array.from(recorder.series.subarray(i * world.ticks, (i + 1) * world.ticks));
    };
    // Summed in region order (US before ROW, whatever order the event lists them in), as the engine sums them; the exporter itself is left out.
    const order = world.spec.regions.map((r) => r.id);
    const sumOf = (stage: string, destinations: string[]) => {
      const listed = order.filter((id) => destinations.includes(id) && id !== 'CN');
      return Array.from({ length: world.ticks }, (_, t) => listed.reduce((sum, d) => sum + route(stage, d)[t], 0));
    };
    const magnets = series('exportsToDestinations', 'cnQuota');
    expect(magnets).toEqual(sumOf('manufacturing', ['ROW', 'US']));
    expect(magnets.some((x) => x > 0)).toBe(true);
    const oxide = series('exportsToDestinations', 'cnBan');
    expect(oxide).toEqual(sumOf('processing', ['ALLIES']));
    // The ban from year 2 stops the oxide to the allies (what is in transit aside); before it, some went.
    const tpy = world.ticksPerYear;
    expect(oxide.slice(0, 2 * tpy).some((x) => x > 0)).toBe(true);
    expect(oxide.slice(2 * tpy + 13).every((x) => x === 0)).toBe(true);
  });

  it('lists only quota-mode export controls, with the event\'s material and stage and its id as region', () => {
    const licensing: EventSpec = { id: 'cnLicence', kind: 'exportControl', material: 'ndpr', stage: 'processing', exporter: 'CN', mode: 'licensing', approvalRate: 0.5, start: 1 };
    const spec = withEvents(oneMaterial('ndpr', 2), licensing, quota('manufacturing', 0.5), { ...quota('processing', 0.5), id: undefined } as EventSpec);
    expect(exportQuotas(spec).map((q) => [q.event, q.key.material, q.key.stage, q.key.region])).toEqual([[1, 'ndpr', 'manufacturing', 'cnQuota'], [2, 'ndpr', 'processing', 'event3']]);
    const layout = compileScenario(spec).layout;
    expect(layout.series.filter((k) => k.metric === 'exportQuotaBinding').map((k) => k.region)).toEqual(['cnQuota', 'event3']);
    expect(layout.summaries.filter((k) => k.metric === 'exportQuotaWeeksBinding').map((k) => k.region)).toEqual(['cnQuota', 'event3']);
  });
});
