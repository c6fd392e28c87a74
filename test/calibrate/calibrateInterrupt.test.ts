import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = 'test/fixtures/calibration/tiny.calibration.yaml';
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-cal-sigint-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the CLI as a child process and sends `signal` once stderr matches `when`. */
function runAndInterrupt(args: string[], when: RegExp, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string; sent: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && when.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, sent }));
  });
}

describe('Ctrl-C or SIGTERM during crm-sim calibrate', () => {
  // Evaluations run on the main thread: without pauses the signal handler never ran and the fit went on to the end.
  it('SIGINT between evaluations exits 130, prints no result and writes no fragment', async () => {
    const dir = join(root, 'between');
    const result = await runAndInterrupt(['calibrate', TINY, '--search', '200', '--out', join(dir, 'fitted.yaml')], /evaluation 1:/, 'SIGINT');
    expect(result.sent).toBe(true);
    expect(result.stderr).toContain('interrupted; no output written');
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(await readdir(dir).catch(() => [])).toEqual([]); // neither the fragment nor its temporary
  }, 180_000);

  it('SIGTERM inside a long evaluation exits 130 and prints no result', async () => {
    const dir = join(root, 'inside');
    const result = await runAndInterrupt(['calibrate', TINY, '--replicates', '400', '--max-evaluations', '3', '--out', join(dir, 'fitted.yaml')], /^calibrating /m, 'SIGTERM');
    expect(result.sent).toBe(true);
    expect(result.stderr).toContain('interrupted; no output written');
    expect(result.code).toBe(130);
    expect(result.stderr).not.toMatch(/evaluation 1:/);
    expect(result.stdout).toBe('');
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  }, 180_000);
});
