import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a synthetic `stress.json` (as `crm-sim stress` lays it out: per stage the threat scores
 * and the expected home shortfall with its CI) and a manifest into a folder.
 *
 * @param dir - Folder to write into (created if missing).
 */
export async function writeStressFixture(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const stages = { mining: 350, processing: 2100, manufacturing: 1200, endUse: 800 };
  await writeFile(join(dir, 'stress.json'), JSON.stringify({
    scenario: 'scenarios/threat-export-quota.yaml', masterSeed: 5, replicates: 8,
    stages: Object.entries(stages).map(([stage, mean]) => ({ stage, capability: 3, intent: 3, probability: 1,
      shortfall: { unit: 't', expected: { mean, low: mean * 0.8, high: mean * 1.2 } } })),
  }, null, 2));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', version: '0.1.0', masterSeed: 5, replicates: 8, command: 'crm-sim stress scenarios/threat-export-quota.yaml --replicates 8 --seed 5' }, null, 2));
}
