/**
 * Parameters in force at the current tick: base values with every active event applied.
 * Recomputed from scratch each tick by `applyEvents` (no mutate-and-revert).
 *
 * Index conventions: segment s = (m × 3 + k) × R + r; pair p = (m × 3 + k) × R × R + exporter × R + importer;
 * cell c = m × R + r; stage cell sc = (capacityStage × M + m) × R + r; region pair rp = a × R + b.
 *
 * Glossary:
 * - `exportQuotaTonnesPerTick[s]`: exporter's exports allowed per tick to the destinations under quota (Infinity = none).
 * - `quotaApplies[p]`: 1 when exports from the exporter to the importer count against its quota.
 * - `licenceApproval[p]`, `licenceDelayTicks[p]`: share of export orders approved and their extra delay, per route.
 * - `exportBanned[p]`: 1 when exports from exporter to importer are banned.
 * - `tariff[p]`: ad valorem tariff the importer levies on that exporter's goods.
 * - `preference[rp]`: friend-shoring preference margin between two regions (share of price).
 * - `frontRunning[s]`: 1 while a control on exporter segment s is announced but not yet in force.
 * - `demandMultiplier[c]`: demand shocks.
 * - `permittingRate[r]`, `constructionRate[sc]`: progress per tick relative to normal (reform > 1, disinformation, technology bans < 1).
 * - `capexSubsidyShare[sc]`, `priceFloorUsdPerTonne[sc]`, `hurdleReduction[sc]`, `offtake[sc]`: public support in force.
 * - `supportEvent[sc]`: index of the price floor or offtake event paying the floor gap and offtake purchases
 *   (for its budget), −1 for none; `capexSupportEvent[sc]`: the same for the capex subsidy. Each instrument
 *   pays from its own event's budget (two events of one instrument on one cell: the last applied pays).
 * - `collectionShare[c]`: recycling collection share (base raised by mandates).
 * - `availability[sc]`: share of capacity not under a scripted outage.
 * - `priceCut[s]`, `priceCutEvent[s]`: strategic price cut on exports (mode `exportDiscount`) and the index of
 *   the event paying it (−2: the actor's rule-driven price war, from its general budget).
 * - `leadershipCut[s]`, `leadershipCutEvent[s]`: strategic price cut by which segment s leads its price pool
 *   down (mode `leadership`), and the event paying its producers' subsidy (−2 as above).
 * - `divertShare[c]`, `divertTo[c]`: share of mine output diverted by acquisition/offtake, and to whom.
 * - `stockpileEvent[form·cells + c]`: index of the stockpile doctrine in force for (form, material, region), −1 for none (form: world.ts `stockpileForm`).
 */
export interface EffectiveParameters {
  readonly exportQuotaTonnesPerTick: Float64Array;
  readonly quotaApplies: Uint8Array;
  readonly licenceApproval: Float64Array;
  readonly licenceDelayTicks: Int32Array;
  readonly exportBanned: Uint8Array;
  readonly tariff: Float64Array;
  readonly preference: Float64Array;
  readonly frontRunning: Uint8Array;
  readonly demandMultiplier: Float64Array;
  readonly permittingRate: Float64Array;
  readonly constructionRate: Float64Array;
  readonly capexSubsidyShare: Float64Array;
  readonly priceFloorUsdPerTonne: Float64Array;
  readonly hurdleReduction: Float64Array;
  readonly offtake: Uint8Array;
  /** 1 where some support in force can be reversed at an election (investors then discount all of it). */
  readonly supportReversible: Uint8Array;
  readonly supportEvent: Int32Array;
  readonly capexSupportEvent: Int32Array;
  readonly collectionShare: Float64Array;
  readonly availability: Float64Array;
  readonly priceCut: Float64Array;
  readonly priceCutEvent: Int32Array;
  readonly leadershipCut: Float64Array;
  readonly leadershipCutEvent: Int32Array;
  readonly divertShare: Float64Array;
  readonly divertTo: Int32Array;
  readonly stockpileEvent: Int32Array;
}

/** Allocates effective parameters for M materials and R regions. */
export function createEffectiveParameters(materials: number, regions: number): EffectiveParameters {
  const segments = materials * 3 * regions;
  const cells = materials * regions;
  const stageCells = 4 * cells;
  return {
    exportQuotaTonnesPerTick: new Float64Array(segments),
    quotaApplies: new Uint8Array(segments * regions),
    licenceApproval: new Float64Array(segments * regions),
    licenceDelayTicks: new Int32Array(segments * regions),
    exportBanned: new Uint8Array(segments * regions),
    tariff: new Float64Array(segments * regions),
    preference: new Float64Array(regions * regions),
    frontRunning: new Uint8Array(segments),
    demandMultiplier: new Float64Array(cells),
    permittingRate: new Float64Array(regions),
    constructionRate: new Float64Array(stageCells),
    capexSubsidyShare: new Float64Array(stageCells),
    priceFloorUsdPerTonne: new Float64Array(stageCells),
    hurdleReduction: new Float64Array(stageCells),
    offtake: new Uint8Array(stageCells),
    supportReversible: new Uint8Array(stageCells),
    supportEvent: new Int32Array(stageCells),
    capexSupportEvent: new Int32Array(stageCells),
    collectionShare: new Float64Array(cells),
    availability: new Float64Array(stageCells),
    priceCut: new Float64Array(segments),
    priceCutEvent: new Int32Array(segments),
    leadershipCut: new Float64Array(segments),
    leadershipCutEvent: new Int32Array(segments),
    divertShare: new Float64Array(cells),
    divertTo: new Int32Array(cells),
    stockpileEvent: new Int32Array(2 * cells), // one per stockpile form (world.ts STOCKPILE_FORMS)
  };
}
