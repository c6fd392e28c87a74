import { describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../src/cli/progressReporter.ts';

describe('createProgressReporter', () => {
  it('writes plain lines when not on a terminal: the start, 10% steps at most every 2 s, and the end', () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const lines: string[] = [];
      const progress = createProgressReporter(false, { write: (text) => lines.push(text), terminal: false });
      progress.start('replicates', 100);
      progress.update(5);
      vi.setSystemTime(1000);
      progress.update(20);
      vi.setSystemTime(3000);
      progress.update(30);
      vi.setSystemTime(3500);
      progress.update(40);
      vi.setSystemTime(40_000);
      progress.update(41);
      progress.update(100);
      progress.stop();
      expect(lines).toEqual([
        'replicates: 0/100\n',
        '30/100 replicates (3.0 s, ETA 7 s)\n',
        '41/100 replicates (40.0 s, ETA 58 s)\n',
        '100/100 replicates (40.0 s, ETA 0 s)\n',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes nothing when quiet', () => {
    const lines: string[] = [];
    const progress = createProgressReporter(true, { write: (text) => lines.push(text), terminal: false });
    progress.start('replicates', 10);
    progress.update(10);
    progress.stop();
    expect(lines).toEqual([]);
  });
});
