import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, isMap } from 'yaml';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { createWorld, step } from '../../sim-core/index.ts';

/**
 * The reference quota scenario over `years`, its regions declared in the baseline's order or reversed:
 * China's magnet (NdPr, manufacturing) exports to each region, summed over the run, t.
 */
function exportsFromChina(reversed: boolean, years: number): Map<string, number> {
  const folder = mkdtempSync(join(tmpdir(), 'crm-quota-order-'));
  const baseline = parseDocument(readFileSync('scenarios/baseline.yaml', 'utf8'));
  const regions = baseline.get('regions');
  if (!isMap(regions)) throw new Error('baseline.yaml: regions is not a map');
  if (reversed) regions.items.reverse();
  writeFileSync(join(folder, 'baseline.yaml'), baseline.toString());
  const quota = readFileSync('scenarios/threat-export-quota.yaml', 'utf8').replace(/^extends: .*$/m, `extends: ${JSON.stringify(join(folder, 'baseline.yaml'))}`);
  writeFileSync(join(folder, 'quota.yaml'), quota);
  const spec = loadScenario(resolve(folder, 'quota.yaml'), { set: [`years=${years}`, 'resolution.firmsPerCapacityCell=3'] }).spec;
  const world = createWorld(spec, 1, 0);
  const R = world.regions;
  const ids = spec.regions.map((region) => region.id);
  const m = spec.materials.findIndex((material) => material.id === 'ndpr');
  const china = ids.indexOf('CN');
  const segment = (m * 3 + 2) * R + china;
  const totals = new Map(ids.map((id) => [id, 0]));
  while (world.tick < world.ticks) {
    step(world, null);
    for (let d = 0; d < R; d++) totals.set(ids[d], (totals.get(ids[d]) ?? 0) + world.markets.tradeTonnes[segment * R + d]);
  }
  return totals;
}

describe('an export quota shared by its destinations', () => {
  it('gives each importer the same share whatever the order the regions are declared in', () => {
    // Until session 20 the quota went first come, first served in declaration order: the first region declared (US)
    // was never short and China shipped the last (ROW) nothing for a year; reversed, the US took ROW's place.
    const declared = exportsFromChina(false, 3);
    const reversed = exportsFromChina(true, 3);
    for (const id of ['US', 'ALLIES', 'ROW']) {
      const [a, b] = [declared.get(id) ?? NaN, reversed.get(id) ?? NaN];
      expect(a).toBeGreaterThan(1000);
      // Not bit for bit: other sums over regions (clearing, prices) run in declaration order too.
      expect(Math.abs(a - b) / a, id).toBeLessThan(0.01);
    }
  });
});
