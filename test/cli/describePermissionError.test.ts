import { describe, expect, it } from 'vitest';
import { describePermissionError } from '../../src/cli/describePermissionError.ts';

const errno = (code: string, syscall: string, path?: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x`), { code, syscall, ...(path === undefined ? {} : { path }) });

describe('describePermissionError', () => {
  it('names the file, what was being done and why, without an errno code', () => {
    expect(describePermissionError(errno('EACCES', 'mkdir', '/r/.charts.tmp-1'))).toBe(
      'cannot create /r/.charts.tmp-1: permission denied; no output written (check the permissions of that file or folder and of the folders above it)');
    expect(describePermissionError(errno('EPERM', 'open', '/s/series.f64'))).toMatch(/^cannot open \/s\/series\.f64: permission denied;/);
    expect(describePermissionError(errno('EROFS', 'rename'))).toBe('cannot move into place a file: a read-only file system; no output written (write to another file system)');
  });

  it('leaves every other error to the internal-error path', () => {
    expect(describePermissionError(errno('ENOENT', 'open', '/x'))).toBeUndefined();
    expect(describePermissionError(new TypeError('bug'))).toBeUndefined();
    expect(describePermissionError(undefined)).toBeUndefined();
  });
});
