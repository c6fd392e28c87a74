import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFolderExistsError, writeDirectoryAtomically } from '../../src/outputs/writeDirectoryAtomically.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-atomic-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const writeA = (text: string) => async (dir: string) => writeFile(join(dir, 'a.txt'), text);

describe('writeDirectoryAtomically', () => {
  it('creates the folder (and missing parents) with the files and no temporary left', async () => {
    const dir = join(root, 'nested', 'run');
    expect(await writeDirectoryAtomically(dir, writeA('one'))).toBe(dir);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('one');
    expect(await readdir(join(root, 'nested'))).toEqual(['run']);
  });
  it('leaves no folder behind when writing fails', async () => {
    const dir = join(root, 'run');
    const failing = async (tmp: string) => {
      await writeFile(join(tmp, 'partial.txt'), 'half');
      throw new Error('disk full');
    };
    await expect(writeDirectoryAtomically(dir, failing)).rejects.toThrow('disk full');
    expect(await readdir(root)).toEqual([]);
  });
  it('refuses a non-empty folder unless overwrite is set, and replaces an empty one', async () => {
    const dir = join(root, 'run');
    await mkdir(dir);
    await writeDirectoryAtomically(dir, writeA('first'));
    await expect(writeDirectoryAtomically(dir, writeA('second'))).rejects.toBeInstanceOf(OutputFolderExistsError);
    await expect(writeDirectoryAtomically(dir, writeA('second'))).rejects.toThrow(/already exists and is not empty/);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('first');
    await writeDirectoryAtomically(dir, writeA('second'), { overwrite: true });
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('second');
    expect(await readdir(root)).toEqual(['run']);
  });
  it('keeps the old folder when an overwrite fails', async () => {
    const dir = join(root, 'run');
    await writeDirectoryAtomically(dir, writeA('kept'));
    await expect(writeDirectoryAtomically(dir, async () => { throw new Error('boom'); }, { overwrite: true })).rejects.toThrow('boom');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('kept');
    expect(await readdir(root)).toEqual(['run']);
  });
  it('treats a file at the path as non-empty', async () => {
    await writeFile(join(root, 'run'), 'x');
    await expect(writeDirectoryAtomically(join(root, 'run'), writeA('y'))).rejects.toBeInstanceOf(OutputFolderExistsError);
  });
});

describe('writeDirectoryAtomically with an abort signal', () => {
  it('does not rename the folder into place once the signal aborted, and removes the temporary', async () => {
    const dir = join(root, 'run');
    const controller = new AbortController();
    const fill = async (tmp: string) => {
      await writeFile(join(tmp, 'a.txt'), 'complete');
      controller.abort(); // Ctrl-C after the last file was written
    };
    const error = await writeDirectoryAtomically(dir, fill, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(await readdir(root)).toEqual([]);
  });
});
