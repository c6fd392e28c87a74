import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODULE_EXTENSION, PACKAGE_ROOT_URL } from './moduleLocation.ts';

/**
 * The fingerprint of the code this process runs (scripts/hashSources.mjs): from a build, the one
 * its snapshot recorded when it was compiled (`build.json`, two folders above this module), since
 * the sources may have changed since; from the sources (tsx, vitest), the sources' as this module
 * loads. Null when a build predates the record.
 */
export const SOURCE_SHA256: string | null = MODULE_EXTENSION === '.js' ? readBuildRecord() : await hashLoadedSources();

/** `sourceSha256` of the build this module belongs to, or null when it has no build.json. */
function readBuildRecord(): string | null {
  const path = fileURLToPath(new URL('../../build.json', import.meta.url));
  if (!existsSync(path)) return null;
  const { sourceSha256 } = JSON.parse(readFileSync(path, 'utf8')) as { sourceSha256?: unknown };
  return typeof sourceSha256 === 'string' ? sourceSha256 : null;
}

/** The fingerprint of the sources now (scripts/hashSources.mjs, plain JavaScript shared with the build). */
async function hashLoadedSources(): Promise<string> {
  const { hashSources } = (await import(new URL('scripts/hashSources.mjs', PACKAGE_ROOT_URL).href)) as { hashSources(root: string): string };
  return hashSources(fileURLToPath(PACKAGE_ROOT_URL));
}
