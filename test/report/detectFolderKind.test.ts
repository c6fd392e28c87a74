import { describe, expect, it } from 'vitest';
import { detectFolderKind } from '../../src/report/detectFolderKind.ts';

describe('detectFolderKind', () => {
  it('tells the kinds apart by their files', () => {
    expect(detectFolderKind(new Set(['manifest.json', 'summary.json', 'series.csv']), '/r')).toBe('run');
    expect(detectFolderKind(new Set(['comparison.json', 'summary.json']), '/c')).toBe('compare');
    expect(detectFolderKind(new Set(['sweep.csv']), '/s')).toBe('sweep');
    expect(detectFolderKind(new Set(['stress.json']), '/t')).toBe('stress');
  });

  it('says a shard folder is one, and how to get a report from it', () => {
    expect(() => detectFolderKind(new Set(['manifest.json', 'scenario.resolved.yaml', 'layout.json', 'summaries.f64', 'series.f64']), '/sh'))
      .toThrow('/sh is a shard folder (run --shard): merge every shard of the run first (crm-sim merge SHARD... --out DIR), then report on DIR');
    expect(() => detectFolderKind(new Set(['notes.txt']), '/x')).toThrow(/is not a crm-sim output folder/);
  });
});
