import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: gives the test run its own temporary folder, as TMPDIR of every test process
 * and of the command lines they start, and removes it when the run ends. Many tests write scenario
 * files and output folders under `tmpdir()` and leave them (a run left about 500 folders in /tmp).
 *
 * @returns The teardown, which restores TMPDIR and removes the folder.
 */
export default function isolateTmp(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'crm-sim-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
