import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from '../../src/scenario/findInvalidUtf8.ts';
import { loadScenario } from '../../src/scenario/loadScenario.ts';
import { formatProblem, type ScenarioError } from '../../src/scenario/scenarioError.ts';
import { runCli } from '../cli/runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-not-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASELINE = resolve('scenarios/baseline.yaml');

/** Writes `bytes` as `name` and returns the problems loading it gives, formatted without the folder. */
function problems(name: string, bytes: Buffer): string[] {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    loadScenario(path);
  } catch (error) {
    return (error as ScenarioError).problems.map(formatProblem).map((p) => p.replace(`${dir}/`, ''));
  }
  return [];
}

/** A child of the baseline whose description is `description` in the bytes given (Latin-1 when not UTF-8). */
function child(description: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`extends: ${BASELINE}\nname: cafe\ndescription: `), description, Buffer.from('\n')]);
}

describe('a scenario file that is not UTF-8', () => {
  it('is refused at the first byte that is not UTF-8, with the byte and the likely cause (was silently U+FFFD)', () => {
    // "café crème" saved as Latin-1: é is the single byte 0xE9.
    const latin1 = Buffer.from('café crème', 'latin1');
    expect(problems('latin1.yaml', child(latin1))).toEqual([
      'latin1.yaml:3:17: (root): expected UTF-8 text, found the byte 0xE9, which is not UTF-8 (saved as Latin-1 or Windows-1252? save the file as UTF-8)',
    ]);
  });

  it('accepts the same text saved as UTF-8, with or without a byte-order mark', () => {
    expect(problems('utf8.yaml', child(Buffer.from('café crème', 'utf8')))).toEqual([]);
    expect(problems('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), child(Buffer.from('café', 'utf8'))]))).toEqual([]);
  });

  it('run exits 3 on it and writes nothing', () => {
    const path = join(dir, 'run-latin1.yaml');
    writeFileSync(path, child(Buffer.from('café', 'latin1')));
    const out = join(dir, 'out');
    const { status, stderr } = runCli(['run', path, '--replicates', '1', '--workers', '0', '--out', out, '--quiet']);
    expect(status).toBe(3);
    expect(stderr).toContain(`${path}:3:17: (root): expected UTF-8 text, found the byte 0xE9`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('findInvalidUtf8', () => {
  it('finds the lead byte of a broken or truncated sequence, and nothing in valid text', () => {
    expect(findInvalidUtf8(Buffer.from('naïve', 'utf8'))).toBe(-1);
    expect(findInvalidUtf8(Buffer.from([]))).toBe(-1);
    // 0xE9 starts a three-byte sequence that "b" does not continue: the blame is on 0xE9, not on "b".
    expect(findInvalidUtf8(Buffer.from([0x61, 0xe9, 0x62]))).toBe(1);
    // A file that ends inside a character.
    expect(findInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(findInvalidUtf8(Buffer.from([0xff]))).toBe(0);
    // After a valid two-byte é and a newline.
    expect(findInvalidUtf8(Buffer.from([0x61, 0x62, 0xc3, 0xa9, 0x0a, 0xe8, 0x72]))).toBe(5);
  });
});
