/**
 * What reading a clock costs. stepWithPhaseTimes reads its clock once between phases, and each
 * phase's interval holds one whole reading (the end of the reading that opens it and the start of
 * the one that closes it). process.cpuUsage costs ~1–3 µs a reading (a system call), which at the
 * small size (~1,000 agents) is ~1–3 ns per agent-tick in every phase: the CPU-clock phase figures of
 * a small world summed to ~20% more than the whole step. The bench takes this cost out.
 */

/**
 * Readings per batch, and batches. The cheapest batch is kept: a batch the scheduler interrupted costs
 * more, and the median of batches in a row came out 2 µs in one bench and 4 µs in another (process.cpuUsage,
 * small size), enough to turn the smallest phases negative; the cheapest batch leans low, so
 * the phases may keep a little of the reading rather than lose more than it costs.
 */
const READINGS = 2_000;
const BATCHES = 7;

/**
 * The cost of one reading of `clock` in the cheapest batch, in the clock's own unit (ms for the bench's clocks),
 * measured on that clock: consecutive readings with nothing between them.
 * @param clock - The clock stepWithPhaseTimes reads.
 * @returns Cost per reading; 0 when the clock did not advance (a coarse clock).
 * @example measureClockCost(() => performance.now()) // e.g. 0.00004 (40 ns)
 */
export function measureClockCost(clock: () => number, readings = READINGS, batches = BATCHES): number {
  const costs: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const start = clock();
    let last = start;
    for (let i = 0; i < readings; i++) last = clock();
    costs.push((last - start) / readings);
  }
  return Math.max(0, Math.min(...costs));
}
