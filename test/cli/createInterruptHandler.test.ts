import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInterruptHandler } from '../../src/cli/createInterruptHandler.ts';
import { writeDirectoryAtomically } from '../../src/outputs/writeDirectoryAtomically.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-interrupt-handler-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createInterruptHandler', () => {
  it('aborts on the first Ctrl-C and forces exit 130 on the second, removing the temporary folder first', async () => {
    const abort = new AbortController();
    const exits: number[] = [];
    const written: string[] = [];
    let seenAtExit: string[] = [];
    const handler = createInterruptHandler(abort, {
      write: (text) => { written.push(text); },
      exit: (code) => {
        exits.push(code);
        seenAtExit = readdirSync(root);
      },
    });
    let release = (): void => {};
    const writing = writeDirectoryAtomically(join(root, 'out'), async (tmp) => {
      await writeFile(join(tmp, 'partial.csv'), 'x');
      await new Promise<void>((resolve) => { release = resolve; }); // a fill that ignores the abort
    });
    while ((await readdir(root)).length === 0 || (await readdir(join(root, (await readdir(root))[0]))).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    handler();
    expect(abort.signal.aborted).toBe(true);
    expect(exits).toEqual([]);
    handler();
    expect(exits).toEqual([130]);
    // It does not claim that nothing was kept: a --resume run's finished parts stay.
    expect(written.join('')).toMatch(/^crm-sim: interrupted again; exiting now, no output folder written \(a --resume run keeps the parts it finished/);
    expect(seenAtExit).toEqual([]); // the temporary folder went before the exit
    release();
    await writing.catch(() => undefined);
  });
});
