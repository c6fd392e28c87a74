/**
 * bin/crm-sim.js with CRM_SIM_FROM_SOURCE=1 runs the CLI through tsx in a child process. A signal
 * sent to the launcher alone (kill, a container runtime, a batch scheduler; Ctrl-C reaches only the
 * launcher too, as its program runs in a group of its own) must stop the program cleanly (exit 130,
 * nothing written), also while it computes on its main thread (`--workers 0`), not kill the
 * launcher and leave the program running on its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'crm-sim-from-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a long run from the sources, sends `signal` to the launcher once replicates run, and waits for its exit. */
async function signalLauncher(signal: NodeJS.Signals, workers: string, out: string) {
  const child = spawn(process.execPath, ['bin/crm-sim.js', 'run', 'scenarios/baseline.yaml', '--replicates', '400', '--workers', workers, '--out', out], {
    env: { ...process.env, CRM_SIM_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (!sent && /\d+\/400 replicates/.test(stderr)) {
      sent = true;
      child.kill(signal); // the launcher's pid only, not its process group
    }
  });
  const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  return { code, killedBy, stderr, sent };
}

describe('bin/crm-sim.js from the sources', () => {
  for (const [signal, workers] of [['SIGTERM', '0'], ['SIGHUP', '1'], ['SIGINT', '0']] as const) {
    it(`passes ${signal} on to the program (--workers ${workers}), which stops cleanly`, async () => {
      const out = join(dir, signal);
      const { code, killedBy, stderr, sent } = await signalLauncher(signal, workers, out);
      expect(sent, stderr).toBe(true);
      expect({ code, killedBy }, stderr).toEqual({ code: 130, killedBy: null });
      expect(stderr).toContain('interrupted; no output written');
      // The program is gone too: it removed its temporary folder and will never write the output.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((name) => name.startsWith(`.${signal}`))).toEqual([]);
    }, 120_000);
  }
});
