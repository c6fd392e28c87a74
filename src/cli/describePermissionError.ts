/** What a system call was doing, in words. */
const SYSCALL_VERBS: Record<string, string> = {
  open: 'open', mkdir: 'create', rename: 'move into place', scandir: 'list', opendir: 'list', unlink: 'remove', rmdir: 'remove', rm: 'remove',
  copyfile: 'copy', write: 'write', access: 'open', stat: 'look at', lstat: 'look at', utime: 'touch', chmod: 'change',
};

/**
 * One line for a file system permission error (EACCES, EPERM, EROFS) that reached the command line:
 * which file or folder, doing what, and why, instead of an internal error with a stack trace. The
 * commands write atomically, so no output was written.
 *
 * @param error - What a command threw.
 * @returns The message, or undefined for any other error.
 * @example
 * describePermissionError(Object.assign(new Error('x'), { code: 'EACCES', syscall: 'mkdir', path: '/r/.charts.tmp-1' }));
 * // 'cannot create /r/.charts.tmp-1: permission denied; no output written (check the permissions of that file or folder and of the folders above it)'
 */
export function describePermissionError(error: unknown): string | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return undefined;
  const verb = SYSCALL_VERBS[syscall ?? ''] ?? 'use';
  const why = code === 'EROFS' ? 'a read-only file system' : 'permission denied';
  const remedy = code === 'EROFS' ? 'write to another file system' : 'check the permissions of that file or folder and of the folders above it';
  return `cannot ${verb}${path === undefined ? ' a file' : ` ${path}`}: ${why}; no output written (${remedy})`;
}
