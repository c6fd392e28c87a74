import type { World } from '../world/world.ts';
import type { MarketState } from '../world/marketState.ts';

/**
 * Local clearing in one segment s (second half of phase 10).
 *
 * Supply: firms' offers left after exports, traders' terminal stock (allied and other origins) and
 * stockpile releases. Demand: local bids and stockpile purchases; in component markets public buyers
 * are served first and only from local firms, allied-origin stock and the stockpile's releases. Sellers are filled pro rata,
 * firms in proportion to their normal sales (see {@link splitFirmSales}).
 *
 * Records the month-long averages of demand (with exports) and supply that prices read (formPrices),
 * supply counting recyclers' offers at the market's cover (offer × `recycledWeight`).
 * @param recycledWeight - (1 + W)/(1 + W_rec): the market's target cover over recyclers' (1 where none sell)
 */
export function clearSegment(world: World, s: number, recycledWeight: number): void {
  const mk = world.markets;
  const firmAvailable = Math.max(0, mk.firmOfferTonnes[s] - mk.exportedTonnes[s]);
  const alliedStock = mk.terminalAlliedTonnes[s];
  const otherStock = mk.terminalOtherTonnes[s];
  const stockpileOffer = mk.stockpileOfferTonnes[s];
  const publicBid = mk.publicBidTonnes[s];
  const privateBid = mk.localBidTonnes[s] + mk.stockpileBidTonnes[s];
  // Public buyers also draw on the home stockpile's releases (only component markets have public buyers).
  const publicSupply = firmAvailable + alliedStock + stockpileOffer;
  const publicFilled = Math.min(publicBid, publicSupply);
  const publicTake = publicSupply > 0 ? publicFilled / publicSupply : 0;
  const privateSupply = (firmAvailable + alliedStock) * (1 - publicTake) + otherStock + stockpileOffer * (1 - publicTake);
  const privateFilled = Math.min(privateBid, privateSupply);
  const privateTake = privateSupply > 0 ? privateFilled / privateSupply : 0;
  const firmLocalSold = firmAvailable * (publicTake + (1 - publicTake) * privateTake);
  splitFirmSales(mk, s, firmLocalSold + mk.exportedTonnes[s], recycledWeight);
  mk.publicFillRatio[s] = publicBid > 0 ? publicFilled / publicBid : 1;
  mk.bidFillRatio[s] = privateBid > 0 ? privateFilled / privateBid : 1;
  mk.terminalSellRatio[s] = privateTake;
  mk.stockpileSellRatio[s] = publicTake + (1 - publicTake) * privateTake;
  const price = mk.priceUsdPerTonne[s];
  mk.tradedPriceUsdPerTonne[s] = price;
  const alliedSold = alliedStock * (publicTake + (1 - publicTake) * privateTake);
  const otherSold = otherStock * privateTake;
  mk.terminalAlliedTonnes[s] = alliedStock - alliedSold;
  mk.terminalOtherTonnes[s] = otherStock - otherSold;
  world.ledger.tradersUsd += (alliedSold + otherSold) * price;
  // Exports count on both sides: the coverage that matters to a seller is of all its buyers, at home and abroad.
  const demand = publicBid + privateBid + mk.exportedTonnes[s];
  const supply = offerAtMarketCover(mk, s, recycledWeight) + alliedStock + otherStock + stockpileOffer;
  smoothFlows(world, s, demand, supply);
}

/**
 * Firm offers of segment s counted at the market's target cover: recyclers' offers (which cover
 * W_rec ticks of their sales) weigh (1 + W)/(1 + W_rec) tonnes of the market's sellers' offers, t.
 */
export function offerAtMarketCover(mk: MarketState, s: number, recycledWeight: number): number {
  const recycled = mk.recycledOfferTonnes[s];
  return recycled > 0 ? mk.firmOfferTonnes[s] + recycled * (recycledWeight - 1) : mk.firmOfferTonnes[s];
}

/**
 * Shares the firms' sales of segment s (local and exported, t) between the stage selling there and
 * the recyclers, in proportion to each one's normal sales, offer ÷ (1 + own stock target): buyers
 * spread their orders over suppliers by their usual deliveries, not by the stock each holds. Recyclers'
 * shares are sold share = min(1, λ·w) and the others' min(1, λ) with λ such that the sales add up.
 * (Shares pro rata to stock would sell each firm (1 + W_own)/(1 + W) of its expected sales at
 * balance, so a seller leaner than the market would shrink every tick.)
 */
function splitFirmSales(mk: MarketState, s: number, sold: number, recycledWeight: number): void {
  const offer = mk.firmOfferTonnes[s];
  const recycled = Math.min(mk.recycledOfferTonnes[s], offer);
  const other = offer - recycled;
  if (offer <= 0) {
    mk.firmSellRatio[s] = 0;
    mk.recycledSellRatio[s] = 0;
    return;
  }
  const ratio = sold / (other + recycled * recycledWeight);
  let otherRatio = ratio;
  let recycledRatio = ratio * recycledWeight;
  if (recycledRatio > 1) {
    recycledRatio = 1;
    otherRatio = other > 0 ? (sold - recycled) / other : 0;
  } else if (otherRatio > 1) {
    otherRatio = 1;
    recycledRatio = recycled > 0 ? (sold - other) / recycled : 0;
  }
  mk.firmSellRatio[s] = Math.min(1, Math.max(0, otherRatio));
  mk.recycledSellRatio[s] = Math.min(1, Math.max(0, recycledRatio));
}

/** Updates the month-long averages of demand (with exports) and supply offered that prices read. */
function smoothFlows(world: World, s: number, demand: number, supply: number): void {
  const mk = world.markets;
  const smoothing = world.salesSmoothing;
  const first = mk.smoothedDemandTonnes[s] === 0 && mk.smoothedSupplyTonnes[s] === 0;
  mk.smoothedDemandTonnes[s] = first ? demand : mk.smoothedDemandTonnes[s] + (demand - mk.smoothedDemandTonnes[s]) * smoothing;
  mk.smoothedSupplyTonnes[s] = first ? supply : mk.smoothedSupplyTonnes[s] + (supply - mk.smoothedSupplyTonnes[s]) * smoothing;
}
