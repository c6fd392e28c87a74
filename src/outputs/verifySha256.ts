import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { ShardError } from './shardError.ts';

/** Hex digits of a hash shown in messages (enough to tell two apart at a glance). */
const SHOWN_DIGITS = 16;

/**
 * SHA-256 of bytes, as 64 lowercase hex digits.
 *
 * @param bytes - The bytes (a file's whole content).
 * @returns The hex digest.
 * @example
 * sha256Hex(new Uint8Array(0)); // 'e3b0c442…'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks a shard file's SHA-256 against the one its manifest records.
 *
 * @param path - The file (its folder and name go into the message).
 * @param expected - Hex digest recorded when the shard was written.
 * @param found - Hex digest of the file as read now.
 * @throws ShardError naming the folder, the file and both digests' first hex digits when they differ.
 * @example
 * verifySha256('/runs/s1/summaries.f64', recorded, sha256Hex(bytes));
 */
export function verifySha256(path: string, expected: string, found: string): void {
  if (found === expected) return;
  throw new ShardError(
    `${dirname(path)}: ${basename(path)} does not match its checksum: manifest.json records SHA-256 ${expected.slice(0, SHOWN_DIGITS)}…, ` +
      `the file has ${found.slice(0, SHOWN_DIGITS)}… (changed after the shard was written; rerun the shard)`,
  );
}
