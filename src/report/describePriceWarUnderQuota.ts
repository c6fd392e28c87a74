/**
 * How the foreign actor's rule-driven price war and its own binding export quota on the same product
 * combine in the model (docs/model.md §1 rule-driven controls, §10 step 1 and the money of step 3,
 * G11, G31), for a reader who finds "a price cut while it caps exports" contradictory (user audit 24,
 * M10): the war (default mode `exportDiscount`) sells the actor's exports at its own price less the
 * cut, the actor paying the cut on each tonne shipped, and its producers run whatever their costs;
 * the quota still caps what leaves; while it binds, buyers abroad pay a licence rent up to their own
 * price (their price − the discounted price), so the cut does not reach them: it becomes rent. In
 * `leadership` mode the war leads its price pool down; under its own export controls the actor's
 * market is a pool of its own (§10 step 5), so the lead lowers its domestic price only, and the rent
 * abroad widens by as much.
 *
 * @param foreignName - The actor's region name (`China`).
 * @param mode - `foreignActor.rules.priceWarMode` of the run's scenario.
 * @returns One plain-text sentence starting in lower case (to follow a colon), ending with a full stop.
 * @example
 * describePriceWarUnderQuota('China'); // 'in the model the price war (in its default export-discount mode) sells …'
 */
export function describePriceWarUnderQuota(foreignName: string, mode: 'exportDiscount' | 'leadership' = 'exportDiscount'): string {
  if (mode === 'leadership') {
    return `in the model the price war (in leadership mode, as this scenario sets it) leads the price of ${foreignName}’s price pool down, ${foreignName} paying its producers the gap; ` +
      `while its own export controls are in force that pool is ${foreignName}’s market alone, so the lead lowers ${foreignName}’s own price, not the price abroad; ` +
      'the binding quota still caps the tonnes that leave, and buyers abroad pay a licence rent up to their own price (their price less ' +
      `${foreignName}’s, to its government), so the lower price does not reach them: it widens the quota rent (docs/model.md §10, steps 1 and 5; G11, G31).`;
  }
  return `in the model the price war (in its default export-discount mode) sells ${foreignName}’s exports at its own price less the cut, ` +
    `${foreignName} paying the cut on every tonne shipped from its budget while its producers keep the market supplied whatever their costs; ` +
    'the binding quota still caps the tonnes that leave, and while it binds buyers abroad pay a licence rent up to their own price (their price less the discounted one, to ' +
    `${foreignName}’s government), so the cut does not lower what they pay: it turns into quota rent (docs/model.md §10, step 1; G11, G31).`;
}
