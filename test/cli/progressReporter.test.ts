import { describe, expect, it, vi } from 'vitest';
import { BLOCKS_LABEL, createProgressReporter, REPLICATES_LABEL } from '../../src/cli/progressReporter.ts';

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

  it('puts a label given in both numbers in the number of the total: 1/1 replicate, 0/2 blocks', () => {
    const lines: string[] = [];
    const progress = createProgressReporter(false, { write: (text) => lines.push(text), terminal: false });
    progress.start(REPLICATES_LABEL, 1);
    progress.update(1);
    progress.start(BLOCKS_LABEL, 1);
    progress.update(1);
    progress.start(REPLICATES_LABEL, 2);
    progress.start('replicates', 1); // a plain string stays as given
    expect(lines.map((line) => line.replace(/ \([\d.]+ s, ETA \S+ s\)\n$/, '\n'))).toEqual([
      'replicate: 0/1\n', '1/1 replicate\n', 'block of series (bands): 0/1\n', '1/1 block of series (bands)\n', 'replicates: 0/2\n', 'replicates: 0/1\n',
    ]);
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
