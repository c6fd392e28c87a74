import { describe, expect, it } from 'vitest';
import { createWorld, step, type EventSpec, type ScenarioSpec } from '../../sim-core/index.ts';
import { materialIndex, regionIndexOf } from '../../sim-core/world/indexOf.ts';
import { MINING } from '../../sim-core/world/world.ts';
import { utilisationOutputPriceOf } from '../../sim-core/phases/utilisationOutputPrice.ts';
import { smallBaseline } from './engineHelpers.ts';

/** The small baseline with Dy declared a by-product of NdPr (as heavy rare earths are of ionic-clay and bastnäsite mining). */
function withDyByproduct(dyMiningCostFactor = 1): ScenarioSpec {
  const base = smallBaseline(1, 3);
  return {
    ...base,
    uncertainties: [],
    materials: base.materials.map((m) => (m.id === 'dy' ? { ...m, byproductOf: 'ndpr', mining: { ...m.mining, unitCostUsdPerTonne: m.mining.unitCostUsdPerTonne * dyMiningCostFactor } } : m)),
  };
}

/**
 * Per tick over a year (seed 5, replicate 0), in CN: mining output of NdPr and Dy, and whether Dy
 * recovery paid for no firm (the Dy concentrate price production plans on, max(Pₑ, P·(1 − x)) since
 * session 35, ≤ (1 − band) × the cheapest Dy miner's cost).
 */
function miningOutput(spec: ScenarioSpec, events: EventSpec[]): { host: number[]; dy: number[]; unpaid: boolean[] } {
  const world = createWorld({ ...spec, events }, 5, 0);
  const cn = regionIndexOf(world, 'CN');
  const m = materialIndex(world, 'dy');
  const at = (material: number) => (MINING * world.materials + material) * world.regions + cn;
  const ndpr = at(materialIndex(world, 'ndpr'));
  const dy = at(m);
  const store = world.stores[MINING];
  const c = m * world.regions + cn;
  const host: number[] = [];
  const out: number[] = [];
  const unpaid: boolean[] = [];
  while (world.tick < world.ticks) {
    // Production reads the prices as the tick starts, and plans on the expected one unless the current one is well above it (§5's Pᵤ).
    const segment = m * 3 * world.regions + cn;
    const expected = utilisationOutputPriceOf(world.markets.priceUsdPerTonne[segment], world.markets.expectedPriceUsdPerTonne[segment]);
    let cheapest = Infinity;
    for (let f = store.cellStart[c], end = f + store.cellUsedSlots[c]; f < end; f++) if (store.alive[f] === 1) cheapest = Math.min(cheapest, store.unitCostUsdPerTonne[f]);
    unpaid.push(expected <= (1 - spec.behaviour.utilisationBand) * cheapest);
    step(world, null);
    host.push(world.flows.productionTonnes[ndpr]);
    out.push(world.flows.productionTonnes[dy]);
  }
  return { host, dy: out, unpaid };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('by-product coupling (Dy from NdPr mining)', () => {
  const spec = withDyByproduct();
  const outage: EventSpec = { kind: 'outage', material: 'ndpr', stage: 'mining', region: 'CN', capacityShare: 0.25, start: 0.25, end: 0.75 };
  const normal = miningOutput(spec, []);
  const hit = miningOutput(spec, [outage]);
  // The by-product reads the host's output of the tick before: compare Dy at t with NdPr at t − 1.
  const window = (values: number[], lag: number) => values.slice(16 - lag, 38 - lag);
  const hostRatio = mean(window(hit.host, 1)) / mean(window(normal.host, 1));
  const dyRatio = mean(window(hit.dy, 0)) / mean(window(normal.dy, 0));

  it('a host outage lowers host output (control: the outage bites)', () => {
    expect(hostRatio).toBeLessThan(0.9);
  });
  it('lowers Dy output in the same proportion as the host\'s', () => {
    expect(Math.abs(dyRatio - hostRatio)).toBeLessThan(0.02 * hostRatio);
  });
  it('Dy output follows the host\'s tick by tick (proportional, not to order)', () => {
    for (let t = 1; t < normal.dy.length; t++) {
      if (normal.host[t - 1] === 0) continue;
      // With recovery paying throughout, Dy output ÷ host output of the tick before stays constant.
      expect(normal.dy[t] / normal.host[t - 1]).toBeCloseTo(normal.dy[1] / normal.host[0], 6);
    }
  });
  it('stops recovery while the Dy price is below its recovery cost, though the host runs', () => {
    // Costs twice what the base price would need to pay anything: (1 − band) × cost = 2 × base price.
    const dy = spec.materials.find((m) => m.id === 'dy')!;
    const costly = miningOutput(withDyByproduct((2 * dy.basePriceUsdPerTonne.mining) / ((1 - spec.behaviour.utilisationBand) * dy.mining.unitCostUsdPerTonne)), []);
    const unpaidTicks = costly.unpaid.flatMap((unpaid, t) => (unpaid ? [t] : []));
    expect(unpaidTicks.length).toBeGreaterThan(0);
    for (const t of unpaidTicks) {
      expect(costly.host[t]).toBeGreaterThan(0);
      expect(costly.dy[t]).toBe(0);
    }
    expect(normal.unpaid.every((unpaid) => !unpaid)).toBe(true);
    expect(Math.min(...normal.dy)).toBeGreaterThan(0);
  });
});
