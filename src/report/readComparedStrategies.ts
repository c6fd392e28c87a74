import type { Comparison } from './readComparisonJson.ts';
import { readScenarioOverview } from './readScenarioOverview.ts';
import type { ComparedStrategies } from './renderComparisonSection.ts';

/**
 * Reads each compared strategy's `<label>.resolved.yaml` (written by `crm-sim compare`) from the
 * folder; a strategy whose file is missing gets no overview.
 *
 * @param folder - The compare output folder.
 * @param comparison - From `readComparisonJson` (labels of the reference and alternatives).
 * @param names - File names in the folder.
 * @returns The reference and the alternatives with their scenarios.
 * @throws ReportInputError when a scenario file is not a YAML mapping.
 * @example
 * const strategies = await readComparedStrategies(dir, comparison, files.map((f) => f.name));
 */
export async function readComparedStrategies(folder: string, comparison: Comparison, names: readonly string[]): Promise<ComparedStrategies> {
  const read = async (label: string) => ({
    label, overview: names.includes(`${label}.resolved.yaml`) ? await readScenarioOverview(folder, `${label}.resolved.yaml`) : undefined,
  });
  const reference = await read(comparison.reference);
  const alternatives = await Promise.all(comparison.alternatives.map(read));
  if (reference.overview === undefined) {
    const first = names.find((n) => n.endsWith('.resolved.yaml') && !comparison.alternatives.some((a) => n === `${a}.resolved.yaml`));
    if (first !== undefined) reference.overview = await readScenarioOverview(folder, first);
  }
  return { reference, alternatives };
}
