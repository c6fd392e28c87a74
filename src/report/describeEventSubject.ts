import { describeStageProduct } from './describeStageProduct.ts';
import type { EventOverview, ScenarioOverview } from './readScenarioOverview.ts';

/** Subsidy modes in a word or two. */
const SUBSIDY_MODES: Record<string, string> = { capex: 'capex subsidy', priceFloor: 'price floor', offtake: 'offtake guarantee', loanGuarantee: 'loan guarantee' };

/**
 * What an event acts on, in words and without its own settings: `CN export quota on refined NdPr
 * oxide`, `US stockpile of NdPr oxide`. A sweep's axis names an event parameter by it (`CN export
 * quota on refined NdPr oxide (cnQuotaNdpr): quota share`), where describeEvent's phrase would give
 * the very setting the sweep varies (`… (50% of previous exports)`) and the bare id told a policy
 * reader nothing (user audit, session 37).
 *
 * @param event - The event.
 * @param materialName - Turns a material id into its name.
 * @returns The phrase; the kind in words for an event it has no phrase for.
 * @example
 * describeEventSubject(cnQuotaNdpr, name); // 'CN export quota on refined NdPr oxide'
 */
export function describeEventSubject(event: EventOverview, materialName: (id: string) => string): string {
  const f = event.fields;
  const s = (key: string): string => (typeof f[key] === 'string' ? f[key] : '?');
  const materialId = typeof f.material === 'string' ? f.material : '';
  const m = materialId === '' ? 'all materials' : materialName(materialId);
  // The product without the stage in brackets: "refined NdPr oxide", "magnets containing NdPr oxide".
  const product = describeStageProduct(materialId, m, s('stage')).replace(/\s*\([^()]*\)$/, '');
  switch (event.kind) {
    case 'exportControl': return `${s('exporter')} export ${f.mode === 'licensing' ? 'licensing' : f.mode === 'ban' ? 'ban' : 'quota'} on ${product}`;
    case 'stockpile': return `${s('region')} stockpile of ${m}${f.stage === 'manufacturing' ? ' in components' : ''}`;
    case 'tariff': return `${s('importer')} tariff on ${product}`;
    case 'subsidy': return `${s('region')} ${SUBSIDY_MODES[s('mode')] ?? 'support'} for ${product}`;
    case 'priceManipulation': return `${s('region')} price war on ${product}`;
    case 'cyberattack': return `cyberattack on ${s('region')} ${s('stage')} plants`;
    case 'recyclingMandate': return `${s('region')} recycling mandate for ${m}`;
    case 'demandShock': return `demand shock for ${m}`;
    case 'outage': return `outage of ${s('region')} ${product}`;
    case 'disinformation': return `disinformation in ${s('region')}`;
    case 'permittingReform': return `${s('region')} permitting reform`;
    case 'workforceProgramme': return `${s('region')} workforce programme`;
    case 'friendShoring': return 'friend-shoring';
    case 'mineAcquisition': return `${s('acquirer')} ${s('mode')} of ${s('region')} ${m} mines`;
    case 'technologyBan': return `${s('exporter')} ${s('stage')} technology ban`;
    case 'tailingsReassessment': return `${s('region')} tailings of ${m}`;
    default: return event.kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}

/**
 * Looks an event id up in a scenario and gives {@link describeEventSubject}'s phrase; undefined for
 * an id the scenario does not have (or without a scenario).
 *
 * @param overview - The scenario, if any.
 * @returns The lookup.
 * @example
 * eventSubjectOf(overview)('cnQuotaNdpr'); // 'CN export quota on refined NdPr oxide'
 */
export function eventSubjectOf(overview: ScenarioOverview | undefined): (id: string) => string | undefined {
  const materialName = (id: string): string => overview?.materials.find((m) => m.id === id)?.name ?? id;
  return (id) => {
    const event = overview?.events.find((e) => e.id === id);
    return event === undefined ? undefined : describeEventSubject(event, materialName);
  };
}
