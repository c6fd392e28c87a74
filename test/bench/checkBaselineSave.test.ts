import { describe, expect, it } from 'vitest';
import { findBaselineRefusal } from '../../bench/checkBaselineSave.ts';

describe('findBaselineRefusal (--save-baseline)', () => {
  it('lets a quiet machine with a clean tree save', () => {
    expect(findBaselineRefusal({ loadPerCore: 0.3, gitStatus: '' }, false)).toBeUndefined();
  });

  it('refuses a busy machine in one line naming the load and --force', () => {
    const refusal = findBaselineRefusal({ loadPerCore: 1.2, gitStatus: '' }, false);
    expect(refusal).toMatch(/^--save-baseline: refused because the machine is busy \(1-minute load per core 1\.20 > 0\.75/);
    expect(refusal).toMatch(/--force to save anyway$/);
    expect(refusal).not.toContain('\n');
  });

  it('refuses a dirty tree, naming the first paths', () => {
    const refusal = findBaselineRefusal({ loadPerCore: 0.1, gitStatus: ' M bench/main.ts\n?? notes.txt\n' }, false);
    expect(refusal).toMatch(/the git tree is dirty \(2 paths: bench\/main\.ts, notes\.txt;/);
    expect(findBaselineRefusal({ loadPerCore: 0.9, gitStatus: ' M a\n M b\n M c\n M d\n' }, false)).toMatch(/busy .* and the git tree is dirty \(4 paths: a, b, c, …;/);
  });

  it('saves with --force, saying what it overrode', () => {
    const notes: string[] = [];
    expect(findBaselineRefusal({ loadPerCore: 1.2, gitStatus: ' M a\n' }, true, notes)).toBeUndefined();
    expect(notes).toEqual([expect.stringMatching(/^--force: saving although the machine is busy .* and the git tree is dirty/)]);
  });

  it('says when git is unavailable and proceeds', () => {
    const notes: string[] = [];
    expect(findBaselineRefusal({ loadPerCore: 0.2, gitStatus: new Error('spawnSync git ENOENT') }, false, notes)).toBeUndefined();
    expect(notes).toEqual(['git unavailable (spawnSync git ENOENT): cannot tell whether the tree is clean; saving anyway']);
  });
});
