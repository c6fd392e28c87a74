import type { World } from '../world/world.ts';
import { ALLY, HOME } from '../world/world.ts';
import { weeksToTicks } from '../world/initialiseSteadyState.ts';
import { stageSpecOf } from '../world/populateFirms.ts';

/** Rounds of the import allocation: each round sends every importer to its cheapest origin with goods left. */
const ALLOCATION_ROUNDS = 4;

/**
 * Trade (first half of phase 10) for market (m, k): traders in each importing region order up to a
 * target pipeline, Q_d = N_d + ρ·(N_d·(L + W) − terminal_d − transit_d), with N_d the smoothed import
 * need, L transport ticks and W the stock target. Orders go to the cheapest allowed origin by landed
 * cost P_r·(1 − cut_r)·(1 + tariff)·(1 − preference); each origin ships at most its surplus
 * (offers − local bids) and its export quota; licensing approves a share and adds a delay; bans block a
 * destination. During an announced control, orders to that exporter rise by `announcementFrontRunning`.
 * Shipments leave the origin now and arrive after the lead time. Scratch: `world.scratch`.
 */
export function shipGoods(world: World, m: number, k: number): void {
  const { markets, effective, regions: R } = world;
  const sc = world.scratch;
  const rate = world.spec.behaviour.inventoryReleasePerTick;
  const sellerStage = k;
  const coverTicks = weeksToTicks(world, stageSpecOf(world.spec.materials[m], sellerStage).inventoryTargetWeeks);
  const base = (m * 3 + k) * R;
  for (let r = 0; r < R; r++) {
    const s = base + r;
    sc.available[r] = Math.max(0, markets.firmOfferTonnes[s] - markets.localBidTonnes[s] - markets.publicBidTonnes[s] - markets.stockpileBidTonnes[s]);
    sc.quotaLeft[r] = effective.exportQuotaTonnesPerTick[s];
    let position = markets.terminalAlliedTonnes[s] + markets.terminalOtherTonnes[s];
    for (let slot = 0; slot < markets.transitSlots; slot++) position += markets.transitAlliedTonnes[s * markets.transitSlots + slot] + markets.transitOtherTonnes[s * markets.transitSlots + slot];
    const need = markets.importNeedTonnesPerTick[s];
    sc.orderLeft[r] = Math.max(0, need + rate * (need * (world.transportTicks + coverTicks) - position));
  }
  for (let round = 0; round < ALLOCATION_ROUNDS; round++) {
    sc.requested.fill(0);
    for (let d = 0; d < R; d++) {
      sc.choice[d] = sc.orderLeft[d] > 0 ? cheapestOrigin(world, m, k, d) : -1;
      if (sc.choice[d] < 0) continue;
      if (round === 0 && effective.frontRunning[base + sc.choice[d]] === 1) sc.orderLeft[d] *= 1 + world.spec.behaviour.announcementFrontRunning;
      sc.requested[sc.choice[d]] += sc.orderLeft[d];
    }
    let shippedAny = false;
    for (let d = 0; d < R; d++) {
      const r = sc.choice[d];
      if (r < 0) continue;
      const limit = Math.min(sc.available[r], sc.quotaLeft[r]);
      const scale = sc.requested[r] > limit ? limit / sc.requested[r] : 1;
      const sent = sc.orderLeft[d] * scale;
      sc.orderLeft[d] -= sent;
      if (sent > 0) shippedAny = true;
      dispatch(world, m, k, r, d, sent);
    }
    for (let r = 0; r < R; r++) {
      if (sc.requested[r] <= 0) continue;
      const limit = Math.min(sc.available[r], sc.quotaLeft[r]);
      const used = Math.min(limit, sc.requested[r]);
      sc.available[r] -= used;
      sc.quotaLeft[r] -= used;
      if (sc.available[r] <= 1e-12 || sc.quotaLeft[r] <= 1e-12) sc.exhausted[r] = 1;
    }
    if (!shippedAny) break;
  }
  sc.exhausted.fill(0);
}

/** The allowed origin with goods left and the lowest landed cost for importer d, or −1. */
function cheapestOrigin(world: World, m: number, k: number, d: number): number {
  const { markets, effective, regions: R } = world;
  const sc = world.scratch;
  let best = -1;
  let bestCost = Infinity;
  for (let r = 0; r < R; r++) {
    if (r === d || sc.exhausted[r] === 1 || sc.available[r] <= 0 || sc.quotaLeft[r] <= 0) continue;
    const s = (m * 3 + k) * R + r;
    if (effective.exportBanned[s * R + d] === 1) continue;
    const cost = markets.priceUsdPerTonne[s] * (1 - effective.priceCut[s]) * (1 + effective.tariff[s * R + d]) * (1 - effective.preference[r * R + d]);
    if (cost < bestCost) {
      bestCost = cost;
      best = r;
    }
  }
  return best;
}

/**
 * Ships `tonnes` ordered from r to d: licensing approves a share (the rest is refused and re-ordered
 * later); the approved goods leave r's sellers now and arrive at d after transport plus licence delay.
 * Traders pay r's price, less a strategic price cut that the foreign actor pays, plus d's tariff.
 */
function dispatch(world: World, m: number, k: number, r: number, d: number, tonnes: number): void {
  if (tonnes <= 0) return;
  const { markets, effective, regions: R } = world;
  const s = (m * 3 + k) * R + r;
  const shipped = tonnes * effective.licenceApproval[s];
  if (shipped <= 0) return;
  const arrival = (world.tick + world.transportTicks + Math.min(effective.licenceDelayTicks[s], markets.transitSlots - world.transportTicks - 1)) % markets.transitSlots;
  const destination = (m * 3 + k) * R + d;
  const alignment = world.regionState.alignment[r];
  const ring = alignment === HOME || alignment === ALLY ? markets.transitAlliedTonnes : markets.transitOtherTonnes;
  ring[destination * markets.transitSlots + arrival] += shipped;
  markets.exportedTonnes[s] += shipped;
  markets.importedTonnes[destination] += shipped;
  markets.tradeTonnes[s * R + d] += shipped;
  const price = markets.priceUsdPerTonne[s];
  const cut = effective.priceCut[s];
  const tariffUsd = shipped * price * (1 - cut) * effective.tariff[s * R + d];
  world.ledger.tradersUsd -= shipped * price * (1 - cut) + tariffUsd;
  world.ledger.governmentUsd[d] += tariffUsd;
  if (cut > 0) payPriceCut(world, s, shipped * price * cut);
}

/** The foreign actor pays the price cut on its exports, from the event's budget or its general one. */
function payPriceCut(world: World, s: number, amountUsd: number): void {
  const e = world.effective.priceCutEvent[s];
  if (e >= 0) world.eventState.budgetLeftUsd[e] -= amountUsd;
  else world.foreignActor.budgetLeftUsd -= amountUsd;
  world.foreignActor.spendingUsdThisTick += amountUsd;
  world.foreignActor.cumulativeSpendingUsd += amountUsd;
  world.ledger.foreignActorUsd -= amountUsd;
}
