import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'crm-folder-arg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder given where a scenario file is expected', () => {
  // `crm-sim run scenarios` is the same mistake as `crm-sim run nope.yaml` (exit 2, usage), not an
  // invalid scenario (exit 3): it exited 3 before.
  it('is a usage mistake (exit 2) naming the folder and what was expected, for run, validate and compare', () => {
    const out = join(dir, 'out');
    const cases = [
      ['run', 'scenarios', '--out', out, '--quiet'],
      ['validate', 'scenarios'],
      ['compare', 'scenarios/threat-export-quota.yaml', 'scenarios', '--out', out, '--quiet'],
    ];
    for (const args of cases) {
      const { status, stderr } = runCli(args);
      expect({ args, status }).toEqual({ args, status: 2 });
      expect(stderr.trim()).toBe('scenarios:1:1: (root): expected a regular scenario file, found a folder');
    }
    // Nothing was written for the refused runs.
    expect(existsSync(out)).toBe(false);
  });

  it("an extends: naming a folder stays the file's own mistake (exit 3), located at its extends line", () => {
    const child = join(dir, 'child.yaml');
    writeFileSync(child, `extends: ${join(process.cwd(), 'scenarios')}\nname: child\n`);
    const { status, stderr } = runCli(['validate', child]);
    expect(status).toBe(3);
    expect(stderr.trim()).toBe(`${child}:1:10: extends: expected a scenario file, found a folder "${join(process.cwd(), 'scenarios')}"`);
  });
});
