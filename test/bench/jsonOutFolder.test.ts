import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A --json-out file in a folder that does not exist is a usage error before anything is measured
// (before, the whole bench ran and then ended in a stack trace with nothing on stdout).
describe('npm run bench -- --json-out', () => {
  it('refuses a file in a missing folder up front: exit 2, one line naming the folder, nothing measured', () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-sim-json-out-'));
    try {
      const missing = join(folder, 'no-such-folder', 'bench.json');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/main.ts', '--size', 'small', '--replicates', '1', '--skip', 'kernel,memory,mc,threads', '--json-out', missing],
        { encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--json-out: expected a file in an existing folder, found ${missing}`);
      expect(run.stderr).not.toMatch(/warming up|engine: small|\n\s+at /);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 70_000);
});
