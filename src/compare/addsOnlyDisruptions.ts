import type { ScenarioSpec } from '../../sim-core/index.ts';
import { DISRUPTIVE_KINDS } from '../impact/findStageDisruptions.ts';

/**
 * The labels of the alternatives that add only disruptions to the reference: they have events of
 * their own (ids the reference lacks) and every one is a disruptive kind (export controls,
 * cyberattacks, outages, price manipulation, …). Their differences are the added disruption's
 * effect, and an unchanged policy cost says nothing about unpriced policies.
 *
 * @param specs - The compared scenarios, the reference first.
 * @param labels - Their labels, in the same order.
 * @returns The threat-only alternatives' labels.
 * @example
 * addsOnlyDisruptions([baseline, quota], ['baseline', 'quota']); // Set { 'quota' }
 */
export function addsOnlyDisruptions(specs: readonly Pick<ScenarioSpec, 'events'>[], labels: readonly string[]): Set<string> {
  const referenceIds = new Set(specs[0].events.map((e) => e.id));
  const out = new Set<string>();
  specs.slice(1).forEach((spec, i) => {
    const own = spec.events.filter((e) => !referenceIds.has(e.id));
    if (own.length > 0 && own.every((e) => DISRUPTIVE_KINDS.has(e.kind))) out.add(labels[i + 1]);
  });
  return out;
}
