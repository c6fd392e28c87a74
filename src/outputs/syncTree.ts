import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Flushes a folder's files and the folder itself to disk (fsync), each folder after its contents,
 * so that a folder renamed into place afterwards (writeDirectoryAtomically.ts) is whole after a
 * power cut too, not only after a kill (the page cache outlives a killed process, not the machine).
 * @param dir - The folder.
 * @param syncPath - Flushes one file or folder (default fsync; tests record the order instead).
 * @example await syncTree(temporaryDir);
 */
export async function syncTree(dir: string, syncPath: (path: string) => Promise<void> = syncToDisk): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path, syncPath);
    else if (entry.isFile()) await syncPath(path);
  }
  await syncPath(dir);
}

/**
 * fsync of one file or folder. A folder that cannot be opened or flushed (some platforms refuse
 * either) is skipped: the files' data is what matters most.
 * @param path - File or folder.
 */
export async function syncToDisk(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isUnsupported(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  } finally {
    await handle.close();
  }
}

/** Errors of platforms that do not open or fsync folders. */
function isUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EACCES';
}
