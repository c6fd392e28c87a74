import type { EventSpec, ScenarioSpec, Stage } from '../../sim-core/index.ts';
import { computeThreatScore } from './computeThreatScore.ts';

/** Deepest export cut of the standard disruption (at score 1), as in the reference threat scenario. */
export const MAX_EXPORT_CUT = 0.5;
/** Length of the standard export controls and of the component ban at score 1, years. */
export const CONTROL_YEARS = 1.5;
/** Notice before an export control starts (markets may front-run), years. */
export const ANNOUNCEMENT_YEARS = 0.25;
/** Length of the disinformation campaign, years. */
export const CAMPAIGN_YEARS = 5;
/** Outage of the recyclers hit by the cyberattack, years. */
export const CYBER_DOWNTIME_YEARS = 0.5;

/**
 * The standard disruption of one stage, with strength from the foreign actor's threat score
 * s = capability × intent / 9 at that stage (see docs/commands.md, `stress`). It starts one year in
 * (a quarter of the horizon if shorter):
 * - discovery: a disinformation campaign in the home region for 5 years: permitting takes 1 + s times longer;
 * - mining, processing, manufacturing: an export quota on the actor's exports of that stage's
 *   product, every material, for 18 months (announced 3 months ahead): quotaShare = 1 − 0.5·s;
 * - endUse: a ban on the actor's component (manufacturing-stage) exports to the home region,
 *   every material, for 1.5·s years;
 * - recycling: a cyberattack on home recyclers of every material: share 0.5·s of facilities down for 6 months.
 *
 * @param spec - The resolved scenario (not modified).
 * @param stage - The stage.
 * @returns The events (none when s = 0).
 * @example
 * createStageDisruption(spec, 'processing').length; // one per material
 */
export function createStageDisruption(spec: ScenarioSpec, stage: Stage): EventSpec[] {
  const s = computeThreatScore(spec.foreignActor.threat[stage]);
  if (s === 0) return [];
  const start = Math.min(1, spec.years / 4);
  const home = spec.government.region;
  const actor = spec.foreignActor.region;
  const source = `crm-sim stress: standard ${stage} disruption, threat score ${Number(s.toFixed(4))} = capability × intent / 9`;
  const base = { start, source };
  switch (stage) {
    case 'discovery':
      return [{ ...base, id: 'stress-discovery', kind: 'disinformation', region: home, durationMultiplier: 1 + s, end: start + CAMPAIGN_YEARS }];
    case 'mining':
    case 'processing':
    case 'manufacturing':
      return spec.materials.map((m) => ({
        ...base, id: `stress-${stage}-${m.id}`, kind: 'exportControl', material: m.id, stage, exporter: actor, mode: 'quota',
        quotaShare: 1 - MAX_EXPORT_CUT * s, announced: Math.max(0, start - ANNOUNCEMENT_YEARS), end: start + CONTROL_YEARS,
      }));
    case 'endUse':
      return spec.materials.map((m) => ({
        ...base, id: `stress-endUse-${m.id}`, kind: 'exportControl', material: m.id, stage: 'manufacturing', exporter: actor,
        mode: 'ban', destinations: [home], end: start + CONTROL_YEARS * s,
      }));
    case 'recycling':
      return [{ ...base, id: 'stress-recycling', kind: 'cyberattack', stage: 'recycling', region: home, facilityShare: 0.5 * s, downtimeYears: CYBER_DOWNTIME_YEARS }];
  }
}
