import { rmSync } from 'node:fs';

/** Temporary folders being filled by `writeDirectoryAtomically` in this process. */
const folders = new Set<string>();

/**
 * Registers a temporary folder while it is being filled, so that a forced exit (a second
 * Ctrl-C) can remove it; the returned function unregisters it.
 *
 * @param path - Absolute path of the temporary folder.
 * @returns Unregisters the folder.
 * @example
 * const forget = trackTemporaryFolder(tmp); try { ... } finally { forget(); }
 */
export function trackTemporaryFolder(path: string): () => void {
  folders.add(path);
  return () => void folders.delete(path);
}

/**
 * Removes, synchronously, every temporary folder still being filled: for a process about to
 * exit without unwinding (a second Ctrl-C). Errors are ignored (the folder may be going already).
 *
 * @returns The folders removed.
 * @example
 * process.on('SIGINT', () => { removeTemporaryFoldersNow(); process.exit(130); });
 */
export function removeTemporaryFoldersNow(): string[] {
  const removed = [...folders];
  for (const folder of removed) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // best effort: the process is exiting
    }
  }
  folders.clear();
  return removed;
}
