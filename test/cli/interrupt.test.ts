import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SETS } from './smallRun.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crm-sigint-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the CLI as a child process; sends `signal` once stderr shows the replicate phase has begun. */
function runAndInterrupt(args: string[], signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; stderr: string; interruptedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let sentAt = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (sentAt === 0 && /replicates: 0\//.test(stderr)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = Date.now();
          child.kill(signal);
        }, 1500);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, interruptedAfterMs: sentAt > 0 ? Date.now() - sentAt : -1 }));
  });
}

describe('Ctrl-C, SIGTERM or SIGHUP during crm-sim run', () => {
  // SIGTERM is how Slurm (time limit, scancel) and Kubernetes (eviction) stop a job; SIGHUP a closed terminal.
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s stops the workers promptly, exits 130 and leaves no output or temporary folder', async (signal) => {
    const out = join(root, 'outputs', 'run');
    const sets = SMALL_SETS.map((set) => set.replace('years=1', 'years=3')).flatMap((set) => ['--set', set]);
    const result = await runAndInterrupt(['run', 'scenarios/baseline.yaml', '--replicates', '5000', '--workers', '2', '--out', out, ...sets], signal);
    expect(result.stderr).toContain('interrupted; no output written');
    expect(result.code).toBe(130);
    expect(result.interruptedAfterMs).toBeGreaterThanOrEqual(0);
    expect(result.interruptedAfterMs).toBeLessThan(10_000);
    expect(await readdir(join(root, 'outputs'))).toEqual([]);
  });
});
