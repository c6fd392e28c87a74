import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/outputs/writeFileAtomically.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sim-atomic-'));
  folders.push(dir);
  return dir;
}

describe('writeFileAtomically', () => {
  it('writes a new file and replaces an old one, leaving no temporary', () => {
    const dir = folder();
    const file = join(dir, 'out.json');
    writeFileAtomically(file, 'first\n');
    expect(readFileSync(file, 'utf8')).toBe('first\n');
    writeFileAtomically(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('throws when the rename fails, and leaves what was there and no temporary', () => {
    const dir = folder();
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept');
    expect(() => writeFileAtomically(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('throws when the folder does not exist, and creates nothing', () => {
    const dir = folder();
    expect(() => writeFileAtomically(join(dir, 'missing', 'out.json'), 'text')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
