import { formatMultiple } from './formatMultiple.ts';
import type { MaterialResult } from './computeMaterialResults.ts';
import { countRuns } from './countRuns.ts';
import type { RunContext } from './deriveRunContext.ts';
import { escapeHtml } from './escapeHtml.ts';
import { formatPairedImpact } from './formatPairedImpact.ts';
import { formatTonnes } from './formatTonnes.ts';
import type { ImpactReading } from './readImpactJson.ts';

/**
 * Names the materials that no event touches but that are short or dear anyway, so a reader does
 * not take their numbers for the threat's; with impact.json, says how much of their peak price the
 * disruptions still cause (materials share a region's engineers in the model: docs/model.md §12).
 * Every figure is a mean, so they compare: the level over all runs, then the paired means with and
 * without the disruptions.
 *
 * @param context - Regions and materials of the run.
 * @param results - Each material's results.
 * @param impact - `impact.json`, if present.
 * @returns A note paragraph, or '' when no such material is stressed or the scenario has no events.
 * @example
 * html += renderBaselineCaveat(context, results, impact);
 */
export function renderBaselineCaveat(context: RunContext, results: Array<{ material: RunContext['materials'][number]; result: MaterialResult }>, impact: ImpactReading | undefined): string {
  if (!context.materials.some((m) => m.hasEvents)) return '';
  const stressed = results.filter(({ material, result }) => !material.hasEvents && (result.peakOutside.p50 >= 1.5 || result.weeksShort.max > 0 || result.lackingTonnes.mean > 0));
  if (stressed.length === 0) return '';
  const items = stressed.map(({ material, result }) => {
    const caused = impact?.byMaterial.get(material.id)?.peakPriceMultiple;
    const paired = caused === undefined ? '' : ` Over the ${countRuns(caused.n)} replayed without the scenario's disruptions, its mean peak price is ` +
      `${formatMultiple(caused.meanWithout)} without them and ${formatMultiple(caused.meanWith)} with them: change caused by the disruptions ${formatPairedImpact(caused, 'x base')}.`;
    return `${material.name}: mean peak price ${formatMultiple(result.peakOutside.mean)} the starting price, ${formatTonnes(result.lackingTonnes.mean)} unmet demand on average (all runs).${paired}`;
  });
  return `<p class="note"><strong>Stressed without the threat.</strong> No scripted event touches ${escapeHtml(stressed.map((s) => s.material.name).join(', '))}, ` +
    `yet ${stressed.length === 1 ? 'it is' : 'they are'} short or dear in this run: the scenario's baseline (demand growth, capacity, prices) stresses ` +
    `${stressed.length === 1 ? 'it' : 'them'} without any threat${impact === undefined ? '' : ', and the paired runs tell how much the disruptions add through what the materials share in the model, chiefly a region’s skilled workforce: projects started in answer to the threat take engineers that other materials’ projects would have used'}. ` +
    `${escapeHtml(items.join(' '))}</p>\n`;
}
