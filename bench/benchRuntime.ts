import { MODULE_EXTENSION } from '../src/runtime/moduleLocation.ts';

/**
 * What ran the bench: the compiled JavaScript in dist/ (`npm run bench`, scripts/runCompiled.mjs) or
 * the TypeScript sources through tsx (CRM_SIM_FROM_SOURCE=1, `npx tsx bench/main.ts`), and the Node
 * and V8 versions. Timings taken under different runtimes measure different code.
 */
export interface BenchRuntime {
  /** 'compiled': dist/*.js; 'source': the .ts files through tsx's loader (transpiled on load, another module graph). */
  code: 'compiled' | 'source';
  node: string;
  v8: string;
}

/** The runtime of this process. */
export function currentRuntime(): BenchRuntime {
  return { code: MODULE_EXTENSION === '.js' ? 'compiled' : 'source', node: process.version, v8: process.versions.v8 };
}

/** A runtime in words, e.g. "compiled JS (dist/), node v20.20.2". */
export function describeRuntime(runtime: BenchRuntime): string {
  return `${runtime.code === 'compiled' ? 'compiled JS (dist/)' : 'TS source (tsx)'}, node ${runtime.node}`;
}
