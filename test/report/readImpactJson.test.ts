import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describePeakWindow } from '../../src/report/describePeakWindow.ts';
import { readImpactJson } from '../../src/report/readImpactJson.ts';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

const stat = (mean: number) => ({ unit: 'x base', n: 4, meanWith: 2 + mean, meanWithout: 2, mean, ciLow: mean - 0.1, ciHigh: mean + 0.1 });
const window = { startTick: 39, endTick: 182, fromYear: 2025.75, toYear: 2028.5 };

async function folderWith(impact: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'crm-impact-'));
  dirs.push(dir);
  await writeFile(join(dir, 'impact.json'), JSON.stringify(impact));
  return dir;
}

describe('readImpactJson: the peak price in the disruption window', () => {
  it('reads the window peak beside the whole run\'s, per stage and per material', async () => {
    const dir = await folderWith({
      replicates: 4, runReplicates: 4, replicateCap: 30,
      stages: [{ stage: 'processing', events: ['q'], peakPriceMultiple: { ...stat(0.4), materials: ['ndpr'] }, disruptionPeakPrice: { ...stat(0.9), materials: ['ndpr'], window } }],
      disruptions: { events: ['q'], window, materials: [
        { material: 'ndpr', peakPriceMultiple: stat(0.4), disruptionPeakPrice: { ...stat(0.9), window: { ...window, fromYear: 2026, toYear: 2028 } } },
        { material: 'dy', peakPriceMultiple: stat(0.2), disruptionPeakPrice: stat(0.5) }, // no window of its own (a file of the first session-14 commits): all disruptions'
      ] },
    });
    const impact = (await readImpactJson(dir))!;
    const stage = impact.stages.get('processing')!;
    expect([stage.peakPriceMultiple?.mean, stage.disruptionPeakPrice?.mean]).toEqual([0.4, 0.9]);
    expect(stage.peakWindow).toEqual({ fromYear: 2025.75, toYear: 2028.5 });
    expect(impact.byMaterial.get('ndpr')?.disruptionPeakPrice?.mean).toBe(0.9);
    expect(impact.byMaterial.get('ndpr')?.peakWindow).toEqual({ fromYear: 2026, toYear: 2028 });
    expect(impact.byMaterial.get('dy')?.peakWindow).toEqual({ fromYear: 2025.75, toYear: 2028.5 });
    expect(describePeakWindow(impact.byMaterial.get('dy')!.peakWindow!)).toBe('Oct 2025 to Jun 2028');
  });

  it('reads the range of the runs\' own windows when the scenario draws its event times, and says it', async () => {
    const drawn = { fromYear: [2025.5, 2026], toYear: [2028.25, 2029] };
    const dir = await folderWith({
      replicates: 4, runReplicates: 4, replicateCap: 30,
      stages: [{ stage: 'processing', events: ['q'], peakPriceMultiple: { ...stat(0.4), materials: ['ndpr'] }, disruptionPeakPrice: { ...stat(0.9), materials: ['ndpr'], window: { ...window, drawn } } }],
      disruptions: { events: ['q'], window: { ...window, drawn }, materials: [{ material: 'ndpr', peakPriceMultiple: stat(0.4), disruptionPeakPrice: { ...stat(0.9), window: { ...window, drawn } } }] },
    });
    const peakWindow = (await readImpactJson(dir))!.byMaterial.get('ndpr')!.peakWindow!;
    expect(peakWindow).toEqual({ fromYear: 2025.75, toYear: 2028.5, drawn });
    expect(describePeakWindow(peakWindow)).toBe('Oct 2025 to Jun 2028 at the scenario\'s nominal event times, each run in its own window (from Jul 2025–Jan 2026 to Mar 2028–Dec 2028, as its drawn event times fall)');
  });

  it('leaves it out for a file written before the window existed: the whole run\'s peak only', async () => {
    const dir = await folderWith({
      replicates: 4, runReplicates: 4, replicateCap: 30,
      stages: [{ stage: 'processing', events: ['q'], peakPriceMultiple: { ...stat(0.4), materials: ['ndpr'] } }],
      disruptions: { events: ['q'], materials: [{ material: 'ndpr', peakPriceMultiple: stat(0.4) }] },
    });
    const impact = (await readImpactJson(dir))!;
    expect(impact.stages.get('processing')?.disruptionPeakPrice).toBeUndefined();
    expect(impact.byMaterial.get('ndpr')?.disruptionPeakPrice).toBeUndefined();
    expect(impact.byMaterial.get('ndpr')?.peakWindow).toBeUndefined();
    expect(impact.byMaterial.get('ndpr')?.peakPriceMultiple?.mean).toBe(0.4);
  });
});

describe('readImpactJson: monthly consumption', () => {
  it('reads a material\'s months with and without the disruptions, nulls as NaN, and nothing from an older file or arrays of different lengths', async () => {
    const monthlyConsumption = { unit: 't/week', period: ['2026-01', '2026-02'], weeks: [4.4, 4], meanWith: [10, 8], meanWithout: [10, 10], mean: [0, -2], ciLow: [null, -2.5], ciHigh: [null, -1.5] };
    const dir = await folderWith({
      replicates: 4, runReplicates: 4, replicateCap: 30, stages: [{ stage: 'processing', events: ['q'], peakPriceMultiple: { ...stat(0.4), materials: ['ndpr'] } }],
      disruptions: { events: ['q'], window, materials: [
        { material: 'ndpr', peakPriceMultiple: stat(0.4), monthlyConsumption },
        { material: 'dy', peakPriceMultiple: stat(0.2) },
        { material: 'li', peakPriceMultiple: stat(0.2), monthlyConsumption: { ...monthlyConsumption, mean: [0] } },
      ] },
    });
    const read = await readImpactJson(dir);
    const ndpr = read?.byMaterial.get('ndpr')?.monthlyConsumption;
    expect(ndpr?.mean).toEqual([0, -2]);
    expect(ndpr?.weeks).toEqual([4.4, 4]);
    expect(Number.isNaN(ndpr?.ciLow[0])).toBe(true);
    expect(read?.byMaterial.get('dy')?.monthlyConsumption).toBeUndefined();
    expect(read?.byMaterial.get('li')?.monthlyConsumption).toBeUndefined();
  });
});
