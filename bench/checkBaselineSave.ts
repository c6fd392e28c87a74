/**
 * Whether `--save-baseline` may write bench/baseline.json: figures taken on a busy machine, or from a
 * tree whose sources differ from its commit, would become the reference every later run is judged by.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../src/runtime/moduleLocation.ts';
import { BUSY_LOAD_PER_CORE, isBusy } from './machineLoad.ts';

/** What the check looks at: the 1-minute load per core, and `git status --porcelain` (an Error when git could not run). */
export interface SaveState {
  loadPerCore: number;
  gitStatus: string | Error;
}

/**
 * The reason to refuse a baseline, in one line ending with how to override it, or undefined when it
 * may be saved; `notes` receives what the check could not tell (git unavailable).
 * @param state - The machine's load and the tree's status.
 * @param force - `--force`: save anyway (the reasons go to `notes` instead).
 * @param notes - Lines for stderr.
 */
export function findBaselineRefusal(state: SaveState, force: boolean, notes: string[] = []): string | undefined {
  const reasons: string[] = [];
  if (isBusy(state.loadPerCore)) {
    reasons.push(`the machine is busy (1-minute load per core ${state.loadPerCore.toFixed(2)} > ${BUSY_LOAD_PER_CORE}: other work would slow the figures)`);
  }
  if (state.gitStatus instanceof Error) {
    notes.push(`git unavailable (${state.gitStatus.message.split('\n')[0]}): cannot tell whether the tree is clean; saving anyway`);
  } else if (state.gitStatus.trim() !== '') {
    // Each line is "XY path": two status letters (either may be a space) and a space.
    const paths = state.gitStatus.split('\n').filter((line) => line.trim() !== '').map((line) => line.slice(3));
    reasons.push(`the git tree is dirty (${paths.length} path${paths.length === 1 ? '' : 's'}: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}; the baseline would not match its commit)`);
  }
  if (reasons.length === 0) return undefined;
  if (force) {
    notes.push(`--force: saving although ${reasons.join(' and ')}`);
    return undefined;
  }
  return `--save-baseline: refused because ${reasons.join(' and ')}; commit or stash, wait for a quiet machine, or add --force to save anyway`;
}

/** The checkout's `git status --porcelain` (untracked files included), or the Error when git could not run. */
export function readGitStatus(): string | Error {
  try {
    return execFileSync('git', ['status', '--porcelain'], { cwd: fileURLToPath(packageFile('.')), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return error as Error;
  }
}
