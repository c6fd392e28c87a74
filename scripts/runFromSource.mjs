/**
 * Runs a TypeScript entry from the sources (CRM_SIM_FROM_SOURCE=1) in a child process,
 * `node --import tsx <entry>`, and ends this launcher with the child's exit code.
 *
 * Signals reach the program exactly once, however they are sent. The child runs in a process group
 * of its own (detached), so Ctrl-C in a terminal (SIGINT to the foreground group), a hangup, and
 * SIGTERM from `kill`, a container runtime or a batch scheduler all reach the launcher only, which
 * passes each on to the program; the CLI then stops cleanly (exit 130, nothing written). Before,
 * the launcher waited in spawnSync and died of the signal, leaving the program running on its own.
 * No tsx CLI sits in between: it relays a signal and then SIGKILLs a program that has not answered
 * within ~30 ms, which a program computing on its main thread (`--workers 0`, `calibrate`) never does.
 */
import { spawn } from 'node:child_process';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Runs `entry` with `args` through tsx's module hooks and exits with its code (128 + n when the
 * program was killed by signal n).
 * @param {string} entry Absolute path of the .ts entry.
 * @param {string[]} args Its arguments.
 * @returns {Promise<never>}
 */
export async function runFromSource(entry, args) {
  // tsx's loader resolved from this checkout (a bare `--import tsx` resolves from the working folder).
  const loader = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--import', loader, entry, ...args], { stdio: 'inherit', detached: true });
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  process.exit(code ?? 128 + (SIGNAL_NUMBERS[signal] ?? 0));
}
