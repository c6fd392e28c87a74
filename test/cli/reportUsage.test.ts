import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

describe('crm-sim report on a folder that is not there', () => {
  const base = mkdtempSync(join(tmpdir(), 'crm-report-usage-'));

  it('is a usage error (exit 2) naming the folder, without an errno code or a stack', () => {
    const missing = join(base, 'no-such-run');
    const { status, stdout, stderr } = runCli(['report', missing]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`crm-sim: report ${missing}: no such folder (give the output folder of a run, compare, sweep or stress)`);
  });

  it('says so when a part of the path is a file', () => {
    const file = join(base, 'a-file');
    writeFileSync(file, '');
    const { status, stderr } = runCli(['report', join(file, 'run')]);
    expect(status).toBe(2);
    expect(stderr).toContain('no such folder, a part of the path is not a folder');
    expect(stderr).not.toMatch(/ENOTDIR|ENOENT|\n\s+at /);
  });
});
