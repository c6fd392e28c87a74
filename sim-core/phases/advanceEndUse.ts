import type { World } from '../world/world.ts';

/**
 * Phase 8: end users bid for components. For cell (m, r) with component price P (base P₀):
 *   private bid = d₀ · g^t · x · h · (P/P₀)^εₛ,   public bid = d₀ · g^t · x · h
 * with d₀ the user's base demand, g = 1 + growthPerYear, x the demand-shock multiplier and h the
 * material intensity. Thrifting and substitution move h toward h* = clamp((P̄/P₀)^(ε_L − εₛ), 1 − maxThrift, 1)
 * over `substitutionYears` (P̄ the one-year average price), so the short-run elasticity is εₛ and the
 * long-run one approaches ε_L: elasticities that change with the horizon.
 */
export function advanceEndUse(world: World): void {
  const { endUsers, markets, chain, effective, flows, regions: R, materials: M } = world;
  const years = world.tick / world.ticksPerYear;
  for (let m = 0; m < M; m++) {
    const demand = world.spec.materials[m].demand;
    const growth = Math.pow(1 + demand.growthPerYear, years);
    for (let r = 0; r < R; r++) {
      const c = m * R + r;
      const s = (m * 3 + 2) * R + r;
      const relativePrice = markets.priceUsdPerTonne[s] / markets.basePriceUsdPerTonne[s];
      const relativeLongPrice = markets.longPriceUsdPerTonne[s] / markets.basePriceUsdPerTonne[s];
      const target = Math.min(1, Math.max(1 - demand.maxThrift, Math.pow(relativeLongPrice, demand.elasticityLongRun - demand.elasticityShortRun)));
      chain.intensity[c] += (target - chain.intensity[c]) / Math.max(1, demand.substitutionYears * world.ticksPerYear);
      const publicFactor = growth * effective.demandMultiplier[c] * chain.intensity[c];
      const privateFactor = publicFactor * Math.pow(relativePrice, demand.elasticityShortRun);
      let bids = 0;
      let publicBids = 0;
      for (let u = endUsers.cellStart[c], end = u + endUsers.cellCount[c]; u < end; u++) {
        const isPublic = endUsers.isPublic[u];
        const bid = endUsers.baseDemandTonnesPerTick[u] * (isPublic === 1 ? publicFactor : privateFactor);
        endUsers.bidTonnes[u] = bid;
        bids += bid;
        publicBids += isPublic * bid;
      }
      markets.localBidTonnes[s] += bids - publicBids;
      markets.publicBidTonnes[s] += publicBids;
      flows.demandTonnes[(2 * M + m) * R + r] = bids;
    }
  }
}
