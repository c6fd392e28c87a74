import type { World } from '../world/world.ts';
import { END_USE_CELLS, type CellSplit } from './cellTasks.ts';

/**
 * Phase 8: end users bid for components. For cell (m, r) with component price P (base P₀):
 *   private bid = d₀ · g^t · x · h · (P/P₀)^εₛ,   public bid = d₀ · g^t · x · h
 * with d₀ the user's base demand, g = 1 + growthPerYear, x the demand-shock multiplier and h the
 * material intensity. Thrifting and substitution move h toward h* = clamp((P̄/P₀)^(ε_L − εₛ), 1 − maxThrift, 1)
 * over `substitutionYears` (P̄ the average price: exponential, one-year time constant, so a spike keeps h*
 * low for years after it; docs/model.md G26), so the short-run elasticity is εₛ and the
 * long-run one approaches ε_L: elasticities that change with the horizon.
 * @param cells - runs the cells on several threads (null: all here)
 */
export function advanceEndUse(world: World, cells: CellSplit | null = null): void {
  if (cells === null) endUseCells(world, 0, world.materials * world.regions);
  else cells.run(END_USE_CELLS, 0);
}

/**
 * {@link advanceEndUse} for cells c ∈ [cellFrom, cellTo) (c = m × R + r): writes only those cells' markets,
 * flows and bid factors (`world.scratch.endUseFactors`: public, private per cell; a user's bid is its base
 * demand × its factor).
 */
export function endUseCells(world: World, cellFrom: number, cellTo: number): void {
  const { endUsers, markets, chain, effective, flows, regions: R, materials: M } = world;
  const years = world.tick / world.ticksPerYear;
  const factors = world.scratch.endUseFactors;
  const { isPublic: publicOf, baseDemandTonnesPerTick: baseDemand } = endUsers;
  for (let c = cellFrom; c < cellTo; c++) {
    const m = Math.floor(c / R);
    const r = c - m * R;
    const demand = world.spec.materials[m].demand;
    const growth = Math.pow(1 + demand.growthPerYear, years);
    const s = (m * 3 + 2) * R + r;
    const relativePrice = markets.priceUsdPerTonne[s] / markets.basePriceUsdPerTonne[s];
    const relativeLongPrice = markets.longPriceUsdPerTonne[s] / markets.basePriceUsdPerTonne[s];
    const target = Math.min(1, Math.max(1 - demand.maxThrift, Math.pow(relativeLongPrice, demand.elasticityLongRun - demand.elasticityShortRun)));
    chain.intensity[c] += (target - chain.intensity[c]) / Math.max(1, demand.substitutionYears * world.ticksPerYear);
    const publicFactor = growth * effective.demandMultiplier[c] * chain.intensity[c];
    const privateFactor = publicFactor * Math.pow(relativePrice, demand.elasticityShortRun);
    // Settlement recomputes each user's bid from these factors (no per-user bid is stored).
    factors[c * 2] = publicFactor;
    factors[c * 2 + 1] = privateFactor;
    let bids = 0;
    let publicBids = 0;
    for (let u = endUsers.cellStart[c], end = u + endUsers.cellCount[c]; u < end; u++) {
      const isPublic = publicOf[u];
      const bid = baseDemand[u] * (isPublic === 1 ? publicFactor : privateFactor);
      bids += bid;
      publicBids += isPublic * bid;
    }
    markets.localBidTonnes[s] += bids - publicBids;
    markets.publicBidTonnes[s] += publicBids;
    flows.demandTonnes[(2 * M + m) * R + r] = bids;
  }
}
