import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCitedSources } from '../../src/outputs/resolveCitedSources.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';

const SHIPPED = ['scenarios', 'scenarios/calibration'].flatMap((dir) =>
  readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'calibrate.yaml').map((name) => join(dir, name)));
/** The shared data folder the runs resolve citations against (beside the repository). */
const DATA = join('..', 'shared', 'data', 'params.csv');

describe('citations of the shipped scenarios', () => {
  it('name only files that exist beside the repository or in it (no team notes such as format.md)', () => {
    for (const file of SHIPPED) expect(readFileSync(file, 'utf8'), file).not.toMatch(/format\.md/);
  });

  it('each name a params.csv row that exists (no wildcards: one row per citation)', () => {
    // The shared data sit beside the repository (as .ci/run lays them out): without them this check cannot run, so it fails.
    expect(existsSync(DATA), `${DATA} is missing: put the shared folder beside the repository (see README, Quick start)`).toBe(true);
    for (const file of SHIPPED) {
      const sources = resolveCitedSources(loadScenario(file).spec, file);
      const missing = sources?.params.filter((p) => !p.found).map((p) => p.cited) ?? [];
      expect(missing, file).toEqual([]);
    }
  });
});
