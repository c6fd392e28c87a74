import type { World, CompiledEvent } from '../world/world.ts';
import { CAPACITY_STAGE_INDEX, materialIndex, regionIndexOf } from '../world/indexOf.ts';
import { startOutage } from './startOutage.ts';
import { applyActiveEvent } from './applyActiveEvent.ts';
import { applyRuleDrivenControls } from './applyRuleDrivenControls.ts';
import { addProject, PHASE_CONSTRUCTION } from '../world/projectStore.ts';
import { fundRunningCost, isRegulatoryInstrument, payGovernmentCost } from './fundRunningCost.ts';

/** Attack id of a scripted cyberattack event (its source, the event's identity key, tells it apart from the others). */
const SCRIPTED_ATTACK_ID = -1;

/**
 * Phase 1: computes the parameters in force at this tick from base values and active events, and
 * starts the one-off effects of events that begin now (outages, quota baselines).
 * An event is active when start ≤ tick < end and no election has reversed it; a regulatory
 * instrument also needs budget left for its running cost (fundRunningCost.ts).
 */
export function applyEvents(world: World): void {
  resetEffectiveParameters(world);
  const { events, eventState, tick } = world;
  eventState.inForce.fill(0);
  for (let e = 0; e < events.length; e++) {
    const event = events[e];
    const reversedAt = eventState.reversedAtTick[e];
    const end = reversedAt >= 0 ? Math.min(event.endTick, reversedAt) : event.endTick;
    if (tick >= event.announcedTick && tick < event.startTick) markAnnounced(world, event);
    if (tick < event.startTick || tick >= end) continue;
    if (eventState.started[e] === 0) {
      eventState.started[e] = 1;
      startEvent(world, event, e);
    }
    if (isRegulatoryInstrument(event.spec) && !fundRunningCost(world, event.spec, event.at, e)) continue; // lapsed: budget spent
    // A subsidy with its budget spent pays nothing more (applyActiveEvent): no longer in force.
    eventState.inForce[e] = event.spec.kind === 'subsidy' && eventState.budgetLeftUsd[e] <= 0 ? 0 : 1;
    applyActiveEvent(world, event, e);
  }
  applyRuleDrivenControls(world);
  exemptFriendShoringMembers(world);
}

/** Members of a friend-shoring agreement trade with each other free of tariffs. */
function exemptFriendShoringMembers(world: World): void {
  const p = world.effective;
  const R = world.regions;
  for (let market = 0; market < world.materials * 3; market++) {
    for (let r = 0; r < R; r++) {
      for (let d = 0; d < R; d++) if (p.preference[r * R + d] > 0) p.tariff[(market * R + r) * R + d] = 0;
    }
  }
}

function resetEffectiveParameters(world: World): void {
  const p = world.effective;
  const R = world.regions;
  p.exportQuotaTonnesPerTick.fill(Infinity);
  p.quotaApplies.fill(0);
  p.licenceApproval.fill(1);
  p.licenceDelayTicks.fill(0);
  p.exportBanned.fill(0);
  p.tariff.fill(0);
  p.preference.fill(0);
  p.frontRunning.fill(0);
  p.demandMultiplier.fill(1);
  p.permittingRate.fill(1);
  p.constructionRate.fill(1);
  p.capexSubsidyShare.fill(0);
  p.priceFloorUsdPerTonne.fill(0);
  p.hurdleReduction.fill(0);
  p.offtake.fill(0);
  p.supportReversible.fill(0);
  p.supportEvent.fill(-1);
  p.capexSupportEvent.fill(-1);
  p.availability.fill(1);
  p.priceCut.fill(0);
  p.priceCutEvent.fill(-1);
  p.leadershipCut.fill(0);
  p.leadershipCutEvent.fill(-1);
  p.divertShare.fill(0);
  p.divertTo.fill(-1);
  p.stockpileEvent.fill(-1);
  for (let m = 0; m < world.materials; m++) {
    for (let r = 0; r < R; r++) p.collectionShare[m * R + r] = world.spec.materials[m].recycling.collectionShare;
  }
}

/** An export control announced but not yet in force: importers front-run it (its segment, resolved when compiled). */
function markAnnounced(world: World, event: CompiledEvent): void {
  const { spec, at } = event;
  if (spec.kind === 'exportControl') world.effective.frontRunning[(at.material * 3 + at.tradedStage) * world.regions + at.region] = 1;
}

/**
 * What an export control's quota is a share of, t/tick: the exporter's one-year average exports of
 * the segment, to every destination, or, for a control with `destinations`, to those destinations only
 * (so "50% of exports to the US" halves what the US got, not half of everything shipped everywhere).
 */
function quotaBaselineTonnesPerTick(world: World, event: CompiledEvent): number {
  const { at, spec } = event;
  const R = world.regions;
  const s = (at.material * 3 + at.tradedStage) * R + at.region;
  if (spec.kind !== 'exportControl' || spec.destinations === undefined) return world.markets.exportEmaTonnesPerTick[s];
  let baseline = 0;
  for (let d = 0; d < R; d++) if (d !== at.region && at.reaches[d] === 1) baseline += world.markets.routeExportEmaTonnesPerTick[s * R + d];
  return baseline;
}

/** One-off effects when an event starts. */
function startEvent(world: World, event: CompiledEvent, e: number): void {
  const spec = event.spec;
  if (spec.kind === 'exportControl') {
    world.eventState.quotaTonnesPerTick[e] = spec.quotaTonnesPerYear !== undefined
      ? spec.quotaTonnesPerYear / world.ticksPerYear
      : (spec.quotaShare ?? 1) * quotaBaselineTonnesPerTick(world, event);
  } else if (spec.kind === 'cyberattack' && spec.mode !== 'stochastic') {
    const materials = spec.material === undefined ? null : materialIndex(world, spec.material);
    startOutage(world, CAPACITY_STAGE_INDEX[spec.stage], regionIndexOf(world, spec.region), materials, spec.facilityShare,
      Math.max(1, Math.round(spec.downtimeYears * world.ticksPerYear)), SCRIPTED_ATTACK_ID, world.identities.events[e]);
  } else if (spec.kind === 'workforceProgramme') {
    payGovernmentCost(world, e, spec.budgetUsd);
  } else if (spec.kind === 'mineAcquisition') {
    payForeignActorCost(world, spec.costUsd);
  } else if (spec.kind === 'tailingsReassessment') {
    const m = materialIndex(world, spec.material);
    addProject(world.projects, m, regionIndexOf(world, spec.region), 0, spec.capacityTonnesPerYear / world.ticksPerYear,
      PHASE_CONSTRUCTION, Math.max(1, spec.leadYears * world.ticksPerYear), -1);
  }
}

/** The foreign actor pays a one-off cost (acquisitions) out of its budget to the rest of the economy. */
function payForeignActorCost(world: World, amountUsd: number): void {
  const paid = Math.min(amountUsd, world.foreignActor.budgetLeftUsd);
  world.foreignActor.budgetLeftUsd -= paid;
  world.foreignActor.spendingUsdThisTick += paid;
  world.ledger.foreignActorUsd -= paid;
  world.ledger.externalUsd += paid;
}
