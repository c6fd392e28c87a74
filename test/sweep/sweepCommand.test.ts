import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { runCrmSim, shipped } from '../compare/smallScenario.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-sweep-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('crm-sim sweep', () => {
  it('writes sweep and tornado files for a grid crossed with a hypercube', async () => {
    const out = join(root, 'sweep');
    const result = runCrmSim(['sweep', shipped('baseline'), '--grid', 'materials.ndpr.demand.growthPerYear=3%,6%',
      '--lhs', '2', 'materials.dy.demand.elasticityShortRun=-0.2:-0.05', '--replicates', '2', '--workers', '0',
      '--years', '1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tornado: swing of cumulativeConsumption.ndpr.endUse.US');
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'scenario.resolved.yaml', 'sweep-points.csv', 'sweep.csv', 'sweep.json', 'tornado.csv', 'tornado.json']);
    const csv = (await readFile(join(out, 'sweep.csv'), 'utf8')).trimEnd().split('\n');
    // The older columns keep their names and order; the paired difference from point 0 comes last.
    expect(csv[0]).toBe('point,materials.ndpr.demand.growthPerYear,materials.dy.demand.elasticityShortRun,metric,material,stage,region,mean,ciLow,ciHigh,n,unit,diffMean,diffCiLow,diffCiHigh,prevDiffMean,prevDiffCiLow,prevDiffCiHigh');
    const sweep = JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8'));
    expect(sweep.points).toHaveLength(4);
    expect(csv).toHaveLength(1 + 4 * Object.keys(sweep.points[0].metrics).length);
    // n and unit per row, as sweep.json states them; the JSON's key parts are null where the CSV's are empty.
    for (const line of csv.slice(1)) {
      const [point, , , metric, material, stage, region, , , , n, unit] = line.split(',');
      const entry = sweep.points[Number(point)].metrics[[metric, material, stage, region].filter((part) => part !== '').join('.')];
      expect({ n: Number(n), unit }).toEqual({ n: entry.n, unit: entry.unit });
      // Point 0 is the reference: no difference in either file; later points carry it in both.
      const diffMean = line.split(',')[12];
      if (point === '0') expect([diffMean, entry.vsFirstPoint]).toEqual(['', undefined]);
      else expect(diffMean).toBe(entry.vsFirstPoint.meanDifference === null ? '' : String(entry.vsFirstPoint.meanDifference));
      expect([entry.metric, entry.material, entry.stage, entry.region]).toEqual([metric, material, stage, region].map((part) => (part === '' ? null : part)));
    }
    // The wide form: one row per point, parameters as numbers in canonical units, then mean/ciLow/ciHigh per metric.
    const wide = (await readFile(join(out, 'sweep-points.csv'), 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    const ids = Object.keys(sweep.points[0].metrics);
    expect(wide[0].slice(0, 3)).toEqual(['point', 'materials.ndpr.demand.growthPerYear (share)', 'materials.dy.demand.elasticityShortRun']);
    expect(wide[0].slice(3, 6)).toEqual([`${ids[0]}.mean`, `${ids[0]}.ciLow`, `${ids[0]}.ciHigh`]);
    expect(wide).toHaveLength(1 + 4);
    expect(wide[0]).toHaveLength(3 + 10 * ids.length);
    expect(wide[0].slice(3 + 3 * ids.length, 3 + 4 * ids.length)).toEqual(ids.map((id) => `${id}.n`));
    expect(wide[0].slice(3 + 4 * ids.length, 3 + 4 * ids.length + 3)).toEqual([`${ids[0]}.diffMean`, `${ids[0]}.diffCiLow`, `${ids[0]}.diffCiHigh`]);
    for (const [index, row] of wide.slice(1).entries()) {
      expect(row[0]).toBe(String(index));
      expect(Number(row[1])).toBe(sweep.points[index].values['materials.ndpr.demand.growthPerYear'] === '3%' ? 0.03 : 0.06);
      expect(Number.isFinite(Number(row[2]))).toBe(true);
      ids.forEach((id, m) => {
        const mean = sweep.points[index].metrics[id].mean;
        expect(row[3 + 3 * m]).toBe(mean === null ? '' : String(mean));
        expect(Number(row[3 + 3 * ids.length + m])).toBe(sweep.points[index].metrics[id].n);
        // The paired difference from point 0, as sweep.json gives it (none on point 0).
        const difference = sweep.points[index].metrics[id].vsFirstPoint;
        const expected = difference === undefined ? ['', '', ''] : [difference.meanDifference, difference.ciLow, difference.ciHigh].map((v) => (v === null ? '' : String(v)));
        expect(row.slice(3 + 4 * ids.length + 3 * m, 3 + 4 * ids.length + 3 * m + 3)).toEqual(expected);
      });
    }
    const tornado = (await readFile(join(out, 'tornado.csv'), 'utf8')).trimEnd().split('\n');
    const uncertain = loadScenario(shipped('baseline')).spec.uncertainties.length;
    expect(tornado).toHaveLength(1 + uncertain);
    // The metric's key in the four columns (and fields) of every long output, the id as summary.json keys it.
    expect(tornado[0].split(',').slice(6, 11)).toEqual(['metric', 'material', 'stage', 'region', 'unit']);
    expect(tornado[1].split(',').slice(6, 11)).toEqual(['cumulativeConsumption', 'ndpr', 'endUse', 'US', 't']);
    const tornadoJson = JSON.parse(await readFile(join(out, 'tornado.json'), 'utf8'));
    expect(tornadoJson).toMatchObject({ id: 'cumulativeConsumption.ndpr.endUse.US', metric: 'cumulativeConsumption', material: 'ndpr', stage: 'endUse', region: 'US', unit: 't' });
    // The parameter's own unit, last: low, nominal and high of a growth rate are shares, not tonnes.
    const header = tornado[0].split(',');
    expect(header.at(-1)).toBe('parameterUnit');
    const growth = tornado.slice(1).map((line) => line.split(',')).find((fields) => fields[1] === 'materials.ndpr.demand.growthPerYear');
    expect(growth?.at(-1)).toBe('share');
    expect(tornadoJson.parameters.find((p: { parameter: string }) => p.parameter === 'materials.ndpr.demand.growthPerYear')).toMatchObject({ parameterUnit: 'share' });
  });

  it('writes no tornado files with --no-tornado', async () => {
    const out = join(root, 'no-tornado');
    const result = runCrmSim(['sweep', shipped('baseline'), '--grid', 'materials.ndpr.demand.growthPerYear=3%,6%', '--no-tornado', '--replicates', '2',
      '--workers', '0', '--years', '1', '--set', 'ticksPerYear=12', '--set', 'resolution.firmsPerCapacityCell=2', '--out', out, '--quiet']);
    expect(result.status).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'scenario.resolved.yaml', 'sweep-points.csv', 'sweep.csv', 'sweep.json']);
  });

  it('refuses a range without --lhs (exit 2)', () => {
    const result = runCrmSim(['sweep', shipped('baseline'), 'a=1:2', '--out', join(root, 'bad')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/need --lhs/);
  });
  it('refuses --years or --set of a path the design sweeps (each point would silently replace it), before anything runs', () => {
    const out = join(root, 'clash');
    const small = ['--replicates', '2', '--workers', '0', '--no-tornado', '--set', 'ticksPerYear=12', '--out', out, '--quiet'];
    const years = runCrmSim(['sweep', shipped('baseline'), '--grid', 'years=1,2', '--years', '1', ...small]);
    expect({ status: years.status, stderr: years.stderr }).toEqual({ status: 2, stderr: 'crm-sim: --years 1 and --grid years=1,2 both set years: give one of them (each design point\'s value would replace --years 1)\n' });
    const lhs = runCrmSim(['sweep', shipped('baseline'), '--lhs', '2', 'years=1:2', '--set', 'years=3', ...small]);
    expect({ status: lhs.status, stderr: lhs.stderr }).toEqual({ status: 2, stderr: 'crm-sim: --set years=3 and --lhs range years=1:2 both set years: give one of them (each design point\'s value would replace --set years=3)\n' });
    const other = runCrmSim(['sweep', shipped('baseline'), '--grid', 'ticksPerYear=4,12', ...small.filter((a) => a !== '--out' && a !== out)]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('--set ticksPerYear=12 and --grid ticksPerYear=4,12 both set ticksPerYear');
  });
});
