import { existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { armKey, openArmCache } from '../../src/compare/armCache.ts';
import { runScenarioArms } from '../../src/compare/runScenarioArms.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { runCrmSim, shipped, SMALL } from './smallScenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-arm-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const compiled = (name: string, extra: string[] = []) => compileScenario(loadScenario(shipped(name), { set: [...SMALL, 'years=1', ...extra] }).spec);
const bytes = (arms: { summaries: Float64Array }[][]) => arms.map((arm) => arm.map((r) => Buffer.from(r.summaries.buffer).toString('hex')));

describe('the finished arms of --resume', () => {
  it('reads back what it wrote bit for bit (NaN included), and nothing for a missing or broken file', () => {
    const cache = openArmCache(join(dir, 'unit.parts'));
    expect(existsSync(join(dir, 'unit.parts'))).toBe(false); // made with the first arm: a command refused early leaves none
    const results = [0, 1].map((replicate) => ({ replicate, series: new Float64Array(0), summaries: Float64Array.from([0.1 + replicate, Number.NaN, -0, 1e-300]) }));
    cache.write('k', results);
    const read = cache.read('k', 2) ?? [];
    expect(read.map((r) => r.replicate)).toEqual([0, 1]);
    expect(bytes([read])).toEqual(bytes([results]));
    expect(cache.read('k', 3)).toBeUndefined(); // another replicate count
    expect(cache.read('other', 2)).toBeUndefined();
    truncateSync(join(dir, 'unit.parts', 'arm-k.f64'), 40);
    expect(cache.read('k', 2)).toBeUndefined();
  });

  it('keys an arm by everything its results depend on', () => {
    const base = compiled('baseline');
    const key = armKey(base, 3, 4, 'summaryOnlyWorker');
    expect(armKey(compiled('baseline'), 3, 4, 'summaryOnlyWorker')).toBe(key);
    for (const other of [armKey(base, 4, 4, 'summaryOnlyWorker'), armKey(base, 3, 5, 'summaryOnlyWorker'), armKey(base, 3, 4, 'stressWorker'),
      armKey(compiled('baseline', ['materials.ndpr.demand.growthPerYear=5%']), 3, 4, 'summaryOnlyWorker')]) {
      expect(other).not.toBe(key);
    }
  });

  it('after an interruption runs only the arms not finished, with the results of a run without one', async () => {
    const arms = [compiled('baseline'), compiled('threat-export-quota'), compiled('mitigation-subsidies')];
    const options = { masterSeed: 9, replicates: 3, workers: 0 };
    const uninterrupted = await runScenarioArms(arms, options);
    const cache = openArmCache(join(dir, 'resume.parts'));
    const abort = new AbortController();
    // Interrupted in the second arm (after its first replicate): the first is kept.
    await expect(runScenarioArms(arms, { ...options, cache, signal: abort.signal, onProgress: (done) => { if (done > 3) abort.abort(); } })).rejects.toThrow();
    expect(readdirSync(join(dir, 'resume.parts')).filter((name) => name.startsWith('arm-'))).toHaveLength(1); // and the marker
    const progress: number[] = [];
    const resumed = await runScenarioArms(arms, { ...options, cache, onProgress: (done) => progress.push(done) });
    expect(progress[0]).toBe(3); // the first arm was read, not run
    expect(bytes(resumed)).toEqual(bytes(uninterrupted));
    expect(readdirSync(join(dir, 'resume.parts')).filter((name) => name.startsWith('arm-'))).toHaveLength(3);
  });

  it('sweep --resume needs --out, and removes the kept arms once its outputs are written', () => {
    const sets = [...SMALL, 'years=1'].flatMap((s) => ['--set', s]);
    const refused = runCrmSim(['sweep', shipped('baseline'), '--no-tornado', '--grid', 'materials.ndpr.demand.growthPerYear=2%,4%', '--replicates', '2', '--resume', '--quiet', ...sets]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/sweep --resume needs --out DIR/);
    const out = join(dir, 'sweep');
    const run = runCrmSim(['sweep', shipped('baseline'), '--no-tornado', '--grid', 'materials.ndpr.demand.growthPerYear=2%,4%', '--replicates', '2', '--workers', '1', '--resume', '--out', out, '--quiet', ...sets]);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(out, 'sweep.json'))).toBe(true);
    expect(existsSync(`${out}.parts`)).toBe(false);
  });
});
