import { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { capThreadsPerReplicate } from '../../src/cli/capThreadsPerReplicate.ts';
import { parseRunOptions } from '../../src/cli/runCommand.ts';

describe('capThreadsPerReplicate', () => {
  it('keeps a count up to the cores, silently', () => {
    const note = vi.fn();
    expect([1, 2, 8].map((t) => capThreadsPerReplicate(t, 8, note))).toEqual([1, 2, 8]);
    expect(note).not.toHaveBeenCalled();
  });

  it('caps a count beyond the cores at the cores, with a one-line note', () => {
    const lines: string[] = [];
    expect(capThreadsPerReplicate(99, 2, (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(["crm-sim: --threads-per-replicate 99 is more than this machine's 2 cores: using 2 (the results are the same for any number of threads)\n"]);
    expect(capThreadsPerReplicate(3, 1, (line) => lines.push(line))).toBe(1);
    expect(lines[1]).toContain("this machine's 1 core: using 1");
  });
});

describe('crm-sim run --threads-per-replicate', () => {
  it('beyond the cores runs on as many threads as there are cores, and says so on stderr', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const settings = parseRunOptions('scenarios/baseline.yaml', { replicates: '2', seed: '1', set: [], threadsPerReplicate: String(availableParallelism() + 97) });
      expect(settings.threadsPerReplicate).toBe(availableParallelism());
      expect(settings.workers).toBe(1);
      expect(stderr.mock.calls.map(([text]) => String(text))).toEqual([
        `crm-sim: --threads-per-replicate ${availableParallelism() + 97} is more than this machine's ${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'}: using ${availableParallelism()} (the results are the same for any number of threads)\n`,
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
