import type { ShardFolder } from './readShardFolder.ts';

/** Folders named in the warning before it says how many there are in all. */
const NAMED = 5;

/**
 * The warning `merge` prints, once, when some shard folders were written before crm-sim recorded
 * their files' SHA-256 (no `shard.files` in manifest.json): their files are merged unchecked.
 *
 * @param shards - The shard folders of the merge.
 * @returns One line without a trailing newline, or undefined when every folder records checksums.
 * @example
 * const warning = describeUncheckedShards(shards); // 'no checksums recorded in 1 of 4 shard folders (…): /runs/s2'
 */
export function describeUncheckedShards(shards: readonly ShardFolder[]): string | undefined {
  const unchecked = shards.filter((shard) => shard.manifest.shard.files === undefined).map((shard) => shard.dir);
  if (unchecked.length === 0) return undefined;
  const more = unchecked.length > NAMED ? `, … (${unchecked.length} in all)` : '';
  return `no checksums recorded in ${unchecked.length} of ${shards.length} shard folders (written by an older crm-sim); ` +
    `their files are merged unchecked: ${unchecked.slice(0, NAMED).join(', ')}${more}`;
}
