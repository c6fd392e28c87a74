import type { EventSpec, FriendShoringEvent, PermittingReformEvent, RecyclingMandateEvent, TariffEvent } from '../spec.ts';
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

/**
 * Pays this tick's share of a regulatory instrument's running cost out of its budget, and says
 * whether the instrument is in force this tick: it lapses once its budget is spent, and its last
 * tick takes what is left rather than overdrawing.
 */
export function fundRunningCost(world: World, spec: RegulatoryInstrument, e: number): boolean {
  const left = world.eventState.budgetLeftUsd[e];
  if (left <= 0) return false;
  const cost = Math.min((spec.costUsdPerYear ?? 0) / world.ticksPerYear, left);
  if (cost > 0) payGovernmentCost(world, e, cost);
  return true;
}

/** The home government pays a programme's cost out of the event's budget (to the rest of the economy). */
export function payGovernmentCost(world: World, e: number, amountUsd: number): void {
  world.eventState.budgetLeftUsd[e] -= amountUsd;
  world.ledger.governmentUsd[world.government.region] -= amountUsd;
  world.ledger.externalUsd += amountUsd;
  world.government.spendingUsdThisTick += amountUsd;
}
