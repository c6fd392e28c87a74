import type { ShardFolder } from './readShardFolder.ts';

/** Folders named per commit in the warning before it says how many there are in all. */
const NAMED = 3;

/**
 * What a merged run's manifest records of the shard folders it was merged from
 * (`shardGitCommits`): the git commit each one's process read, one per folder in replicate order.
 *
 * @param shards - The shard folders, sorted by first replicate (`checkShardSet`).
 * @returns One commit (or null, where a folder recorded none) per folder.
 * @example
 * listShardCommits(shards); // ['68b98ee…', '68b98ee…']
 */
export function listShardCommits(shards: readonly ShardFolder[]): Array<string | null> {
  return shards.map((shard) => shard.manifest.gitCommit ?? null);
}

/**
 * The warning `merge` prints when its shard folders were written at different git commits. They
 * merge all the same when their sources agree (`checkShardSet` compares `sourceSha256`, or the
 * commit where a folder records no fingerprint): a commit that changed no source (docs) changes no
 * result. The merged manifest names this merge's commit as `gitCommit` and each shard's under
 * `shardGitCommits`.
 *
 * @param shards - The shard folders of the merge.
 * @returns One line without a trailing newline, or undefined when every folder records one commit.
 * @example
 * describeShardCommits(shards); // 'the shard folders were written at 2 git commits (68b98ee…: /runs/s1; 1f27509…: /runs/s2); …'
 */
export function describeShardCommits(shards: readonly ShardFolder[]): string | undefined {
  const byCommit = new Map<string, string[]>();
  for (const shard of shards) {
    const commit = shard.manifest.gitCommit ?? 'unknown';
    byCommit.set(commit, [...(byCommit.get(commit) ?? []), shard.dir]);
  }
  if (byCommit.size < 2) return undefined;
  const groups = [...byCommit].map(([commit, dirs]) =>
    `${commit === 'unknown' ? 'no commit recorded' : commit.slice(0, 12)}: ${dirs.slice(0, NAMED).join(', ')}${dirs.length > NAMED ? `, … (${dirs.length} in all)` : ''}`);
  const sources = shards[0].manifest.sourceSha256;
  // checkShardSet compared the sources' fingerprint (folders without one must share the commit): the results are one code's.
  const agree = typeof sources === 'string' ? `their sources agree (sha256 ${sources.slice(0, 12)}…), so the results are one code's; ` : '';
  return `the shard folders were written at ${byCommit.size} git commits (${groups.join('; ')}); ${agree}` +
    'manifest.json records this merge\'s commit as gitCommit and each shard\'s in shardGitCommits (in replicate order)';
}
