import { describe, expect, it } from 'vitest';
import type { RunContext } from '../../src/report/deriveRunContext.ts';
import type { ImpactReading, PairedImpact } from '../../src/report/readImpactJson.ts';
import type { ReplicateValues } from '../../src/report/readReplicatesCsv.ts';
import { renderAnswerBox } from '../../src/report/renderAnswerBox.ts';
import { renderFindingsSection } from '../../src/report/renderFindingsSection.ts';
import type { ChartCollector } from '../../src/report/createChartCollector.ts';

const RUNS = 40;
const context: RunContext = {
  home: 'US', homeName: 'United States', foreign: 'CN', foreignName: 'China', regions: ['US', 'ALLIES', 'CN'],
  materials: [
    { id: 'ndpr', name: 'NdPr oxide', priceUnit: 'USD/kg', homeDemand: 8000, priceStage: 'processing', hasEvents: true },
    { id: 'li', name: 'Lithium (Li content)', priceUnit: 'USD/t', homeDemand: 20000, priceStage: 'processing', hasEvents: false },
  ],
};
const constant = (value: number): number[] => Array.from({ length: RUNS }, () => value);
/** Per-run values as replicates.csv holds them: NdPr is never short, its refined price peaks near 2.2× outside China; lithium is short in one run. */
const replicates: ReplicateValues = new Map([
  ['shortfallWeeks.ndpr.endUse.US', constant(0)],
  ['cumulativeShortfall.ndpr.endUse.US', constant(0)],
  ['peakPriceMultiple.ndpr.processing.US', Array.from({ length: RUNS }, (_, r) => 2.1 + (r % 5) * 0.05)],
  ['peakPriceMultiple.ndpr.processing.ALLIES', constant(1.5)],
  ['shortfallWeeks.li.endUse.US', constant(0).map((_, r) => (r === 7 ? 3 : 0))],
  ['cumulativeShortfall.li.endUse.US', constant(0).map((_, r) => (r === 7 ? 522 : 0))],
  ['peakPriceMultiple.li.processing.US', constant(2.38)],
]);
const paired = (mean: number, ciLow: number, ciHigh: number, meanWithout: number): PairedImpact => ({ unit: 't', n: 30, meanWith: meanWithout + mean, meanWithout, mean, ciLow, ciHigh });
const impact: ImpactReading = {
  replicates: 30, runReplicates: RUNS, replicateCap: 30, stages: new Map(), disruptiveEvents: ['cnQuotaNdpr'],
  byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600) }]]),
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const noCharts: ChartCollector = { add: async () => '', finish: async () => [] };

describe('renderAnswerBox', () => {
  it('sums up Key results in one plain line per headline material, each number with its 95% CI, from the same figures', async () => {
    const box = renderAnswerBox(context, new Map(), replicates, impact);
    expect(box).toContain('<div class="answer" id="answer"');
    expect(box).toContain('<a href="#results">Key results</a>');
    // One entry per material, of labelled lines (audit 24, M9): only the material with events leads (as in Key results); lithium, touched by no event, does not.
    expect([...box.matchAll(/<li><strong>(.*?)<\/strong>/g)].map((m) => m[1])).toEqual(['NdPr oxide']);
    const lines = [...box.matchAll(/<li[^>]*><em>(.*?)<\/li>/g)].map((m) => text(m[1]).trim());
    expect(lines).toEqual([
      // "Short in none" says why at once (prices ration), so it does not read as "no problem"; each line says its runs.
      'How short: End users in the United States are short (demand unmet at the going price) in none of the 40 runs: higher prices ration what they buy instead.',
      'What the disruptions take (30 paired runs): End users in the United States receive 8,050 t (8.0%) less over the run (95% CI 7,070 to 9,040 t).',
      'Prices: At its highest over the run, the refined price outside China reaches 2.20× its start on average (95% CI 2.18× to 2.22×), whatever the cause (all 40 runs).',
    ]);
    // What a CI is and is not, once (audit 24, H4), and what "paired runs" are beside "all runs" (M6).
    expect(text(box)).toContain('not forecasts; the 95% CIs measure simulation noise, not uncertainty about the assumptions.');
    expect(text(box)).toContain('“Paired runs”: the first 30 runs set against the same runs without the disruptions; other figures are over all 40 runs.');
    // The same figures as Key results.
    const findings = text(await renderFindingsSection(context, new Map(), replicates, noCharts, impact));
    // How precisely the runs fix a range's ends: at 40 runs the 5th percentile is below the 6th lowest run (rank from the binomial), unbounded below.
    expect(findings).toContain('the model’s 5th percentile lies, with 95% confidence, below the 6th lowest of these runs, and nothing bounds it from below until 72 runs');
    // The reading guide says prices do not always ration first, by the mechanism still open (G32); G35's two phases (stock held
    // back after a spike, production stopped while an input price spikes) were fixed in sessions 34 and 35 and must not be described as current.
    expect(findings).toContain('Prices do not always ration first: a region that imports pays its trading pool’s price, so when exports to it alone are cut its end users can go short while that price barely moves (docs/model.md, known gap G32).');
    expect(findings).not.toContain('hold stock back');
    expect(findings).not.toContain('manufacturers can stop producing');
    // The results table's peak: mean and CI to the same decimals.
    expect(findings).toContain('2.20× (2.18–2.22)');
    // The paired column's runs are said: the impact arms' 30, beside columns over all the run's runs.
    expect(findings).toContain('change caused by the disruptions (first 30 runs, paired): mean');
    expect(findings).toContain('−8,050 t (95% CI −9,040 t to −7,070 t), 8.0% less than without them');
    expect(findings).toContain('2.20× the starting price on average (95% CI 2.18× to 2.22×)');
    // A count's 90% range that rounds to 0 although a run was short says how many runs and the worst, not "0 (0–0.15)".
    expect(findings).toMatch(/Lithium \(Li content\) 0 \(short in 1 of 40 runs, at most \d+ weeks?\)/);
  });

  it('puts one week in the singular in the results table (user audit, session 32: "at most 1 weeks")', async () => {
    const oneWeek: ReplicateValues = new Map([...replicates, ['shortfallWeeks.li.endUse.US', constant(0).map((_, r) => (r === 7 ? 1 : 0))]]);
    const findings = text(await renderFindingsSection(context, new Map(), oneWeek, noCharts, impact));
    expect(findings).toContain('Lithium (Li content) 0 (short in 1 of 40 runs, at most 1 week)');
    expect(findings).not.toContain('1 weeks');
    // The paired column's header: "first 1 run", not "first 1 runs".
    expect(text(await renderFindingsSection(context, new Map(), replicates, noCharts, { ...impact, replicates: 1 }))).toContain('(first 1 run, paired)');
  });

  it('gives the peak in the disruptions\' window and what they change in it, when its CI excludes 0, either way', () => {
    const window = { fromYear: 2025.75, toYear: 2028.5 };
    const withChange = (change: PairedImpact): ImpactReading => ({ ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600), disruptionPeakPrice: change, peakWindow: window }]]) });
    const rise = { ...paired(0.93, 0.84, 1.02, 1.28), unit: 'x base' };
    expect(text(renderAnswerBox(context, new Map(), replicates, withChange(rise)))).toContain(
      // Both levels and the multiple of the level without them: 2.21 / 1.28 = 1.73, not the 1.93 that "+0.93×" alone suggests;
      // the paired difference named in units of the starting price, not "+73%, a rise of 0.930×" (user audit, session 32).
      'The refined price outside China peaks at 2.21× its start from Oct 2025 to Jun 2028, against 1.28× without the disruptions: 1.73 times as high (higher by 0.930× its start, 95% CI 0.840× to 1.020×; 30 paired runs).');
    // A price war lowers the peak: said as such.
    const fall = { ...paired(-0.4, -0.5, -0.3, 1.5), unit: 'x base' };
    expect(text(renderAnswerBox(context, new Map(), replicates, withChange(fall)))).toContain('peaks at 1.10× its start from Oct 2025 to Jun 2028, against 1.50× without the disruptions: 0.733 times as high (lower by 0.400× its start, 95% CI 0.300× to 0.500×; 30 paired runs).');
    expect(text(renderAnswerBox(context, new Map(), replicates, withChange(rise)))).not.toMatch(/%, a (rise|fall) of/);
    // What it costs end users, when impact.json gives it and its CI excludes 0.
    const costly: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600), endUserCost: { ...paired(2.85e9, 2.65e9, 3.05e9, 16.57e9), unit: 'USD' } }]]) };
    expect(text(renderAnswerBox(context, new Map(), replicates, costly))).toContain('. The cost to them: USD 2.85 billion (95% CI USD 2.65 to 3.05 billion) in higher prices and consumption priced out.');
    // The ends share the mean's scale, so the range says "USD" and "billion" once, below 1 too.
    const straddling: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600), endUserCost: { ...paired(1.0e9, 0.95e9, 1.05e9, 16.57e9), unit: 'USD' } }]]) };
    expect(text(renderAnswerBox(context, new Map(), replicates, straddling))).toContain('. The cost to them: USD 1.00 billion (95% CI USD 0.95 to 1.05 billion)');
    const unclear: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(-8050, -9040, -7070, 100_600), endUserCost: { ...paired(1e6, -2e6, 4e6, 16.57e9), unit: 'USD' } }]]) };
    expect(text(renderAnswerBox(context, new Map(), replicates, unclear))).not.toContain('cost USD');
    // With the scenario's years known, the consumption loss names them.
    expect(text(renderAnswerBox({ ...context, period: { firstYear: 2025, lastYear: 2034 } }, new Map(), replicates, withChange(rise)))).toContain('What the disruptions take (30 paired runs): End users in the United States receive 8,050 t (8.0%) less over 2025–2034 (95% CI');
    // No clear change: said as such, with both levels in the same months, never the whole run's peak as if the disruptions made it.
    const box = text(renderAnswerBox(context, new Map(), replicates, withChange({ ...paired(0.01, -0.02, 0.04, 1.25), unit: 'x base' })));
    expect(box).toContain('The disruptions make no clear change to the refined price outside China at its peak from Oct 2025 to Jun 2028: 1.26× its start with them, 1.25× without (95% CI of the change −0.020× to +0.040×; 30 paired runs).');
    expect(box).not.toContain('2.20×');
    // Without a paired window (no counterfactual), the run's highest price, labelled as whatever its cause.
    expect(text(renderAnswerBox({ ...context, period: { firstYear: 2025, lastYear: 2034 } }, new Map(), replicates, undefined)))
      .toContain('At its highest over 2025–2034, the refined price outside China reaches 2.20× its start on average (95% CI 2.18× to 2.22×), whatever the cause (all 40 runs).');
  });

  it('says which other regions\' end users are short when the home region\'s are not (neither home nor foreign)', () => {
    const weeks = (mean: number, ciLow: number, ciHigh: number) => ({ unit: 'weeks', n: 40, mean, ciLow, ciHigh, p5: mean, p25: mean, p50: mean, p75: mean, p95: mean, min: mean, max: mean });
    const summary = new Map([
      ['shortfallWeeks.ndpr.endUse.ALLIES', weeks(27.66, 26.98, 28.34)],
      ['shortfallWeeks.ndpr.endUse.ROW', weeks(58.51, 58.41, 58.61)],
      // The foreign actor's own end users are not "elsewhere".
      ['shortfallWeeks.ndpr.endUse.CN', weeks(3, 2, 4)],
    ]) as unknown as Parameters<typeof renderAnswerBox>[1];
    const named = { ...context, regions: ['US', 'CN', 'ALLIES', 'ROW'], regionNames: { US: 'United States', CN: 'China', ALLIES: 'Allies (Australia, Japan, EU, Canada)', ROW: 'Rest of world (incl. DRC, Chile)' } };
    const box = text(renderAnswerBox(named, summary, replicates, impact));
    expect(box).toContain('higher prices ration what they buy instead. Elsewhere, mean weeks short (95% CI): the allies 28 (27 to 28), the rest of the world 59 (58 to 59). What the disruptions take');
    expect(box).not.toContain('China for');
    // Under ten weeks, tenths.
    const few = new Map([['shortfallWeeks.ndpr.endUse.ALLIES', weeks(2.34, 1.61, 3.07)]]) as unknown as Parameters<typeof renderAnswerBox>[1];
    expect(text(renderAnswerBox(named, few, replicates, impact))).toContain('Elsewhere, mean weeks short (95% CI): the allies 2.3 (1.6 to 3.1). What the disruptions take');
    // Nobody else short: no clause.
    expect(text(renderAnswerBox(named, new Map(), replicates, impact))).not.toMatch(/elsewhere/i);
  });

  it('says how many runs are short and what goes unmet when a shortage happens, and is empty without runs', () => {
    const box = text(renderAnswerBox({ ...context, materials: context.materials.map((m) => ({ ...m, hasEvents: false })) }, new Map(), replicates, undefined));
    // Without events the longest home shortages lead: lithium's one run in 40.
    expect(box).toContain('Lithium (Li content) How short: End users in the United States are short in 1 of 40 runs, going without a mean 13 t (95% CI 0 to 39 t), less than 1% of a year’s demand.');
    // A spread that rounds to nothing is not given as "between 0 and 0 weeks".
    expect(box).not.toContain('between 0 and 0');
    expect(renderAnswerBox(context, new Map(), undefined, undefined)).toBe('');
  });

  describe('when, how sure and the other struck stage (audit 24: H1, H4, M9)', () => {
    const WEEKS = 52 / 12;
    // 2025-01 … 2030-12: no change before Jun 2026; −20 t/week (20%) to Dec 2027, −40 in Dec 2026; nothing in 2028's first half; −10 t/week from Jul 2028 to Jun 2030.
    const period = Array.from({ length: 72 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const loss: number[] = period.map((p) => (p === '2026-12' ? -40 : p >= '2026-06' && p <= '2027-12' ? -20 : p >= '2028-07' && p <= '2030-06' ? -10 : 0));
    const later = period.indexOf('2028-07');
    const differenceToEnd = period.map((_, i) => loss.slice(i).reduce((a, b) => a + b * WEEKS, 0));
    const monthly = {
      period, weeks: period.map(() => WEEKS), meanWith: loss.map((l) => 100 + l), meanWithout: period.map(() => 100), mean: loss,
      ciLow: loss.map((l) => l - 1), ciHigh: loss.map((l) => l + 1), differenceToEnd,
      differenceToEndCiLow: differenceToEnd.map((d, i) => (i === later ? -1090 : d)), differenceToEndCiHigh: differenceToEnd.map((d, i) => (i === later ? -990 : d)),
    };
    const total = differenceToEnd[0];
    const struck: RunContext = { ...context, materials: context.materials.map((m) => (m.id === 'ndpr' ? { ...m, struckStages: ['processing', 'manufacturing'] } : m)) };
    const shortRuns: ReplicateValues = new Map([
      ...replicates,
      ['shortfallWeeks.ndpr.endUse.US', Array.from({ length: RUNS }, (_, r) => 20 + (r % 21))],
      ['cumulativeShortfall.ndpr.endUse.US', constant(900)],
      // Magnets: per run the highest outside China (the allies' 4.6 where above the US's), never China's own 9.
      ['peakPriceMultiple.ndpr.manufacturing.US', Array.from({ length: RUNS }, (_, r) => 4.5 + (r % 3) * 0.1)],
      ['peakPriceMultiple.ndpr.manufacturing.ALLIES', constant(4.6)],
      ['peakPriceMultiple.ndpr.manufacturing.CN', constant(9)],
    ]);
    const timed: ImpactReading = { ...impact, byMaterial: new Map([['ndpr', { homeConsumption: paired(total, total - 100, total + 100, 31_200), monthlyConsumption: monthly, peakWindow: { fromYear: 2025.75, toYear: 2028.5 } }]]) };
    // Half the runs or more short (median above 1% of the 8,000 t/yr at the start: 1.54 t/week) from mid-2026 to the start of 2027.
    const year = Array.from({ length: 6 * 52 }, (_, w) => 2025 + w / 52);
    const fans = new Map([['shortfall|ndpr|endUse|US', { metric: 'shortfall', material: 'ndpr', stage: 'endUse', region: 'US', year, p5: year.map(() => 0), p25: year.map(() => 0), p50: year.map((y) => (y >= 2026.5 && y <= 2027 ? 5 : y > 2027.5 ? 1 : 0)), p75: year.map(() => 0), p95: year.map(() => 0) }]]);
    const lines = (box: string) => [...box.matchAll(/<li[^>]*><em>(.*?)<\/li>/g)].map((m) => text(m[1]).trim());

    it('says when: the months consumption falls, is worst and recovers, and the weeks at least half the runs are short, each with its runs', () => {
      const when = lines(renderAnswerBox(struck, new Map(), shortRuns, timed, fans)).find((l) => l.startsWith('When'));
      // Jan–Jun 2028 are not past 5%: the span has a gap, so "first in …, last in …", not "from … to …" (review 24).
      expect(when).toBe('When: Consumption over 5% below its level without the disruptions first in Jun 2026, last in Jun 2030, worst in Dec 2026 (40 t/week less, 40%; 30 paired runs); ' +
        'half the runs or more short from Jul 2026 to Jan 2027.');
      // Without the fans, the consumption months alone; without monthly figures, no "When" line.
      expect(lines(renderAnswerBox(struck, new Map(), shortRuns, timed)).find((l) => l.startsWith('When'))).not.toContain('half the runs');
      expect(lines(renderAnswerBox(struck, new Map(), shortRuns, impact, fans)).find((l) => l.startsWith('When'))).toBe('When: Half the runs or more short from Jul 2026 to Jan 2027.');
    });

    it('splits the loss at the end of the disruptions\' window and says the later part rests on an uncalibrated assumption (G26)', () => {
      const box = lines(renderAnswerBox(struck, new Map(), shortRuns, timed, fans));
      // (18 × 20 + 40) × 52/12 = 1,733 t up to Jun 2028; 24 × 10 × 52/12 = 1,040 t after, with differenceToEnd's interval.
      expect(box.find((l) => l.startsWith('What the disruptions take'))).toContain(': 1,730 t up to Jun 2028, a year after the events end, 1,040 t after (95% CI 990 to 1,090 t)');
      // Runs short 20…40 then 20…38 weeks: two runs each at 20 and 21, so 36 of 40 (90%) reach 22.
      expect(box.find((l) => l.startsWith('How sure'))).toBe('How sure: Short for at least 22 weeks in 90% of runs; ' +
        'the 1,040 t after Jun 2028 (30 paired runs) rest on an uncalibrated assumption, end users’ slow undoing of thrift (docs/model.md, G26).');
      // A later gain is not put down to thrift, and parts that go different ways are signed, never "of it".
      const recovering = loss.map((l, i) => (i >= later ? -l * 3 : l));
      const toEnd = period.map((_, i) => recovering.slice(i).reduce((a, b) => a + b * WEEKS, 0));
      const mixed: ImpactReading = { ...timed, byMaterial: new Map([['ndpr', { ...timed.byMaterial.get('ndpr')!, homeConsumption: paired(toEnd[0], toEnd[0] - 100, toEnd[0] + 100, 31_200), monthlyConsumption: { ...monthly, mean: recovering, differenceToEnd: toEnd, differenceToEndCiLow: toEnd, differenceToEndCiHigh: toEnd } }]]) };
      const box2 = lines(renderAnswerBox(struck, new Map(), shortRuns, mixed, fans));
      expect(box2.find((l) => l.startsWith('What the disruptions take'))).toMatch(/a net change of −1,730 t up to Jun 2028, a year after the events end, \+3,120 t after/);
      expect(box2.join(' ')).not.toContain('G26');
    });

    it('gives the peak of another traded stage the events strike (magnets beside oxide), outside the foreign region, in the answer box and in Key results', async () => {
      const box = text(renderAnswerBox(struck, new Map(), shortRuns, timed, fans));
      // (14 × 4.6 + 13 × 4.6 + 13 × 4.7) / 40 = 4.63: the US's or the allies', whichever is higher in a run; never China's 9.
      expect(box).toMatch(/outside China[^;]*\. Magnets containing NdPr oxide, also struck: up to 4\.63× outside China \(the run’s highest, whatever the cause, 95% CI 4\.6\d× to 4\.6\d×; all 40 runs\)\./);
      const findings = text(await renderFindingsSection(struck, new Map(), shortRuns, noCharts, timed));
      expect(findings).toMatch(/Highest price of magnets containing NdPr oxide \(manufacturing\), a stage the events strike too, outside China over the whole run, whatever the cause \(all 40 runs\): 4\.63× the starting price on average/);
      // The results table's peak cell names both products.
      expect(findings).toMatch(/refined \d\.\d+× \([\d.–]+\); magnets 4\.63× \(4\.6\d–4\.6\d\)/);
      expect(text(await renderFindingsSection(context, new Map(), shortRuns, noCharts, timed))).not.toMatch(/; magnets \d/);
      // Events on the quoted stage only: no such clause.
      expect(text(renderAnswerBox(context, new Map(), shortRuns, timed, fans))).not.toContain('magnets');
    });

    describe('user audit, session 35 (items 16 and 17): shorter sentences, the share of demand, what helps', () => {
      const cost = { ...paired(5.67e9, 5.32e9, 6.02e9, 40e9), unit: 'USD' };
      const full: ImpactReading = { ...timed, byMaterial: new Map([['ndpr', { ...timed.byMaterial.get('ndpr')!, endUserCost: cost, disruptionPeakPrice: { ...paired(1.249, 1.241, 1.257, 1.05), unit: 'x base' }, peakWindow: { fromYear: 2025.75, toYear: 2028.5 } }]]) };
      // Defence buyers measured and never short; the allies and the rest of the world short for weeks.
      const weeks = (mean: number) => ({ unit: 'weeks', n: RUNS, mean, ciLow: mean - 2, ciHigh: mean + 2, p5: mean, p25: mean, p50: mean, p75: mean, p95: mean, min: mean, max: mean });
      const summary = new Map([['shortfallWeeks.ndpr.endUse.ALLIES', weeks(27)], ['shortfallWeeks.ndpr.endUse.ROW', weeks(46)]]) as unknown as Parameters<typeof renderAnswerBox>[1];
      const defence: ReplicateValues = new Map([...shortRuns, ['publicShortfallWeeks.ndpr.endUse.US', constant(0)], ['cumulativePublicShortfall.ndpr.endUse.US', constant(0)], ['maxPublicShortfallShare.ndpr.endUse.US', constant(0)]]);
      const named: RunContext = { ...struck, regions: ['US', 'CN', 'ALLIES', 'ROW'], regionNames: { US: 'United States', CN: 'China', ALLIES: 'Allies (Australia, Japan, EU, Canada)', ROW: 'Rest of world (incl. DRC, Chile)' } };
      const box = (compare?: string) => renderAnswerBox({ ...named, period: { firstYear: 2025, lastYear: 2034 } }, summary, defence, full, fans, compare);

      it('says each group of end users in a sentence of its own, the unmet tonnes as a share of a year\'s demand, and other regions as prose', () => {
        const short = lines(box()).find((l) => l.startsWith('How short'));
        // 900 t against the 8,000 t a year US end users demand at the start: 11%.
        expect(short).toBe('How short: End users in the United States are short for a median 30 weeks (mean 30), going without a mean 900 t (95% CI 900 to 900 t), 11% of a year’s demand. ' +
          'Their defence buyers are short in no run. Elsewhere, mean weeks short (95% CI): the allies 27 (25 to 29), the rest of the world 46 (44 to 48).');
      });

      it('keeps every sentence of the box under 45 words, the cost and the other stage\'s price in sentences of their own', () => {
        const all = lines(box());
        const sentences = all.flatMap((line) => line.replace(/^[^:]+:\s*/, '').split(/(?<=\.)\s+(?=[A-Z])/));
        for (const sentence of sentences) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(45);
        expect(all.find((l) => l.startsWith('What the disruptions take'))).toMatch(/after \(95% CI 990 to 1,090 t\)\. The cost to them: USD 5\.67 billion \(95% CI USD 5\.32 to 6\.02 billion\) in higher prices and consumption priced out\.$/);
        expect(all.find((l) => l.startsWith('Prices'))).toMatch(/; 30 paired runs\)\. Magnets containing NdPr oxide, also struck: up to 4\.63× outside China/);
      });

      it('ends with the compare command for the stockpiles when one is given, and says nothing of it otherwise', () => {
        const command = 'npx crm-sim compare scenarios/threat-export-quota.yaml scenarios/mitigation-stockpile-*.yaml --replicates 30 --report';
        expect(text(box(command))).toContain(`Key results . What helps? What stockpiles buy, paired run by run (see README’s worked example): ${command}`);
        // Each word of the command in a span the stylesheet keeps whole: it breaks between words, never at a file name's hyphen.
        expect(box(command)).toContain(`<code>${command.split(' ').map((word) => `<span>${word}</span>`).join(' ')}</code></p></div>`);
        expect(text(box())).not.toContain('What helps');
      });
    });
  });
});
