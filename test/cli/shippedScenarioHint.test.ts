import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const elsewhere = mkdtempSync(join(tmpdir(), 'crm-shipped-hint-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

const project = process.cwd();
const main = join(project, 'src', 'cli', 'main.ts');
// tsx by its file: `--import tsx` is resolved from the working directory, which has no node_modules here.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs the CLI from a folder outside the project, as a user with crm-sim installed elsewhere would. */
function cliElsewhere(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('a shipped scenario named as from the project root, run from another folder', () => {
  // The hint looked only under the working directory's scenarios/, so outside the project a bare
  // `baseline` (as `crm-sim list` words it) got a plain "no such file".
  it('gets a "did you mean" with the path of the shipped file, and exit 2', () => {
    for (const [command, named, file] of [['validate', 'baseline', 'baseline.yaml'], ['run', 'scenarios/threat-export-quota.yaml', 'threat-export-quota.yaml']]) {
      const { status, stderr } = cliElsewhere([command, named]);
      expect(status).toBe(2);
      expect(stderr.trim()).toBe(`${named}: expected a readable scenario file, found no such file (did you mean "${join(project, 'scenarios', file)}"?)`);
    }
  });

  it('gets no hint for a name that no shipped scenario has', () => {
    const { status, stderr } = cliElsewhere(['validate', 'my-threat.yaml']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('my-threat.yaml: expected a readable scenario file, found no such file');
  });
});
