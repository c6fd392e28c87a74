import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeReleaseRuns, describeReleaseRunsLine, describeSoldByTrigger } from '../../src/report/describeComparedRelease.ts';
import { readStockpileReleases, type RunRelease } from '../../src/report/readStockpileReleases.ts';
import { readArmReplicates } from '../../src/report/readArmReplicates.ts';

const run = (period: string, released = 30, peak = 1315): RunRelease => {
  if (period === '') return { firstReleasePeriod: '', firstReleaseYear: NaN, releasedTonnes: 0, peakHeldTonnes: peak };
  const [year, month] = period.split('-').map(Number);
  return { firstReleasePeriod: period, firstReleaseYear: year + (month - 0.5) / 12, releasedTonnes: released, peakHeldTonnes: peak };
};
const name = (id: string): string => ({ ndpr: 'NdPr oxide', dy: 'Dysprosium oxide' })[id] ?? id;

describe('describeReleaseRuns', () => {
  it('counts the runs that released, the median first month and its range, and the runs that never did', () => {
    const runs = [run('2026-03'), run('2026-07'), run('2026-08'), run(''), run('')];
    expect(describeReleaseRuns('NdPr oxide', runs, 2026)).toBe('NdPr oxide: released in 3 of 5 runs, first in Jul 2026 at the median (earliest Mar 2026, latest Aug 2026; '
      + 'the reference’s events on it began Jan 2026); 1,320 t held at most (median run); per run on average, it released 18 t net of buying back; never in 2 runs');
  });

  it('puts a count of one run in the singular (user audit, session 32: "1 runs")', () => {
    expect(describeReleaseRuns('NdPr oxide', [run('')], 2026)).toBe('NdPr oxide: never released in any of the 1 run that held it');
    expect(describeReleaseRuns('NdPr oxide', [run('2026-03')], 2026)).toMatch(/^NdPr oxide: released in 1 of 1 run, /);
  });

  it('says when a stock never released, and when releases came before the events began', () => {
    expect(describeReleaseRuns('NdPr oxide', [run(''), run('')], 2026)).toBe('NdPr oxide: never released in any of the 2 runs that held it');
    expect(describeReleaseRuns('NdPr oxide', [run('2025-06'), run('2025-06'), run('2026-02')], 2026)).toContain('; 2 of them before the events began');
    expect(describeReleaseRuns('NdPr oxide', [run('2025-06'), run('2025-06')], 2026)).toContain('first in Jun 2025 in each (the reference’s events on it began Jan 2026); every one before the events began');
    // The runs that never released, and an election reversed the stockpile in: counted among them only.
    const reversed = [true, false, true, false];
    expect(describeReleaseRuns('NdPr oxide', [run('2026-03'), run('2026-07'), run(''), run('')], 2026, reversed))
      .toContain('; never in 2 runs (an election reversed the stockpile in 1 of them: a reversed stockpile stops trading)');
    expect(describeReleaseRuns('NdPr oxide', [run(''), run('')], 2026, [true, true])).toBe('NdPr oxide: never released in any of the 2 runs that held it (an election reversed the stockpile in 2 of them: a reversed stockpile stops trading)');
    expect(describeReleaseRuns('NdPr oxide', [run(''), run('')], 2026, [false, false])).not.toContain('election');
    // Runs that never held a stock are not counted.
    expect(describeReleaseRuns('NdPr oxide', [run('', 0, 0)], 2026)).toBe('');
  });

  it('says what the runs sold by trigger and released net of buying back, both means per run over the runs that held a stock (audit 12), leaving out triggers that sold nothing', () => {
    const sold = (shortage: number, priceSpike: number, steady = 0, period = '2026-03'): RunRelease => ({ ...run(period), soldByTrigger: { shortage, priceSpike, steady } });
    // Means over the three runs that held a stock: (60 + 30 + 0) / 3 = 30 t on shortage, (1 + 2 + 0) / 3 = 1 t into price spikes.
    const runs = [sold(60, 1), sold(30, 2), sold(0, 0, 0, ''), { ...sold(5, 5), peakHeldTonnes: 0 }];
    // Released net of buying back, mean over the same three runs: (30 + 30 + 0) / 3 = 20 t, beside the 31 t sold: 11 t bought back.
    expect(describeReleaseRuns('NdPr oxide', runs, 2026)).toBe('NdPr oxide: released in 2 of 3 runs, first in Mar 2026 in each (the reference’s events on it began Jan 2026); '
      + '1,320 t held at most (median run); per run on average, it sold 30 t on shortage and 1 t into price spikes (31 t in all), and released 20 t net of buying back; never in 1 run');
    expect(describeReleaseRuns('NdPr oxide', runs, 2026)).not.toContain('at the median,');
    expect(describeSoldByTrigger([sold(0, 37.8), sold(0, 37.8)], 't')).toBe('it sold 37.8 t, all into price spikes');
    expect(describeSoldByTrigger([sold(1, 2, 3)], 't')).toBe('it sold 1 t on shortage, 2 t into price spikes and 3 t by steady release (6 t in all)');
    // Not said when a run lacks the figures (a folder from before them, or a strategy without a stockpile event there) or nothing sold.
    expect(describeSoldByTrigger([sold(1, 2), run('2026-03')], 't')).toBe('');
    expect(describeSoldByTrigger([sold(NaN, NaN, NaN)], 't')).toBe('');
    expect(describeSoldByTrigger([sold(0, 0)], 't')).toBe('');
    expect(describeReleaseRuns('NdPr oxide', [run('2026-03')], 2026)).not.toContain('it sold');
  });

  it('gives the rule once when the materials share it, and why a refined stock that released little reached few end users (G10)', () => {
    const rule = { doctrine: 'daysOfConsumption', releaseShortfallShare: 0.05, releasePriceMultiple: 1.5 };
    const line = describeReleaseRunsLine([
      { material: 'ndpr', runs: [run('2026-01', 50)], eventsStartYear: 2026, rule, refinedOnly: true },
      { material: 'dy', runs: [run('2026-07', 1, 37.8)], eventsStartYear: 2026, rule, refinedOnly: true },
    ], name, 'United States');
    expect(line.match(/Its rule/g)?.length).toBe(1);
    expect(line).toContain('. Its rule releases when its buyers in the United States go short of more than 5% of their demand, or into prices above 1.5× base.');
    expect(line).toContain('gap G10');
    const shortfallOnly = describeReleaseRunsLine([{ material: 'ndpr', runs: [run('2026-07', 1300)], eventsStartYear: 2026, rule: { doctrine: 'shortfall', releaseShortfallShare: 0.05 }, refinedOnly: false }], name, 'United States');
    expect(shortfallOnly).toContain('Its rule releases only when');
    expect(shortfallOnly).not.toContain('G10');
    // A refined stock that never released: the rule is why, not G10.
    expect(describeReleaseRunsLine([{ material: 'ndpr', runs: [run(''), run('')], eventsStartYear: 2026, rule, refinedOnly: true }], name, 'United States')).not.toContain('G10');
  });

  it('reads replicates.csv of a compare folder per arm, keeping only the metrics asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arms-'));
    await writeFile(join(dir, 'replicates.csv'), 'arm,replicate,metric,material,stage,region,unit,value\n'
      + 'a,1,policyReversed,dy,processing,pile,share,1\na,0,policyReversed,dy,processing,pile,share,0\nb,0,policyReversed,dy,processing,pile,share,1\nb,1,policyReversed,dy,processing,pile,share,1\na,0,policyCost,,,US,USD,5\n');
    const arms = await readArmReplicates(dir, (metric) => metric === 'policyReversed');
    expect(arms?.get('a')?.get('policyReversed.dy.processing.pile')).toEqual([0, 1]);
    expect(arms?.get('b')?.get('policyReversed.dy.processing.pile')).toEqual([1, 1]);
    expect(arms?.get('a')?.has('policyCost.US')).toBe(false);
  });

  it('reads stockpile-releases.csv by column name, runs in replicate order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'releases-'));
    await writeFile(join(dir, 'stockpile-releases.csv'), 'strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes\npile,ndpr,1,100,,,0\npile,ndpr,0,100,2026-04,2026.29,60\n');
    const runs = (await readStockpileReleases(dir))?.get('pile')?.get('ndpr');
    expect(runs?.map((r) => r.firstReleasePeriod)).toEqual(['2026-04', '']);
    expect(runs?.[1].firstReleaseYear).toBeNaN();
    expect(await readStockpileReleases(tmpdir() + '/no-such-folder-here')).toBeUndefined();
    await writeFile(join(dir, 'stockpile-releases.csv'), 'strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes\npile,ndpr,0,100,2026-04,2026.29,abc\n');
    await expect(readStockpileReleases(dir)).rejects.toThrow(/stockpile-releases\.csv:2: releasedTonnes: expected a number, found "abc"/);
  });

  it('reads the by-trigger columns when the file has them, and none from a file written before them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'releases-'));
    const header = 'strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes,shortageReleaseTonnes,priceSpikeReleaseTonnes,steadyReleaseTonnes';
    await writeFile(join(dir, 'stockpile-releases.csv'), `${header}\npile,ndpr,0,100,2026-04,2026.29,60,42,15.5,0\npile,ndpr,1,100,,,0,,,\n`);
    const runs = (await readStockpileReleases(dir))?.get('pile')?.get('ndpr');
    expect(runs?.[0].soldByTrigger).toEqual({ shortage: 42, priceSpike: 15.5, steady: 0 });
    expect(runs?.[1].soldByTrigger).toEqual({ shortage: NaN, priceSpike: NaN, steady: NaN });
    await writeFile(join(dir, 'stockpile-releases.csv'), `${header}\npile,ndpr,0,100,2026-04,2026.29,60,x,1,0\n`);
    await expect(readStockpileReleases(dir)).rejects.toThrow(/stockpile-releases\.csv:2: shortageReleaseTonnes: expected a number or nothing, found "x"/);
    await writeFile(join(dir, 'stockpile-releases.csv'), 'strategy,material,replicate,peakHeldTonnes,firstReleasePeriod,firstReleaseYear,releasedTonnes\npile,ndpr,0,100,2026-04,2026.29,60\n');
    expect((await readStockpileReleases(dir))?.get('pile')?.get('ndpr')?.[0].soldByTrigger).toBeUndefined();
  });
});
