/**
 * compare, sweep and stress --resume record in `<out>.parts/crm-sim-commands.json` the command
 * lines that kept arms there, and say on an interrupt the exact command that finishes the run:
 * after a killed terminal or a scheduler's kill the user needs it, not "run the same command again".
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim-core/index.ts';
import { InterruptedError } from '../../src/cli/exitCodes.ts';
import { COMMANDS_FILE, openArmCache, readCommandsRecord } from '../../src/compare/armCache.ts';
import { createCommandManifest } from '../../src/compare/createCommandManifest.ts';
import { runScenarioArms } from '../../src/compare/runScenarioArms.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { SMALL_SETS } from '../cli/smallRun.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-arm-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command lines of compare --resume', () => {
  it('are recorded in the parts folder, printed on an interrupt, and removed with the arms', async () => {
    const compiled = ['baseline', 'threat-export-quota', 'mitigation-subsidies'].map((name) => compileScenario(loadScenario(`scenarios/${name}.yaml`, { set: SMALL_SETS }).spec));
    const folder = join(dir, 'cmp.parts');
    const started = ['crm-sim', 'compare', 'scenarios/baseline.yaml', 'my quota.yaml', '--out', 'cmp', '--resume', '--set', 'source=https://user:s3cret@host/x'];
    const resumed = ['crm-sim', 'compare', 'scenarios/baseline.yaml', 'my quota.yaml', '--out', 'cmp', '--resume', '--workers', '1'];
    const resumedText = "crm-sim compare scenarios/baseline.yaml 'my quota.yaml' --out cmp --resume --workers 1";
    const options = { masterSeed: 3, replicates: 2, workers: 0 };
    // Interrupted in the second arm: the first is kept, with the command that kept it.
    const first = new AbortController();
    const error = await runScenarioArms(compiled, { ...options, cache: openArmCache(folder, 'compare', started), signal: first.signal, onProgress: (done) => { if (done > 2) first.abort(); } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    const record = readCommandsRecord(folder)!;
    expect(record).toEqual({
      tool: 'crm-sim', command: 'compare', cwd: process.cwd(),
      commandLine: ['crm-sim', 'compare', 'scenarios/baseline.yaml', 'my quota.yaml', '--out', 'cmp', '--resume', '--set', 'source=https://***@host/x'],
      resumeCommandLines: [],
      resumeWith: "crm-sim compare scenarios/baseline.yaml 'my quota.yaml' --out cmp --resume --set 'source=https://***@host/x'",
    });
    expect((error as Error).message).toBe(`interrupted; 1 finished arm kept in ${folder}; run the same command again to finish: ${record.resumeWith} (from ${process.cwd()}; recorded in ${join(folder, COMMANDS_FILE)})`);
    // Resumed by another command line and interrupted again before it kept an arm of its own: recorded as a resume, and it is the one to run.
    const second = new AbortController();
    second.abort();
    const again = await runScenarioArms(compiled, { ...options, cache: openArmCache(folder, 'compare', resumed), signal: second.signal }).catch((e: unknown) => e);
    expect(readCommandsRecord(folder)).toMatchObject({ commandLine: record.commandLine, resumeCommandLines: [resumed], resumeWith: resumedText });
    expect((again as Error).message).toContain(`run the same command again to finish: ${resumedText} (from `);
    // The folder with its record is crm-sim's: it opens, the run finishes from the kept arm, and remove() takes the record too.
    const cache = openArmCache(folder, 'compare', resumed);
    const progress: number[] = [];
    await runScenarioArms(compiled, { ...options, cache, onProgress: (done) => progress.push(done) });
    expect(progress[0]).toBe(2); // the first arm was read, not run
    expect(readdirSync(folder)).toContain(COMMANDS_FILE);
    expect(readCommandsRecord(folder)?.resumeCommandLines).toEqual([resumed, resumed]);
    // The final manifest names the command that started the run and those that resumed it, as a resumed run's does.
    const loaded = loadScenario('scenarios/baseline.yaml', { set: SMALL_SETS });
    const manifest = createCommandManifest({
      command: 'compare', reference: { path: 'scenarios/baseline.yaml', loaded }, scenarios: [], arms: 3, masterSeed: 3, replicates: 2, workers: 0, ticks: 1,
      startedAt: new Date(0), finishedAt: new Date(0), recordedCommands: cache.recordedCommands(),
    });
    expect(manifest.commandLine).toEqual(record.commandLine);
    expect(manifest.resumeCommandLines).toEqual([resumed, resumed]);
    // Without a resume (no record, or the first command finished it) the manifest has this command alone.
    const plain = createCommandManifest({
      command: 'compare', reference: { path: 'scenarios/baseline.yaml', loaded }, scenarios: [], arms: 3, masterSeed: 3, replicates: 2, workers: 0, ticks: 1,
      startedAt: new Date(0), finishedAt: new Date(0), argv: ['compare', 'a.yaml'], recordedCommands: { commandLine: ['crm-sim', 'compare', 'a.yaml'], resumeCommandLines: [] },
    });
    expect(plain.commandLine).toEqual(['crm-sim', 'compare', 'a.yaml']);
    expect(plain).not.toHaveProperty('resumeCommandLines');
    cache.remove();
    expect(cache.recordedCommands()).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });
});
