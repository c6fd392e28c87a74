import { access } from 'node:fs/promises';

/**
 * Whether a file can be reached (readers of optional output files return undefined without it).
 *
 * @param path - The file.
 * @returns True when it exists and can be accessed.
 * @example
 * if (!(await fileExists(join(dir, 'replicates.csv')))) return undefined;
 */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
