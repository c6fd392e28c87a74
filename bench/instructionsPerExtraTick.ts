/**
 * Instructions per agent-tick from two counts of the same workload, one with `extraTicks` more ticks
 * than the other: their difference ÷ (extraTicks × agents). Start-up (node, the engine's warm-up,
 * world creation) varies from run to run by more than a few ticks cost, so with too few extra ticks
 * the difference can come out at or below 0; that is refused, not printed as a negative count.
 *
 * @param what - `engine` or `kernel`, for the message.
 * @param fewer - Instructions counted with the base ticks.
 * @param more - Instructions counted with the base ticks plus `extraTicks`.
 * @throws Error when `more` is not larger than `fewer`.
 * @example instructionsPerExtraTick('engine', 1e9, 1.5e9, 100, 100_000) // 50
 */
export function instructionsPerExtraTick(what: string, fewer: number, more: number, extraTicks: number, agents: number): number {
  if (!(more > fewer)) {
    throw new Error(`${what}: ${extraTicks} more ticks counted no more instructions (${more} against ${fewer}): start-up varies by more than they cost; count more ticks (--ticks, default 100)`);
  }
  return (more - fewer) / (extraTicks * agents);
}
