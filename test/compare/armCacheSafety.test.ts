/**
 * `<out>.parts` of compare, sweep and stress --resume is used and removed only when crm-sim made
 * it (its marker and arm files, or arm files alone from before the marker): a user's folder or a
 * file there is refused, never deleted.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exitCodes.ts';
import { ARM_MARKER, COMMANDS_FILE, openArmCache } from '../../src/compare/armCache.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-arm-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const results = [{ replicate: 0, series: new Float64Array(0), summaries: Float64Array.from([1, 2]) }];

describe('the folder of finished arms is crm-sim\'s or refused', () => {
  it('refuses a folder with other files, naming them, and leaves it whole', () => {
    const folder = join(dir, 'user.parts');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'precious.txt'), 'precious');
    expect(() => openArmCache(folder, 'compare')).toThrow(UsageError);
    expect(() => openArmCache(folder, 'compare')).toThrow(`${folder}: expected crm-sim's folder of compare --resume's finished arms, found a folder with other files (precious.txt, sub); not touching it`);
    expect(readFileSync(join(folder, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('refuses a garbage run.json with a stray file, and a file in place of the folder', () => {
    const folder = join(dir, 'garbage.parts');
    mkdirSync(folder);
    writeFileSync(join(folder, 'run.json'), '{}');
    writeFileSync(join(folder, 'stray'), '');
    expect(() => openArmCache(folder, 'sweep')).toThrow(/found a folder with other files \(run\.json, stray\)/);
    const file = join(dir, 'file.parts');
    writeFileSync(file, 'precious');
    expect(() => openArmCache(file, 'stress')).toThrow(`${file}: expected crm-sim's folder of stress --resume's finished arms, found a file`);
  });

  it('refuses a damaged marker', () => {
    const folder = join(dir, 'marker.parts');
    mkdirSync(folder);
    writeFileSync(join(folder, ARM_MARKER), '[]');
    expect(() => openArmCache(folder)).toThrow(`${join(folder, ARM_MARKER)}: expected crm-sim's marker`);
  });

  it('marks the folder it makes, takes up one from before the marker, and removes only its own files', () => {
    const folder = join(dir, 'own.parts');
    openArmCache(folder).write('k', results);
    expect(readdirSync(folder).sort()).toEqual(['arm-k.f64', ARM_MARKER, COMMANDS_FILE]); // the marker and the command lines' record come with the first arm
    const old = join(dir, 'old.parts');
    mkdirSync(old);
    writeFileSync(join(old, 'arm-abc.f64'), '');
    writeFileSync(join(old, 'arm-abc.f64.tmp-123'), '');
    const cache = openArmCache(old);
    cache.remove();
    expect(existsSync(old)).toBe(false);
    const reused = openArmCache(folder);
    writeFileSync(join(folder, 'late.txt'), 'appeared while the command ran');
    reused.remove();
    expect(readdirSync(folder)).toEqual(['late.txt']);
  });
});
