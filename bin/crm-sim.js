#!/usr/bin/env node
// Launcher of the CLI. By default it runs the compiled JavaScript in dist/ with plain node (no tsx:
// tsx's module hooks disable V8's ArrayBufferDetaching fast path, which costs the engine's typed-array
// loops 20-25% in every thread, docs/performance.md), rebuilding
// dist/ first when a source is newer than the last build (scripts/ensureBuilt.mjs).
// CRM_SIM_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (debugging, no build).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.CRM_SIM_FROM_SOURCE === '1') {
  const { runFromSource } = await import('../scripts/runFromSource.mjs');
  await runFromSource(`${root}src/cli/main.ts`, process.argv.slice(2));
}
const { ensureBuilt } = await import('../scripts/ensureBuilt.mjs');
if (!ensureBuilt(root)) process.exit(1);
// The build snapshot dist/ points to now, marked as in use until this process exits: every thread of
// the run loads from it, and later builds leave it in place (scripts/build.mjs).
const { useSnapshot } = await import('../scripts/build.mjs');
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(`${useSnapshot(root)}/src/cli/main.js`).href);
