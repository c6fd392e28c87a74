/**
 * Runs a TypeScript entry through tsx in a child process (CRM_SIM_FROM_SOURCE=1) and ends this
 * launcher with the child's exit code.
 *
 * SIGTERM and SIGHUP sent to the launcher alone (`kill`, a container runtime, a batch scheduler)
 * are passed on to the child as SIGTERM (tsx relays SIGINT and SIGTERM to the program but dies of
 * SIGHUP, orphaning it; the CLI treats the two alike), and the program stops cleanly (exit 130);
 * before, the launcher waited in spawnSync, died of the signal and left the program running on its own. SIGINT is not passed on:
 * Ctrl-C in a terminal reaches the whole process group, the child included, and a second SIGINT
 * would escalate (`queue work` aborts its jobs on a second signal). The launcher ignores SIGINT
 * while the child runs and reports the child's own exit instead.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const FORWARDED = ['SIGTERM', 'SIGHUP'];

/**
 * Runs `entry` with `args` through tsx and exits with its code (130 when it was killed by SIGINT,
 * 128 + n by another signal n).
 * @param {string} entry Absolute path of the .ts entry.
 * @param {string[]} args Its arguments.
 * @returns {Promise<never>}
 */
export async function runFromSource(entry, args) {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, entry, ...args], { stdio: 'inherit' });
  const forward = () => child.kill('SIGTERM');
  for (const signal of FORWARDED) process.on(signal, forward);
  process.on('SIGINT', () => {});
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  process.exit(code ?? (signal === 'SIGINT' ? 130 : 128 + (signalNumbers[signal] ?? 0)));
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
