import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { moduleExtensionOf, siblingModule } from '../src/runtime/moduleLocation.ts';

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
  const child = siblingModule('./memoryChild', import.meta.url);
  const loader = moduleExtensionOf(child.href) === '.ts' ? ['--import', 'tsx'] : [];
  const out = execFileSync(process.execPath, ['--expose-gc', ...loader, fileURLToPath(child), scenario, String(firmsPerCapacityCell)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as MemoryFigures;
}
