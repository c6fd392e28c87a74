import type { ShapePoint } from '../../src/report/describeSweepShape.ts';
import type { Tornado } from '../../src/report/readTornadoJson.ts';

/**
 * The tornado of the audited sweep (mitigation-graphite-subsidy, US graphite consumption, 40 runs,
 * seed 1), as tornado.json gives it: lithium growth and both elasticities have both ends on one side
 * of the base, three swings have a 95% CI that includes 0.
 */
export const graphiteTornado = (): Tornado => ({
  metric: 'cumulativeConsumption.graphite.endUse.US', unit: 't', base: 704159.7251528378,
  entries: [
    { parameter: 'government.reversalProbability', low: 0.165, high: 0.435, outputLow: 704481.5047540297, outputHigh: 703993.6215344737, swing: -487.88321955594, ciLow: -534.4077319770432, ciHigh: -441.35870713483683 },
    { parameter: 'materials.ndpr.demand.growthPerYear', low: 0.0495, high: 0.0905, outputLow: 703935.9980455389, outputHigh: 704216.002785294, swing: 280.0047397550399, ciLow: 144.58143165591707, ciHigh: 415.42804785416274 },
    { parameter: 'materials.lithium.demand.growthPerYear', low: 0.0941, high: 0.1627, outputLow: 704081.6910200242, outputHigh: 704116.9822855277, swing: 35.291265503433536, ciLow: -21.08699631929963, ciHigh: 91.6695273261667 },
    { parameter: 'materials.ndpr.demand.elasticityShortRun', low: -0.2647, high: -0.144, outputLow: 704128.3844857721, outputHigh: 704137.2020285177, swing: 8.817542745659011, ciLow: -86.782681728368, ciHigh: 104.41776721968603 },
    { parameter: 'materials.ndpr.demand.maxThrift', low: 0.1933, high: 0.3646, outputLow: 704154.9713551034, outputHigh: 704159.7251528378, swing: 4.753797734325053, ciLow: 0.9371364283604149, ciHigh: 8.570459040289691 },
    { parameter: 'materials.dy.demand.elasticityShortRun', low: -0.2647, high: -0.144, outputLow: 704161.6235222087, outputHigh: 704162.0561998205, swing: 0.43267761190072634, ciLow: -12.99844840091913, ciHigh: 13.863803624720582 },
  ],
});

/**
 * A stockpile sweep of 0, 30, 60, … days of `metric`: point 0 (0 days) at 1,000 t, each later point
 * given by its paired difference from point 0 [mean, low, high]. The points' own CIs are ±3,000 t
 * (the run-to-run spread), far wider than the paired ones, as in real sweeps: every bound a test
 * derives comes from the paired differences.
 */
export const stockpileShapePoints = (metric: string, diffs: readonly [number, number, number][]): ShapePoint[] => [
  { label: '0 days', row: { point: '0', parameters: { d: 0 }, metric, mean: 1000, ciLow: -2000, ciHigh: 4000 } },
  ...diffs.map(([m, low, high], i): ShapePoint => ({
    label: `${30 * (i + 1)} days`,
    row: { point: String(i + 1), parameters: { d: 30 * (i + 1) }, metric, mean: 1000 + m, ciLow: m - 2000, ciHigh: m + 4000, vsFirstPoint: { meanDifference: m, ciLow: low, ciHigh: high } },
  })),
];
