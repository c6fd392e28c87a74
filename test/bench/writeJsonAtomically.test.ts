import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeJsonAtomically } from '../../bench/writeJsonAtomically.ts';

describe('writeJsonAtomically (--json-out)', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'bench-json-'));
    folders.push(made);
    return made;
  };
  afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

  it('writes one JSON object, replacing an older file, and leaves no temporary file', () => {
    const dir = folder();
    const file = join(dir, 'bench.json');
    writeFileSync(file, 'old');
    writeJsonAtomically(file, { sizes: [{ name: 'small', nsPerAgentTick: 1.5 }], threads: { bitIdentical: true } });
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(text)).toEqual({ sizes: [{ name: 'small', nsPerAgentTick: 1.5 }], threads: { bitIdentical: true } });
    expect(readdirSync(dir)).toEqual(['bench.json']);
  });

  it('fails on a missing folder without leaving anything behind', () => {
    const dir = folder();
    expect(() => writeJsonAtomically(join(dir, 'no', 'bench.json'), {})).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
