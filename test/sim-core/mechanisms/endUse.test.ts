import { describe, expect, it } from 'vitest';
import type { EventSpec, ScenarioSpec } from '../../../sim-core/index.ts';
import { oneMaterial, regionOf, runRecorded, simulate, withEvents } from './mechanismHelpers.ts';

/** Paired runs of the end users' mechanisms: public (defence) buyers' sourcing, and thrift. */

/** Home end users' unmet demand over the run as a share of their bids, public and private apart. */
function homeShortfallShares(spec: ScenarioSpec): { public: number; private: number } {
  let publicBid = 0, publicUnmet = 0, bid = 0, unmet = 0;
  simulate(spec, 1, 0, (w) => {
    const r = regionOf(w, 'US');
    const buyers = 2 * w.materials * w.regions + r;
    publicBid += w.markets.publicBidTonnes[2 * w.regions + r];
    publicUnmet += w.flows.publicUnmetTonnes[r];
    bid += w.flows.demandTonnes[buyers];
    unmet += w.flows.unmetTonnes[buyers];
  });
  expect(publicBid).toBeGreaterThan(0);
  return { public: publicUnmet / publicBid, private: (unmet - publicUnmet) / (bid - publicBid) };
}

describe('public and private end users', () => {
  const componentBan: EventSpec = { kind: 'exportControl', material: 'graphite', stage: 'manufacturing', exporter: 'CN', mode: 'ban', start: 0.25 };
  /** Graphite with little home component capacity: home buyers depend on Chinese components. */
  const dependent = oneMaterial('graphite', 2, (s) => {
    s.materials[0].manufacturing.capacityByRegion.US = 10000;
  });
  it('a component ban by the foreign region leaves the public shortfall no larger than the private one (control: private buyers are short)', () => {
    const before = homeShortfallShares(dependent);
    const banned = homeShortfallShares(withEvents(dependent, componentBan));
    expect(before.private).toBe(0);
    expect(banned.private).toBeGreaterThan(0.01);
    expect(banned.public).toBeLessThanOrEqual(banned.private);
  });
  it('public buyers are served only from home and allied sources (control: allied component plants serve them)', () => {
    const noSecureSupply = oneMaterial('graphite', 2, (s) => {
      delete s.materials[0].manufacturing.capacityByRegion.US;
      delete s.materials[0].manufacturing.capacityByRegion.ALLIES;
    });
    const alliedSupply = oneMaterial('graphite', 2, (s) => {
      delete s.materials[0].manufacturing.capacityByRegion.US;
    });
    const none = homeShortfallShares(noSecureSupply);
    const allied = homeShortfallShares(alliedSupply);
    // Private buyers import Chinese components freely; public buyers may not.
    expect(none.private).toBeLessThan(0.01);
    expect(none.public).toBeGreaterThan(0.9);
    expect(allied.public).toBeLessThan(none.public / 2);
  });
});

describe('thrift and substitution', () => {
  const outage: EventSpec = { kind: 'outage', material: 'graphite', stage: 'manufacturing', region: 'CN', capacityShare: 0.5, start: 0.1 };
  const graphite = (maxThrift: number) => oneMaterial('graphite', 3, (s) => {
    s.materials[0].demand.maxThrift = maxThrift;
  });
  function homeDemand(spec: ScenarioSpec): { intensity: Float64Array; demand: number; peakPrice: number } {
    const { series } = runRecorded(spec);
    const demand = series('demand', 'endUse', 'US');
    const price = series('price', 'manufacturing', 'US');
    return { intensity: series('intensity', 'endUse', 'US'), demand: demand.slice(104).reduce((a, b) => a + b, 0), peakPrice: Math.max(...price) };
  }
  const thrifty = homeDemand(withEvents(graphite(0.4), outage));
  const rigid = homeDemand(withEvents(graphite(0), outage));
  const calm = homeDemand(graphite(0.4));

  it('lowers material intensity under sustained high prices (control: intensity stays at 1 without thrift)', () => {
    expect(rigid.intensity.every((h) => h === 1)).toBe(true);
    expect(thrifty.intensity.at(-1)).toBeLessThan(0.9);
    expect(thrifty.intensity.at(-1)).toBeLessThan(calm.intensity.at(-1)! - 0.1);
  });
  it('lowers demand in the third year, though prices are no higher', () => {
    expect(thrifty.peakPrice).toBeLessThanOrEqual(rigid.peakPrice);
    expect(thrifty.demand).toBeLessThan(rigid.demand * 0.95);
  });
});
