import type { World } from '../world/world.ts';

/** The largest discount price leadership can hold: prices stop at 1% of base (formPrices). */
export const MAX_LEADERSHIP_DISCOUNT = 0.99;

/**
 * Price leadership in the pool of region r's segment of market `base` (phase 10, formPrices, once the
 * pools are known). Returns the target discount of the pool's coverage price,
 * f = min(0.99, Σ cut_q · S̄_q / S̄_pool) over the pool's segments q under a `leadership` price cut
 * (the foreign actor's), 0 without one: a dominant seller that prices a share c below the market
 * drags every seller of its pool down by c times its share of the pool's supply, because buyers will
 * not pay its rivals more than it asks while it can serve them.
 *
 * It also keeps, for the cutters' subsidy (clearMarkets) and their asks (advanceProducers), the
 * discount the segment's price has actually taken on: `leadershipDiscount[s]` = d moves towards f as
 * the price moves towards its target, closing a share κ of the log gap ln(1 − f) − ln(1 − d) per tick
 * (at most ±maxStep), and back to 0 at the same pace when the cut ends; `leaderOwnDiscount[s]` = the
 * part of d that segment s's own cut causes, d · f_s / f; `leaderNormalPrice[s]` = the segment's normal
 * price (its anchor, cost pass-through included), beyond which the cutter pays nothing.
 * @param anchor - the segment's normal price this tick (formPrices' anchor), USD/t
 */
export function leadPoolPrice(world: World, base: number, r: number, anchor: number): number {
  const { markets: mk, effective, regions: R } = world;
  const s = base + r;
  let target = 0;
  let own = 0;
  let anyCut = false;
  for (let q = 0; q < R; q++) if (effective.leadershipCut[base + q] > 0) anyCut = true;
  if (anyCut) {
    const pool = world.scratch.pool;
    let supply = 0;
    let cutSupply = 0;
    for (let q = 0; q < R; q++) {
      if (pool[q] !== pool[r]) continue;
      supply += mk.smoothedSupplyTonnes[base + q];
      cutSupply += effective.leadershipCut[base + q] * mk.smoothedSupplyTonnes[base + q];
    }
    if (supply > 0 && cutSupply > 0) {
      target = Math.min(MAX_LEADERSHIP_DISCOUNT, cutSupply / supply);
      own = (effective.leadershipCut[s] * mk.smoothedSupplyTonnes[s]) / cutSupply;
    }
  }
  const realised = mk.leadershipDiscount[s];
  if (target > 0 || realised > 0) {
    const behaviour = world.spec.behaviour;
    const gap = Math.log(1 - target) - Math.log(1 - realised);
    const step = Math.max(-behaviour.maxLogPriceStepPerTick, Math.min(behaviour.maxLogPriceStepPerTick, behaviour.priceAdjustmentPerTick * gap));
    const next = 1 - (1 - realised) * Math.exp(step);
    mk.leadershipDiscount[s] = target === 0 && next < 1e-9 ? 0 : next;
    mk.leaderOwnDiscount[s] = target > 0 ? mk.leadershipDiscount[s] * own : 0;
    mk.leaderNormalPrice[s] = anchor;
  }
  return target;
}

/**
 * What a leading cutter's producers are paid per tonne sold on segment s at price P: P plus the
 * cutter's subsidy, its part (own / d) of the gap to the price without the lead at the same cover,
 * P · d / (1 − d), but never beyond the normal price N: P + (own / d) · min(P · d / (1 − d), max(0, N − P)),
 * with d, own and N as {@link leadPoolPrice} left them; P where no leadership cut is in force. The cap
 * keeps the subsidy to what the lead takes off a normal price: when scarcity lifts the led price
 * itself (stocks drained by the demand the cut creates), P / (1 − d) would pay the cutter's producers
 * more than they ever got without the war. With several cutters in one pool each pays only its own
 * part (own / d) of the gap; the loader allows only the foreign actor's region to cut, so today there
 * is one cutter per pool and own / d = 1.
 */
export function leaderPaidPrice(world: World, s: number, price: number): number {
  const mk = world.markets;
  const d = mk.leadershipDiscount[s];
  const own = mk.leaderOwnDiscount[s];
  if (world.effective.leadershipCut[s] <= 0 || own <= 0) return price;
  return price + (own / d) * Math.min((price * d) / (1 - d), Math.max(0, mk.leaderNormalPrice[s] - price));
}
