import type { RunSeries } from '../../src/calibrate/runSeries.ts';
import { calendarYear, meanOver, ticksIn } from '../../src/calibrate/timeWindow.ts';
import type { ObservedPoint, PathChartOptions } from './createPathChartSpec.ts';
import { summariseRuns, type PathRow } from './summariseRuns.ts';

/** What to draw for one episode: simulated rows, observed points, chart options. */
export interface EpisodePaths {
  rows: PathRow[];
  observed: ObservedPoint[];
  options: PathChartOptions;
}

/** Runs of an episode and of its paired control (same replicate indices). */
export interface EpisodeRunSet {
  runs: RunSeries[];
  controls: RunSeries[];
}

/** A series over its mean in a calendar window of the same run. */
function relative(ref: string, from: string, to: string) {
  return (run: RunSeries, t: number) => run.get(ref)[t] / meanOver(run.get(ref), ticksIn(run, from, to));
}

/** A series over the same series of the paired control run. */
function toControl(set: EpisodeRunSet, ref: string) {
  return (run: RunSeries, t: number, i: number) => run.get(ref)[t] / set.controls[i].get(ref)[t];
}

/** A series averaged over the calendar month containing each tick, over its mean in a window. */
function monthlyRelative(ref: string, from: string, to: string) {
  return (run: RunSeries, t: number) => {
    const year = run.startYear + t / run.ticksPerYear;
    const start = Math.floor(year * 12 + 1e-9) / 12;
    return meanOver(run.get(ref), ticksIn(run, start, start + 1 / 12)) / meanOver(run.get(ref), ticksIn(run, from, to));
  };
}

/** VC-1: ex-China (Japan) Dy and light-oxide prices and the China-domestic light price, over their H1 2010 level. */
export function vc1Paths({ runs }: EpisodeRunSet): EpisodePaths {
  const base: [string, string] = ['2010-01', '2010-07'];
  const rows = [
    ...summariseRuns('Dy oxide, ex-China (Japan)', runs, relative('price:dy:processing:JP', ...base), 2009.5, 2016.99, 2),
    ...summariseRuns('light oxides, ex-China (Japan)', runs, relative('price:reo_light:processing:JP', ...base), 2009.5, 2016.99, 2),
    ...summariseRuns('light oxides, China domestic', runs, relative('price:reo_light:processing:CN', ...base), 2009.5, 2016.99, 2),
  ];
  const dy = (year: number, usd: number, note: string) => ({ label: 'Dy', year, value: usd / 118.49, note: `Dy oxide ${note}` });
  const light = (year: number, usd: number, note: string) => ({ label: 'La/Ce', year, value: usd / 6.635, note: `La/Ce oxide mean ${note}` });
  const observed = [
    dy(2011.375, 921.2, 'Q2 2011 average'), dy(2011.79, 2300, 'Oct 2011'), dy(2012.0, 1410, 'year-end 2011'), dy(2013.0, 615, 'year-end 2012'),
    dy(2014.0, 465, 'year-end 2013'), dy(2015.0, 340, 'year-end 2014'), dy(2016.0, 227.5, 'year-end 2015'),
    light(2011.375, 136.5, 'Q2 2011 average'), light(2011.79, 80, 'Oct 2011'), light(2012.0, 46.75, 'year-end 2011'), light(2013.0, 10.5, 'year-end 2012'),
    light(2014.0, 5.75, 'year-end 2013'), light(2016.0, 2, 'year-end 2015'),
  ];
  return {
    rows, observed,
    options: {
      title: 'VC-1: rare-earth oxide prices, simulated vs observed', yTitle: 'price / pre-shock level (log)', log: true,
      subtitle: 'lines: mean of replicates, bands: min-max; diamonds: observed export prices over the 2008 average (USGS MCS 2016, Lynas via mining.com)',
      events: [{ year: calendarYear('2010-07'), label: 'quota -40%' }, { year: calendarYear('2010-09-21'), label: 'embargo on Japan' }, { year: 2015, label: 'quotas removed' }],
    },
  };
}

/** VC-3: China's processed-graphite exports (monthly) and the ex-China price, over their 2023 levels and over the control. */
export function vc3Paths(set: EpisodeRunSet): EpisodePaths {
  const { runs } = set;
  const rows = [
    ...summariseRuns("China's exports, monthly (x Jan-Oct 2023 mean)", runs, monthlyRelative('exports:graphite:processing:CN', '2023-01', '2023-11'), 2023.0, 2025.99, 1),
    ...summariseRuns('ex-China price (x Jan-Sep 2023)', runs, relative('price:graphite:processing:ALLIES', '2023-01', '2023-10'), 2023.0, 2025.99, 1),
    ...summariseRuns('ex-China price (x no-licensing control)', runs, toControl(set, 'price:graphite:processing:ALLIES'), 2023.0, 2025.99, 1),
  ];
  const observed = [
    { label: 'exports', year: calendarYear('2023-11-15'), value: 45000 / 17000, note: 'exports Nov 2023 (>45,000 t vs 17,000 t/month)' },
    { label: 'exports', year: calendarYear('2023-12-15'), value: 3973 / 17000, note: 'exports Dec 2023 (3,973 t)' },
    { label: 'exports', year: calendarYear('2025-05'), value: 115000 / 9 / 17000, note: 'exports Jan-Sep 2025 (115,000 t)' },
    { label: 'price', year: 2024.5, value: 1050 / 1080, note: 'US flake import unit value 2024 over 2023' },
    { label: 'price', year: 2025.5, value: 1000 / 1080, note: 'US flake import unit value 2025e over 2023' },
  ];
  return {
    rows, observed,
    options: {
      title: "VC-3: China's graphite exports and the ex-China price", yTitle: 'x 2023 level',
      subtitle: 'lines: mean of replicates, bands: min-max; diamonds: observed (China customs via Bloomberg and Fastmarkets; USGS MCS 2026)',
      events: [{ year: calendarYear('2023-10-20'), label: 'announced' }, { year: calendarYear('2023-12-01'), label: 'licences required' }],
    },
  };
}

/** VC-6: the attacked mine's output and shipments and the allied copper prices, over the no-attack control. */
export function vc6Paths(set: EpisodeRunSet): EpisodePaths {
  const from = 2022.85;
  const to = 2023.3;
  const rows = [
    ...summariseRuns('mine output', set.runs, toControl(set, 'production:copper:mining:BCMINE'), from, to, 1),
    ...summariseRuns('mine shipments', set.runs, toControl(set, 'exports:copper:mining:BCMINE'), from, to, 1),
    ...summariseRuns('allied concentrate price', set.runs, toControl(set, 'price:copper:mining:ALLIES'), from, to, 1),
    ...summariseRuns('allied refined price', set.runs, toControl(set, 'price:copper:processing:ALLIES'), from, to, 1),
  ];
  return {
    rows, observed: [{ label: 'shipments', year: 2023.0, value: 1, note: 'shipments continued on schedule; no price effect reported' }],
    options: { title: 'VC-6: Copper Mountain ransomware (Dec 2022)', yTitle: 'x no-attack control', subtitle: 'weekly, mean and min-max of replicates over the paired control run', events: [{ year: calendarYear('2022-12-28'), label: 'attack' }] },
  };
}

/** VC-7: Hydro's extrusion and primary metal output and the allied price, over the no-attack control. */
export function vc7Paths(set: EpisodeRunSet): EpisodePaths {
  const rows = [
    ...summariseRuns('extrusion output (Hydro)', set.runs, toControl(set, 'production:aluminium:manufacturing:HYDRO'), 2019.1, 2019.6, 1),
    ...summariseRuns('primary metal output (Hydro)', set.runs, toControl(set, 'production:aluminium:processing:HYDRO'), 2019.1, 2019.6, 1),
    ...summariseRuns('allied primary price', set.runs, toControl(set, 'price:aluminium:processing:ALLIES'), 2019.1, 2019.6, 1),
  ];
  const observed = [
    { label: 'extrusion', year: calendarYear('2019-03-22'), value: 0.5, note: 'Extruded Solutions ~50% on day 4' },
    { label: 'extrusion', year: calendarYear('2019-03-26'), value: 0.75, note: '70-80% on day 8' },
    { label: 'extrusion', year: 2019.5, value: 1, note: 'largely normal by the end of Q2' },
  ];
  return { rows, observed, options: { title: 'VC-7: Norsk Hydro ransomware (Mar 2019)', yTitle: 'x no-attack control', subtitle: 'weekly, mean and min-max of replicates over the paired control run', events: [{ year: calendarYear('2019-03-19'), label: 'attack' }] } };
}

/** Bullwhip: weekly orders at each stage of the chain over their mean, one replicate. */
export function bullwhipPaths({ runs }: EpisodeRunSet): EpisodePaths {
  const one = [runs[0]];
  const stages: [string, string][] = [
    ['end users\' demand', 'demand:widget:endUse:HOME'], ["manufacturers' orders", 'demand:widget:manufacturing:HOME'],
    ["refiners' orders", 'demand:widget:processing:HOME'], ['mine output', 'production:widget:mining:HOME'],
  ];
  const rows = stages.flatMap(([label, ref]) => summariseRuns(label, one, relative(ref, '2026-07', '2029-07'), 2026.5, 2029.5, 1));
  return { rows, observed: [], options: { title: 'Bullwhip: orders by stage (replicate 0)', yTitle: 'x mean', subtitle: 'monthly random demand noise (sd 10%) at end use; each stage orders by the engine rule', events: [] } };
}
