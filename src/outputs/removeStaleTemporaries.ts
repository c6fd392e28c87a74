import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Whether a process with this pid is alive (signal 0; EPERM means alive but not ours). Pids ≤ 0
 * are never alive: `process.kill(0, 0)` would signal our own process group and succeed.
 *
 * @param pid - Process id.
 * @returns True if the process exists.
 * @example
 * isProcessAlive(process.pid); // true
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Escapes a folder name for use inside a regular expression. */
function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes the temporary folders that writers of `dir` killed before their rename left beside it
 * (`.<name>.tmp-<pid>`, named by writeDirectoryAtomically), when their process is gone. The
 * temporary folder of a live writer, and `.<name>.old-<pid>` (an overwritten folder set aside,
 * possibly the only copy) are kept.
 *
 * @param dir - The folder whose stale temporaries to remove.
 * @returns The removed folders' names, sorted.
 * @example
 * await removeStaleTemporaries('outputs/run1'); // ['.run1.tmp-4242'] after a kill during the write
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  const finalDir = resolve(dir);
  const pattern = new RegExp(`^\\.${escapeForRegExp(basename(finalDir))}\\.tmp-(\\d+)$`);
  let names: string[];
  try {
    names = await readdir(dirname(finalDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const stale = names.filter((name) => {
    const match = pattern.exec(name);
    return match !== null && Number(match[1]) !== process.pid && !isProcessAlive(Number(match[1]));
  }).sort();
  for (const name of stale) await rm(join(dirname(finalDir), name), { recursive: true, force: true });
  return stale;
}

/**
 * The log line's words for temporary folders that {@link removeStaleTemporaries} removed.
 * @example
 * describeRemovedTemporaries(['.shard-2.tmp-77']); // 'removed the temporary folder of a dead worker: .shard-2.tmp-77'
 */
export function describeRemovedTemporaries(removed: readonly string[]): string {
  const what = removed.length === 1 ? 'the temporary folder of a dead worker' : `${removed.length} temporary folders of dead workers`;
  return `removed ${what}: ${removed.join(', ')}`;
}
