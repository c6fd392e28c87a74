import type { TopLevelSpec } from 'vega-lite';

/** A stage's place in the matrix. */
export interface ThreatCell {
  stage: string;
  capability: number;
  intent: number;
}

const LEVELS = ['1 low', '2 medium', '3 high'];
const STAGE_NAMES: Record<string, string> = { endUse: 'end use' };
const SHADES = ['#f2f2f2', '#f2f2f2', '#dcdcdc', '#c4c4c4', '#c4c4c4', '#8f8f8f', '#8f8f8f', '#8f8f8f', '#4d4d4d'];

/**
 * The study's capability × intent matrix: a 3 × 3 grid (intent across, capability up), each cell
 * shaded by its score capability × intent (1–9, darker = more dangerous) and labelled with its
 * score and the life-cycle stages placed in it, so it reads without colour.
 *
 * @param cells - Capability and intent (1–3) per stage.
 * @returns A vega-lite spec with inline data.
 * @example
 * createThreatMatrixSpec([{ stage: 'processing', capability: 3, intent: 3 }]);
 */
export function createThreatMatrixSpec(cells: readonly ThreatCell[]): TopLevelSpec {
  const grid = [];
  for (let capability = 1; capability <= 3; capability++) {
    for (let intent = 1; intent <= 3; intent++) {
      const stages = cells.filter((c) => Math.round(c.capability) === capability && Math.round(c.intent) === intent).map((c) => STAGE_NAMES[c.stage] ?? c.stage);
      const score = capability * intent;
      grid.push({
        capability: LEVELS[capability - 1], intent: LEVELS[intent - 1], score: `score ${score}`,
        fill: SHADES[score - 1], ink: score >= 6 ? 'white' : '#111', stages: stages.join('\n'),
      });
    }
  }
  const x = { field: 'intent', type: 'ordinal', sort: LEVELS, title: 'intent of the foreign actor →', axis: { labelAngle: 0, orient: 'bottom' } };
  const y = { field: 'capability', type: 'ordinal', sort: [...LEVELS].reverse(), title: 'capability →' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Threat matrix: capability × intent per stage', subtitle: 'score = capability × intent (darker = higher)' },
    width: 330, height: 270,
    data: { values: grid },
    encoding: { x, y },
    layer: [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 2 }, encoding: { fill: { field: 'fill', type: 'nominal', scale: null } } },
      { mark: { type: 'text', align: 'left', baseline: 'top', dx: -51, dy: -41, fontSize: 9 }, encoding: { text: { field: 'score' }, color: { field: 'ink', type: 'nominal', scale: null } } },
      { mark: { type: 'text', fontSize: 10.5, fontWeight: 'bold', lineBreak: '\n', dy: 4 }, encoding: { text: { field: 'stages' }, color: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  } as unknown as TopLevelSpec;
}
