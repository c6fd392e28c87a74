/**
 * How far the current input price must fall below its expected price before a firm's ask follows it
 * down, as a share of the expected price (docs/model.md G35). Assumption, chosen by measurement.
 *
 * Why a threshold and not min(P, Pₑ): an adaptive average sits above the price it averages in about
 * half the weeks of any ordinary price cycle (US refined lithium is below its Pₑ in ~45% of the
 * baseline's weeks), so pricing stock at min(P, Pₑ) re-prices it in every small dip, deepens the
 * ordinary troughs of component prices and, through lower margins, more exits and less investment,
 * raises later peaks (US lithium component above 2.5× its start in 26 of 100 baseline runs instead
 * of 15). What G35 is about is a crash: after a quota ends the input price falls to a third to two
 * thirds of a Pₑ that lags it by months, and firms that price their stock at that stale Pₑ withhold
 * it while their buyers go short. Lithium's refined price is more than 25% below its Pₑ in ~6% of
 * weeks; gallium's after the quota, in every week of the crash. 0.15–0.35 all keep the gallium fix;
 * 0.25 is the smallest that brings the lithium baseline back to the old engine's counts.
 */
export const ASK_INPUT_CRASH_SHARE = 0.25;

/**
 * The input price a producer's ask (§5: unit cost + input price ÷ yield) charges for the input in its
 * stock: min(Pₑ, P / (1 − x)) with x = {@link ASK_INPUT_CRASH_SHARE}. Equal to the expected price
 * while the current price is within x of it or above it (rises are left to Pₑ); once the current price
 * has fallen more than x below Pₑ, it follows the current price (replacement cost) with a mark-up of
 * 1/(1 − x), continuous at the threshold so that the ask does not jump.
 * @param currentPrice - the input market's price P, USD/t (0 for stages without an input market)
 * @param expectedPrice - the input market's expected price Pₑ, USD/t
 * @returns USD/t of input
 */
export function askInputPriceOf(currentPrice: number, expectedPrice: number): number {
  return Math.min(expectedPrice, currentPrice / (1 - ASK_INPUT_CRASH_SHARE));
}
