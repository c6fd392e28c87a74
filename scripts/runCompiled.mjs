#!/usr/bin/env node
/**
 * `node scripts/runCompiled.mjs <file.ts> [args…]`: runs a TypeScript entry of this checkout (e.g.
 * bench/main.ts) as its compiled JavaScript in dist/ with plain node, in this process, after
 * scripts/ensureBuilt.mjs has rebuilt dist/ if a source is newer. The module sees
 * `process.argv.slice(2)` = args. CRM_SIM_FROM_SOURCE=1 runs the .ts through tsx instead.
 */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensureBuilt.mjs';
import { ROOT, useSnapshot } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined || !entry.endsWith('.ts')) {
  process.stderr.write('usage: node scripts/runCompiled.mjs <file.ts> [args…]\n');
  process.exit(2);
}
const source = resolve(ROOT, entry);
if (process.env.CRM_SIM_FROM_SOURCE === '1') {
  const { runFromSource } = await import('./runFromSource.mjs');
  await runFromSource(source, args);
}
if (!ensureBuilt(ROOT)) process.exit(1);
// The snapshot's real path (dist is a symlink, build.mjs), marked in use: this process loads one build throughout.
const compiled = resolve(useSnapshot(ROOT), relative(ROOT, source)).replace(/\.ts$/, '.js');
process.argv = [process.argv[0], compiled, ...args];
await import(pathToFileURL(compiled).href);
