import { FEW_RUNS_SHARE } from '../stats/measureConcentration.ts';
import type { MassUnit } from './chooseMassUnit.ts';
import { differenceSign, formatDifferenceWithCi, formatLevelValue, massUnits } from './comparisonFigures.ts';
import { describeConcentration } from './describeConcentration.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ConcentrationOf } from './readConcentrations.ts';
import type { Comparison, ComparisonEntry } from './readComparisonJson.ts';
import type { ScenarioOverview } from './readScenarioOverview.ts';
import { type ComparedStrategies, describePeakPriceWords } from './renderComparisonSection.ts';
import { regionWithArticle } from './regionWithArticle.ts';
import { renderTable } from './renderTable.ts';

/** The end-user metrics shown per region and material, in row order, with their words. */
const METRICS: ReadonlyArray<{ id: (material: string, region: string) => string; words: string | ((material: string) => string) }> = [
  { id: (m, r) => `cumulativeConsumption.${m}.endUse.${r}`, words: 'consumption (received)' },
  { id: (m, r) => `cumulativeShortfall.${m}.endUse.${r}`, words: 'unmet demand' },
  { id: (m, r) => `shortfallWeeks.${m}.endUse.${r}`, words: 'weeks short' },
  { id: (m, r) => `peakPriceMultiple.${m}.manufacturing.${r}`, words: (m) => `${describePeakPriceWords(m, 'manufacturing')} (× start)` }, // one term in every section (audit 24, M8)
];

/** The share of runs `measureConcentration` calls few, as the reader sees it. */
const FEW_RUNS_PERCENT = Math.round(FEW_RUNS_SHARE * 100);

const ALIGNMENT_ORDER: Record<string, number> = { ally: 0, neutral: 1, adversary: 2 };

/**
 * "Effects outside the home region, by strategy" for a compare folder: for each material the
 * compared scenarios' events name and each region other than home (allies first, the adversary
 * last), end users' consumption, unmet demand, weeks short and peak magnet (component) price under the
 * reference, and each alternative's paired difference with its 95% CI; then, per alternative, the
 * regions whose end users clearly receive less or more (the CI of the consumption difference below
 * or above 0) and those clearly short for more weeks. A difference whose CI excludes 0 but whose
 * mean rests on a few runs (`measureConcentration`: half or more of it from at most 15% of them) is
 * not called clear: it is listed apart with its figure and how many runs carry it (audit finding M2:
 * "clearly receive more" read as a broad effect where a handful of runs made it). A home policy can
 * help or take from allies and others, and unmet demand alone misleads there: it is what end users
 * still want at the going price, so a strategy that lowers prices raises it while they receive more.
 * '' without a reference scenario, other regions or any of these metrics.
 *
 * @param original - From `readComparisonJson`.
 * @param strategies - The compared scenarios (from `readComparedStrategies`).
 * @param materialName - Maps material ids to names.
 * @param concentrationOf - Per entry (stated alternative − reference), whether its mean rests on a few runs (`readConcentrations`); without it, or where it gives undefined, a CI that excludes 0 is clear.
 * @returns HTML, or ''.
 * @example
 * html += renderSpilloversCompared(comparison, strategies, (id) => id, await readConcentrations(dir, strategies));
 */
export function renderSpilloversCompared(original: Comparison, strategies: ComparedStrategies, materialName: (id: string) => string, concentrationOf?: ConcentrationOf): string {
  const overview = strategies.reference.overview;
  if (overview === undefined) return '';
  const sign = differenceSign(original.entries);
  const entries = original.entries.map((e) => (sign === 1 ? e : { ...e, meanDifference: -e.meanDifference, ciLow: -e.ciHigh, ciHigh: -e.ciLow }));
  const byId = new Map(entries.map((e) => [`${e.alternative}|${e.metric}`, e]));
  const units = massUnits(entries);
  const regions = overview.regions.filter((r) => r.id !== overview.homeRegion)
    .map((r, i) => ({ ...r, i })).sort((a, b) => (ALIGNMENT_ORDER[a.alignment] ?? 1) - (ALIGNMENT_ORDER[b.alignment] ?? 1) || a.i - b.i);
  const materials = targetedMaterials(strategies, overview);
  const rows: string[][] = [];
  const less = new Map<string, string[]>(original.alternatives.map((a) => [a, []]));
  const more = new Map<string, string[]>(original.alternatives.map((a) => [a, []]));
  const longer = new Map<string, string[]>(original.alternatives.map((a) => [a, []]));
  // Differences whose CI excludes 0 but whose mean a few runs carry: said with their figure, not as clear.
  const fewRuns = new Map<string, string[]>(original.alternatives.map((a) => [a, []]));
  const carriedByFew = (e: ComparisonEntry, alternative: string, words: string, unit: MassUnit | undefined): boolean => {
    const c = concentrationOf?.(e);
    if (c === undefined || !c.concentrated) return false;
    fewRuns.get(alternative)?.push(`${words} (${formatDifferenceWithCi(e, unit)}, ${describeConcentration(c)})`);
    return true;
  };
  for (const material of materials) {
    for (const region of regions) {
      for (const metric of METRICS) {
        const id = metric.id(material, region.id);
        const found = original.alternatives.map((a) => byId.get(`${a}|${id}`));
        const reference = found.find((e) => e !== undefined);
        if (reference === undefined) continue;
        rows.push([`${shortName(region.name)} (${region.alignment})`, materialName(material), typeof metric.words === 'string' ? metric.words : metric.words(material), formatLevelValue(reference.meanA, reference.unit, units.get(id)),
          ...found.map((e) => (e === undefined ? 'n/a' : formatDifferenceWithCi(e, units.get(id))))]);
        // Short for longer is a side effect an alliance reader needs beside consumption (a stockpile that buys in allies' market).
        if (metric.words === 'weeks short') {
          found.forEach((e, i) => {
            const where = `${regionWithArticle(shortName(region.name))}: ${materialName(material)}`;
            if (e !== undefined && e.ciLow > 0 && !carriedByFew(e, original.alternatives[i], `short for more weeks in ${where}`, undefined)) longer.get(original.alternatives[i])?.push(`${where} (${formatDifferenceWithCi(e, undefined)})`);
          });
        }
        if (typeof metric.words === 'string' && metric.words.startsWith('consumption')) {
          found.forEach((e, i) => {
            const where = `${regionWithArticle(shortName(region.name))}: ${materialName(material)}`;
            if (e !== undefined && e.ciHigh < 0 && !carriedByFew(e, original.alternatives[i], `less in ${where}`, units.get(id))) less.get(original.alternatives[i])?.push(where);
            if (e !== undefined && e.ciLow > 0 && !carriedByFew(e, original.alternatives[i], `more in ${where}`, units.get(id))) more.get(original.alternatives[i])?.push(where);
          });
        }
      }
    }
  }
  if (rows.length === 0) return '';
  const intro = `<p>${escapeHtml('A home strategy can help or take from end users elsewhere: a stockpile buys in the same markets, a tariff moves trade, support lowers world prices. Read consumption (what end users received) first. Unmet demand is what they still wanted at the going price, so a strategy that lowers prices can raise it while they receive more.')}</p>\n`;
  const verdicts = original.alternatives.map((a) => {
    const fewer = less.get(a) ?? [];
    const gains = more.get(a) ?? [];
    const taken = fewer.length === 0 ? 'no region\'s end users clearly receive less of these materials' : `end users clearly receive less in ${fewer.join('; ')}`;
    const given = gains.length === 0 ? '' : `; they clearly receive more in ${gains.join('; ')}`;
    const shortLonger = longer.get(a) ?? [];
    const weeks = shortLonger.length === 0 ? '' : `; end users are clearly short for more weeks in ${shortLonger.join('; ')}`;
    const few = fewRuns.get(a) ?? [];
    const carried = few.length === 0 ? '' : `; from a few runs: ${few.join('; ')}`;
    const meaning = few.length === 0 ? '95% CIs of the differences excluding 0' : `95% CIs of the differences excluding 0; “from a few runs”: half or more of the difference comes from ${FEW_RUNS_PERCENT}% of the runs or fewer (or 2), so it is not called clear`;
    return `<li><strong>${escapeHtml(a)}</strong>: ${escapeHtml(`${taken}${given}${weeks}${carried} (${meaning}).`)}</li>`;
  });
  const columns = [{ header: 'Region' }, { header: 'Material' }, { header: 'End users’' }, { header: original.reference === '' ? 'reference' : original.reference, numeric: true },
    ...original.alternatives.map((a) => ({ header: `${a}: difference (95% CI)`, numeric: true }))];
  return `${intro}<ul>${verdicts.join('')}</ul>\n${renderTable(columns, rows, { caption: 'Over the run, mean over the paired runs; each alternative’s mean paired difference from the reference with its 95% CI. Materials: those the compared scenarios’ events name.' })}`;
}

/** A region's name without its parenthetical list of members: `Rest of world (incl. DRC, …)` → `Rest of world`. */
function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '') || name;
}

/** Materials named by any compared scenario's events, in the reference scenario's material order. */
function targetedMaterials(strategies: ComparedStrategies, overview: ScenarioOverview): string[] {
  const named = new Set<string>();
  for (const s of [strategies.reference, ...strategies.alternatives]) {
    for (const event of s.overview?.events ?? []) if (typeof event.fields.material === 'string') named.add(event.fields.material);
  }
  return overview.materials.map((m) => m.id).filter((id) => named.has(id));
}
