import type { ThreatSpec } from '../../sim-core/index.ts';

/**
 * The threat score of the foreign actor at a stage: capability × intent / 9, clamped to [0, 1]
 * (the study's 1–3 scales, so 3/3 scores 1 and 1/1 scores 1/9). The engine scales its
 * rule-driven actions by the same score (sim-core/phases/advanceForeignActor.ts).
 *
 * @param threat - Capability and intent (0–3 each).
 * @returns The score in [0, 1].
 * @example
 * computeThreatScore({ capability: 2, intent: 1 }); // 0.2222…
 */
export function computeThreatScore(threat: ThreatSpec): number {
  return Math.min(1, Math.max(0, (threat.capability * threat.intent) / 9));
}
