import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Bytes per agent of one world (see memoryChild.ts): heap and RSS growth, and typed-array columns. */
export interface MemoryFigures {
  agents: number;
  heapBytesPerAgent: number;
  rssBytesPerAgent: number;
  columnBytesPerAgent: number;
  firmColumnBytesPerAgent: number;
  endUserColumnBytesPerAgent: number;
  projectColumnBytesPerAgent: number;
  firmSlotsPerLiveFirm: number;
}

/** Measures a world's memory in a fresh process, so earlier runs do not blur the deltas. */
export function measureMemory(scenario: string, firmsPerCapacityCell: number): MemoryFigures {
  const child = fileURLToPath(new URL('./memoryChild.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, scenario, String(firmsPerCapacityCell)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as MemoryFigures;
}
