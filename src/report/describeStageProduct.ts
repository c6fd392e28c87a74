/**
 * What the manufacturing stage of the shipped materials makes (scenarios/baseline.yaml's
 * manufacturing sources): NdFeB magnets, gallium wafers and devices, germanium optics, fibre and
 * devices, graphite anodes, lithium and cobalt cathodes and cells.
 */
const COMPONENTS: Record<string, string> = {
  ndpr: 'magnets', dy: 'magnets', gallium: 'wafers and devices', germanium: 'optics, fibre and devices',
  graphite: 'anodes and cells', lithium: 'cathodes and cells', cobalt: 'cathodes and alloys',
};

/**
 * A stage's product of a material in words, with the stage in brackets as the scenario writes it:
 * a material's name is its refined product (processing), so mining yields it in concentrate and
 * manufacturing components that contain it (magnets for NdPr oxide), recycling recovers it.
 *
 * @param materialId - The material's id (picks the components' kind), or '' for all materials.
 * @param materialName - The material's name (`NdPr oxide`), or `all materials`.
 * @param stage - `mining`, `processing`, `manufacturing` or `recycling`; anything else is appended as it is.
 * @returns e.g. `magnets containing NdPr oxide (manufacturing)`, `NdPr oxide in concentrate (mining)`, `refined gallium (processing)`,
 *   `refined natural graphite (battery grade; processing)`.
 * @example
 * describeStageProduct('ndpr', 'NdPr oxide', 'manufacturing'); // 'magnets containing NdPr oxide (manufacturing)'
 */
export function describeStageProduct(materialId: string, materialName: string, stage: string): string {
  // Inside a phrase a name that starts as a sentence (`Gallium`, not `NdPr`) reads in lower case.
  const inner = /^[A-Z][a-z]*(?=[\s(]|$)/.test(materialName) ? materialName[0].toLowerCase() + materialName.slice(1) : materialName;
  switch (stage) {
    case 'mining': return withStage(`${inner} in concentrate`, stage);
    case 'processing': return withStage(`refined ${inner}`, stage);
    case 'manufacturing': return withStage(`${COMPONENTS[materialId] ?? 'components'} containing ${inner}`, stage);
    case 'recycling': return withStage(`recycled ${inner}`, stage);
    default: return withStage(materialName, stage);
  }
}

/**
 * A stage's product of a material in one or two words, for a table cell: `concentrate`, `refined`,
 * the components (`magnets`, `wafers and devices`, …; `components` for another material), `recycled`;
 * the stage itself for any other.
 *
 * @example
 * stageProductNoun('ndpr', 'manufacturing'); // 'magnets'
 */
export function stageProductNoun(materialId: string, stage: string): string {
  switch (stage) {
    case 'mining': return 'concentrate';
    case 'processing': return 'refined';
    case 'manufacturing': return COMPONENTS[materialId] ?? 'components';
    case 'recycling': return 'recycled';
    default: return stage;
  }
}

/** `text (stage)`, or `… (battery grade; processing)` when the text already ends in brackets. */
function withStage(text: string, stage: string): string {
  return text.endsWith(')') ? `${text.slice(0, -1)}; ${stage})` : `${text} (${stage})`;
}
