/**
 * `crm-sim run --resume DIR` from every on-disk state a SIGKILL can leave between two file-system
 * steps of a resumable run (the random kills of resumeRun.test.ts reach the narrow windows only
 * by luck). Each state is built by hand from the real pieces (parts, run.json, lock of a dead
 * process, the merged DIR); resume must end in the bytes of an uninterrupted run with nothing left
 * over, or refuse with one clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { executeMerge } from '../../src/cli/mergeCommand.ts';
import { partsFolder, runResumable } from '../../src/cli/resumeRun.ts';
import { executeRun, type RunOptions } from '../../src/cli/runCommand.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { runCli } from './runCli.ts';
import { readFolderWithoutManifest, SMALL_SETS, smallRunSettings } from './smallRun.ts';

const root = mkdtempSync(join(tmpdir(), 'crm-sim-resume-states-'));
const settings = smallRunSettings(join(root, 'template', 'run'));
const PARTS = Math.min(16, settings.replicates);
const signal = new AbortController().signal;
/** A pid that belonged to a process that has exited. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
let expected: Record<string, string>;

/** `crm-sim run [scenario] --resume out` as the CLI calls it (quiet, inline workers). */
function resume(out: string, withScenario: boolean): ReturnType<typeof runResumable> {
  const options: RunOptions = withScenario
    ? { replicates: String(settings.replicates), seed: String(settings.masterSeed), set: SMALL_SETS, workers: '0', quiet: true, resume: out }
    : { replicates: '100', seed: '1', set: [], workers: '0', quiet: true, resume: out };
  return runResumable(withScenario ? settings.scenarioPath : undefined, options, signal);
}

/** What a resumable run leaves when killed right after its merge's rename: DIR complete, DIR.parts whole. */
async function buildTemplate(out: string): Promise<void> {
  const work = partsFolder(out);
  for (let k = 1; k <= PARTS; k++) {
    await executeRun({ ...settings, shard: { index: k, count: PARTS }, out: join(work, `part-${k}`) }, signal);
  }
  const { scenarioPath, sets, replicates, masterSeed } = settings;
  const sha256 = loadScenario(scenarioPath, { set: sets }).sha256;
  writeFileSync(join(work, 'run.json'), JSON.stringify({ scenarioPath, sets, replicates, masterSeed, parts: PARTS, sha256 }));
  writeFileSync(join(work, 'lock'), String(deadPid));
  const dirs = Array.from({ length: PARTS }, (_, i) => join(work, `part-${i + 1}`));
  await executeMerge({ dirs, out, parquet: false, keepSeries: false }, signal);
}

/** A fresh copy of the template as `name`, with DIR and DIR.parts entries removed as asked. */
function copyState(name: string, { dir = true, removeFromParts = [] as string[] } = {}): string {
  const out = join(root, name, 'run');
  mkdirSync(join(root, name));
  if (dir) cpSync(join(root, 'template', 'run'), out, { recursive: true });
  cpSync(partsFolder(join(root, 'template', 'run')), partsFolder(out), { recursive: true });
  for (const entry of removeFromParts) rmSync(join(partsFolder(out), entry), { recursive: true, force: true });
  return out;
}

/** The run is complete, byte-identical to an uninterrupted one, and nothing is left beside it. */
async function expectCompleteAndClean(out: string): Promise<void> {
  expect(await readFolderWithoutManifest(out)).toEqual(expected);
  expect(readdirSync(join(out, '..'))).toEqual(['run']);
}

beforeAll(async () => {
  const reference = join(root, 'reference');
  await executeRun({ ...settings, out: reference }, signal);
  expected = await readFolderWithoutManifest(reference);
  await buildTemplate(settings.out as string);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('crm-sim run --resume from the state a kill left', () => {
  // finish() removes DIR.parts recursively, in directory order: run.json may go first or last.
  const removals: [string, string[]][] = [
    ['after the merge, before DIR.parts was touched', []],
    ['while DIR.parts was removed, run.json gone first', ['run.json']],
    ['while DIR.parts was removed, run.json and some parts gone', ['run.json', 'lock', 'part-1', 'part-2']],
    ['before the last rmdir of DIR.parts', ['run.json', 'lock', ...Array.from({ length: PARTS }, (_, i) => `part-${i + 1}`)]],
  ];
  for (const [when, removed] of removals) {
    for (const withScenario of [false, true]) {
      it(`killed ${when}: resume ${withScenario ? 'with' : 'without'} the scenario says complete and removes DIR.parts`, async () => {
        const out = copyState(`done-${removed.length}-${withScenario}`, { removeFromParts: removed });
        const outcome = await resume(out, withScenario);
        await expectCompleteAndClean(out);
        expect(outcome).toEqual({ dir: out, alreadyComplete: true });
      });
    }
  }

  it('killed during the merge (its temporary folder beside DIR): resume merges and removes the leftover', async () => {
    const out = copyState('merging', { dir: false });
    cpSync(join(root, 'template', 'run'), join(root, 'merging', `.run.tmp-${deadPid}`), { recursive: true });
    rmSync(join(root, 'merging', `.run.tmp-${deadPid}`, 'manifest.json'));
    const outcome = await resume(out, false);
    expect(outcome.alreadyComplete).toBeUndefined();
    await expectCompleteAndClean(out);
  });

  it('killed before it recorded the run (lock and run.json.tmp only): the scenario is needed, then it runs', async () => {
    const out = join(root, 'unrecorded', 'run');
    mkdirSync(partsFolder(out), { recursive: true });
    writeFileSync(join(partsFolder(out), 'lock'), '');
    writeFileSync(join(partsFolder(out), 'run.json.tmp'), '{"scenarioPa');
    await expect(resume(out, false)).rejects.toThrow(/nothing to resume there/);
    await resume(out, true);
    await expectCompleteAndClean(out);
  });

  it('a finished DIR whose DIR.parts a live process holds is complete; DIR.parts is left to its holder', async () => {
    const out = copyState('held');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(partsFolder(out), 'lock'), String(holder.pid));
      expect(await resume(out, false)).toEqual({ dir: out, alreadyComplete: true });
      expect(existsSync(join(partsFolder(out), 'run.json'))).toBe(true);
    } finally {
      holder.kill();
    }
  });

  it('refuses a finished DIR of another run instead of calling it complete', async () => {
    const out = copyState('another', { removeFromParts: ['run.json'] });
    const options: RunOptions = { replicates: '5', seed: '7', set: SMALL_SETS, workers: '0', quiet: true, resume: out };
    const refused = runResumable(settings.scenarioPath, options, signal);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(`--resume ${out}: ${out} holds another run: seed (2026 in the folder, 7 in this run); remove it`);
  });

  it('names the settings that differ, not the scenario hashes: DIR.parts with finished parts of another run', async () => {
    const out = copyState('another-parts', { dir: false });
    // The recorded scenario file has moved away since: only a finished part's resolved scenario can name the difference.
    const record = join(partsFolder(out), 'run.json');
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), scenarioPath: join(root, 'moved-away.yaml') }));
    const options: RunOptions = { replicates: '5', seed: '7', set: [...SMALL_SETS.filter((s) => !s.startsWith('years=')), 'years=2'], workers: '0', quiet: true, resume: out };
    const refused = runResumable(settings.scenarioPath, options, signal);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(`${partsFolder(out)} holds another run: its scenario differs at `);
    await expect(refused).rejects.toThrow(/years \(1 in the folder, 2 in this run\); seed \(2026 in the folder, 7 in this run\); remove it/);
    await expect(refused).rejects.not.toThrow(/SHA-256|[0-9a-f]{64}/);
  });

  it('names the settings that differ when no part has finished (from the recorded scenario file and overrides)', async () => {
    const out = copyState('another-record', { dir: false, removeFromParts: Array.from({ length: PARTS }, (_, i) => `part-${i + 1}`) });
    const options: RunOptions = { replicates: '5', seed: String(settings.masterSeed), set: [...SMALL_SETS, 'resolution.firmsPerCapacityCell=3'], workers: '0', quiet: true, resume: out };
    await expect(runResumable(settings.scenarioPath, options, signal)).rejects.toThrow(/holds another run: its scenario differs at .*resolution\.firmsPerCapacityCell \(2 in the folder, 3 in this run\)/);
  });

  it('says so on the command line: complete already (exit 0), unreadable run.json (exit 2, one line)', () => {
    const out = copyState('cli', { removeFromParts: ['run.json'] });
    const done = runCli(['run', '--resume', out]);
    expect(done).toEqual({ status: 0, stdout: `${out}\n`, stderr: `crm-sim: ${out} is complete already; nothing to resume\n` });
    expect(existsSync(partsFolder(out))).toBe(false);
    const torn = join(root, 'torn', 'run');
    mkdirSync(partsFolder(torn), { recursive: true });
    writeFileSync(join(partsFolder(torn), 'run.json'), '');
    const unreadable = runCli(['run', '--resume', torn]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(new RegExp(`^crm-sim: --resume ${torn}: cannot read ${join(partsFolder(torn), 'run.json')} \\(.+\\); remove ${partsFolder(torn)} to start over\\n$`));
  });
});
