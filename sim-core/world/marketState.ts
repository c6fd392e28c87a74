/**
 * Market state, one entry per segment s = (material × 3 + tradedStage) × regions + region, where
 * tradedStage 0 = concentrate (sold by miners), 1 = refined material (processors, recyclers,
 * stockpile releases), 2 = components (manufacturers). Each region is its own price segment;
 * traders link segments by shipping surplus to where it is dearer, subject to trade rules.
 *
 * Glossary:
 * - `tradedPriceUsdPerTonne`: the price at which this tick's trades settle (before the price update).
 * - `priceUsdPerTonne`: the segment's price this tick, USD/t; `basePriceUsdPerTonne`: at tick 0.
 * - `expectedPriceUsdPerTonne`: exponential average over `expectationYears` (adaptive expectations).
 * - `longPriceUsdPerTonne`: exponential average over one year (investment and thrifting decisions).
 * - `smoothedDemandTonnes`, `smoothedSupplyTonnes`: demand (with exports) and supply offered, averaged over
 *   about a month, which the price rule reads (orders are lumpy week to week), t.
 * - `firmOfferTonnes`, `localBidTonnes`, `publicBidTonnes`: offers and bids gathered this tick, t.
 * - `terminalAlliedTonnes`, `terminalOtherTonnes`: imported stock held by traders in the segment,
 *   split by whether it came from home/allied exporters (public buyers may only take the former), t.
 * - `importNeedTonnesPerTick`: traders' smoothed estimate of the segment's import need, t/tick.
 * - `exportEmaTonnesPerTick`: one-year average of the segment's exports (quota baselines), t/tick.
 * - `routeExportEmaTonnesPerTick`: the same per importer, indexed as `tradeTonnes` (the baseline of a
 *   quota on some destinations only: the sum over them), t/tick.
 * - `smoothedSurplusTonnes`: the segment's exportable surplus averaged over about a month, which
 *   importers' traders weigh when they choose origins (a supplier's stock dip for a week does not
 *   send its buyers elsewhere), t.
 * - `recycledOfferTonnes`: the part of `firmOfferTonnes` offered by recyclers this tick (refined only), t.
 * - `firmSellRatio`, `bidFillRatio`, `publicFillRatio`, `terminalSellRatio`: this tick's clearing shares;
 *   `recycledSellRatio`: the share of recyclers' offers sold (`firmSellRatio` is that of the other firms').
 * - `exportedTonnes`, `importedTonnes`, `arrivedTonnes`: this tick's shipments out, shipments into
 *   transit towards the segment, and arrivals from transit, t.
 * - `stockpileBidTonnes`, `stockpileOfferTonnes`: government stockpile orders this tick (refined and component segments), t;
 *   `stockpileSellRatio`: the share of the stockpile's offer sold this tick.
 * - `transitAlliedTonnes`, `transitOtherTonnes`: ring buffers of shipments under way, indexed
 *   `s × transitSlots + (arrivalTick mod transitSlots)`, t.
 * - `leadershipDiscount`, `leaderOwnDiscount`: the share d of the segment's price that price leadership
 *   (a `leadership` price cut in its pool) has taken off, as of the last price update, and the part of
 *   it the segment's own cut causes (phases/priceLeadership.ts; 0 without one); `leaderNormalPrice`, the
 *   segment's normal price (anchor) at that update, which caps the cutter's subsidy.
 * - `saleSubsidyUsdPerTonne`: what a leading price cutter pays its producers per tonne sold this tick on
 *   top of the traded price, USD/t (0 elsewhere).
 * - `tradeTonnes`: this tick's shipments, indexed `((material × 3 + k) × regions + exporter) × regions + importer`, t.
 * - `quotaBinding`: 1 when the segment's export quota held this tick's shipments under it below what
 *   its offers allowed (the quota's share of the orders under it smaller than the offers' share, in
 *   any allocation round: shipGoods), else 0. Recorded per quota event (`exportQuotaBinding`).
 * - `quotaBindingAverage`: the month-long average of `quotaBinding` up to the last tick (0 to 1), the
 *   share of the gap to an importer's own price that the quota's licences add to what it pays (the
 *   quota rent: weighOrigins' `quotaRentUsdPerTonne`).
 * - `quotaRentUsd`: the quota rent importers paid this tick on the segment's exports (to its exporter's
 *   government), USD; recorded per quota event (`exportQuotaRent`).
 */
export interface MarketState {
  readonly segments: number;
  readonly transitSlots: number;
  readonly priceUsdPerTonne: Float64Array;
  readonly tradedPriceUsdPerTonne: Float64Array;
  readonly basePriceUsdPerTonne: Float64Array;
  readonly expectedPriceUsdPerTonne: Float64Array;
  readonly longPriceUsdPerTonne: Float64Array;
  readonly smoothedDemandTonnes: Float64Array;
  readonly smoothedSupplyTonnes: Float64Array;
  readonly firmOfferTonnes: Float64Array;
  readonly localBidTonnes: Float64Array;
  readonly publicBidTonnes: Float64Array;
  readonly terminalAlliedTonnes: Float64Array;
  readonly terminalOtherTonnes: Float64Array;
  readonly importNeedTonnesPerTick: Float64Array;
  readonly exportEmaTonnesPerTick: Float64Array;
  readonly routeExportEmaTonnesPerTick: Float64Array;
  readonly smoothedSurplusTonnes: Float64Array;
  readonly recycledOfferTonnes: Float64Array;
  readonly firmSellRatio: Float64Array;
  readonly recycledSellRatio: Float64Array;
  readonly bidFillRatio: Float64Array;
  readonly publicFillRatio: Float64Array;
  readonly terminalSellRatio: Float64Array;
  readonly stockpileSellRatio: Float64Array;
  readonly exportedTonnes: Float64Array;
  readonly importedTonnes: Float64Array;
  readonly arrivedTonnes: Float64Array;
  readonly stockpileBidTonnes: Float64Array;
  readonly stockpileOfferTonnes: Float64Array;
  readonly transitAlliedTonnes: Float64Array;
  readonly transitOtherTonnes: Float64Array;
  readonly tradeTonnes: Float64Array;
  readonly leadershipDiscount: Float64Array;
  readonly leaderOwnDiscount: Float64Array;
  readonly leaderNormalPrice: Float64Array;
  readonly saleSubsidyUsdPerTonne: Float64Array;
  readonly quotaBinding: Uint8Array;
  readonly quotaBindingAverage: Float64Array;
  readonly quotaRentUsd: Float64Array;
}

/** Allocates market state for the given numbers of materials and regions. */
export function createMarketState(materials: number, regions: number, transitSlots: number): MarketState {
  const segments = materials * 3 * regions;
  const f64 = () => new Float64Array(segments);
  return {
    segments,
    transitSlots,
    priceUsdPerTonne: f64(),
    tradedPriceUsdPerTonne: f64(),
    basePriceUsdPerTonne: f64(),
    expectedPriceUsdPerTonne: f64(),
    longPriceUsdPerTonne: f64(),
    smoothedDemandTonnes: f64(),
    smoothedSupplyTonnes: f64(),
    firmOfferTonnes: f64(),
    localBidTonnes: f64(),
    publicBidTonnes: f64(),
    terminalAlliedTonnes: f64(),
    terminalOtherTonnes: f64(),
    importNeedTonnesPerTick: f64(),
    exportEmaTonnesPerTick: f64(),
    routeExportEmaTonnesPerTick: new Float64Array(segments * regions),
    smoothedSurplusTonnes: f64(),
    recycledOfferTonnes: f64(),
    firmSellRatio: f64(),
    recycledSellRatio: f64(),
    bidFillRatio: f64(),
    publicFillRatio: f64(),
    terminalSellRatio: f64(),
    stockpileSellRatio: f64(),
    exportedTonnes: f64(),
    importedTonnes: f64(),
    arrivedTonnes: f64(),
    stockpileBidTonnes: f64(),
    stockpileOfferTonnes: f64(),
    transitAlliedTonnes: new Float64Array(segments * transitSlots),
    transitOtherTonnes: new Float64Array(segments * transitSlots),
    tradeTonnes: new Float64Array(segments * regions),
    leadershipDiscount: f64(),
    leaderOwnDiscount: f64(),
    leaderNormalPrice: f64(),
    saleSubsidyUsdPerTonne: f64(),
    quotaBinding: new Uint8Array(segments),
    quotaBindingAverage: f64(),
    quotaRentUsd: f64(),
  };
}
