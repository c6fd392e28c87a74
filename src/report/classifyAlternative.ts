import { DISRUPTIVE_KINDS } from '../impact/findStageDisruptions.ts';
import type { EventOverview } from './readScenarioOverview.ts';

/** Policies whose running cost the scenario may leave out (`costUsdPerYear`, spec.ts RunningCost). */
const RUNNING_COST_KINDS: ReadonlySet<string> = new Set(['tariff', 'friendShoring', 'permittingReform', 'recyclingMandate']);
/** Policies the model gives no cost field at all: they always cost the government nothing in it. */
const COSTLESS_KINDS: ReadonlySet<string> = new Set(['tailingsReassessment']);

/**
 * Whether an alternative adds a threat, not a policy: it has events of its own (ids the reference
 * lacks) and every one of them is a disruption (export controls, cyberattacks, outages, price
 * manipulation, …: `DISRUPTIVE_KINDS`). Its difference from the reference is then the added
 * disruption's effect, a loss to end users, not a gain a policy buys.
 *
 * @param ownEvents - The alternative's events that the reference lacks.
 * @returns True for a threat-only alternative.
 * @example
 * isThreatOnly([{ kind: 'exportControl', … }]); // true
 */
export function isThreatOnly(ownEvents: ReadonlyArray<Pick<EventOverview, 'kind'>>): boolean {
  return ownEvents.length > 0 && ownEvents.every((e) => DISRUPTIVE_KINDS.has(e.kind));
}

/**
 * The alternative's policies that have no price in the scenario: a tariff, friend-shoring, permitting
 * reform or recycling mandate without a `costUsdPerYear` (or with 0), and a tailings reassessment
 * (the model has no cost for it). The model charges them nothing, so a cost per kg that leaves them
 * out must not be read as "free".
 *
 * @param ownEvents - The alternative's events that the reference lacks.
 * @returns Their ids, in order.
 * @example
 * findUnpricedPolicies([{ id: 'permits', kind: 'permittingReform', fields: {} }]); // ['permits']
 */
export function findUnpricedPolicies(ownEvents: ReadonlyArray<Pick<EventOverview, 'id' | 'kind' | 'fields'>>): string[] {
  return ownEvents.filter((e) => COSTLESS_KINDS.has(e.kind) || (RUNNING_COST_KINDS.has(e.kind) && !(Number(e.fields.costUsdPerYear) > 0))).map((e) => e.id);
}

const STAGE_ORDER = ['discovery', 'mining', 'processing', 'manufacturing', 'endUse'];

/**
 * Whether docs/model.md G33 may explain a threat-only alternative that left home end users better off
 * in a material: it adds a cyberattack or outage on the home region's plants at a stage downstream of
 * an export control of the reference on that material (an outage at home moves home buyers abroad
 * and off the quota'd upstream product, softening the quota for them).
 *
 * @param ownEvents - The alternative's events that the reference lacks.
 * @param referenceEvents - The reference's events.
 * @param material - The material the home end users gained.
 * @param home - The home region's id.
 * @returns True when G33's mechanism applies.
 * @example
 * matchesG33([{ kind: 'cyberattack', fields: { region: 'US', stage: 'manufacturing' } }], [quotaOnGalliumProcessing], 'gallium', 'US'); // true
 */
export function matchesG33(ownEvents: ReadonlyArray<Pick<EventOverview, 'kind' | 'fields'>>, referenceEvents: ReadonlyArray<Pick<EventOverview, 'kind' | 'fields'>>, material: string, home: string): boolean {
  const on = (e: Pick<EventOverview, 'fields'>): boolean => e.fields.material === undefined || e.fields.material === material;
  const stage = (e: Pick<EventOverview, 'fields'>): number => STAGE_ORDER.indexOf(String(e.fields.stage));
  const quotas = referenceEvents.filter((e) => e.kind === 'exportControl' && e.fields.material === material && stage(e) >= 0);
  return ownEvents.some((e) => (e.kind === 'cyberattack' || e.kind === 'outage') && e.fields.region === home && on(e)
    && quotas.some((q) => stage(q) < stage(e)));
}
