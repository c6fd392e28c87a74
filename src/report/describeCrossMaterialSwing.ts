/**
 * When the parameter that moves a metric most belongs to another material than the metric's (a
 * tornado of US graphite consumption led by NdPr demand growth), says how that can be: materials
 * meet only through the engineers a region's projects share, the foreign actor's one budget and a
 * by-product's host (`byproductOf`).
 * '' when the parameter or the metric names no material, or both name the same one.
 *
 * @param parameter - The parameter's path (`materials.ndpr.demand.growthPerYear`).
 * @param metric - The metric id (`cumulativeConsumption.graphite.endUse.US`; `policyCost.US` names none).
 * @param materialIds - The scenario's material ids (what tells a metric's material from a region).
 * @param materialName - Maps a material id to its name.
 * @returns A sentence (plain text) or ''.
 * @example
 * describeCrossMaterialSwing('materials.ndpr.demand.growthPerYear', 'cumulativeConsumption.graphite.endUse.US', ['ndpr', 'graphite'], name);
 * // "That parameter is NdPr oxide's, not Natural graphite's: …"
 */
export function describeCrossMaterialSwing(parameter: string, metric: string, materialIds: readonly string[], materialName: (id: string) => string): string {
  const [root, parameterMaterial] = parameter.split('.');
  const metricMaterial = metric.split('.')[1];
  if (root !== 'materials' || parameterMaterial === undefined || !materialIds.includes(metricMaterial) || parameterMaterial === metricMaterial) return '';
  return `That parameter is ${materialName(parameterMaterial)}’s, not ${materialName(metricMaterial)}’s: in this model materials meet only through ` +
    'the engineers a region’s projects share, the foreign actor’s one budget and, where a scenario declares one, a by-product’s host (docs/model.md §12, condition 5; gap G24), so its effect here runs through one of those.';
}
