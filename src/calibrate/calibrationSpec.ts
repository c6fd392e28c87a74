import { z } from 'zod';

/**
 * The calibration spec file format (`crm-sim calibrate <spec.yaml>`): which behavioural parameters
 * to fit (paths and bounds), which episodes to run (scenario files) and the targets each episode
 * must hit (an extractor over a run's series and a tolerance band). docs/calibration.md describes
 * every field with an example; the zod schemas below are the reference.
 */

/** A date (`2010-07`, `2010-07-15`) or a plain calendar year (`2011` or 2011.5). */
const date = z.union([z.string().regex(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/, 'a date such as 2010-07 or 2010-07-15'), z.number()]);
/** `[from, to)`: two dates. */
const window = z.tuple([date, date]);
/** A series reference `metric:material:stage:region` (parts may be empty), or several to be summed. */
const series = z.union([z.string().regex(/^[A-Za-z]+(:[A-Za-z0-9_-]*){0,3}$/, 'metric:material:stage:region'), z.array(z.string()).min(1)]);
const bound = z.number().nullable();

const targetCommon = {
  description: z.string().optional(),
  /** Tolerance band [low, high] of the Monte Carlo mean; null = open on that side. */
  band: z.tuple([bound, bound]),
  /** Distances measured on ln(value) (ratios, multiples) or on the value itself. */
  scale: z.enum(['log', 'linear']).default('linear'),
  /** Width that normalises the distance to the band; default the band's width (required for open bands). */
  tolerance: z.number().positive().optional(),
  weight: z.number().nonnegative().default(1),
  /**
   * How the replicates' values combine into the value scored against the band: their Monte Carlo
   * `mean` (default), or their `max`, for a bound every replicate must respect (no collapse).
   */
  aggregate: z.enum(['mean', 'max']).default('mean'),
  /** The historical figure, for the report (a number, or text such as "~20x"). */
  observed: z.union([z.number(), z.string()]).optional(),
  /** The historical figure as a number on the target's scale, when there is one (for charts). */
  observedValue: z.number().optional(),
  source: z.string().optional(),
  series,
};

/** One target: an extractor (kind) with its arguments, and its band. */
export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...targetCommon, kind: z.literal('peakMultiple'), baseline: window, window }),
  z.strictObject({ ...targetCommon, kind: z.literal('monthsToPeak'), from: date, window }),
  z.strictObject({ ...targetCommon, kind: z.literal('shareOfPeakLeft'), window, afterMonths: z.number().nonnegative() }),
  z.strictObject({ ...targetCommon, kind: z.literal('multipleAfterPeak'), baseline: window, window, afterMonths: z.number().nonnegative() }),
  z.strictObject({ ...targetCommon, kind: z.literal('ratioAtPeak'), denominator: series, window, afterMonths: z.number().nonnegative().default(0) }),
  z.strictObject({ ...targetCommon, kind: z.literal('flowRatio'), window, denominatorWindow: window, denominator: series.optional(), denominatorFactor: z.number().positive().default(1) }),
  z.strictObject({ ...targetCommon, kind: z.literal('firstMonthDrop'), month: date }),
  z.strictObject({ ...targetCommon, kind: z.literal('maxDecline'), baseline: window, window }),
  z.strictObject({ ...targetCommon, kind: z.literal('maxAbsLogChange'), baseline: window, window }),
  z.strictObject({ ...targetCommon, kind: z.literal('varianceRatio'), denominator: series, window }),
  z.strictObject({ ...targetCommon, kind: z.literal('maxDeviationFromControl'), window }),
  z.strictObject({ ...targetCommon, kind: z.literal('ratioToControl'), window }),
  z.strictObject({ ...targetCommon, kind: z.literal('peakRatioToControl'), window }),
]);

/** One episode: a scenario file, optional `--set` overrides, an optional paired control run, its targets. */
export const episodeSchema = z.strictObject({
  description: z.string().optional(),
  /** Scenario file, relative to the spec file. */
  scenario: z.string(),
  set: z.array(z.string()).default([]),
  /** A control run under common random numbers: the same scenario without these events (ids). */
  control: z.strictObject({ withoutEvents: z.array(z.string()).min(1) }).optional(),
  targets: z.record(z.string(), targetSchema),
});

/** A fitted parameter: `behaviour.<key>` (all episodes) or `demand.<key>` (every material of every episode). */
export const parameterSchema = z.strictObject({
  path: z.string().regex(/^(behaviour\.[A-Za-z.]+|demand\.[A-Za-z]+)$/, 'behaviour.<key> or demand.<key>'),
  min: z.number(),
  max: z.number(),
  /** Search on ln(value) (positive parameters spanning orders of magnitude) or on the value. */
  scale: z.enum(['log', 'linear']).default('linear'),
  /** Starting value; default the value the episodes resolve to (src/scenario/defaults.ts). */
  start: z.number().optional(),
});

/** The whole calibration spec. */
export const calibrationSpecSchema = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  seed: z.number().int().default(1),
  replicates: z.number().int().positive().default(8),
  maxEvaluations: z.number().int().positive().default(200),
  parameters: z.array(parameterSchema).default([]),
  episodes: z.record(z.string(), episodeSchema),
  /** Fragment written with the fitted values: a scenario file it `extends` (relative to the spec file; the fragment gets the path from its own folder), optional. */
  fragment: z.strictObject({ extends: z.string().optional() }).default({}),
});

export type TargetSpec = z.infer<typeof targetSchema>;
export type EpisodeSpec = z.infer<typeof episodeSchema>;
export type ParameterSpec = z.infer<typeof parameterSchema>;
export type CalibrationSpec = z.infer<typeof calibrationSpecSchema>;
/** A date as written in a calibration spec. */
export type DateSpec = z.infer<typeof date>;
/** A series reference as written in a calibration spec. */
export type SeriesSpec = z.infer<typeof series>;
