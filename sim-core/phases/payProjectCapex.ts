import type { World } from '../world/world.ts';
import { stageSpecOf } from '../world/populateFirms.ts';

/**
 * Pays for new capacity when construction starts: the government pays its capex subsidy share (from
 * the subsidy's budget) and the sponsoring firm, if any, the rest; both to the rest of the economy.
 * Greenfield sponsors (firm −1) are outside investors whose cash the model does not track.
 * @param capacityTonnesPerTick - capacity being built, t/tick
 * @returns what the firm paid, USD
 */
export function payProjectCapex(world: World, stage: number, m: number, r: number, capacityTonnesPerTick: number, firm: number): number {
  const sc = (stage * world.materials + m) * world.regions + r;
  const capex = stageSpecOf(world.spec.materials[m], stage).capexUsdPerTonnePerYear * capacityTonnesPerTick * world.ticksPerYear;
  const e = world.effective.capexSupportEvent[sc];
  const subsidy = e >= 0 ? Math.min(world.effective.capexSubsidyShare[sc] * capex, Math.max(0, world.eventState.budgetLeftUsd[e])) : 0;
  if (subsidy > 0) {
    world.eventState.budgetLeftUsd[e] -= subsidy;
    world.ledger.governmentUsd[world.government.region] -= subsidy;
    world.government.spendingUsdThisTick += subsidy;
    world.government.spendingByMaterialUsdThisTick[m] += subsidy;
  }
  const ownShare = firm >= 0 ? capex - subsidy : 0;
  if (firm >= 0) world.stores[stage].cashUsd[firm] -= ownShare;
  world.ledger.externalUsd += subsidy + ownShare;
  return ownShare;
}
