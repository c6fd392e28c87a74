import { describeStageProduct } from './describeStageProduct.ts';
import { formatMoney } from './formatMoney.ts';
import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
import { formatWeeks } from './formatWeeks.ts';
import type { EventOverview } from './readScenarioOverview.ts';

/** Whether an event is a hostile action, a policy of the home government or allies, or a shock. */
export type EventCategory = 'threat' | 'policy' | 'shock';

const THREATS = new Set(['exportControl', 'technologyBan', 'priceManipulation', 'cyberattack', 'disinformation', 'mineAcquisition']);
const SHOCKS = new Set(['demandShock', 'outage']);
/** Stockpile doctrines in words (sim-core StockpileEvent). */
const DOCTRINES: Record<string, string> = {
  daysOfConsumption: 'bought up to target, released on a shortage or a price spike',
  shortfall: 'bought up to target, released only on a shortage',
  release: 'sold down',
};

/**
 * Sorts an event kind into threat, policy or shock.
 *
 * @param kind - The event's `kind`.
 * @returns Its category (unknown kinds count as policies).
 * @example
 * eventCategory('exportControl'); // 'threat'
 */
export function eventCategory(kind: string): EventCategory {
  return THREATS.has(kind) ? 'threat' : SHOCKS.has(kind) ? 'shock' : 'policy';
}

/**
 * Describes a scripted event in a short phrase for people, from its kind and fields; unknown
 * kinds fall back to the kind and the event's id.
 *
 * @param event - The event.
 * @param materialName - Turns a material id into its name.
 * @returns e.g. `CN export quota on NdPr oxide (processing): 50% of previous exports`.
 * @example
 * describeEvent(event, (id) => names.get(id) ?? id);
 */
export function describeEvent(event: EventOverview, materialName: (id: string) => string): string {
  const f = event.fields;
  const s = (key: string): string => (f[key] === undefined ? '?' : String(f[key]));
  const n = (key: string): string => (typeof f[key] === 'number' ? formatNumber(f[key]) : '?');
  const p = (key: string): string => (typeof f[key] === 'number' ? formatPercent(f[key]) : '?');
  const m = typeof f.material === 'string' ? materialName(f.material) : 'all materials';
  const product = (): string => describeStageProduct(typeof f.material === 'string' ? f.material : '', m, s('stage'));
  switch (event.kind) {
    case 'exportControl': return describeExportControl(f, product());
    case 'technologyBan': return `${s('exporter')} bans ${s('stage')} technology exports (construction ×${n('constructionMultiplier')})`;
    case 'priceManipulation': return `${s('region')} price war on ${product()}: ${f.mode === 'exportDiscount' ? `exports ${p('priceCut')} below market` : `leads the market ${p('priceCut')} × its share of supply down, subsidising its producers from its budget`}`;
    case 'cyberattack': return describeCyberattack(f, m);
    case 'disinformation': return `Disinformation in ${s('region')}: permitting ×${n('durationMultiplier')}`;
    case 'mineAcquisition': return `${s('acquirer')} ${s('mode')} of ${p('share')} of ${s('region')} ${m} mines`;
    case 'stockpile': return `${s('region')} stockpile of ${m}${f.stage === 'manufacturing' ? ' in components (manufactured goods)' : ''}: ${n('targetDays')} days of consumption, ${DOCTRINES[s('doctrine')] ?? s('doctrine')}`;
    case 'tariff': return `${s('importer')} tariff of ${p('rate')} on imports of ${product()}${regionList(f.exporters, ' from ')}`;
    case 'friendShoring': return `Friend-shoring among ${Array.isArray(f.members) ? f.members.join(', ') : '?'}`;
    case 'permittingReform': return `${s('region')} permitting reform: durations ×${n('durationMultiplier')}`;
    case 'subsidy': return `${s('region')} ${describeSubsidyMode(f)}: ${product()}`;
    case 'recyclingMandate': return `${s('region')} recycling mandate: ${p('collectionShare')} of ${m} collected`;
    case 'workforceProgramme': return `${s('region')} workforce programme: +${n('extraGraduatesPerYear')} graduates/yr`;
    case 'tailingsReassessment': return `${s('region')} tailings of ${m}: +${n('capacityTonnesPerYear')} t/yr`;
    case 'demandShock': return `Demand for ${m} ×${n('multiplier')}${f.region === undefined ? '' : ` in ${s('region')}`}`;
    case 'outage': return `Outage of ${p('capacityShare')} of ${s('region')} ${m} ${s('stage')} capacity`;
    default: return `${event.kind || 'event'} ${event.id}`;
  }
}

/** ` to US, ALLIES` of a list of region ids (with the joining words given), '' when there is none (all regions). */
function regionList(ids: unknown, words: string): string {
  return Array.isArray(ids) && ids.length > 0 ? `${words}${ids.map(String).join(', ')}` : '';
}

/** `CN export quota (50% of previous exports): refined NdPr oxide (processing) to US, ALLIES`. */
function describeExportControl(f: Record<string, unknown>, product: string): string {
  const share = (key: string): string => (typeof f[key] === 'number' ? formatPercent(f[key]) : '?');
  const delay = typeof f.delayYears === 'number' && f.delayYears > 0 ? `, ${describeDuration(f.delayYears)} delay` : '';
  // A tonnage as announced (30,258 t/yr), not rounded to three figures.
  const tonnes = (x: number): string => (Number.isInteger(x) ? x.toLocaleString('en-US') : formatNumber(x));
  const quota = typeof f.quotaTonnesPerYear === 'number' ? `${tonnes(f.quotaTonnesPerYear)} t/yr` : `${share('quotaShare')} of previous exports`;
  const how = f.mode === 'quota' ? `quota (${quota})`
    : f.mode === 'licensing' ? `licensing, ${share('approvalRate')} approved${delay}` : 'ban';
  return `${f.exporter === undefined ? '?' : String(f.exporter)} export ${how}: ${product}${regionList(f.destinations, ' to ')}`;
}

/**
 * A scripted attack with its downtime, or a stochastic campaign with its rate and mean downtime:
 * `Cyberattacks at random (6 a year on average) on 50% of the Natural graphite processing plants in US, each down 4 weeks on average`.
 */
function describeCyberattack(f: Record<string, unknown>, material: string): string {
  const share = typeof f.facilityShare === 'number' ? formatPercent(f.facilityShare) : '?';
  const plants = `${f.stage === undefined ? '?' : String(f.stage)} plants in ${f.region === undefined ? '?' : String(f.region)}`;
  const target = f.material === undefined ? `${share} of the ${plants} (all materials)` : `${share} of the ${material} ${plants}`;
  const downtime = typeof f.downtimeYears === 'number' ? describeDuration(f.downtimeYears) : '? years';
  if (f.mode !== 'stochastic') return `Cyberattack on ${target}, down ${downtime}`;
  const rate = typeof f.ratePerYear === 'number' ? formatNumber(f.ratePerYear) : '?';
  const spread = typeof f.downtimeSpread === 'number' && f.downtimeSpread > 0 ? ` (varying, coefficient of variation ${formatNumber(f.downtimeSpread)})` : '';
  return `Cyberattacks at random (${rate} a year on average) on ${target}, each down ${downtime}${spread === '' ? '' : ' on average'}${spread}`;
}

/** `2 months` for whole months (as `delayYears: 2 months` is typed), `6 weeks` for other spans under a year, else `1.5 years`. */
function describeDuration(years: number): string {
  const months = years * 12;
  if (years < 1 && Math.abs(months - Math.round(months)) < 0.02 && Math.round(months) >= 2) return `${Math.round(months)} months`;
  if (years < 1) {
    const weeks = years * 52;
    return `${formatWeeks(weeks)} week${formatWeeks(weeks) === '1' ? '' : 's'}`;
  }
  return `${formatNumber(years)} year${years === 1 ? '' : 's'}`;
}

/** `capex subsidy (30% of capex)`, `price floor (USD 60,000/t)`, `offtake guarantee`, `loan guarantee (hurdle rate −2%/yr)`. */
function describeSubsidyMode(f: Record<string, unknown>): string {
  const floor = typeof f.priceFloorUsdPerTonne === 'number' ? ` (${formatMoney(f.priceFloorUsdPerTonne)}/t)` : '';
  switch (f.mode) {
    case 'capex': return `capex subsidy${typeof f.capexShare === 'number' ? ` (${formatPercent(f.capexShare)} of capex)` : ''}`;
    case 'priceFloor': return `price floor${floor}`;
    case 'offtake': return `offtake guarantee${floor === '' ? '' : ` at a floor${floor}`}`;
    case 'loanGuarantee': return `loan guarantee${typeof f.hurdleReduction === 'number' ? ` (hurdle rate −${formatPercent(f.hurdleReduction)}/yr)` : ''}`;
    default: return `${f.mode === undefined ? '?' : String(f.mode)} subsidy`;
  }
}
