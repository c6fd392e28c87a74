import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('crm-sim schema', () => {
  it('prints the committed schema, and with --out writes the same bytes to the file (nothing on stdout, no temporary left)', () => {
    const printed = runCli(['schema']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(readFileSync('schema/scenario.schema.json', 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'crm-sim-schema-'));
    folders.push(dir);
    const written = runCli(['schema', '--out', join(dir, 'scenario.schema.json')]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir)).toEqual(['scenario.schema.json']);
  });

  it('fails with a usage error (exit 2, no stack trace) and writes nothing when the folder does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-sim-schema-'));
    folders.push(dir);
    const result = runCli(['schema', '--out', join(dir, 'missing', 'scenario.schema.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out .*missing.*: cannot write the schema there \(ENOENT\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
