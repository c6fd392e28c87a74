/**
 * What each event key means, in a few words, for the event reference (scenarios/README.md) and the
 * JSON Schema's hover text. By key; `kind.key` overrides a key's text for one kind.
 */
export const EVENT_KEY_NOTES: Readonly<Record<string, string>> = {
  id: 'Optional id; the map key is the id',
  start: 'When the event takes effect',
  end: 'When it stops (exclusive); without end or duration it lasts to the end of the run',
  duration: 'Instead of end: end = start + duration (start not drawn from a distribution)',
  announced: 'When it is announced (importers front-run an export control from then)',
  reversible: 'Whether an election of the home government may reverse it (default true for its own policies: a stockpile, subsidy, permittingReform, recyclingMandate or workforceProgramme whose region is home, a tariff whose importer is home, friendShoring with home among the members; false otherwise: other regions\' elections are not modelled)',
  material: 'Material id',
  region: 'Region id',
  stage: 'Stage; a market is named after the stage selling into it (mining = concentrate, processing = refined, manufacturing = component)',
  mode: 'Which instrument the event is',
  exporter: 'Exporting region id',
  importer: 'Importing region id',
  acquirer: 'Region id of the acquirer',
  destinations: 'Importing regions it applies to (all but the exporter if omitted); a quota\'s ceiling is then a share of the exports to them',
  exporters: 'Exporting regions taxed (all but the importer if omitted)',
  members: 'Region ids of the agreement',
  quotaTonnesPerYear: 'Instead of quotaShare: exports allowed as a fixed tonnage a year (to the destinations it covers, together), as quotas are announced (China\'s 2010 rare-earth quota: 30,258 t)',
  quotaShare: 'Exports allowed, as a share of the exporter\'s one-year average exports to the destinations it covers (every destination if `destinations` is omitted) when the quota starts, front-running after an announcement included (one ceiling, shared by those destinations); or give quotaTonnesPerYear instead',
  approvalRate: 'Share of licence requests approved',
  delayYears: 'Licensing delay',
  constructionMultiplier: 'Divides the construction rate of plants of this stage outside the exporter',
  priceCut: 'Price cut on the region\'s segment, as a share of the price',
  'priceManipulation.mode': 'How the cut reaches the market. With leadership, the region\'s producers lead their whole price pool down by the cut times their share of its supply, and the budget pays them up to the normal price on every tonne they sell; with exportDiscount, only its exports are sold at the cut, which shifts importers\' orders but moves no rival\'s price',
  budgetUsd: 'Budget; the event lapses when it is spent',
  facilityShare: 'Share of firms hit (at least the largest one)',
  downtimeYears: 'Downtime of a hit firm (median of the stochastic draw)',
  ratePerYear: 'Attacks per year while in force',
  downtimeSpread: 'Lognormal sigma of each attack\'s downtime',
  doctrine: 'When the stockpile buys and releases',
  'stockpile.stage': 'Form held: processing = refined material, manufacturing = components',
  targetDays: 'Stock target in days of the region\'s consumption at the start (base demand: it does not grow with demand growth or shrink with thrift, so 90 days cover fewer days of a later year\'s use)',
  releaseShortfallShare: 'Release when last tick\'s unmet demand exceeds this share of demand: for a refined stockpile the region\'s manufacturers\' and end users\' demand and unmet demand summed, for a component stockpile its end users\' (docs/model.md G10)',
  releasePriceMultiple: 'Outside a shortage, release a tick\'s base consumption per tick while the price exceeds this multiple of its base price (buying stops above 1.5× base whatever this is). Prices usually ration before demand goes unmet in this model (not always: docs/model.md G32, G35), so this is what usually triggers a release',
  maxBuyShare: 'Largest purchase per tick, as a share of a tick\'s base consumption (at the start, as targetDays; the release rate of doctrine release). It sets the fill time: (targetDays − initialDays) / (maxBuyShare × 7 days) weeks at the least, so 60 days at 10% take about 86 weeks and at 25% about 35 (the loader warns when a stockpile cannot be full before its material\'s first disruption)',
  initialDays: 'Stock already held at the start, in days of base consumption (as targetDays); it is free: no policy cost counts it, and compare reports name it',
  carryingCostSharePerYear: 'Yearly holding cost, as a share of the stock\'s value at base prices',
  rate: 'Ad valorem tariff',
  costUsdPerYear: 'Running cost paid while in force',
  preference: 'Preference for members\' supply, as a share of landed cost',
  durationMultiplier: 'Multiplies permitting durations (below 1 shortens them)',
  capexShare: 'Share of expansion capex paid by the subsidy',
  priceFloorUsdPerTonne: 'Guaranteed price (offtake: the government buys at it)',
  hurdleReduction: 'Reduction of the hurdle rate',
  collectionShare: 'End-of-life collection share (raised to at least this)',
  extraGraduatesPerYear: 'Extra engineers trained per year',
  lagYears: 'Delay before the first extra graduates',
  multiplier: 'Multiplies demand (one region, or all if region is omitted)',
  capacityShare: 'Share of the stage\'s capacity unavailable',
  share: 'Share of the region\'s mine output diverted to the acquirer',
  costUsd: 'One-off price paid by the acquirer',
  capacityTonnesPerYear: 'Capacity of the mining project added',
  leadYears: 'Construction time of the project',
};

/** The note of `key` for events of `kind`, or undefined. */
export function eventKeyNote(kind: string, key: string): string | undefined {
  const specific = `${kind}.${key}`;
  if (Object.hasOwn(EVENT_KEY_NOTES, specific)) return EVENT_KEY_NOTES[specific];
  return Object.hasOwn(EVENT_KEY_NOTES, key) ? EVENT_KEY_NOTES[key] : undefined;
}
