import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Metrics of the synthetic comparison: id, unit, which way is better, reference mean. */
const COMPARED = [
  ['shortfallWeeks.ndpr.endUse.US', 'weeks', 'lower', 40],
  ['cumulativeShortfall.ndpr.endUse.US', 't', 'lower', 3000],
  ['peakPriceMultiple.ndpr.processing.US', 'x base', 'lower', 12],
  ['finalSecureSupplyShare.ndpr.processing', 'share', 'higher', 0.2],
  ['policyCost.US', 'USD', 'lower', 0],
] as const;

/**
 * Writes a synthetic `crm-sim compare` folder: `comparison.json` per alternative per metric
 * `{meanA, meanB, meanDifference, ciLow, ciHigh, pBetter, n, unit, direction}` (difference =
 * B − A) and a manifest. Numbers are made up; only the shape matters.
 *
 * @param dir - Folder to create.
 * @returns The folder.
 */
export async function writeCompareFixture(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const alternatives: Record<string, Record<string, unknown>> = {};
  for (const [index, name] of ['mitigation-stockpile-60d', 'mitigation-friend-shoring'].entries()) {
    const metrics: Record<string, unknown> = {};
    for (const [m, [id, unit, direction, meanA]] of COMPARED.entries()) {
      const effect = (index + 1) * (m + 1) * 0.07 * (direction === 'lower' ? -1 : 1) * (meanA === 0 ? 1e8 : meanA);
      const meanB = meanA + effect;
      const half = Math.abs(effect) * (m === 2 ? 1.5 : 0.4);
      metrics[id] = { meanA, meanB, meanDifference: meanB - meanA, ciLow: meanB - meanA - half, ciHigh: meanB - meanA + half,
        pBetter: m === 2 ? 0.55 : 0.8 + 0.05 * index, n: 8, unit, direction };
    }
    alternatives[name] = { metrics };
  }
  await writeFile(join(dir, 'comparison.json'), JSON.stringify({ reference: 'threat-export-quota', replicates: 8, alternatives }, null, 2));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', version: '0.1.0', masterSeed: 7, replicates: 8, command: 'crm-sim compare scenarios/threat-export-quota.yaml scenarios/mitigation-stockpile-60d.yaml scenarios/mitigation-friend-shoring.yaml --replicates 8 --seed 7' }, null, 2));
  return dir;
}

/**
 * Writes a synthetic `crm-sim sweep` folder: `sweep.csv` (point, two parameters, metric,
 * material, stage, region, mean, ciLow, ciHigh) over a 3 × 3 grid for two metrics, `tornado.json`
 * as a ranked list of `{parameter, low, high, outputLow, outputHigh, swing}`, and a manifest.
 *
 * @param dir - Folder to create.
 * @returns The folder.
 */
export async function writeSweepFixture(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const growth = [0.04, 0.07, 0.1];
  const quota = [0.3, 0.5, 0.7];
  const lines = ['point,materials.ndpr.demand.growthPerYear,events.cnQuotaNdpr.quotaShare,metric,material,stage,region,mean,ciLow,ciHigh'];
  let point = 0;
  for (const g of growth) {
    for (const q of quota) {
      const weeks = 20 + 300 * g + 60 * (1 - q);
      const peak = 3 + 40 * g + 10 * (1 - q);
      lines.push(`${point},${g},${q},shortfallWeeks,ndpr,endUse,US,${weeks},${weeks - 3},${weeks + 3}`);
      lines.push(`${point},${g},${q},peakPriceMultiple,ndpr,processing,US,${peak},${peak - 0.5},${peak + 0.5}`);
      point++;
    }
  }
  await writeFile(join(dir, 'sweep.csv'), `${lines.join('\n')}\n`);
  const tornado = [
    { parameter: 'events.cnQuotaNdpr.quotaShare', low: 0.3, high: 0.7, outputLow: 71, outputHigh: 47, swing: 24 },
    { parameter: 'materials.ndpr.demand.growthPerYear', low: 0.04, high: 0.1, outputLow: 50, outputHigh: 68, swing: 18 },
    { parameter: 'behaviour.priceAdjustmentPerTick', low: 0.01, high: 0.04, outputLow: 57, outputHigh: 61, swing: 4 },
  ];
  await writeFile(join(dir, 'tornado.json'), JSON.stringify(tornado, null, 2));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ tool: 'crm-sim', version: '0.1.0', masterSeed: 3, replicates: 8 }, null, 2));
  return dir;
}

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
