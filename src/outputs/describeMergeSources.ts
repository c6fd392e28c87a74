import type { ShardFolder } from './readShardFolder.ts';

/**
 * What a merge records and says when its own code is not the code that ran its shards. The shards'
 * replicates are their code's (`checkShardSet` requires one `sourceSha256` among them), but the
 * statistics of the merged folder (summary.json, the bands, exceedance) are computed by the merging
 * process: a folder merged by other code need not be the folder the shards' code would have written.
 * The merge goes ahead (a user who updated crm-sim between the shards and the merge keeps the
 * shards), names both fingerprints, and the merged manifest records the merge's as `mergeSourceSha256`.
 *
 * @param shards - The shard folders of the merge (they agree on `sourceSha256`).
 * @param own - This process's `SOURCE_SHA256` (null when its build recorded none).
 * @returns The merge's fingerprint and a one-line warning (no trailing newline) when both
 *   fingerprints are known and differ; undefined otherwise (nothing to compare where either is unknown).
 * @example
 * describeMergeSources(shards, SOURCE_SHA256); // { mergeSourceSha256: '9c1f…', warning: 'this crm-sim's sources (sha256 9c1f…) are not the shards' …' }
 */
export function describeMergeSources(shards: readonly ShardFolder[], own: string | null): { mergeSourceSha256: string; warning: string } | undefined {
  const theirs = shards[0]?.manifest.sourceSha256;
  if (typeof theirs !== 'string' || own === null || own === theirs) return undefined;
  return {
    mergeSourceSha256: own,
    warning: `this crm-sim's sources (sha256 ${own.slice(0, 12)}…) are not those that ran the shards (${theirs.slice(0, 12)}…): ` +
      'the replicates are the shards\' code\'s, but the statistics (summary.json, bands, exceedance) are computed by this code; ' +
      'manifest.json records it as mergeSourceSha256. To write the folder the shards\' code would, merge with that code',
  };
}
