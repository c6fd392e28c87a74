import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTextFileWriter } from '../../src/outputs/createTextFileWriter.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-writer-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createTextFileWriter', () => {
  it('writes every piece in order across flushes, as UTF-8', async () => {
    const path = join(root, 'big.csv');
    const writer = await createTextFileWriter(path);
    const line = `${'x'.repeat(99)}é\n`;
    for (let i = 0; i < 30_000; i++) await writer.write(line); // ~3 MB: several flushes
    await writer.close();
    const text = await readFile(path, 'utf8');
    expect(text.length).toBe(30_000 * line.length);
    expect(text.startsWith(line + line)).toBe(true);
  });
  it('refuses to replace an existing file', async () => {
    const path = join(root, 'exists.txt');
    await writeFile(path, 'old');
    await expect(createTextFileWriter(path)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
