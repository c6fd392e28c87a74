/**
 * A full garbage collection on demand, for the bench to run before each timed run, so that no run
 * pays for collecting what earlier runs left (at 1M agents, earlier 60 MB worlds: `--trace-gc` showed
 * Mark-Compacts inside the engine section). The launchers start node without `--expose-gc`, so the
 * flag is set at run time and `gc` taken from a fresh context (V8 installs it there from then on).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Runs a full, synchronous garbage collection (major GC of the whole heap). */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
