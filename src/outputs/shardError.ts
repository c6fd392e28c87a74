/**
 * A mistake in the shard folders given to merge (missing, malformed, incomplete or changed files,
 * shards of other runs, missing or duplicate ranges): one clear message, exit code 2.
 *
 * @example
 * throw new ShardError(`${folder}: layout.json is missing (not a shard folder?)`);
 */
export class ShardError extends Error {
  /** @param message - What is wrong, naming the folders, files or replicate ranges. */
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}
