/**
 * A damaged part under `run --resume` (CLI audit M4): a part whose files are missing or truncated
 * is run again (with a warning) and the run ends in the bytes of an uninterrupted run; a part whose
 * series are changed in place (found only by the merge's SHA-256) is named, with the way out,
 * instead of a "merge:" error.
 */
import { cpSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { partsFolder, runResumable } from '../../src/cli/resumeRun.ts';
import { executeRun, type RunOptions } from '../../src/cli/runCommand.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { readFolderWithoutManifest, SMALL_SETS, smallRunSettings } from './smallRun.ts';

const root = mkdtempSync(join(tmpdir(), 'crm-sim-resume-damaged-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const settings = smallRunSettings(join(root, 'reference'), { replicates: 2 });
const signal = new AbortController().signal;
const options: RunOptions = { replicates: '100', seed: '1', set: [], workers: '0', quiet: true };
let expected: Record<string, string>;

beforeAll(async () => {
  await executeRun(settings, signal);
  expected = await readFolderWithoutManifest(settings.out as string);
  // The parts of an interrupted resumable run, both finished, and its record.
  const work = partsFolder(join(root, 'template'));
  for (let k = 1; k <= 2; k++) await executeRun({ ...settings, shard: { index: k, count: 2 }, out: join(work, `part-${k}`) }, signal);
  const { scenarioPath, sets, replicates, masterSeed } = settings;
  writeFileSync(join(work, 'run.json'), JSON.stringify({ scenarioPath, sets, replicates, masterSeed, parts: 2, sha256: loadScenario(scenarioPath, { set: SMALL_SETS }).sha256 }));
}, 60_000);

/** A copy of the template's parts, as `name`. */
function copyParts(name: string): string {
  const out = join(root, name);
  cpSync(partsFolder(join(root, 'template')), partsFolder(out), { recursive: true });
  return out;
}

describe('a damaged part under run --resume', () => {
  it('missing or truncated files: the part is run again, with a warning, and the run is the uninterrupted one', async () => {
    for (const [name, damage] of [
      ['missing', (work: string) => rmSync(join(work, 'part-2', 'series.f64'))],
      ['truncated', (work: string) => truncateSync(join(work, 'part-1', 'summaries.f64'), 10)],
    ] as const) {
      const out = copyParts(name);
      damage(partsFolder(out));
      const warnings: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (warnings.push(String(text)), true));
      try {
        await runResumable(undefined, { ...options, resume: out }, signal);
      } finally {
        spy.mockRestore();
      }
      expect(warnings.join('')).toMatch(new RegExp(`^warning: --resume ${out}: part \\d is damaged \\(.+\\); running it again\\n$`));
      expect(await readFolderWithoutManifest(out)).toEqual(expected);
    }
  });

  it('series changed in place: names the part and says to delete it and run again', async () => {
    const out = copyParts('changed');
    const fd = openSync(join(partsFolder(out), 'part-2', 'series.f64'), 'r+');
    writeSync(fd, Buffer.from([1, 2, 3, 4]), 0, 4, 0);
    closeSync(fd);
    const error = await runResumable(undefined, { ...options, resume: out }, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^--resume ${out}: part 2 is damaged \\(.*series\\.f64.*\\); delete ${partsFolder(out)}/part-2 and run the same command again to redo it$`));
  });
});
