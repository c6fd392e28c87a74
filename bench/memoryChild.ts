/**
 * Child process of measureMemory (run with --expose-gc): builds one world of the given resolution,
 * runs three ticks without a recorder, and prints the heap (heapUsed + arrayBuffers) and RSS growth,
 * the typed-array bytes by store, and what the recorder's series buffer would add (computed, not
 * allocated), as one JSON line on stdout. Columns grow a little over a run as cells add firm slots
 * (at 1M agents about 61 → 62 B/agent over 520 ticks): these are start-of-run figures.
 */
import { compileScenario, createWorld, runTicks, type World } from '../sim-core/index.ts';
import { countAgents, loadBenchSpec } from './createBenchWorld.ts';

const [scenario, firmsPerCell] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memoryChild needs --expose-gc');

function columnBytes(value: object): number {
  let bytes = 0;
  for (const column of Object.values(value)) if (ArrayBuffer.isView(column)) bytes += column.byteLength;
  return bytes;
}

const spec = loadBenchSpec(scenario, Number(firmsPerCell));
// Load the engine and compile its tick on a tiny world first, so neither its code nor the compiler's memory counts as the world's.
runTicks(createWorld(loadBenchSpec(scenario, 1), 1, 0), null, 3);
gc(); gc();
const before = process.memoryUsage();
const world: World = createWorld(spec, 1, 0);
runTicks(world, null, 3); // touch every page: untouched zero-filled columns are not yet resident
gc(); gc();
const after = process.memoryUsage();
const agents = countAgents(world);
const heap = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
const firms = world.stores.reduce((n, store) => n + columnBytes(store), 0);
const seriesBytes = compileScenario(spec).layout.series.length * world.ticks * Float64Array.BYTES_PER_ELEMENT;
process.stdout.write(`${JSON.stringify({
  agents,
  heapBytesPerAgent: heap / agents,
  rssBytesPerAgent: (after.rss - before.rss) / agents,
  columnBytesPerAgent: (firms + columnBytes(world.endUsers) + columnBytes(world.projects)) / agents,
  firmColumnBytesPerAgent: firms / agents,
  endUserColumnBytesPerAgent: columnBytes(world.endUsers) / agents,
  projectColumnBytesPerAgent: columnBytes(world.projects) / agents,
  seriesBytesPerAgent: seriesBytes / agents,
  firmSlotsPerLiveFirm: world.stores.reduce((n, store) => n + store.slots, 0) / (agents - world.endUsers.count),
})}\n`);
