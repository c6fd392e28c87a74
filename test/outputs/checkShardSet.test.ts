import { describe, expect, it } from 'vitest';
import { checkShardSet } from '../../src/outputs/checkShardSet.ts';
import type { ShardFolder } from '../../src/outputs/readShardFolder.ts';

/** A shard folder as read, with only what checkShardSet looks at. */
function shard(dir: string, firstReplicate: number, years: number): ShardFolder {
  return {
    dir, resolvedYaml: `name: x\nyears: ${years}\n`, layout: { ticks: years * 52 } as unknown as ShardFolder['layout'],
    manifest: { scenario: { sha256: `sha-${years}` }, masterSeed: 1, replicates: 4, version: '0.1.0', sourceSha256: 'src' } as unknown as ShardFolder['manifest'],
    segment: { firstReplicate, replicateCount: 2 } as ShardFolder['segment'], summaries: [],
  };
}

describe('checkShardSet', () => {
  it('says which scenario keys differ between shards of two runs, not their hashes or their layouts', () => {
    expect(() => checkShardSet([shard('/s1', 0, 1), shard('/s2', 2, 2)])).toThrow(/^\/s2 belongs to another run: its scenario differs at years \(2 in \/s2, 1 in \/s1\)$/);
  });

  it('accepts shards of one run that cover every replicate once', () => {
    expect(checkShardSet([shard('/s2', 2, 1), shard('/s1', 0, 1)]).map((s) => s.dir)).toEqual(['/s1', '/s2']);
  });
});
