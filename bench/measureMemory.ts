import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { moduleExtensionOf, siblingModule } from '../src/runtime/moduleLocation.ts';

/**
 * Bytes per agent of one world (see memoryChild.ts): heap and RSS growth, and typed-array columns,
 * measured after 3 ticks without a recorder; the series buffer a run's recorder adds is given apart.
 */
export interface MemoryFigures {
  agents: number;
  heapBytesPerAgent: number;
  rssBytesPerAgent: number;
  columnBytesPerAgent: number;
  firmColumnBytesPerAgent: number;
  endUserColumnBytesPerAgent: number;
  projectColumnBytesPerAgent: number;
  /** The recorder's series buffer (series × ticks × 8 B) per agent: not in the figures above (absent before session 12). */
  seriesBytesPerAgent?: number;
  firmSlotsPerLiveFirm: number;
}

/**
 * Measures a world's memory in a fresh process, so earlier runs do not blur the deltas. The child's
 * young generation is held at its smallest (`--max-semi-space-size=1`): V8 grows it to 16 MB per
 * semi-space while the world is built, at a moment that varies, which put 0–16 MB (0–16 bytes per
 * agent at 1M agents) of a per-process constant into the RSS growth (55–71 bytes per agent run to
 * run, 51–54 with it held). The heap figure does not move with it.
 */
export function measureMemory(scenario: string, firmsPerCapacityCell: number): MemoryFigures {
  const child = siblingModule('./memoryChild', import.meta.url);
  const loader = moduleExtensionOf(child.href) === '.ts' ? ['--import', 'tsx'] : [];
  const flags = ['--expose-gc', '--max-semi-space-size=1'];
  const out = execFileSync(process.execPath, [...flags, ...loader, fileURLToPath(child), scenario, String(firmsPerCapacityCell)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as MemoryFigures;
}
