import type { World } from '../world/world.ts';
import { ALLY, HOME } from '../world/world.ts';
import { weeksToTicks } from '../world/initialiseSteadyState.ts';
import { stageSpecOf } from '../world/populateFirms.ts';
import { cheapestLandedCost, expectedLicenceDelayTicks, IMPORT_PRICE_SENSITIVITY, quotaRentUsdPerTonne, weighOrigins } from './weighOrigins.ts';
import { isRestricted } from './formPrices.ts';

/** Rounds of the import allocation: orders an oversubscribed origin could not fill go to the others. */
const ALLOCATION_ROUNDS = 3;

/**
 * Trade (first half of phase 10) for market (m, k): traders in each importing region order up to a
 * target pipeline, Q_d = (N_d + ρ·(N_d·(L + D + W·(1 + F)) − terminal_d − transit_d))·appetite_d (see
 * `importAppetite`: 1 but for an exporter under its own controls), with N_d the smoothed import
 * need, L transport ticks, D the licence delay expected on the routes d buys on (weighted as its
 * order is split), W the stock target and F `announcementFrontRunning` while a control on an origin
 * is announced (0 otherwise). Orders are split over allowed origins by landed cost
 * P_r·(1 − cut_r)·(1 + tariff)·(1 − preference) and by what each origin can supply (see
 * `weighOrigins`); each origin ships at most its surplus (offers beyond (1 + W) × local bids) or, when
 * short, a pro-rata share of its stock, and its export quota; licensing approves a share and adds a
 * delay; bans block a destination.
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
    // Exportable: stock beyond what covers local buyers at the target cover, so a region exports its
    // surplus flow, not the working stock its own buyers rely on.
    const localBids = markets.localBidTonnes[s] + markets.publicBidTonnes[s] + markets.stockpileBidTonnes[s];
    sc.available[r] = Math.max(0, markets.firmOfferTonnes[s] - (1 + coverTicks) * localBids);
    markets.smoothedSurplusTonnes[s] += (sc.available[r] - markets.smoothedSurplusTonnes[s]) * (world.tick === 0 ? 1 : world.salesSmoothing);
    sc.localCover[r] = (1 + coverTicks) * localBids;
    // Offers its own public buyers need and can buy nowhere else are not for export (publicReserve):
    // taken out here, they are neither weighed, rationed nor shipped.
    sc.offerLeft[r] = Math.max(0, markets.firmOfferTonnes[s] - publicReserve(world, s));
    sc.quotaLeft[r] = effective.exportQuotaTonnesPerTick[s];
    // The month-long average of binding up to the last tick sets this tick's quota rent (weighOrigins).
    markets.quotaBindingAverage[s] += (markets.quotaBinding[s] - markets.quotaBindingAverage[s]) * world.salesSmoothing;
    markets.quotaBinding[s] = 0;
  }
  // Orders once every origin's offers, quota and surplus are this market's: the licence delay an
  // importer expects weighs all of them (weighOrigins).
  for (let r = 0; r < R; r++) {
    const s = base + r;
    let position = markets.terminalAlliedTonnes[s] + markets.terminalOtherTonnes[s];
    for (let slot = 0; slot < markets.transitSlots; slot++) position += markets.transitAlliedTonnes[s * markets.transitSlots + slot] + markets.transitOtherTonnes[s * markets.transitSlots + slot];
    const need = markets.importNeedTonnesPerTick[s];
    const leadTicks = world.transportTicks + (need > 0 ? expectedLicenceDelayTicks(world, m, k, r) : 0);
    // Front-running: while a control on an origin is announced, importers raise their stock target.
    const frontRunning = need > 0 && frontRunningOrigin(world, m, k, r) ? world.spec.behaviour.announcementFrontRunning : 0;
    sc.orderLeft[r] = Math.max(0, need + rate * (need * (leadTicks + coverTicks * (1 + frontRunning)) - position)) * importAppetite(world, m, k, r);
  }
  for (let round = 0; round < ALLOCATION_ROUNDS; round++) {
    sc.requested.fill(0);
    sc.quotaRequested.fill(0);
    sc.wantedByRoute.fill(0);
    for (let d = 0; d < R; d++) if (sc.orderLeft[d] > 0) requestOrder(world, m, k, d);
    // An origin ships its surplus beyond local cover, or, when short, a pro-rata share of its stock
    // (foreign orders against local cover), so exports shrink with scarcity instead of stopping at once.
    // Both shares are fixed before anything ships, so no importer's turn changes another's share.
    for (let r = 0; r < R; r++) {
      const rationed = sc.requested[r] > 0 ? (sc.offerLeft[r] * sc.requested[r]) / (sc.requested[r] + sc.localCover[r]) : 0;
      sc.limit[r] = Math.max(sc.available[r], rationed);
      sc.offerShare[r] = sc.requested[r] > sc.limit[r] ? sc.limit[r] / sc.requested[r] : 1;
      sc.quotaShare[r] = sc.quotaRequested[r] > sc.quotaLeft[r] ? sc.quotaLeft[r] / sc.quotaRequested[r] : 1;
      // The quota binds when it, not the origin's offers, limits what its routes get (shipOrder takes the smaller share).
      if (sc.quotaShare[r] < sc.offerShare[r]) markets.quotaBinding[base + r] = 1;
    }
    let shipped = 0;
    for (let d = 0; d < R; d++) if (sc.orderLeft[d] > 0) shipped += shipOrder(world, m, k, d);
    if (shipped <= 0) break;
  }
}

/**
 * Tonnes of segment s's firm offers held back from export for its public buyers (defence, component
 * markets only): their bids that allied-origin stock and the stockpile's release cannot cover, since
 * they may buy only local, allied-origin or stockpile material (clearSegment), t. Without it a region's
 * makers exported magnets while its own defence buyers went short beside other-origin stock they may
 * not touch; priority ratings for defence orders (the U.S. DPAS) work the same way.
 */
function publicReserve(world: World, s: number): number {
  const mk = world.markets;
  return Math.max(0, mk.publicBidTonnes[s] - mk.terminalAlliedTonnes[s] - mk.stockpileOfferTonnes[s]);
}

/**
 * Share of its order an importer d places: 1, except where d's own exports of this market are
 * restricted (d is then a price pool of its own, formPrices). There the inside price is held apart
 * from the world's, and traders do not buy what they could only resell at a loss: the order scales by
 * min(1, P_d / cheapest landed cost)^β (β = IMPORT_PRICE_SENSITIVITY, the origin split's), so it
 * fades as the world price rises above the inside one instead of lifting the inside price to it.
 */
function importAppetite(world: World, m: number, k: number, d: number): number {
  const s = (m * 3 + k) * world.regions + d;
  if (!isRestricted(world, s)) return 1;
  const cost = cheapestLandedCost(world, m, k, d);
  const price = world.markets.priceUsdPerTonne[s];
  return cost <= price ? 1 : Math.pow(price / cost, IMPORT_PRICE_SENSITIVITY);
}

/** Whether importer d buys from an origin whose export control is announced but not yet in force. */
function frontRunningOrigin(world: World, m: number, k: number, d: number): boolean {
  const base = (m * 3 + k) * world.regions;
  for (let r = 0; r < world.regions; r++) if (r !== d && world.effective.frontRunning[base + r] === 1) return true;
  return false;
}

/**
 * Request pass: splits importer d's open order over the allowed origins with goods left, in shares
 * the weights of `weighOrigins` (landed cost and what each origin can supply): the cheapest origin
 * gets most, but shares move smoothly with prices instead of switching all at once. Records each
 * route's part (`wantedByRoute`) and adds it to the origin's requests, and to its quota requests on
 * routes under its export quota.
 */
function requestOrder(world: World, m: number, k: number, d: number): void {
  const { effective, regions: R } = world;
  const sc = world.scratch;
  const total = weighOrigins(world, m, k, d);
  if (total <= 0) return;
  const order = sc.orderLeft[d];
  for (let r = 0; r < R; r++) {
    if (sc.weight[r] <= 0) continue;
    const wanted = (order * sc.weight[r]) / total;
    sc.wantedByRoute[d * R + r] = wanted;
    sc.requested[r] += wanted;
    if (effective.quotaApplies[((m * 3 + k) * R + r) * R + d] === 1) sc.quotaRequested[r] += wanted;
  }
}

/**
 * Shipping pass: ships importer d the parts its request pass put on each origin, scaled down where
 * the origin is oversubscribed: by its offers (`offerShare`: limit ÷ requests) and, on routes under
 * its export quota, by the quota (`quotaShare`: quota left ÷ quota requests, both before this pass),
 * whichever cuts more. Every importer gets the
 * same share of an oversubscribed origin whatever its place in the regions' order: the quota was
 * first come, first served in declaration order, so the first region declared never went short
 * under a binding quota and the last one got nothing (docs/model.md, G28). Returns the tonnes dispatched.
 */
function shipOrder(world: World, m: number, k: number, d: number): number {
  const { effective, regions: R } = world;
  const sc = world.scratch;
  let dispatched = 0;
  for (let r = 0; r < R; r++) {
    const wanted = sc.wantedByRoute[d * R + r];
    if (wanted <= 0) continue;
    const underQuota = effective.quotaApplies[((m * 3 + k) * R + r) * R + d] === 1;
    // The caps only catch rounding: the scaled parts of one origin sum to its limit and its quota.
    const sent = Math.min(wanted * (underQuota ? Math.min(sc.offerShare[r], sc.quotaShare[r]) : sc.offerShare[r]), sc.offerLeft[r], underQuota ? sc.quotaLeft[r] : Infinity);
    sc.orderLeft[d] -= sent;
    sc.available[r] = Math.max(0, sc.available[r] - sent);
    sc.offerLeft[r] -= sent;
    if (underQuota) sc.quotaLeft[r] -= sent;
    dispatch(world, m, k, r, d, sent);
    dispatched += sent;
  }
  return dispatched;
}

/**
 * Ships `tonnes` ordered from r to d: licensing approves a share (the rest is refused and re-ordered
 * later); the approved goods leave r's sellers now and arrive at d after transport plus licence delay.
 * Traders pay r's price, less a strategic price cut that the foreign actor pays, plus a binding
 * quota's rent (to r's government: `quotaRentUsdPerTonne`), plus d's tariff on both.
 */
function dispatch(world: World, m: number, k: number, r: number, d: number, tonnes: number): void {
  if (tonnes <= 0) return;
  const { markets, effective, regions: R } = world;
  const s = (m * 3 + k) * R + r;
  const shipped = tonnes * effective.licenceApproval[s * R + d];
  if (shipped <= 0) return;
  const arrival = (world.tick + world.transportTicks + Math.min(effective.licenceDelayTicks[s * R + d], markets.transitSlots - world.transportTicks - 1)) % markets.transitSlots;
  const destination = (m * 3 + k) * R + d;
  const alignment = world.regionState.alignment[r];
  const ring = alignment === HOME || alignment === ALLY ? markets.transitAlliedTonnes : markets.transitOtherTonnes;
  ring[destination * markets.transitSlots + arrival] += shipped;
  markets.exportedTonnes[s] += shipped;
  markets.importedTonnes[destination] += shipped;
  markets.tradeTonnes[s * R + d] += shipped;
  const price = markets.priceUsdPerTonne[s];
  const cut = effective.priceCut[s] > 0 ? affordableCut(world, s, effective.priceCut[s], shipped * price) : 0;
  const rentUsd = shipped * quotaRentUsdPerTonne(world, s, r, d, price * (1 - cut));
  const valueUsd = shipped * price * (1 - cut) + rentUsd;
  const tariffUsd = valueUsd * effective.tariff[s * R + d];
  world.ledger.tradersUsd -= valueUsd + tariffUsd;
  world.ledger.governmentUsd[r] += rentUsd;
  markets.quotaRentUsd[s] += rentUsd;
  world.ledger.governmentUsd[d] += tariffUsd;
  if (d === world.government.region) world.government.tariffRevenueUsdThisTick += tariffUsd;
  if (cut > 0) payPriceCut(world, world.effective.priceCutEvent[s], shipped * price * cut);
}

/**
 * The cut the foreign actor can still pay on a shipment worth `valueUsd`: its budget runs out, so the
 * shipment that exhausts it gets only what is left (and later ones none), never an overdraft.
 */
function affordableCut(world: World, s: number, cut: number, valueUsd: number): number {
  const e = world.effective.priceCutEvent[s];
  const left = Math.max(0, e >= 0 ? world.eventState.budgetLeftUsd[e] : world.foreignActor.budgetLeftUsd);
  return valueUsd * cut <= left ? cut : left / valueUsd;
}

/**
 * The foreign actor pays a price cut (the discount on its exports, or its producers' subsidy under
 * leadership) from the budget of event `e`, or from its general one for e = −2 (a rule-driven war).
 */
export function payPriceCut(world: World, e: number, amountUsd: number): void {
  if (e >= 0) world.eventState.budgetLeftUsd[e] -= amountUsd;
  else world.foreignActor.budgetLeftUsd -= amountUsd;
  world.foreignActor.spendingUsdThisTick += amountUsd;
  world.ledger.foreignActorUsd -= amountUsd;
}
