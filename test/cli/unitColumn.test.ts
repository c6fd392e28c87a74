import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/cli/runCommand.ts';
import { parseCsvLine } from '../../src/report/parseCsvLine.ts';
import { readReplicatesCsv } from '../../src/report/readReplicatesCsv.ts';
import { readSeriesCsv } from '../../src/report/readSeriesCsv.ts';
import { smallRunSettings } from './smallRun.ts';

const signal = new AbortController().signal;
let root: string;
let run: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-unit-'));
  run = join(root, 'run');
  await executeRun(smallRunSettings(run, { replicates: 3 }), signal);
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A CSV file of the run as rows of named fields. */
async function readRows(name: string): Promise<{ header: string[]; rows: Array<Record<string, string>> }> {
  const [head, ...lines] = (await readFile(join(run, name), 'utf8')).trimEnd().split('\n').map(parseCsvLine);
  return { header: head, rows: lines.map((fields) => Object.fromEntries(head.map((column, i) => [column, fields[i]]))) };
}

/** The summary.json id of a CSV row: its key parts that apply, joined by dots. */
const idOf = (row: Record<string, string>): string => [row.metric, row.material, row.stage, row.region].filter((part) => part !== '').join('.');

describe('the unit column', () => {
  it('follows region in series.csv and replicates.csv', async () => {
    for (const name of ['series.csv', 'replicates.csv']) {
      const { header } = await readRows(name);
      expect(header[header.indexOf('region') + 1]).toBe('unit');
    }
  });

  it("gives each replicates.csv row its summary.json metric's unit (costs in USD)", async () => {
    const summary = JSON.parse(await readFile(join(run, 'summary.json'), 'utf8')) as { metrics: Record<string, { unit: string }> };
    const { rows } = await readRows('replicates.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([idOf(row), row.unit]).toEqual([idOf(row), summary.metrics[idOf(row)].unit]);
    expect(rows.filter((row) => row.metric === 'policyCost').map((row) => row.unit)).toEqual(['USD', 'USD', 'USD']);
  });

  it('gives every series.csv row of a series one unit, prices in USD/t', async () => {
    const { rows } = await readRows('series.csv');
    const units = new Map<string, Set<string>>();
    for (const row of rows) units.set(row.metric, (units.get(row.metric) ?? new Set()).add(row.unit));
    expect(units.get('price')).toEqual(new Set(['USD/t']));
    for (const [metric, set] of units) expect([metric, set.size, [...set][0] !== '']).toEqual([metric, 1, true]);
  });

  it('leaves the report readers reading folders written before the column, with the same values', async () => {
    const old = join(root, 'old');
    await mkdir(old);
    for (const name of ['series.csv', 'replicates.csv']) {
      const lines = (await readFile(join(run, name), 'utf8')).trimEnd().split('\n').map(parseCsvLine);
      const at = lines[0].indexOf('unit');
      await writeFile(join(old, name), lines.map((fields) => `${fields.filter((_, i) => i !== at).join(',')}\n`).join(''));
    }
    expect((await readFile(join(old, 'series.csv'), 'utf8')).startsWith('tick,year,metric,material,stage,region,mean,')).toBe(true);
    const keep = (id: { metric: string }): boolean => id.metric === 'price' || id.metric === 'shortfall';
    const fresh = await readSeriesCsv(run, keep);
    expect(fresh?.size).toBeGreaterThan(0);
    expect(await readSeriesCsv(old, keep)).toEqual(fresh);
    const replicates = await readReplicatesCsv(run);
    expect(replicates?.get('policyCost.US')).toHaveLength(3);
    expect(await readReplicatesCsv(old)).toEqual(replicates);
  });

  it('refuses a series.csv without the band columns', async () => {
    const broken = join(root, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'series.csv'), 'tick,year,metric,material,stage,region,unit,mean\n0,2025,price,ndpr,mining,US,USD/t,1\n');
    await expect(readSeriesCsv(broken, () => true)).rejects.toThrow(/unexpected header/);
  });
});
