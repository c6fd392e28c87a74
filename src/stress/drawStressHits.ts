import { createStream, STAGES, type Stage } from '../../sim-core/index.ts';

/**
 * Draws which replicates suffer each stage's disruption: replicate r draws six uniforms from
 * sim-core's stream (masterSeed, r, `stress`), one per stage in chain order, and is hit at a
 * stage when its draw is below that stage's probability. The draws depend only on the seed and
 * the replicate, never on the engine's own streams.
 *
 * @param masterSeed - The run's master seed.
 * @param replicates - Number of replicates.
 * @param probabilities - Probability of each stage's disruption per replicate.
 * @returns Per stage, 1 for hit replicates and 0 otherwise.
 * @example
 * drawStressHits(1, 100, { discovery: 0.44, mining: 0.22, processing: 1, manufacturing: 1, endUse: 1, recycling: 0.22 });
 */
export function drawStressHits(masterSeed: number, replicates: number, probabilities: Readonly<Record<Stage, number>>): Record<Stage, Uint8Array> {
  const hits = Object.fromEntries(STAGES.map((stage) => [stage, new Uint8Array(replicates)])) as Record<Stage, Uint8Array>;
  for (let r = 0; r < replicates; r++) {
    const rng = createStream(masterSeed, r, 'stress');
    for (const stage of STAGES) hits[stage][r] = rng.nextFloat() < probabilities[stage] ? 1 : 0;
  }
  return hits;
}
