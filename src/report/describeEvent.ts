import { formatNumber } from './formatNumber.ts';
import { formatPercent } from './formatPercent.ts';
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
  switch (event.kind) {
    case 'exportControl': {
      const how = f.mode === 'quota' ? `quota (${p('quotaShare')} of previous exports)`
        : f.mode === 'licensing' ? `licensing, ${p('approvalRate')} approved` : 'ban';
      return `${s('exporter')} export ${how}: ${m} (${s('stage')})`;
    }
    case 'technologyBan': return `${s('exporter')} bans ${s('stage')} technology exports (construction ×${n('constructionMultiplier')})`;
    case 'priceManipulation': return `${s('region')} price war on ${m} (${s('stage')}): ${p('priceCut')} below market`;
    case 'cyberattack': return `Cyberattack on ${p('facilityShare')} of ${s('stage')} plants in ${s('region')} (${m})`;
    case 'disinformation': return `Disinformation in ${s('region')}: permitting ×${n('durationMultiplier')}`;
    case 'mineAcquisition': return `${s('acquirer')} ${s('mode')} of ${p('share')} of ${s('region')} ${m} mines`;
    case 'stockpile': return `${s('region')} stockpile of ${m}${f.stage === 'manufacturing' ? ' in components (manufactured goods)' : ''}: ${n('targetDays')} days of consumption, ${DOCTRINES[s('doctrine')] ?? s('doctrine')}`;
    case 'tariff': return `${s('importer')} tariff of ${p('rate')} on ${m} (${s('stage')}) imports`;
    case 'friendShoring': return `Friend-shoring among ${Array.isArray(f.members) ? f.members.join(', ') : '?'}`;
    case 'permittingReform': return `${s('region')} permitting reform: durations ×${n('durationMultiplier')}`;
    case 'subsidy': return `${s('region')} ${s('mode')} subsidy: ${m} (${s('stage')})`;
    case 'recyclingMandate': return `${s('region')} recycling mandate: ${p('collectionShare')} of ${m} collected`;
    case 'workforceProgramme': return `${s('region')} workforce programme: +${n('extraGraduatesPerYear')} graduates/yr`;
    case 'tailingsReassessment': return `${s('region')} tailings of ${m}: +${n('capacityTonnesPerYear')} t/yr`;
    case 'demandShock': return `Demand for ${m} ×${n('multiplier')}${f.region === undefined ? '' : ` in ${s('region')}`}`;
    case 'outage': return `Outage of ${p('capacityShare')} of ${s('region')} ${m} ${s('stage')} capacity`;
    default: return `${event.kind || 'event'} ${event.id}`;
  }
}
