import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSweepCsv } from '../../src/report/readSweepCsv.ts';
import { readSweepJson } from '../../src/report/readSweepJson.ts';
import { summarizeValues } from '../../src/stats/summarizeValues.ts';
import { formatSweepCsv } from '../../src/sweep/formatSweepCsv.ts';
import { formatSweepJson } from '../../src/sweep/formatSweepJson.ts';
import type { SweepRun } from '../../src/sweep/runSweep.ts';

const growth = 'materials.ndpr.demand.growthPerYear';
const cost = { metric: 'policyCost', material: '', stage: '', region: 'US', unit: 'USD' };
const points = ['3%', '6%', '9%'].map((value, i) => ({
  point: [{ path: growth, value }], stats: [{ key: cost, ...summarizeValues([i, i + 1, i + 2]) }], loaded: { spec: { startYear: 2025 } },
  vsFirstPoint: i === 0 ? undefined : [{ meanDifference: i, ciLow: i - 1, ciHigh: i + 1, n: 3 }],
  vsPreviousPoint: i === 0 ? undefined : [{ meanDifference: 10 * i, ciLow: 10 * i - 2, ciHigh: 10 * i + 2, n: 3 }],
}));

describe('the report reads vsPreviousPoint back', () => {
  it('from sweep.csv and sweep.json, none on point 0, after vsFirstPoint in the JSON entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-sweep-prev-'));
    await writeFile(join(dir, 'sweep.csv'), formatSweepCsv([growth], points));
    const run = { points, metric: cost, tornado: null } as unknown as SweepRun;
    const json = formatSweepJson(run, { scenario: 's.yaml', masterSeed: 1, replicates: 3, design: { grid: [], lhs: null } });
    await writeFile(join(dir, 'sweep.json'), json);
    expect(Object.keys(JSON.parse(json).points[2].metrics['policyCost.US']).slice(-2)).toEqual(['vsFirstPoint', 'vsPreviousPoint']);
    for (const table of [await readSweepCsv(dir), await readSweepJson(dir)]) {
      expect(table?.rows.map((r) => r.vsPreviousPoint)).toEqual([undefined, { meanDifference: 10, ciLow: 8, ciHigh: 12 }, { meanDifference: 20, ciLow: 18, ciHigh: 22 }]);
      expect(table?.rows[2].vsFirstPoint).toEqual({ meanDifference: 2, ciLow: 1, ciHigh: 3 });
    }
  });
});
