/**
 * How far the current output price must rise above its expected price before production plans on it,
 * as a share of the current price (docs/model.md G35, the rising phase). Assumption: the mirror of the
 * ask's ASK_INPUT_CRASH_SHARE (askInputPrice.ts), at the same 0.25; 0.15–0.5 all gave the same result
 * in the gallium case below.
 *
 * Why: utilisation (§5) compares the expected output price with the expected input price, both
 * 34-week adaptive averages. When a quota makes the input price spike weeks before the output price
 * follows it (China's 50% gallium quota: refined outside China 7.4× its start at week ~103, components
 * 3.4× four weeks later), the input's average catches up with the output's and the expected margin
 * falls below the band while the component sells at twice its expected price: manufacturers outside
 * China stopped producing for weeks with 3–4 weeks of refined stock on hand, and their end users went
 * short. A firm paid twice what it expected for its output runs the input it holds.
 *
 * Only production follows the price up. Input orders stay on the expected margin (advanceProducers.ts):
 * at the top of that spike the refined price was above the component price, and makers that kept
 * ordering on the current output price bid the refined price outside China from 7.4× to 9.6× its
 * start and kept it there for the rest of the quota (candidate A of the session-35 trial).
 *
 * In ordinary cycles it rarely binds: in the baseline (20 runs) it raises some firm's utilisation in
 * 0.3% of lithium component cell-weeks, 0.2% of lithium mining's and cobalt components', under 0.1%
 * of any other stage's (it applies to every capacity stage: for miners and recyclers it is their output).
 */
export const UTILISATION_OUTPUT_RISE_SHARE = 0.25;

/**
 * The output price a producer's utilisation for production plans on: max(Pₑ, P·(1 − x)) with
 * x = {@link UTILISATION_OUTPUT_RISE_SHARE}. Equal to the expected price while the current price is
 * below Pₑ/(1 − x) (falls are left to Pₑ, and the ask handles the stock, askInputPrice.ts); once the
 * current price is more than 1/(1 − x) times Pₑ it follows the current price with a discount of x,
 * continuous at the threshold so that utilisation does not jump.
 * @param currentPrice - the output price the firm is paid now, USD/t
 * @param expectedPrice - the expected output price (floored, §5's Pₑ*), USD/t
 * @returns USD/t of output
 */
export function utilisationOutputPriceOf(currentPrice: number, expectedPrice: number): number {
  return Math.max(expectedPrice, currentPrice * (1 - UTILISATION_OUTPUT_RISE_SHARE));
}
