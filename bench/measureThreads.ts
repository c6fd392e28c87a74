import type { BenchConfig, SizeConfig } from './benchConfig.ts';
import type { ThreadFigures } from './benchFigures.ts';

/** Threads per replicate: not implemented yet (see docs/performance.md), so no figures. */
export async function measureThreads(_config: BenchConfig, _size: SizeConfig): Promise<ThreadFigures | undefined> {
  return undefined;
}
