/**
 * The fingerprint of the code a run executes: SHA-256 over the TypeScript and .mjs sources of
 * src/ and sim-core/ (bench/ is compiled too, but no run executes it), each file's path relative to
 * the root (with `/`) and its text with line ends as `\n` (a Windows checkout's CRLF names the same
 * code), in path order. Dependencies are not in it: package-lock.json pins them. The build records it for the
 * snapshot it publishes (build.mjs, `build.json`); a run from the sources computes it when it
 * starts (src/runtime/sourceFingerprint.ts). Run manifests carry it as `sourceSha256`, so two runs,
 * shards or parts agree on it exactly when their code does, committed or not. Plain JavaScript:
 * the build uses it before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders whose sources make up the code that runs. */
export const FINGERPRINTED_FOLDERS = ['src', 'sim-core'];

/**
 * SHA-256 (hex) of the sources under `root`.
 * @param {string} root Package root.
 * @returns {string} The fingerprint.
 */
export function hashSources(root) {
  const files = [];
  for (const folder of FINGERPRINTED_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const parent = entry.parentPath ?? entry.path;
      if (!entry.isFile() || !(entry.name.endsWith('.ts') || entry.name.endsWith('.mjs'))) continue;
      files.push(relative(root, join(parent, entry.name)).split(sep).join('/'));
    }
  }
  const hash = createHash('sha256');
  for (const path of files.sort()) hash.update(`${path}\0`).update(readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n')).update('\0');
  return hash.digest('hex');
}
