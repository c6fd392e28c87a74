import { countOf } from '../text/countOf.ts';
/**
 * `--threads-per-replicate T` beyond the machine's cores, capped at the cores with a one-line note on
 * stderr: more threads than cores only wait for one another at every phase's barrier and cost a
 * thread (its own V8 heap, tens of MB) each (99 on 2 cores: a small run took 7 s and 1.3 GB, not 1 s and 140 MB).
 * The results are bit-identical for any number of threads by design (docs/performance.md), so the cap
 * changes no output; the manifest records the threads used.
 *
 * @param requested - The threads asked for (an integer ≥ 1).
 * @param cores - The machine's cores (`os.availableParallelism()`).
 * @param note - Where the note goes (default stderr).
 * @returns min(requested, cores).
 * @example
 * capThreadsPerReplicate(99, 2); // 2, after "crm-sim: --threads-per-replicate 99 is more than …: using 2 …"
 */
export function capThreadsPerReplicate(requested: number, cores: number, note: (line: string) => void = (line) => process.stderr.write(line)): number {
  const most = Math.max(1, cores);
  if (requested <= most) return requested;
  note(`crm-sim: --threads-per-replicate ${requested} is more than this machine's ${countOf(most, 'core')}: using ${most} (the results are the same for any number of threads)\n`);
  return most;
}
