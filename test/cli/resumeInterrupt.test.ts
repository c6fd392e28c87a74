/**
 * Interrupted under `--resume`, crm-sim says what it kept and how to finish, not "no output
 * written" (CLI audit M6): run's finished parts, compare/sweep/stress's finished arms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { InterruptedError } from '../../src/cli/exitCodes.ts';
import { openArmCache } from '../../src/compare/armCache.ts';
import { runScenarioArms } from '../../src/compare/runScenarioArms.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { runCli } from './runCli.ts';
import { SMALL_SETS } from './smallRun.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-resume-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; sends SIGINT once stderr matches `when`. */
function runAndInterrupt(args: string[], when: RegExp): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && when.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('an interrupt under --resume', () => {
  it('run: says how many parts are kept and to run the same command again, which finishes the run', async () => {
    const out = join(dir, 'run');
    const sets = SMALL_SETS.map((set) => set.replace('years=1', 'years=2')).flatMap((set) => ['--set', set]);
    const args = ['run', 'scenarios/baseline.yaml', '--replicates', '16', '--workers', '1', ...sets, '--resume', out];
    const result = await runAndInterrupt(args, /\(1 part done\)/);
    expect(result.code).toBe(130);
    expect(result.stderr).not.toContain('no output written');
    expect(result.stderr).toMatch(new RegExp(`crm-sim: interrupted; [1-9]\\d* of 16 parts kept in ${out}\\.parts; run the same command again \\(or crm-sim run --resume ${out}\\) to finish\\n$`));
    const again = runCli([...args, '--quiet']);
    expect(again.status).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(existsSync(`${out}.parts`)).toBe(false);
  }, 120_000);

  it('compare, sweep, stress: says how many finished arms are kept', async () => {
    const compiled = ['baseline', 'threat-export-quota'].map((name) => compileScenario(loadScenario(`scenarios/${name}.yaml`, { set: SMALL_SETS }).spec));
    const folder = join(dir, 'arms.parts');
    const abort = new AbortController();
    const commandLine = ['crm-sim', 'compare', 'a.yaml', 'b.yaml', '--out', join(dir, 'arms'), '--resume'];
    const options = { masterSeed: 3, replicates: 2, workers: 0, cache: openArmCache(folder, 'compare', commandLine), signal: abort.signal };
    // Interrupted in the second arm: the first is kept.
    const error = await runScenarioArms(compiled, { ...options, onProgress: (done) => { if (done > 2) abort.abort(); } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as Error).name).toBe('AbortError');
    // With the exact command to run, recorded in the folder (crm-sim-commands.json).
    expect((error as Error).message).toBe(`interrupted; 1 finished arm kept in ${folder}; run the same command again to finish: ${commandLine.join(' ')} (from ${process.cwd()}; recorded in ${join(folder, 'crm-sim-commands.json')})`);
    // Interrupted before any arm finished: nothing kept, as before.
    const none = new AbortController();
    none.abort();
    const early = await runScenarioArms(compiled, { ...options, cache: openArmCache(join(dir, 'none.parts')), signal: none.signal }).catch((e: unknown) => e);
    expect((early as Error).message).toBe('interrupted before any arm finished; no output written');
  });
});
