import type { World } from '../world/world.ts';
import { ALLY, HOME } from '../world/world.ts';

/** Share of refined export licences approved while the foreign actor retaliates by rule. */
const RETALIATION_APPROVAL = 0.5;

/**
 * Adds the foreign actor's rule-driven measures in force (decided in its own phase) to this tick's
 * parameters: retaliatory licensing of refined exports to home and allied regions, and price wars
 * (exports offered below market, paid from the actor's general budget; event index −2). Marks
 * the retaliation in force (`foreignActor.retaliationInForce`) for the recorder.
 */
export function applyRuleDrivenControls(world: World): void {
  const p = world.effective;
  const actor = world.foreignActor;
  const R = world.regions;
  for (let m = 0; m < world.materials; m++) {
    actor.retaliationInForce[m] = actor.retaliationUntilTick[m] > world.tick ? 1 : 0;
    if (actor.retaliationInForce[m] === 1) {
      const s = (m * 3 + 1) * R + actor.region;
      for (let d = 0; d < R; d++) {
        const alignment = world.regionState.alignment[d];
        if (alignment === HOME || alignment === ALLY) p.licenceApproval[s * R + d] = Math.min(p.licenceApproval[s * R + d], RETALIATION_APPROVAL);
      }
    }
    for (let k = 0; k < 3; k++) {
      if (actor.priceWarUntilTick[m * 3 + k] > world.tick && actor.budgetLeftUsd > 0) {
        const s = (m * 3 + k) * R + actor.region;
        // A scripted cut of either mode on the segment takes the place of the rule-driven war.
        if (p.priceCutEvent[s] < 0 && p.leadershipCutEvent[s] < 0) {
          const rules = world.spec.foreignActor.rules;
          const leads = rules.priceWarMode === 'leadership';
          (leads ? p.leadershipCut : p.priceCut)[s] = rules.priceWarCut;
          (leads ? p.leadershipCutEvent : p.priceCutEvent)[s] = -2;
        }
      }
    }
  }
}
