import type { EventSpec, FriendShoringEvent, PermittingReformEvent, RecyclingMandateEvent, TariffEvent } from '../spec.ts';
import type { EventIndices } from '../world/resolveEventIndices.ts';
import type { World } from '../world/world.ts';

/** The event kinds with a running cost and a budget instead of spending (RunningCost in spec.ts). */
export type RegulatoryInstrument = TariffEvent | FriendShoringEvent | PermittingReformEvent | RecyclingMandateEvent;

/** Whether an event is a regulatory instrument: a tariff, friend-shoring agreement, permitting reform or recycling mandate. */
export function isRegulatoryInstrument(spec: EventSpec): spec is RegulatoryInstrument {
  return spec.kind === 'tariff' || spec.kind === 'friendShoring' || spec.kind === 'permittingReform' || spec.kind === 'recyclingMandate';
}

/**
 * An event's budget when the run starts: its `budgetUsd`; unlimited for a regulatory instrument
 * without one; 0 for kinds that spend nothing.
 */
export function initialBudgetUsd(spec: EventSpec): number {
  if ('budgetUsd' in spec && spec.budgetUsd !== undefined) return spec.budgetUsd;
  return isRegulatoryInstrument(spec) ? Infinity : 0;
}

/** Share of one tick's cost below which a budget's remainder counts as spent (rounding of the pro-rata payments). */
const SPENT_TOLERANCE = 1e-9;

/**
 * Pays this tick's share of a regulatory instrument's running cost out of its budget, and says
 * whether the instrument is in force this tick: it lapses once its budget is spent (a remainder
 * that is only rounding counts as spent), and its last tick takes what is left rather than
 * overdrawing. The governments of the regions it binds pay: the importer of a tariff, the region of
 * a reform or mandate, the members of a friend-shoring agreement in equal shares; only the home
 * government's share counts as its spending (`policyCost`). `at`: the event's ids as indices.
 */
export function fundRunningCost(world: World, spec: RegulatoryInstrument, at: EventIndices, e: number): boolean {
  const left = world.eventState.budgetLeftUsd[e];
  const perTick = (spec.costUsdPerYear ?? 0) / world.ticksPerYear;
  if (left <= 0 || left < SPENT_TOLERANCE * perTick) return false;
  const cost = Math.min(perTick, left);
  if (cost <= 0) return true;
  world.eventState.budgetLeftUsd[e] -= cost;
  world.ledger.externalUsd += cost;
  if (spec.kind === 'friendShoring') {
    for (let i = 0; i < at.members.length; i++) payAsGovernment(world, at.members[i], cost / spec.members.length, -1);
  } else {
    // Tariffs and mandates name a material; a permitting reform's cost is tied to none (at.material −1).
    // at.region is a tariff's importer, else the event's region.
    payAsGovernment(world, at.region, cost, at.material);
  }
  return true;
}

/** Region r's government pays an amount already credited to the rest of the economy (tied to material m, or none: −1). */
function payAsGovernment(world: World, r: number, amountUsd: number, m: number): void {
  world.ledger.governmentUsd[r] -= amountUsd;
  if (r !== world.government.region) return;
  world.government.spendingUsdThisTick += amountUsd;
  if (m >= 0) world.government.spendingByMaterialUsdThisTick[m] += amountUsd;
}

/** The home government pays a programme's cost out of the event's budget (to the rest of the economy). */
export function payGovernmentCost(world: World, e: number, amountUsd: number): void {
  world.eventState.budgetLeftUsd[e] -= amountUsd;
  world.ledger.governmentUsd[world.government.region] -= amountUsd;
  world.ledger.externalUsd += amountUsd;
  world.government.spendingUsdThisTick += amountUsd;
}
