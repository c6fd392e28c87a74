import { bareNumber } from './checkBareNumbers.ts';
import { checkEmptyCellEvents } from './checkEmptyCellEvents.ts';
import { checkPointlessEvents } from './checkPointlessEvents.ts';
import { isPlainMap, type PlainMap } from './locatedTree.ts';
import { nominalValue } from './nominalValue.ts';
import type { ProblemSink } from './problemSink.ts';

/** A floor below this share of the base price is most likely a unit mistake (USD/t for USD/kg). */
export const LOW_FLOOR_SHARE = 0.5;

/** The market a capacity stage sells into (recycling sells refined material). */
const SOLD_AT: Readonly<Record<string, string>> = { mining: 'mining', processing: 'processing', manufacturing: 'manufacturing', recycling: 'processing' };

/** A figure for a message in the material's price unit, four significant digits. */
function inUnit(usdPerTonne: number, unit: string): string {
  const value = unit === 'USD/kg' ? usdPerTonne / 1000 : usdPerTonne;
  return `${Number(value.toPrecision(4))} ${unit}`;
}

/** Warns when a price-floor or offtake subsidy's floor is below {@link LOW_FLOOR_SHARE} of the base price it supports. */
function checkFloor(id: string, event: PlainMap, materials: PlainMap, warnings: ProblemSink): void {
  if (event.kind !== 'subsidy' || (event.mode !== 'priceFloor' && event.mode !== 'offtake')) return;
  const material = materials[event.material as string];
  const stage = SOLD_AT[event.stage as string];
  if (!isPlainMap(material) || stage === undefined || !isPlainMap(material.basePriceUsdPerTonne)) return;
  const base = nominalValue(material.basePriceUsdPerTonne[stage]);
  const floor = nominalValue(event.priceFloorUsdPerTonne);
  if (!(Number.isFinite(base) && Number.isFinite(floor) && floor < LOW_FLOOR_SHARE * base)) return;
  const unit = material.priceUnit === 'USD/kg' ? 'USD/kg' : 'USD/t';
  const path = ['events', id, 'priceFloorUsdPerTonne'];
  const text = warnings.textAt(path);
  const found = text === undefined ? inUnit(floor, unit) : `${warnings.found(path, event.priceFloorUsdPerTonne)}, read as ${inUnit(floor, unit)}`;
  const hint = text === undefined || bareNumber(text) === undefined ? 'check the unit (a bare number is USD/t)' : `a bare number is USD/t: if USD/kg is meant, write \`${text.trim()} USD/kg\``;
  warnings.add(path, `a floor of at least ${LOW_FLOOR_SHARE * 100}% of the ${event.material} ${stage} base price (${inUnit(base, unit)})`,
    found, `a floor this far below the market never binds; ${hint}`);
}

/** Warns about each listed region equal to the one the event leaves out (`destinations: [CN]` on CN's exports). */
function checkSelf(id: string, event: PlainMap, listKey: string, selfKey: string, warnings: ProblemSink): void {
  const list = event[listKey];
  const self = event[selfKey];
  if (!Array.isArray(list) || typeof self !== 'string') return;
  const only = list.every((region) => region === self);
  list.forEach((region, i) => {
    if (region !== self) return;
    const effect = `the ${selfKey}'s own region is always left out, so ${only ? 'the event has no effect' : `${self} here changes nothing`}`;
    warnings.add(['events', id, listKey, i], `${listKey} other than the ${selfKey} (${self})`, `"${self}"`, effect);
  });
}

/** Warns about a quota whose ceiling is 0 (`quotaTonnesPerYear: 0`, `quotaShare: 0`): it allows no exports, a ban under another name (audit 23, L2). */
function checkZeroQuota(id: string, event: PlainMap, warnings: ProblemSink): void {
  if (event.mode !== 'quota') return;
  const key = event.quotaTonnesPerYear !== undefined && event.quotaTonnesPerYear !== null ? 'quotaTonnesPerYear' : 'quotaShare';
  if (nominalValue(event[key]) !== 0) return;
  const path = ['events', id, key];
  warnings.add(path, key === 'quotaShare' ? 'a share above 0' : 'a tonnage above 0', warnings.found(path, event[key]),
    'a quota of 0 allows no exports at all: that is a ban; write `mode: ban` (and drop the quota key) so that the report and impact.json call it one');
}

/**
 * Warns about events that are valid but do not do what they say: a subsidy price floor below half of
 * the base price it supports (a `priceFloorUsdPerTonne: 450` on gallium is 0.45 USD/kg against ~370,
 * most likely USD/kg meant), and an export control's `destinations` (a tariff's `exporters`) that name
 * the exporter (importer) itself, which the engine skips: listed alone, the event has no effect; a
 * quota of 0, which is a ban; and the events that do nothing of checkPointlessEvents (a budget of 0,
 * a stockpile that never releases, a mandate at or below the base collection share, graduates
 * after the run) and of checkEmptyCellEvents (an outage or cyberattack on a cell with no capacity).
 *
 * @param nominal - The resolved tree (canonical units, defaults applied, distributions at their centre).
 * @param warnings - Where the located warnings go.
 * @example
 * checkEventEffects(nominal, warnings); // events.f.priceFloorUsdPerTonne: expected a floor of at least 50% of the gallium processing base price (370 USD/kg), found 450, read as 0.45 USD/kg (…)
 */
export function checkEventEffects(nominal: PlainMap, warnings: ProblemSink): void {
  const { events, materials } = nominal;
  if (!isPlainMap(events) || !isPlainMap(materials)) return;
  for (const [id, event] of Object.entries(events)) {
    if (!isPlainMap(event)) continue;
    checkFloor(id, event, materials, warnings);
    if (event.kind === 'exportControl') {
      checkSelf(id, event, 'destinations', 'exporter', warnings);
      checkZeroQuota(id, event, warnings);
    }
    if (event.kind === 'tariff') checkSelf(id, event, 'exporters', 'importer', warnings);
  }
  checkPointlessEvents(nominal, warnings);
  checkEmptyCellEvents(nominal, warnings);
}
